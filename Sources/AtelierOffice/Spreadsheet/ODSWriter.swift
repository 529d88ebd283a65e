import AtelierCore
import Foundation

/// A `Book` as an OpenDocument spreadsheet (ODF 1.3): the cells in `content.xml`, the page
/// (A4 landscape, page numbers) in `styles.xml`, the frozen header rows in `settings.xml`.
enum ODSWriter {
    static let mediaType = "application/vnd.oasis.opendocument.spreadsheet"
    static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    static let namespaces = [
        "office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"", "style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\"",
        "text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"", "table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\"",
        "fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\"",
        "number=\"urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0\"",
        "svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\"",
        "of=\"urn:oasis:names:tc:opendocument:xmlns:of:1.2\"", "meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\"",
        "dc=\"http://purl.org/dc/elements/1.1/\"", "config=\"urn:oasis:names:tc:opendocument:xmlns:config:1.0\"",
    ].map { " xmlns:" + $0 }.joined()

    static func data(_ book: Book) throws(OfficeError) -> Data {
        try OfficePackage.zip([
            .init("mimetype", mediaType, stored: true),
            .init("META-INF/manifest.xml", manifest),
            .init("meta.xml", meta(title: book.title)),
            .init("styles.xml", ODSStyles.styles),
            .init("settings.xml", settings(book)),
            .init("content.xml", content(book)),
        ])
    }

    static let manifest =
        header + "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.3\">"
        + "<manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.3\" manifest:media-type=\"\(mediaType)\"/>"
        + ["content.xml", "styles.xml", "meta.xml", "settings.xml"].map {
            "<manifest:file-entry manifest:full-path=\"\($0)\" manifest:media-type=\"text/xml\"/>"
        }.joined() + "</manifest:manifest>"

    /// Title and generator, without dates: the same plan gives the same bytes.
    static func meta(title: String) -> String {
        header + "<office:document-meta\(namespaces) office:version=\"1.3\"><office:meta><meta:generator>Atelier Santé</meta:generator>"
            + "<dc:title>\(XMLText.escape(title))</dc:title></office:meta></office:document-meta>"
    }

    /// Calc's view settings: the rows down to the header frozen on each sheet.
    static func settings(_ book: Book) -> String {
        func item(_ name: String, _ type: String, _ value: String) -> String {
            "<config:config-item config:name=\"\(name)\" config:type=\"\(type)\">\(value)</config:config-item>"
        }
        let tables = book.sheets.map { sheet in
            "<config:config-item-map-entry config:name=\"\(XMLText.escape(sheet.name))\">"
                + item("VerticalSplitMode", "short", "2") + item("VerticalSplitPosition", "int", String(sheet.headerRow))
                + item("ActiveSplitRange", "short", "2") + item("PositionTop", "int", "0")
                + item("PositionBottom", "int", String(sheet.headerRow)) + "</config:config-item-map-entry>"
        }
        return header + "<office:document-settings\(namespaces) office:version=\"1.3\"><office:settings>"
            + "<config:config-item-set config:name=\"ooo:view-settings\"><config:config-item-map-indexed config:name=\"Views\">"
            + "<config:config-item-map-entry>" + item("ViewId", "string", "view1")
            + "<config:config-item-map-named config:name=\"Tables\">\(tables.joined())</config:config-item-map-named>"
            + item("ActiveTable", "string", XMLText.escape(book.sheets.first?.name ?? ""))
            + "</config:config-item-map-entry></config:config-item-map-indexed></config:config-item-set></office:settings>"
            + "</office:document-settings>"
    }

    // MARK: - Content

    static func content(_ book: Book) -> String {
        let widths = Array(Set(book.sheets.flatMap(\.widths))).sorted()
        let columnStyles = widths.map { width in
            "<style:style style:name=\"co\(width)\" style:family=\"table-column\">"
                + "<style:table-column-properties style:column-width=\"\(ODSStyles.centimetres(characters: width))\"/></style:style>"
        }
        var xml =
            header + "<office:document-content\(namespaces) office:version=\"1.3\"><office:automatic-styles>"
            + columnStyles.joined() + ODSStyles.tableStyle + ODSStyles.cellStyles
            + "</office:automatic-styles><office:body><office:spreadsheet>"
        for sheet in book.sheets { xml += table(sheet) }
        return xml + "</office:spreadsheet></office:body></office:document-content>"
    }

    static func table(_ sheet: Sheet) -> String {
        var xml = "<table:table table:name=\"\(XMLText.escape(sheet.name))\" table:style-name=\"ta1\">"
        for width in sheet.widths { xml += "<table:table-column table:style-name=\"co\(width)\"/>" }
        for (index, row) in sheet.rows.enumerated() {
            // The header row is repeated at the top of every printed page.
            let isHeader = index + 1 == sheet.headerRow
            if isHeader { xml += "<table:table-header-rows>" }
            xml += "<table:table-row>" + row.map(cell).joined() + "</table:table-row>"
            if isHeader { xml += "</table:table-header-rows>" }
        }
        return xml + "</table:table>"
    }

    static func cell(_ cell: Cell) -> String {
        switch cell {
        case .empty:
            return "<table:table-cell/>"
        case .string(let text, let style):
            return "<table:table-cell table:style-name=\"ce\(style.rawValue)\" office:value-type=\"string\">"
                + paragraphs(text) + "</table:table-cell>"
        case .number(let number):
            return "<table:table-cell table:style-name=\"ce\(number.style.rawValue)\"\(value(number))>"
                + paragraphs(number.display) + "</table:table-cell>"
        case .formula(let formula, let cached):
            return "<table:table-cell table:style-name=\"ce\(cached.style.rawValue)\" table:formula=\"\(expression(formula))\""
                + "\(value(cached))>" + paragraphs(cached.display) + "</table:table-cell>"
        }
    }

    static func value(_ number: Number) -> String {
        switch number.style.format {
        case .euros: " office:value-type=\"currency\" office:currency=\"EUR\" office:value=\"\(number.lexical)\""
        case .percent: " office:value-type=\"percentage\" office:value=\"\(number.lexical)\""
        case .integer, .general: " office:value-type=\"float\" office:value=\"\(number.lexical)\""
        }
    }

    /// `of:=SUM([.I4:.I6];[.I9])`, `of:=[.I7]/[.I9]`: OpenFormula, with `;` between arguments.
    static func expression(_ formula: Formula) -> String {
        switch formula {
        case .sum(let ranges, let column):
            let letters = CellReference.letters(column)
            return "of:=SUM("
                + ranges.map {
                    $0.count == 1 ? "[.\(letters)\($0.lowerBound)]" : "[.\(letters)\($0.lowerBound):.\(letters)\($0.upperBound)]"
                }
                .joined(separator: ";") + ")"
        case .ratio(let numerator, let denominator):
            return "of:=[.\(numerator.name)]/[.\(denominator.name)]"
        }
    }

    /// One `text:p` per line. ODF collapses runs of spaces and drops leading ones, so all but
    /// the first of a run are written `text:s`, and tabs `text:tab`, to keep text as typed.
    static func paragraphs(_ text: String) -> String {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map { line in
            var xml = "<text:p>", run = "", spaces = 0
            func flush() {
                xml += XMLText.escape(run)
                run = ""
                guard spaces > 0 else { return }
                let literal = xml.hasSuffix(">") ? 0 : 1
                xml += String(repeating: " ", count: literal)
                if spaces > literal { xml += spaces - literal == 1 ? "<text:s/>" : "<text:s text:c=\"\(spaces - literal)\"/>" }
                spaces = 0
            }
            for character in line {
                switch character {
                case " ":
                    if !run.isEmpty { xml += XMLText.escape(run); run = "" }
                    spaces += 1
                case "\t":
                    flush()
                    xml += "<text:tab/>"
                case "\r": continue
                default:
                    if spaces > 0 { flush() }
                    run.append(character)
                }
            }
            flush()
            return xml + "</text:p>"
        }.joined()
    }
}
