import AtelierCore

/// `content.xml` of an .odt: the blocks in the named styles of `OdtStyles`, each table with its
/// own column widths, a landscape page around wide tables.
struct OdtBody {
    let layout: LaidOutText
    var images = UsedImages()
    var xml = ""
    /// Column, table and row styles, written before the body.
    var automatic = ""
    var tables = 0
    /// How many lists are open, and whether the innermost has an item open.
    private var openItems: [Bool] = []

    static func content(_ layout: LaidOutText, images: UsedImages = UsedImages()) -> String {
        var body = OdtBody(layout: layout, images: images)
        body.write()
        return OdtStyles.declaration + "<office:document-content \(OdtStyles.namespaces)><office:automatic-styles>" + fixedStyles
            + body.automatic + "</office:automatic-styles><office:body><office:text>" + body.xml
            + "</office:text></office:body></office:document-content>"
    }

    static let fixedStyles =
        #"<style:style style:name="Tb" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>"#
        + #"<style:style style:name="Ti" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>"#
        + #"<style:style style:name="Tbi" style:family="text"><style:text-properties fo:font-weight="bold" fo:font-style="italic"/></style:style>"#
        + [("Heading_20_1", "H1"), ("Heading_20_2", "H2"), ("Heading_20_3", "H3")].map { parent, name in
            #"<style:style style:name="\#(name)break" style:family="paragraph" style:parent-style-name="\#(parent)"><style:paragraph-properties fo:break-before="page"/></style:style>"#
        }.joined()
        + [("Paysage", "Plandscape"), ("Standard", "Pportrait")].map { master, name in
            #"<style:style style:name="\#(name)" style:family="paragraph" style:parent-style-name="Standard" style:master-page-name="\#(master)"><style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0cm" fo:line-height="100%"/><style:text-properties fo:font-size="2pt"/></style:style>"#
        }.joined()
        + #"<style:style style:name="Pright" style:family="paragraph" style:parent-style-name="Table_20_Contents"><style:paragraph-properties fo:text-align="end"/></style:style>"#
        + #"<style:style style:name="P8" style:family="paragraph" style:parent-style-name="Table_20_Contents"><style:text-properties fo:font-size="8pt"/></style:style>"#
        + #"<style:style style:name="P8right" style:family="paragraph" style:parent-style-name="Table_20_Contents"><style:paragraph-properties fo:text-align="end"/><style:text-properties fo:font-size="8pt"/></style:style>"#
        + #"<style:style style:name="P8head" style:family="paragraph" style:parent-style-name="Table_20_Heading"><style:text-properties fo:font-size="8pt"/></style:style>"#
        + cell("Chead", background: true) + cell("Cbody", background: false)
        + #"<style:style style:name="Rsign" style:family="table-row"><style:table-row-properties style:min-row-height="4cm" fo:keep-together="always"/></style:style>"#
        + #"<style:style style:name="Pchart" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center" fo:keep-with-next="always" fo:margin-top="0.2cm"/></style:style>"#
        + #"<style:style style:name="Fchart" style:family="graphic"><style:graphic-properties style:vertical-pos="top" style:vertical-rel="baseline" fo:border="none"/></style:style>"#
        + #"<style:style style:name="Sect" style:family="section"><style:section-properties style:editable="false"/></style:style>"#

    static func cell(_ name: String, background: Bool) -> String {
        #"<style:style style:name="\#(name)" style:family="table-cell"><style:table-cell-properties "#
            + (background ? #"fo:background-color="\#(OdtColour.shade)" "# : "")
            + #"fo:padding-left="0.15cm" fo:padding-right="0.15cm" fo:padding-top="0.05cm" fo:padding-bottom="0.05cm" fo:border="0.5pt solid #808080"/></style:style>"#
    }

    /// `16cm`, `12.35cm`: ODF lengths take a point.
    static func centimetres(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return (rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)) + "cm"
    }

    mutating func write() {
        var landscape = false
        for (index, item) in layout.items.enumerated() {
            if case .bullet = item.block {} else { closeLists() }
            if index == layout.contentsPosition { writeContents() }
            if item.landscape != landscape {
                landscape = item.landscape
                xml += "<text:p text:style-name=\"\(landscape ? "Plandscape" : "Pportrait")\"/>"
            }
            let next = index + 1 < layout.items.count ? layout.items[index + 1] : nil
            write(item, next: next)
        }
        closeLists()
    }

    var signatures: [[OfficeText.Run]] = []

    mutating func write(_ item: LaidOutText.Item, next: LaidOutText.Item?) {
        switch item.block {
        case .title(let runs):
            paragraph("Title", runs)
        case .heading(let level, let runs):
            let style = item.pageBreakBefore ? "H\(level)break" : "Heading_20_\(level)"
            xml += "<text:h text:style-name=\"\(style)\" text:outline-level=\"\(level)\">"
            if let anchor = item.anchor { xml += "<text:bookmark-start text:name=\"\(anchor)\"/>" }
            xml += Self.spans(runs)
            if let anchor = item.anchor { xml += "<text:bookmark-end text:name=\"\(anchor)\"/>" }
            xml += "</text:h>"
        case .paragraph(let runs): paragraph("Text_20_body", runs)
        case .quote(let runs): paragraph("Quotations", runs)
        case .bullet(let level, let runs): bullet(level, runs)
        case .numbered(let number, let runs, let more):
            xml += "<text:p text:style-name=\"Numbering_20_1\">\(number).<text:tab/>" + Self.spans(runs) + "</text:p>"
            for line in more { paragraph("List_20_Contents", line) }
        case .table(let table): writeTable(table, item.columns ?? ColumnLayout(table))
        case .signature(let party):
            signatures.append(party)
            if case .signature? = next?.block {} else { writeSignatures() }
        case .rule: xml += #"<text:p text:style-name="Horizontal_20_Line"/>"#
        case .image(let id, let caption):
            if let image = images.image(id) { writeFrame(image) }
            paragraph("Text_20_body", caption.map { OfficeText.Run($0.text, bold: $0.bold, italic: true, gap: $0.gap) })
        }
    }

    /// The SVG first, the PNG as the frame's fallback image: how LibreOffice stores an SVG
    /// (ODF 1.3, 10.4.2: a reader takes the first image it can show).
    mutating func writeFrame(_ image: OfficeImage) {
        let size = image.displayCentimetres
        let width = Self.centimetres(size.width), height = Self.centimetres(size.height)
        let link = #"xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad""#
        xml +=
            #"<text:p text:style-name="Pchart"><draw:frame draw:style-name="Fchart" draw:name="\#(image.id)" text:anchor-type="as-char" svg:width="\#(width)" svg:height="\#(height)" draw:z-index="0">"#
            + #"<draw:image xlink:href="Pictures/\#(image.id).svg" \#(link) draw:mime-type="image/svg+xml"/>"#
            + #"<draw:image xlink:href="Pictures/\#(image.id).png" \#(link) draw:mime-type="image/png"/>"#
            + "<svg:title>\(XMLText.escape(image.title))</svg:title></draw:frame></text:p>"
    }

    mutating func paragraph(_ style: String, _ runs: [OfficeText.Run]) {
        xml += "<text:p text:style-name=\"\(style)\">" + Self.spans(runs) + "</text:p>"
    }

    /// Runs as spans; a « [À compléter] » marker in the named text style, so that a user can
    /// find them all (Édition › Rechercher › Attributs) or change their colour at once.
    static func spans(_ runs: [OfficeText.Run]) -> String {
        runs.map { run in
            var text = XMLText.escape(run.text)
            if text.utf8.contains(UInt8(ascii: "\t")) { text = text.replacingOccurrences(of: "\t", with: "<text:tab/>") }
            // Several spaces in a row collapse in ODF unless written as text:s.
            if zip(text.utf8, text.utf8.dropFirst()).contains(where: { $0 == 32 && $1 == 32 }) {
                text = text.replacingOccurrences(of: "  ", with: " <text:s/>")
            }
            if run.gap { text = "<text:span text:style-name=\"A_20_completer\">\(text)</text:span>" }
            switch (run.bold, run.italic) {
            case (true, true): return "<text:span text:style-name=\"Tbi\">\(text)</text:span>"
            case (true, false): return "<text:span text:style-name=\"Tb\">\(text)</text:span>"
            case (false, true): return "<text:span text:style-name=\"Ti\">\(text)</text:span>"
            case (false, false): return text
            }
        }.joined()
    }

    /// Consecutive bullets make one list, nested by level.
    mutating func bullet(_ level: Int, _ runs: [OfficeText.Run]) {
        if openItems.isEmpty {
            xml += "<text:list text:style-name=\"Liste_20_a_20_puces\">"
            openItems = [false]
        }
        while openItems.count > level + 1 { closeInnermost() }
        while openItems.count < level + 1 {
            if !openItems[openItems.count - 1] {
                xml += "<text:list-item>"
                openItems[openItems.count - 1] = true
            }
            xml += "<text:list>"
            openItems.append(false)
        }
        if openItems[openItems.count - 1] { xml += "</text:list-item>" }
        xml += "<text:list-item><text:p text:style-name=\"List_20_Bullet\">" + Self.spans(runs) + "</text:p>"
        openItems[openItems.count - 1] = true
    }

    private mutating func closeInnermost() {
        if openItems.removeLast() { xml += "</text:list-item>" }
        xml += "</text:list>"
    }

    mutating func closeLists() {
        while !openItems.isEmpty { closeInnermost() }
    }
}
