import AtelierCore

/// A workbook as both spreadsheet formats see it: sheets of rows of cells, each cell text, a
/// number with its display, or a formula with the value we computed for it. `XLSXWriter` and
/// `ODSWriter` turn the same book into their own XML, so that the two files show the same thing.
struct Book {
    var title: String
    var sheets: [Sheet]
}

struct Sheet {
    /// The tab's name: ours, at most 31 characters and none of `[]:*?/\` (Excel refuses them).
    var name: String
    var columns: [Column]
    /// The row of column headers: the one frozen on screen and repeated on every printed page.
    var headerRow: Int
    var rows: [[Cell]]

    struct Column {
        /// Widths in characters of the default font; long text is wrapped within `maximumWidth`.
        var minimumWidth = 8
        var maximumWidth = 50
    }

    /// How wide each column must be for its cells. Title lines overflow into empty neighbours
    /// and are left out; headers wrap, so only their longest word counts.
    var widths: [Int] {
        columns.enumerated().map { index, column in
            func cell(_ row: [Cell]) -> Cell? { row.indices.contains(index) ? row[index] : nil }
            let header = cell(rows.indices.contains(headerRow - 1) ? rows[headerRow - 1] : []).map(\.longestWord) ?? 0
            let widest = rows.dropFirst(headerRow).compactMap { cell($0)?.displayWidth }.max() ?? 0
            return min(max(widest + 2, header + 2, column.minimumWidth), column.maximumWidth)
        }
    }
}

/// The look of a cell: what its number means and whether it stands out.
enum CellStyle: Int, CaseIterable {
    case text, wrapped, title, header, bold, euros, boldEuros, integer, percent, boldPercent

    enum Format { case general, euros, integer, percent }

    var format: Format {
        switch self {
        case .text, .wrapped, .title, .header, .bold: .general
        case .euros, .boldEuros: .euros
        case .integer: .integer
        case .percent, .boldPercent: .percent
        }
    }

    var isBold: Bool { [.title, .header, .bold, .boldEuros, .boldPercent].contains(self) }
}

/// A number as written in the XML (`1234.5`, never a locale's `1 234,5`) and as shown.
struct Number: Equatable {
    var lexical: String
    var display: String
    var style: CellStyle

    /// Cents as euros, exactly: `123450` → `1234.50`, shown `1 234,50 €`.
    static func euros(cents: Int, bold: Bool = false) -> Number {
        let rest = cents.magnitude % 100
        let lexical = (cents < 0 ? "-" : "") + String(cents.magnitude / 100) + "." + (rest < 10 ? "0" : "") + String(rest)
        return Number(lexical: lexical, display: FrenchFormat.amount(cents: cents), style: bold ? .boldEuros : .euros)
    }

    /// Years and fiche numbers: no thousands separator (2027, not 2 027).
    static func integer(_ value: Int) -> Number { Number(lexical: String(value), display: String(value), style: .integer) }

    /// A ratio shown as a percentage with one decimal: `0.125` → `12,5 %`.
    static func percent(_ ratio: Double, bold: Bool = false) -> Number {
        Number(
            lexical: String(ratio), display: FrenchFormat.fixed(ratio * 100, fractionDigits: 1) + "\u{00A0}%",
            style: bold ? .boldPercent : .percent)
    }
}

/// A cell's place: `column` from 0 (A), `row` from 1, as both formats count rows.
struct CellReference: Equatable {
    var column: Int
    var row: Int

    /// `H12`.
    var name: String { Self.letters(column) + String(row) }

    static func letters(_ column: Int) -> String {
        var index = column + 1, name = ""
        while index > 0 {
            index -= 1
            name = String(UnicodeScalar(UInt8(65 + index % 26))) + name
            index /= 26
        }
        return name
    }
}

/// The few formulas the plan needs, written by each format in its own syntax.
enum Formula: Equatable {
    /// The sum of cells and ranges (`first...last` within one column).
    case sum([ClosedRange<Int>], column: Int)
    /// `numerator / denominator`.
    case ratio(CellReference, CellReference)
}

enum Cell: Equatable {
    case empty
    case string(String, CellStyle)
    case number(Number)
    /// Formula and the value it gives, so that readers that do not recalculate see it.
    case formula(Formula, cached: Number)

    /// Excel's limit for the text of one cell.
    static let maximumTextLength = 32_767

    /// Typed text is always a string cell, never read as a formula or a number.
    static func text(_ value: String, style: CellStyle = .text) -> Cell {
        .string(value.utf16.count > maximumTextLength ? String(value.prefix(maximumTextLength / 2)) : value, style)
    }

    var longestWord: Int {
        if case .string(let value, _) = self { return value.split(whereSeparator: \.isWhitespace).map(\.count).max() ?? 0 }
        return displayWidth
    }

    var displayWidth: Int {
        switch self {
        case .empty: 0
        case .string(let value, _): value.split(separator: "\n").map(\.count).max() ?? 0
        case .number(let number), .formula(_, cached: let number): number.display.count
        }
    }
}
