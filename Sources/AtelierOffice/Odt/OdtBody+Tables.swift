import AtelierCore

/// Tables, the signature block and the table of contents of an .odt.
extension OdtBody {
    mutating func writeTable(_ table: OfficeText.Table, _ columns: ColumnLayout) {
        tables += 1
        let name = "Tab\(tables)"
        automatic +=
            #"<style:style style:name="\#(name)" style:family="table"><style:table-properties style:width="\#(PageGeometry.centimetres(columns.textWidth))" table:align="left" fo:margin-bottom="0.2cm"/></style:style>"#
        for (column, width) in columns.widths.enumerated() {
            automatic +=
                #"<style:style style:name="\#(name).\#(column + 1)" style:family="table-column"><style:table-column-properties style:column-width="\#(PageGeometry.centimetres(width))"/></style:style>"#
        }
        let small = columns.fontHalfPoints < 18
        xml += "<table:table table:name=\"Tableau\(tables)\" table:style-name=\"\(name)\">"
        for column in columns.widths.indices { xml += "<table:table-column table:style-name=\"\(name).\(column + 1)\"/>" }
        // Repeated at the top of each page the table runs onto.
        xml += "<table:table-header-rows><table:table-row>"
        for cell in table.header { xml += Self.cell(cell, style: "Chead", paragraph: small ? "P8head" : "Table_20_Heading") }
        xml += "</table:table-row></table:table-header-rows>"
        for row in table.rows {
            xml += "<table:table-row>"
            for (column, cell) in row.enumerated() {
                let right = table.rightAligned[column]
                xml += Self.cell(
                    cell, style: "Cbody", paragraph: small ? (right ? "P8right" : "P8") : (right ? "Pright" : "Table_20_Contents"))
            }
            xml += "</table:table-row>"
        }
        xml += "</table:table>"
    }

    static func cell(_ runs: [OfficeText.Run], style: String, paragraph: String) -> String {
        "<table:table-cell table:style-name=\"\(style)\" office:value-type=\"string\"><text:p text:style-name=\"\(paragraph)\">"
            + spans(runs) + "</text:p></table:table-cell>"
    }

    /// The parties two by two, each with a box tall enough to sign and stamp (4 cm), never cut
    /// by a page break.
    mutating func writeSignatures() {
        tables += 1
        let name = "Tab\(tables)"
        let half = PageGeometry.centimetres(PageGeometry.portraitTextWidth / 2)
        automatic +=
            #"<style:style style:name="\#(name)" style:family="table"><style:table-properties style:width="\#(PageGeometry.centimetres(PageGeometry.portraitTextWidth))" table:align="left"/></style:style>"#
        automatic +=
            #"<style:style style:name="\#(name).1" style:family="table-column"><style:table-column-properties style:column-width="\#(half)"/></style:style>"#
        xml +=
            "<table:table table:name=\"Signatures\(tables)\" table:style-name=\"\(name)\"><table:table-column table:style-name=\"\(name).1\" table:number-columns-repeated=\"2\"/>"
        for row in LaidOutText.twoByTwo(signatures) {
            xml += "<table:table-row table:style-name=\"Rsign\">"
            for party in row {
                xml += "<table:table-cell table:style-name=\"Cbody\" office:value-type=\"string\">"
                xml += "<text:p text:style-name=\"Signataire\">" + Self.spans(party) + "</text:p>"
                if !party.isEmpty { xml += "<text:p text:style-name=\"Signature\">Signature :</text:p>" }
                xml += "</table:table-cell>"
            }
            xml += "</table:table-row>"
        }
        xml += "</table:table>"
        signatures = []
    }

    /// An index LibreOffice knows as a table of contents: its entries already written, linked to
    /// their headings; Outils › Mettre à jour › Tout adds the page numbers.
    mutating func writeContents() {
        guard !layout.contents.isEmpty else { return }
        let template = { (level: Int) in
            #"<text:table-of-content-entry-template text:outline-level="\#(level)" text:style-name="Contents_20_\#(level)"><text:index-entry-link-start/><text:index-entry-text/><text:index-entry-tab-stop style:type="right" style:leader-char="."/><text:index-entry-page-number/><text:index-entry-link-end/></text:table-of-content-entry-template>"#
        }
        xml +=
            #"<text:table-of-content text:style-name="Sect" text:protected="true" text:name="Sommaire"><text:table-of-content-source text:outline-level="\#(LaidOutText.contentsDepth)" text:use-index-marks="false">"#
        xml += #"<text:index-title-template text:style-name="Contents_20_Heading">Sommaire</text:index-title-template>"#
        xml += (1...LaidOutText.contentsDepth).map(template).joined() + "</text:table-of-content-source><text:index-body>"
        xml +=
            #"<text:index-title text:style-name="Sect" text:name="Sommaire_Titre"><text:p text:style-name="Contents_20_Heading">Sommaire</text:p></text:index-title>"#
        for entry in layout.contents {
            xml +=
                "<text:p text:style-name=\"Contents_20_\(entry.level)\"><text:a xlink:type=\"simple\" xlink:href=\"#\(entry.anchor)\">"
                + XMLText.escape(entry.text) + "<text:tab/></text:a></text:p>"
        }
        xml += "</text:index-body></text:table-of-content>"
    }
}
