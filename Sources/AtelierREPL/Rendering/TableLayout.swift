/// Tables laid out for a width: a table wider than the terminal would wrap line by line and
/// mix its columns, so it is narrowed here instead — first by folding headers, then cells, on
/// several lines inside their column, and only then by leaving out the columns the caller
/// ranked least useful.
extension Table {
    /// A table as lines: `header` (bold at the caller's will), `rule`, then each row's lines.
    struct Layout {
        var header: [String]
        var rule: String
        /// The lines of each row, in order: a caller may write details under a row.
        var rows: [[String]]
        /// The headers of the columns left out, in the table's order.
        var omitted: [String]
        /// The width the table was laid out for, said in the note on omitted columns.
        var width: Int
        /// What starts every line, counted in `width`.
        var indent: String

        var lines: [String] { header + [rule] + rows.flatMap { $0 } }

        /// `lines` with `header` applied to the header's text (not to the indent).
        func styled(header style: (String) -> String) -> [String] {
            styledHeader(style) + [rule] + rows.flatMap { $0 }
        }

        func styledHeader(_ style: (String) -> String) -> [String] {
            header.map { $0.isEmpty ? $0 : indent + style(String($0.dropFirst(indent.count))) }
        }

        var omissionNote: String? { Table.omissionNote(omitted, width: width) }
    }

    /// « Colonnes omises pour tenir en 80 colonnes : Source, Qui ; élargissez le terminal pour les voir. »
    static func omissionNote(_ omitted: [String], width: Int) -> String? {
        guard !omitted.isEmpty else { return nil }
        let names = omitted.map { $0.isEmpty ? "sans titre" : $0 }.joined(separator: ", ")
        return omitted.count == 1
            ? "Colonne omise pour tenir en \(width) colonnes : \(names) ; élargissez le terminal pour la voir."
            : "Colonnes omises pour tenir en \(width) colonnes : \(names) ; élargissez le terminal pour les voir."
    }

    /// A cell folds to at most about this many lines before a column is dropped instead: a
    /// sentence in a column of two words a line no longer reads as a table.
    static let comfortableLines = 3
    /// The narrowest a column gets when nothing is left to drop; its longer words are cut with « … ».
    static let narrowestColumn = 4

    /// `rows` under `header` in at most `width` columns, `indent` included in every line.
    /// `dropping` lists the indices of the columns that may be left out, the first to go first.
    static func render(header: [String], rows: [[String]], width: Int, indent: String = "", dropping: [Int] = []) -> Layout {
        let rows = rows.map { $0.map(singleLine) }
        let available = width - indent.count
        var kept = Array(header.indices)
        var queue = dropping.filter { header.indices.contains($0) }
        while true {
            let columns = kept.map { index in Column(header: header[index], cells: rows.map { index < $0.count ? $0[index] : "" }) }
            // The last column standing stays, whatever the caller allowed.
            if let widths = widths(for: columns, available: available, last: queue.isEmpty || kept.count == 1) {
                let omitted = header.indices.filter { !kept.contains($0) }.map { header[$0] }
                return layout(columns, widths: widths, indent: indent, omitted: omitted, width: width)
            }
            let dropped = queue.removeFirst()
            kept.removeAll { $0 == dropped }
        }
    }

    private struct Column {
        var header: String
        var cells: [String]
        var natural: Int { max(header.count, cells.map(\.count).max() ?? 0) }
        var longestCell: Int { cells.map(\.count).max() ?? 0 }
        var longestWord: Int { ([header] + cells).flatMap(pieces).map(\.text.count).max() ?? 0 }
    }

    private static func total(_ widths: [Int]) -> Int { widths.reduce(0, +) + 2 * max(widths.count - 1, 0) }

    /// The widths of `columns` within `available`, or nil when they do not fit without folding
    /// cells past `comfortableLines` and a column may still be dropped (`last` false).
    private static func widths(for columns: [Column], available: Int, last: Bool) -> [Int]? {
        var widths = columns.map(\.natural)
        let counts = LineCounts(columns)
        let comfortable = columns.map { column in
            max(column.longestWord, (column.longestCell + comfortableLines - 1) / comfortableLines)
        }
        if shrink(&widths, to: comfortable, available: available, counts: counts) { return widths }
        guard last else { return nil }
        if shrink(&widths, to: columns.map(\.longestWord), available: available, counts: counts) { return widths }
        _ = shrink(&widths, to: columns.map { min($0.natural, narrowestColumn) }, available: available, counts: counts)
        return widths
    }

    /// Narrows columns until the table fits or every column is at its floor, each time the
    /// column and by how much that add the fewest lines to the table for each character saved
    /// (a header folded costs one line, a column of dates folded one a row). Returns whether it fits.
    private static func shrink(_ widths: inout [Int], to floors: [Int], available: Int, counts: LineCounts) -> Bool {
        while total(widths) > available {
            let excess = total(widths) - available
            let current = widths.indices.map { counts.lines($0, width: widths[$0]) }
            let rows = current.first?.indices ?? 0..<0
            let height = rows.reduce(0) { sum, row in sum + (current.map { $0[row] }.max() ?? 1) }
            var best: (column: Int, saved: Int, cost: Int)?
            for column in widths.indices where widths[column] > floors[column] {
                let others = rows.map { row in widths.indices.filter { $0 != column }.map { current[$0][row] }.max() ?? 0 }
                for saved in 1...min(excess, widths[column] - floors[column]) {
                    let narrower = counts.lines(column, width: widths[column] - saved)
                    let cost = rows.reduce(0) { $0 + max(narrower[$1], others[$1]) } - height
                    // Fewest lines per character saved; then the most saved; then the widest column.
                    if let chosen = best {
                        let ratio = cost * chosen.saved - chosen.cost * saved
                        if ratio > 0
                            || (ratio == 0 && (saved < chosen.saved || (saved == chosen.saved && widths[column] < widths[chosen.column])))
                        {
                            continue
                        }
                    }
                    best = (column, saved, cost)
                }
            }
            guard let best else { return false }
            widths[best.column] -= best.saved
        }
        return true
    }

    /// How many lines each cell of a column (its header first) takes at a width, folded once
    /// per width: the narrowing asks again and again.
    private final class LineCounts {
        let texts: [[String]]
        var known: [[Int: [Int]]]

        init(_ columns: [Column]) {
            texts = columns.map { [$0.header] + $0.cells }
            known = Array(repeating: [:], count: columns.count)
        }

        func lines(_ column: Int, width: Int) -> [Int] {
            if let counts = known[column][width] { return counts }
            let counts = texts[column].map { Table.fold($0, width: width).count }
            known[column][width] = counts
            return counts
        }
    }

    private static func layout(_ columns: [Column], widths: [Int], indent: String, omitted: [String], width: Int) -> Layout {
        func lines(_ cells: [String]) -> [String] {
            let folded = cells.enumerated().map { fold($0.element, width: widths[$0.offset]) }
            let height = folded.map(\.count).max() ?? 1
            return (0..<max(height, 1)).map { line in
                var text = ""
                for (index, cell) in folded.enumerated() {
                    let part = line < cell.count ? cell[line] : ""
                    text += index == folded.count - 1 ? part : part.padding(toLength: widths[index] + 2, withPad: " ", startingAt: 0)
                }
                // Trailing padding only: a no-break space ending a value is part of it.
                while text.last == " " { text.removeLast() }
                return text.isEmpty ? "" : indent + text
            }
        }
        return Layout(
            header: lines(columns.map(\.header)),
            rule: indent + widths.map { String(repeating: "─", count: $0) }.joined(separator: "  "),
            rows: columns.first.map { first in first.cells.indices.map { row in lines(columns.map { $0.cells[row] }) } } ?? [],
            omitted: omitted, width: width, indent: indent)
    }

    /// A word, or the part of a hyphenated word after a hyphen (« Masseurs-|kinésithérapeutes »),
    /// with whether a space comes before it.
    private struct Piece {
        var text: String
        var spaced: Bool
    }

    /// The places `text` may break: at spaces (no-break spaces hold, and so do those before « : »
    /// and after « « »), and after a hyphen between letters.
    private static func pieces(_ text: String) -> [Piece] {
        var result: [Piece] = []
        for word in unbreakableWords(text) {
            var current = "", spaced = true
            let characters = Array(word)
            for (index, character) in characters.enumerated() {
                current.append(character)
                let breaks =
                    character == "-" && index > 0 && index + 1 < characters.count && characters[index - 1].isLetter
                    && characters[index + 1].isLetter
                if breaks {
                    result.append(Piece(text: current, spaced: spaced))
                    current = ""
                    spaced = false
                }
            }
            result.append(Piece(text: current, spaced: spaced))
        }
        return result
    }

    /// `text` in lines of at most `width` characters, broken where `pieces` allows; a piece
    /// longer than the column is cut with « … ».
    static func fold(_ text: String, width: Int) -> [String] {
        guard text.count > width else { return [text] }
        var lines: [String] = []
        var current = ""
        for piece in pieces(text) {
            let separator = current.isEmpty || !piece.spaced ? "" : " "
            if current.count + separator.count + piece.text.count <= width {
                current += separator + piece.text
                continue
            }
            if !current.isEmpty { lines.append(current) }
            current = piece.text.count <= width ? piece.text : truncate(piece.text, max(width, 1))
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }
}
