/// `xl/styles.xml`: one cell format per `CellStyle`, at the index of its raw value, so that a
/// cell's `s` attribute is its style's raw value.
enum XLSXStyles {
    /// Number formats are written with the separators of the format code's own syntax (`,` for
    /// thousands, `.` for decimals); Excel and Calc show them in the user's locale: `1 234,50 €`.
    static let eurosFormat = 164
    static let percentFormat = 165

    static let xml: String = {
        let fonts = [
            "<font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>",
            "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>",
            "<font><b/><sz val=\"14\"/><name val=\"Calibri\"/><family val=\"2\"/></font>",
        ]
        let formats = CellStyle.allCases.map(format).joined()
        return XLSXWriter.header + "<styleSheet xmlns=\"\(XLSXWriter.main)\">"
            + "<numFmts count=\"2\"><numFmt numFmtId=\"\(eurosFormat)\" formatCode=\"#,##0.00\\ &quot;€&quot;\"/>"
            + "<numFmt numFmtId=\"\(percentFormat)\" formatCode=\"0.0\\ %\"/></numFmts>"
            + "<fonts count=\"\(fonts.count)\">\(fonts.joined())</fonts>"
            + "<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
            + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFDDE4EE\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>"
            + "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>"
            + "<border><left/><right/><top/><bottom style=\"thin\"><color rgb=\"FF7F8FA6\"/></bottom><diagonal/></border></borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"\(CellStyle.allCases.count)\">\(formats)</cellXfs>"
            + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>"
    }()

    static func format(_ style: CellStyle) -> String {
        let number =
            switch style.format {
            case .general: 0
            case .euros: eurosFormat
            case .integer: 1  // `0`, built in: years without a thousands separator
            case .percent: percentFormat
            }
        let font = style == .title ? 2 : style.isBold ? 1 : 0
        let header = style == .header
        let alignment =
            switch style {
            case .wrapped: "<alignment vertical=\"top\" wrapText=\"1\"/>"
            case .header: "<alignment vertical=\"center\" wrapText=\"1\"/>"
            default: ""
            }
        return "<xf numFmtId=\"\(number)\" fontId=\"\(font)\" fillId=\"\(header ? 2 : 0)\" borderId=\"\(header ? 1 : 0)\" xfId=\"0\""
            + (number == 0 ? "" : " applyNumberFormat=\"1\"") + (font == 0 ? "" : " applyFont=\"1\"")
            + (header ? " applyFill=\"1\" applyBorder=\"1\"" : "")
            + (alignment.isEmpty ? "/>" : " applyAlignment=\"1\">\(alignment)</xf>")
    }
}
