/// `word/styles.xml`: every paragraph of the document has a named style, so that a user can
/// restyle the whole document (Word's « Modifier le style », LibreOffice's styles panel). Built-in
/// styles keep Word's internal names (« heading 1 », shown « Titre 1 » in a French Word), which
/// the table of contents and the navigation pane rely on.
enum DocxStyles {
    static let xml =
        DocxParts.declaration + #"<w:styles xmlns:w="\#(DocxParts.wordNamespace)">"#
        + #"<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/>"#
        + #"<w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="fr-FR" w:eastAsia="fr-FR" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>"#
        + #"<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>"#
        + styles.joined() + "</w:styles>"

    static let styles: [String] = [
        paragraph("Normal", "Normal", basedOn: nil, isDefault: true, pPr: #"<w:jc w:val="both"/>"#),
        paragraph(
            "Title", "Title", pPr: #"<w:keepNext/><w:spacing w:before="240" w:after="240"/><w:jc w:val="center"/>"#,
            rPr: #"<w:b/><w:color w:val="1F3864"/><w:sz w:val="36"/><w:szCs w:val="36"/>"#),
        heading(1, size: 30, before: 360, pPr: ""),
        heading(2, size: 25, before: 280, pPr: ""),
        heading(3, size: 22, before: 200, pPr: ""),
        paragraph(
            "TableText", "Texte de tableau",
            pPr: #"<w:spacing w:before="20" w:after="20" w:line="240" w:lineRule="auto"/><w:jc w:val="left"/>"#, rPr: size(18)),
        paragraph(
            "TableHeading", "En-tête de tableau", basedOn: "TableText", pPr: #"<w:keepNext/>"#, rPr: "<w:b/>" + size(18)),
        paragraph("AfterTable", "Après tableau", pPr: #"<w:spacing w:after="0" w:line="120" w:lineRule="exact"/>"#, rPr: size(8)),
        paragraph(
            "ListBullet", "List Bullet", pPr: #"<w:numPr><w:numId w:val="1"/></w:numPr><w:spacing w:after="60"/><w:jc w:val="left"/>"#),
        paragraph(
            "ListNumber", "List Number",
            pPr: #"<w:tabs><w:tab w:val="left" w:pos="425"/></w:tabs><w:spacing w:after="60"/><w:ind w:left="425" w:hanging="425"/>"#),
        paragraph("ListContinue", "List Continue", pPr: #"<w:spacing w:after="120"/><w:ind w:left="425"/>"#, rPr: size(19)),
        paragraph(
            "Quote", "Quote",
            pPr: #"<w:pBdr><w:left w:val="single" w:sz="12" w:space="8" w:color="808080"/></w:pBdr><w:ind w:left="567"/>"#,
            rPr: "<w:i/>"),
        paragraph("Rule", "Filet", pPr: #"<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="808080"/></w:pBdr>"#),
        paragraph("Signatory", "Signataire", pPr: #"<w:keepNext/><w:spacing w:before="120" w:after="120"/><w:jc w:val="left"/>"#),
        paragraph("SignatureSpace", "Signature", pPr: #"<w:jc w:val="left"/>"#, rPr: #"<w:color w:val="595959"/>"# + size(18)),
        paragraph(
            "Header", "header",
            pPr: #"<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="4" w:color="808080"/></w:pBdr><w:jc w:val="left"/>"#,
            rPr: #"<w:color w:val="595959"/>"# + size(16)),
        paragraph("Footer", "footer", pPr: #"<w:jc w:val="right"/>"#, rPr: #"<w:color w:val="595959"/>"# + size(16)),
        paragraph(
            "TOCHeading", "TOC Heading", pPr: #"<w:keepNext/><w:spacing w:before="360" w:after="120"/>"#,
            rPr: #"<w:b/><w:color w:val="1F3864"/><w:sz w:val="30"/><w:szCs w:val="30"/>"#),
        contents(1, indent: 0),
        contents(2, indent: 284),
        #"<w:style w:type="character" w:styleId="Gap"><w:name w:val="À compléter"/><w:uiPriority w:val="1"/><w:qFormat/><w:rPr><w:highlight w:val="yellow"/><w:shd w:val="clear" w:color="auto" w:fill="FFFF00"/></w:rPr></w:style>"#,
        #"<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:rPr><w:color w:val="1F3864"/></w:rPr></w:style>"#,
    ]

    static func size(_ halfPoints: Int) -> String { "<w:sz w:val=\"\(halfPoints)\"/><w:szCs w:val=\"\(halfPoints)\"/>" }

    static func heading(_ level: Int, size halfPoints: Int, before: Int, pPr: String) -> String {
        paragraph(
            "Heading\(level)", "heading \(level)",
            pPr:
                #"<w:keepNext/><w:keepLines/><w:spacing w:before="\#(before)" w:after="120"/><w:jc w:val="left"/><w:outlineLvl w:val="\#(level - 1)"/>"#,
            rPr: #"<w:b/><w:color w:val="1F3864"/>"# + size(halfPoints))
    }

    /// A table of contents line: the title, a dotted leader, the page number at the margin.
    static func contents(_ level: Int, indent: Int) -> String {
        paragraph(
            "TOC\(level)", "toc \(level)",
            pPr:
                #"<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="\#(PageGeometry.portraitTextWidth)"/></w:tabs><w:spacing w:after="40"/><w:ind w:left="\#(indent)"/><w:jc w:val="left"/>"#,
            rPr: level == 1 ? "<w:b/>" : "")
    }

    static func paragraph(
        _ id: String, _ name: String, basedOn: String? = "Normal", isDefault: Bool = false, pPr: String, rPr: String = ""
    ) -> String {
        #"<w:style w:type="paragraph"\#(isDefault ? #" w:default="1""# : "") w:styleId="\#(id)"><w:name w:val="\#(name)"/>"#
            + (basedOn.map { #"<w:basedOn w:val="\#($0)"/>"# } ?? "")
            + (id.hasPrefix("Heading") || id == "Title" ? #"<w:next w:val="Normal"/>"# : "")
            + "<w:qFormat/><w:pPr>\(pPr)</w:pPr>" + (rPr.isEmpty ? "" : "<w:rPr>\(rPr)</w:rPr>") + "</w:style>"
    }
}
