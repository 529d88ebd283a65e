import AtelierCore

/// `word/document.xml`: the blocks as WordprocessingML paragraphs and tables, in the named
/// styles of `DocxStyles`, with a section break around each landscape page.
struct DocxBody {
    let layout: LaidOutText
    let images: UsedImages
    private(set) var xml = ""
    /// Drawing ids, unique in the document as Word wants them.
    private var drawings = 0

    init(_ layout: LaidOutText, images: UsedImages) {
        self.layout = layout
        self.images = images
    }

    static func document(_ layout: LaidOutText, images: UsedImages = UsedImages()) -> String {
        var body = DocxBody(layout, images: images)
        body.write()
        return DocxParts.declaration
            + #"<w:document xmlns:w="\#(DocxParts.wordNamespace)" xmlns:r="\#(DocxParts.relationshipNamespace)" xmlns:wp="\#(DocxParts.drawingNamespace)"><w:body>"#
            + body.xml + "</w:body></w:document>"
    }

    mutating func write() {
        var landscape = false
        for (index, item) in layout.items.enumerated() {
            if index == layout.contentsPosition { writeContents() }
            if item.landscape != landscape {
                // A section ends with the paragraph that carries its properties.
                xml += "<w:p><w:pPr>\(Self.section(landscape: landscape))</w:pPr></w:p>"
                landscape = item.landscape
            }
            write(item, next: index + 1 < layout.items.count ? layout.items[index + 1] : nil)
        }
        if landscape { xml += "<w:p><w:pPr>\(Self.section(landscape: true))</w:pPr></w:p>" }
        // The body ends with a paragraph, then the last section's properties.
        xml += "<w:p/>" + Self.section(landscape: false)
    }

    static func section(landscape: Bool) -> String {
        let (width, height) =
            landscape ? (PageGeometry.height, PageGeometry.width) : (PageGeometry.width, PageGeometry.height)
        let m = PageGeometry.margin, h = PageGeometry.headerDistance
        return #"<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/><w:footerReference w:type="default" r:id="rIdFooter"/>"#
            + #"<w:pgSz w:w="\#(width)" w:h="\#(height)"\#(landscape ? #" w:orient="landscape""# : "")/>"#
            + #"<w:pgMar w:top="\#(m)" w:right="\#(m)" w:bottom="\#(m)" w:left="\#(m)" w:header="\#(h)" w:footer="\#(h)" w:gutter="0"/></w:sectPr>"#
    }

    mutating func write(_ item: LaidOutText.Item, next: LaidOutText.Item?) {
        switch item.block {
        case .title(let runs):
            paragraph("Title", runs)
        case .heading(let level, let runs):
            let bookmark = item.anchor.map { anchor in
                (
                    #"<w:bookmarkStart w:id="\#(anchor.dropFirst(4))" w:name="\#(anchor)"/>"#,
                    #"<w:bookmarkEnd w:id="\#(anchor.dropFirst(4))"/>"#
                )
            }
            xml += "<w:p><w:pPr><w:pStyle w:val=\"Heading\(level)\"/>" + (item.pageBreakBefore ? "<w:pageBreakBefore/>" : "") + "</w:pPr>"
            xml += (bookmark?.0 ?? "") + Self.runs(runs) + (bookmark?.1 ?? "") + "</w:p>"
        case .paragraph(let runs):
            paragraph("Normal", runs)
        case .quote(let runs):
            paragraph("Quote", runs)
        case .bullet(let level, let runs):
            xml +=
                "<w:p><w:pPr><w:pStyle w:val=\"ListBullet\"/><w:numPr><w:ilvl w:val=\"\(level)\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>"
            xml += Self.runs(runs) + "</w:p>"
        case .numbered(let number, let runs, let more):
            xml += "<w:p><w:pPr><w:pStyle w:val=\"ListNumber\"/></w:pPr><w:r><w:t>\(number).</w:t></w:r><w:r><w:tab/></w:r>"
            xml += Self.runs(runs) + "</w:p>"
            for line in more { paragraph("ListContinue", line) }
        case .table(let table):
            writeTable(table, item.columns ?? ColumnLayout(table))
        case .signature(let party):
            signatures.append(party)
            if case .signature? = next?.block {} else { writeSignatures() }
        case .rule:
            xml += #"<w:p><w:pPr><w:pStyle w:val="Rule"/></w:pPr></w:p>"#
        case .image(let id, let caption):
            if let image = images.image(id) { writeDrawing(image) }
            paragraph("Normal", caption.map { OfficeText.Run($0.text, bold: $0.bold, italic: true, gap: $0.gap) })
        }
    }

    /// The PNG in the picture's blip, the SVG in Office's `svgBlip` extension beside it: Word
    /// 2016 and later draw the SVG, older readers the PNG (MS-ODRAWXML 2.26.1.1).
    mutating func writeDrawing(_ image: OfficeImage) {
        drawings += 1
        let size = image.displayCentimetres
        let cx = Int(size.width * 360_000), cy = Int(size.height * 360_000)
        let title = XMLText.escape(image.title)
        xml +=
            #"<w:p><w:pPr><w:pStyle w:val="Normal"/><w:keepNext/><w:jc w:val="center"/></w:pPr><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">"#
            + #"<wp:extent cx="\#(cx)" cy="\#(cy)"/><wp:docPr id="\#(drawings)" name="\#(image.id)" descr="\#(title)"/>"#
            + #"<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">"#
            + #"<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="\#(drawings)" name="\#(image.id).png" descr="\#(title)"/><pic:cNvPicPr/></pic:nvPicPr>"#
            + #"<pic:blipFill><a:blip r:embed="\#(DocxParts.pngRelationship(image))"><a:extLst><a:ext uri="{96DAC541-7B7A-43D3-8B79-37D633B846F1}">"#
            + #"<asvg:svgBlip xmlns:asvg="http://schemas.microsoft.com/office/drawing/2016/SVG/main" r:embed="\#(DocxParts.svgRelationship(image))"/></a:ext></a:extLst></a:blip>"#
            + #"<a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="\#(cx)" cy="\#(cy)"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>"#
            + "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
    }

    private var signatures: [[OfficeText.Run]] = []

    mutating func paragraph(_ style: String, _ runs: [OfficeText.Run]) {
        xml += "<w:p><w:pPr><w:pStyle w:val=\"\(style)\"/></w:pPr>" + Self.runs(runs) + "</w:p>"
    }

    static func runs(_ runs: [OfficeText.Run], halfPoints: Int? = nil) -> String {
        runs.map { run in
            var properties = run.gap ? #"<w:rStyle w:val="Gap"/>"# : ""
            if run.bold { properties += "<w:b/>" }
            if run.italic { properties += "<w:i/>" }
            if let halfPoints { properties += "<w:sz w:val=\"\(halfPoints)\"/><w:szCs w:val=\"\(halfPoints)\"/>" }
            return "<w:r>" + (properties.isEmpty ? "" : "<w:rPr>\(properties)</w:rPr>")
                + "<w:t xml:space=\"preserve\">\(XMLText.escape(run.text))</w:t></w:r>"
        }.joined()
    }

    mutating func writeTable(_ table: OfficeText.Table, _ columns: ColumnLayout) {
        let size = columns.fontHalfPoints == 18 ? nil : columns.fontHalfPoints
        xml +=
            "<w:tbl><w:tblPr><w:tblW w:w=\"\(columns.textWidth)\" w:type=\"dxa\"/>" + Self.tableBorders
            + #"<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="\#(PageGeometry.cellPadding)" w:type="dxa"/><w:right w:w="\#(PageGeometry.cellPadding)" w:type="dxa"/></w:tblCellMar>"#
            + #"<w:tblLook w:val="0020" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>"#
        xml += columns.widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
        // The header row repeats at the top of each page the table runs onto.
        xml += "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
        for (column, cell) in table.header.enumerated() {
            xml += cellXML(cell, width: columns.widths[column], style: "TableHeading", right: false, shaded: true, size: size)
        }
        xml += "</w:tr>"
        for row in table.rows {
            xml += "<w:tr>"
            for (column, cell) in row.enumerated() {
                xml += cellXML(
                    cell, width: columns.widths[column], style: "TableText", right: table.rightAligned[column], shaded: false, size: size)
            }
            xml += "</w:tr>"
        }
        xml += "</w:tbl><w:p><w:pPr><w:pStyle w:val=\"AfterTable\"/></w:pPr></w:p>"
    }

    func cellXML(_ cell: [OfficeText.Run], width: Int, style: String, right: Bool, shaded: Bool, size: Int?) -> String {
        "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>"
            + (shaded ? #"<w:shd w:val="clear" w:color="auto" w:fill="D9D9D9"/>"# : "") + "</w:tcPr>"
            + "<w:p><w:pPr><w:pStyle w:val=\"\(style)\"/>" + (right ? #"<w:jc w:val="right"/>"# : "") + "</w:pPr>"
            + Self.runs(cell, halfPoints: size) + "</w:p></w:tc>"
    }

    static let tableBorders =
        "<w:tblBorders>"
        + ["top", "left", "bottom", "right", "insideH", "insideV"].map {
            #"<w:\#($0) w:val="single" w:sz="4" w:space="0" w:color="808080"/>"#
        }.joined() + "</w:tblBorders>"

    /// The parties two by two, each with a box tall enough to sign and stamp (4 cm), never cut
    /// by a page break.
    mutating func writeSignatures() {
        let half = PageGeometry.portraitTextWidth / 2
        xml +=
            "<w:tbl><w:tblPr><w:tblW w:w=\"\(2 * half)\" w:type=\"dxa\"/>" + Self.tableBorders
            + #"<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid><w:gridCol w:w="\#(half)"/><w:gridCol w:w="\#(half)"/></w:tblGrid>"#
        for row in LaidOutText.twoByTwo(signatures) {
            xml += #"<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="2268" w:hRule="atLeast"/></w:trPr>"#
            for party in row {
                xml += "<w:tc><w:tcPr><w:tcW w:w=\"\(half)\" w:type=\"dxa\"/></w:tcPr>"
                xml += "<w:p><w:pPr><w:pStyle w:val=\"Signatory\"/></w:pPr>" + Self.runs(party) + "</w:p>"
                if !party.isEmpty {
                    xml += #"<w:p><w:pPr><w:pStyle w:val="SignatureSpace"/></w:pPr><w:r><w:t>Signature :</w:t></w:r></w:p>"#
                }
                xml += "</w:tc>"
            }
            xml += "</w:tr>"
        }
        xml += "</w:tbl><w:p><w:pPr><w:pStyle w:val=\"AfterTable\"/></w:pPr></w:p>"
        signatures = []
    }

    /// A TOC field with its entries already written (Word updates the page numbers when the
    /// document opens, LibreOffice with Outils › Mettre à jour), each linked to its heading.
    mutating func writeContents() {
        guard !layout.contents.isEmpty else { return }
        xml += #"<w:p><w:pPr><w:pStyle w:val="TOCHeading"/></w:pPr><w:r><w:t>Sommaire</w:t></w:r></w:p>"#
        for (index, entry) in layout.contents.enumerated() {
            xml += "<w:p><w:pPr><w:pStyle w:val=\"TOC\(entry.level)\"/></w:pPr>"
            if index == 0 {
                xml +=
                    #"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \o "1-\#(LaidOutText.contentsDepth)" \h \z \u </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>"#
            }
            xml +=
                "<w:hyperlink w:anchor=\"\(entry.anchor)\" w:history=\"1\"><w:r><w:t xml:space=\"preserve\">\(XMLText.escape(entry.text))</w:t></w:r>"
            xml +=
                #"<w:r><w:tab/></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGEREF \#(entry.anchor) \h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:hyperlink>"#
            if index == layout.contents.count - 1 { xml += #"<w:r><w:fldChar w:fldCharType="end"/></w:r>"# }
            xml += "</w:p>"
        }
    }
}
