/// Aligned text tables, counted in characters (accents and `✓` are one column wide).
enum Table {
    static func render(header: [String], rows: [[String]]) -> [String] {
        // A cell is one line: a line feed or a tabulation stored in a value would break the table.
        let rows = rows.map { $0.map(singleLine) }
        var widths = header.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == cells.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        return [line(header), widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")] + rows.map(line)
    }

    /// Lines of at most `width` characters, broken at spaces.
    static func wrap(_ text: String, width: Int, indent: String) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty && current.count + 1 + word.count > width {
                lines.append(indent + current)
                current = ""
            }
            current += (current.isEmpty ? "" : " ") + word
        }
        if !current.isEmpty { lines.append(indent + current) }
        return lines
    }

    /// `text` on one line or more of at most `width` columns, `indent` included; lines after
    /// the first start at `hanging` (by default `indent`).
    static func paragraph(_ text: String, indent: String, hanging: String? = nil, width: Int = 80) -> [String] {
        let rest = hanging ?? indent
        // A short quotation (« 4 3 4 2 ») stays on one line; a colon or a semicolon stays with the word before.
        let unbreakable = glued(singleLine(text))
        let lines = wrap(unbreakable, width: width - max(indent.count, rest.count), indent: "")
        return lines.enumerated().map { ($0.offset == 0 ? indent : rest) + $0.element.replacingOccurrences(of: "\u{0}", with: " ") }
    }

    /// `text` with NUL for the spaces wrapping must not break at: inside a quotation of at most
    /// 24 characters, after « and before », before : and ;. One pass: this runs for every line
    /// of the synthèse.
    private static func glued(_ text: String) -> String {
        guard text.contains(where: { $0 == "«" || $0 == ":" || $0 == ";" }) else { return text }
        let characters = Array(text)
        var result = ""
        result.reserveCapacity(characters.count)
        var quoteEnd = -1
        for (index, character) in characters.enumerated() {
            if character == "«", let close = characters[index...].prefix(27).firstIndex(of: "»") { quoteEnd = close }
            guard character == " " else {
                result.append(character)
                continue
            }
            let next = index + 1 < characters.count ? characters[index + 1] : " "
            let previous = index > 0 ? characters[index - 1] : " "
            let kept = index < quoteEnd || previous == "«" || next == "»" || next == ":" || next == ";"
            result.append(kept ? "\u{0}" : " ")
        }
        return result
    }

    static func singleLine(_ text: String) -> String {
        guard text.contains(where: { $0 == "\n" || $0 == "\t" || $0 == "\r\n" }) else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\u{2424}").replacingOccurrences(of: "\n", with: "\u{2424}")
            .replacingOccurrences(of: "\t", with: " ")
    }

    static func truncate(_ text: String, _ length: Int) -> String {
        text.count <= length ? text : String(text.prefix(length - 1)) + "…"
    }
}
