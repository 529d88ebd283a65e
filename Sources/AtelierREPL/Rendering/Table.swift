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
        var glued = singleLine(text).replacing(/«[^«»]{0,24}»/) { $0.output.replacingOccurrences(of: " ", with: "\u{0}") }
        for (spaced, kept) in [("« ", "«\u{0}"), (" »", "\u{0}»"), (" :", "\u{0}:"), (" ;", "\u{0};")] {
            glued = glued.replacingOccurrences(of: spaced, with: kept)
        }
        let lines = wrap(glued, width: width - max(indent.count, rest.count), indent: "")
        return lines.enumerated().map { ($0.offset == 0 ? indent : rest) + $0.element.replacingOccurrences(of: "\u{0}", with: " ") }
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
