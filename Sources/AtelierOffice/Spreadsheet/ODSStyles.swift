/// The styles of the OpenDocument spreadsheet: a cell style `ceN` per `CellStyle` (N its raw
/// value) with French number formats, and the A4 landscape page every sheet prints on.
enum ODSStyles {
    /// A column `characters` wide in the default font (Liberation Sans 10 pt: about 0,2 cm a digit).
    static func centimetres(characters: Int) -> String {
        let tenths = characters * 2 + 2
        return "\(tenths / 10).\(tenths % 10)cm"
    }

    /// `1 234,50 €` (grouping and decimal comma of fr-FR), `12,5 %`, `2027`.
    static let numberStyles =
        "<number:currency-style style:name=\"N1\" number:language=\"fr\" number:country=\"FR\">"
        + "<number:number number:decimal-places=\"2\" number:min-decimal-places=\"2\" number:min-integer-digits=\"1\" number:grouping=\"true\"/>"
        + "<number:text>\u{00A0}</number:text><number:currency-symbol number:language=\"fr\" number:country=\"FR\">€</number:currency-symbol>"
        + "</number:currency-style>"
        + "<number:percentage-style style:name=\"N2\" number:language=\"fr\" number:country=\"FR\">"
        + "<number:number number:decimal-places=\"1\" number:min-decimal-places=\"1\" number:min-integer-digits=\"1\"/>"
        + "<number:text>\u{00A0}%</number:text></number:percentage-style>"
        + "<number:number-style style:name=\"N3\"><number:number number:decimal-places=\"0\" number:min-integer-digits=\"1\"/>"
        + "</number:number-style>"

    static let cellStyles: String =
        numberStyles
        + CellStyle.allCases.map { style in
            let data =
                switch style.format {
                case .general: ""
                case .euros: " style:data-style-name=\"N1\""
                case .percent: " style:data-style-name=\"N2\""
                case .integer: " style:data-style-name=\"N3\""
                }
            let cell =
                switch style {
                case .header:
                    "<style:table-cell-properties fo:background-color=\"#dde4ee\" fo:border-bottom=\"0.5pt solid #7f8fa6\""
                        + " fo:wrap-option=\"wrap\" style:vertical-align=\"middle\"/>"
                case .wrapped: "<style:table-cell-properties fo:wrap-option=\"wrap\" style:vertical-align=\"top\"/>"
                default: ""
                }
            let text =
                style == .title
                ? "<style:text-properties fo:font-size=\"13pt\" fo:font-weight=\"bold\"/>"
                : style.isBold ? "<style:text-properties fo:font-weight=\"bold\"/>" : ""
            return "<style:style style:name=\"ce\(style.rawValue)\" style:family=\"table-cell\" style:parent-style-name=\"Default\"\(data)>"
                + cell + text + "</style:style>"
        }.joined()

    static let tableStyle =
        "<style:style style:name=\"ta1\" style:family=\"table\" style:master-page-name=\"Default\">"
        + "<style:table-properties table:display=\"true\"/></style:style>"

    /// A4 landscape, scaled to the page's width; the sheet's name and the page number below.
    static let styles =
        ODSWriter.header + "<office:document-styles\(ODSWriter.namespaces) office:version=\"1.3\">"
        + "<office:font-face-decls><style:font-face style:name=\"Liberation Sans\" svg:font-family=\"&apos;Liberation Sans&apos;\""
        + " style:font-family-generic=\"swiss\" style:font-pitch=\"variable\"/></office:font-face-decls>"
        + "<office:styles><style:default-style style:family=\"table-cell\">"
        + "<style:text-properties style:font-name=\"Liberation Sans\" fo:font-size=\"10pt\" fo:language=\"fr\" fo:country=\"FR\"/>"
        + "</style:default-style><style:style style:name=\"Default\" style:family=\"table-cell\"/></office:styles>"
        + "<office:automatic-styles><style:page-layout style:name=\"pm1\"><style:page-layout-properties fo:page-width=\"29.7cm\""
        + " fo:page-height=\"21cm\" style:print-orientation=\"landscape\" fo:margin-top=\"1.5cm\" fo:margin-bottom=\"1.5cm\""
        + " fo:margin-left=\"1.3cm\" fo:margin-right=\"1.3cm\" style:scale-to-X=\"1\" style:scale-to-Y=\"0\"/>"
        + "<style:footer-style><style:header-footer-properties fo:min-height=\"0.6cm\" fo:margin-top=\"0.3cm\"/></style:footer-style>"
        + "</style:page-layout></office:automatic-styles>"
        + "<office:master-styles><style:master-page style:name=\"Default\" style:page-layout-name=\"pm1\">"
        + "<style:header style:display=\"false\"/><style:footer><style:region-left><text:p><text:sheet-name>???</text:sheet-name></text:p>"
        + "</style:region-left><style:region-right><text:p>Page <text:page-number>1</text:page-number> / "
        + "<text:page-count>1</text:page-count></text:p></style:region-right></style:footer></style:master-page></office:master-styles>"
        + "</office:document-styles>"
}
