import Foundation

/// The page of every office document: A4, 2,5 cm margins on each side, the header and the
/// footer 1,25 cm from the edge. Lengths in twips (1/20 point, 1/1440 inch), Word's unit;
/// OpenDocument gets them in centimetres.
enum PageGeometry {
    static let width = 11_906
    static let height = 16_838
    static let margin = 1_417
    static let headerDistance = 709

    static let portraitTextWidth = width - 2 * margin
    static let landscapeTextWidth = height - 2 * margin

    /// Left and right padding inside a table cell (0,15 cm).
    static let cellPadding = 85

    static func centimetres(_ twips: Int) -> String {
        let value = Double(twips) / 566.929
        return String(format: "%.3fcm", value)
    }
}

/// The columns of a table on the page: widths that fit, never so narrow that a word breaks,
/// on a landscape page when the portrait width cannot hold them, and in a smaller type as a
/// last resort.
struct ColumnLayout: Equatable {
    var widths: [Int]
    var landscape: Bool
    /// Font size in half-points (Word's unit): 18 is 9 pt.
    var fontHalfPoints: Int

    static let sizes = [18, 16]

    init(_ table: OfficeText.Table) {
        for landscape in [false, true] {
            for size in Self.sizes {
                if let widths = Self.widths(
                    table, available: landscape ? PageGeometry.landscapeTextWidth : PageGeometry.portraitTextWidth, size: size)
                {
                    self.init(widths: widths, landscape: landscape, fontHalfPoints: size)
                    return
                }
            }
        }
        // Words longer than a landscape page's share: shared out, some will break.
        let maxima = Self.extents(table, size: 16).maximum
        let total = max(1, maxima.reduce(0, +))
        self.init(
            widths: maxima.map { $0 * PageGeometry.landscapeTextWidth / total }, landscape: true, fontHalfPoints: 16)
    }

    init(widths: [Int], landscape: Bool, fontHalfPoints: Int) {
        self.widths = widths
        self.landscape = landscape
        self.fontHalfPoints = fontHalfPoints
    }

    var textWidth: Int { widths.reduce(0, +) }

    /// The whole width, shared as browsers do: each column gets its longest word, then what is
    /// left goes to the columns in proportion to what their longest cell still lacks. Nil when
    /// the longest words alone do not fit.
    static func widths(_ table: OfficeText.Table, available: Int, size: Int) -> [Int]? {
        let (minimum, maximum) = extents(table, size: size)
        let least = minimum.reduce(0, +)
        guard least <= available else { return nil }
        let most = maximum.reduce(0, +)
        if most <= available {
            // Everything fits on one line: the table still spans the page, widened evenly.
            let extra = available - most
            return maximum.map { $0 + extra * $0 / max(1, most) }
        }
        let lacking = zip(minimum, maximum).map { $1 - $0 }
        let spare = available - least
        let totalLacking = max(1, lacking.reduce(0, +))
        return zip(minimum, lacking).map { $0 + $1 * spare / totalLacking }
    }

    /// Per column, the widest word (bold in the header) and the widest cell, padding included.
    static func extents(_ table: OfficeText.Table, size: Int) -> (minimum: [Int], maximum: [Int]) {
        var minimum = Array(repeating: 0, count: table.columnCount)
        var maximum = minimum
        let rows = [table.header] + table.rows
        for (rowIndex, row) in rows.enumerated() {
            for (column, cell) in row.enumerated() where column < table.columnCount {
                let bold = rowIndex == 0 || cell.allSatisfy(\.bold)
                let text = cell.plainText
                let words = TextWidth.words(text).map { TextWidth.twips($0, halfPoints: size, bold: bold) }
                minimum[column] = max(minimum[column], (words.max() ?? 0) + 2 * PageGeometry.cellPadding)
                maximum[column] = max(maximum[column], TextWidth.twips(text, halfPoints: size, bold: bold) + 2 * PageGeometry.cellPadding)
            }
        }
        return (minimum, maximum)
    }
}

/// How wide a text is set in Arial (or Liberation Sans, its metric twin that LibreOffice uses in
/// its place): per-character widths in thousandths of an em, from the font's tables, grouped.
enum TextWidth {
    static func twips(_ text: String, halfPoints: Int, bold: Bool = false) -> Int {
        var units = 0
        for character in text { units += width(of: character) }
        // Bold Arial is about 6 % wider; 4 % more for rounding in the applications' layout.
        let factor = bold ? 1.10 : 1.04
        return Int((Double(units) / 1000 * Double(halfPoints) * 10 * factor).rounded(.up))
    }

    /// Where a line may break: at a space, and after a hyphen or a slash. The no-break spaces
    /// of French typography (« 1 234,50 € », « : ») hold their neighbours together.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in text {
            if character == " " || character == "\n" {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else {
                current.append(character)
                if character == "-" || character == "/" {
                    words.append(current)
                    current = ""
                }
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// Looked up in tables for ASCII and the Latin letters of French (« é », « œ »), measured
    /// once: this runs for every character of every table cell of the draft.
    static func width(of character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 600 }
        switch scalar.value {
        case 0..<0x80: return ascii[Int(scalar.value)]
        case 0xA0..<0x180: return latin[Int(scalar.value) - 0xA0]
        default: return measured(character)
        }
    }

    static let ascii: [Int] = (0..<0x80).map { measured(Character(UnicodeScalar(UInt8($0)))) }
    static let latin: [Int] = (0xA0..<0x180).map { measured(Character(UnicodeScalar(UInt16($0))!)) }

    /// The width of the character's base letter, its accents folded away.
    static func measured(_ character: Character) -> Int {
        let base = character.unicodeScalars.first.map { Character($0) } ?? character
        // « é » is as wide as « e »: folded only when it is not plain ASCII already.
        let folded = base.isASCII ? base : String(base).folding(options: .diacriticInsensitive, locale: nil).first ?? base
        switch folded {
        case "i", "l", "j", "I", ".", ",", ";", ":", "'", "!", "|", "\u{202F}": return 250
        case " ", "\u{A0}", "f", "t", "r", "(", ")", "[", "]", "-", "/": return 320
        case "m", "w", "M", "W", "%", "@": return 850
        case "«", "»": return 560
        case _ where folded.isUppercase: return 690
        case _ where folded.isNumber: return 556
        case _ where folded.isLowercase: return 540
        default: return 600
        }
    }
}
