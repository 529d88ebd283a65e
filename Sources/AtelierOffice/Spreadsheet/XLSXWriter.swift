import AtelierCore
import Foundation

/// A `Book` as an Excel workbook (SpreadsheetML, ECMA-376): a sheet part per sheet, the text
/// of every string cell once in `sharedStrings.xml`, the styles of `CellStyle` in the same order.
enum XLSXWriter {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    static func data(_ book: Book) throws(OfficeError) -> Data {
        var strings = SharedStrings()
        let sheets = book.sheets.enumerated().map { index, sheet in
            OfficePackage.Part("xl/worksheets/sheet\(index + 1).xml", worksheet(sheet, selected: index == 0, strings: &strings))
        }
        return try OfficePackage.zip(
            [
                .init("[Content_Types].xml", contentTypes(sheetCount: book.sheets.count)),
                .init("_rels/.rels", packageRelationships),
                .init("docProps/core.xml", coreProperties(title: book.title)),
                .init("xl/workbook.xml", workbook(book)),
                .init("xl/_rels/workbook.xml.rels", workbookRelationships(sheetCount: book.sheets.count)),
                .init("xl/styles.xml", XLSXStyles.xml),
            ] + sheets + [.init("xl/sharedStrings.xml", strings.xml)])
    }

    // MARK: - Package

    static func contentTypes(sheetCount: Int) -> String {
        let type = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        let sheets = (0..<sheetCount).map {
            "<Override PartName=\"/xl/worksheets/sheet\($0 + 1).xml\" ContentType=\"\(type).worksheet+xml\"/>"
        }
        return header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"\(type).sheet.main+xml\"/>" + sheets.joined()
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"\(type).styles+xml\"/>"
            + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"\(type).sharedStrings+xml\"/>"
            + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
            + "</Types>"
    }

    static let packageRelationships =
        header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relationships)/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
        + "</Relationships>"

    /// Title and author, without dates: the same plan gives the same bytes.
    static func coreProperties(title: String) -> String {
        header + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
            + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>\(XMLText.escape(title))</dc:title>"
            + "<dc:creator>Atelier Santé</dc:creator></cp:coreProperties>"
    }

    static func workbook(_ book: Book) -> String {
        let sheets = book.sheets.enumerated().map { index, sheet in
            "<sheet name=\"\(XMLText.escape(sheet.name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        // The header row printed at the top of every page.
        let titles = book.sheets.enumerated().map { index, sheet in
            let quoted = "'" + sheet.name.replacingOccurrences(of: "'", with: "''") + "'"
            return "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(index)\">"
                + XMLText.escape("\(quoted)!$\(sheet.headerRow):$\(sheet.headerRow)") + "</definedName>"
        }
        // Excel recalculates on opening; our cached values are for readers that do not.
        return header + "<workbook xmlns=\"\(main)\" xmlns:r=\"\(relationships)\"><bookViews><workbookView activeTab=\"0\"/></bookViews>"
            + "<sheets>\(sheets.joined())</sheets><definedNames>\(titles.joined())</definedNames>"
            + "<calcPr calcId=\"191029\" fullCalcOnLoad=\"1\"/></workbook>"
    }

    static func workbookRelationships(sheetCount: Int) -> String {
        let sheets = (0..<sheetCount).map {
            "<Relationship Id=\"rId\($0 + 1)\" Type=\"\(relationships)/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>"
        }
        return header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" + sheets.joined()
            + "<Relationship Id=\"rId\(sheetCount + 1)\" Type=\"\(relationships)/styles\" Target=\"styles.xml\"/>"
            + "<Relationship Id=\"rId\(sheetCount + 2)\" Type=\"\(relationships)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
            + "</Relationships>"
    }

    // MARK: - Sheets

    /// Frozen above the data, A4 landscape fitted to the page's width, page numbers in the footer.
    static func worksheet(_ sheet: Sheet, selected: Bool, strings: inout SharedStrings) -> String {
        let lastColumn = CellReference.letters(max(sheet.columns.count, 1) - 1)
        let firstData = "A\(sheet.headerRow + 1)"
        var xml =
            header + "<worksheet xmlns=\"\(main)\" xmlns:r=\"\(relationships)\"><sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
            + "<dimension ref=\"A1:\(lastColumn)\(max(sheet.rows.count, 1))\"/>"
            + "<sheetViews><sheetView workbookViewId=\"0\"\(selected ? " tabSelected=\"1\"" : "")>"
            + "<pane ySplit=\"\(sheet.headerRow)\" topLeftCell=\"\(firstData)\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            + "<selection pane=\"bottomLeft\" activeCell=\"\(firstData)\" sqref=\"\(firstData)\"/></sheetView></sheetViews>"
            + "<sheetFormatPr defaultRowHeight=\"15\"/><cols>"
        for (index, width) in sheet.widths.enumerated() {
            xml += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
        }
        xml += "</cols><sheetData>"
        for (index, row) in sheet.rows.enumerated() {
            xml += "<row r=\"\(index + 1)\">"
            for (column, cell) in row.enumerated() {
                xml += self.cell(cell, at: CellReference(column: column, row: index + 1), strings: &strings)
            }
            xml += "</row>"
        }
        let footer = XMLText.escape("&L" + sheet.name.replacingOccurrences(of: "&", with: "&&") + "&RPage &P / &N")
        return xml + "</sheetData><pageMargins left=\"0.5\" right=\"0.5\" top=\"0.6\" bottom=\"0.6\" header=\"0.3\" footer=\"0.3\"/>"
            + "<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
            + "<headerFooter><oddFooter>\(footer)</oddFooter></headerFooter></worksheet>"
    }

    static func cell(_ cell: Cell, at reference: CellReference, strings: inout SharedStrings) -> String {
        let place = "r=\"\(reference.name)\""
        switch cell {
        case .empty:
            return ""
        case .string(let text, let style):
            return "<c \(place) s=\"\(style.rawValue)\" t=\"s\"><v>\(strings.index(text))</v></c>"
        case .number(let number):
            return "<c \(place) s=\"\(number.style.rawValue)\"><v>\(number.lexical)</v></c>"
        case .formula(let formula, let cached):
            return "<c \(place) s=\"\(cached.style.rawValue)\"><f>\(expression(formula))</f><v>\(cached.lexical)</v></c>"
        }
    }

    /// `SUM(I4:I6,I9)`, `I7/I9`: Excel's syntax, without the leading `=`.
    static func expression(_ formula: Formula) -> String {
        switch formula {
        case .sum(let ranges, let column):
            let letters = CellReference.letters(column)
            return "SUM("
                + ranges.map { $0.count == 1 ? "\(letters)\($0.lowerBound)" : "\(letters)\($0.lowerBound):\(letters)\($0.upperBound)" }
                .joined(separator: ",") + ")"
        case .ratio(let numerator, let denominator):
            return "\(numerator.name)/\(denominator.name)"
        }
    }
}

/// The text of the string cells, each once, in the order met: an index per text.
struct SharedStrings {
    /// Keyed by bytes: `String` equality would merge « é » typed precomposed and decomposed.
    private var indices: [Data: Int] = [:]
    private var texts: [String] = []
    private var references = 0

    mutating func index(_ text: String) -> Int {
        references += 1
        let key = Data(text.utf8)
        if let index = indices[key] { return index }
        indices[key] = texts.count
        texts.append(text)
        return texts.count - 1
    }

    var xml: String {
        XLSXWriter.header + "<sst xmlns=\"\(XLSXWriter.main)\" count=\"\(references)\" uniqueCount=\"\(texts.count)\">"
            + texts.map { "<si><t xml:space=\"preserve\">\(XMLText.escape($0))</t></si>" }.joined() + "</sst>"
    }
}
