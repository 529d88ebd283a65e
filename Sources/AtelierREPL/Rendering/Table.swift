/// Aligned text tables and wrapped paragraphs, counted in characters (accents and `✓` are one
/// column wide); `TableLayout.swift` fits tables to a width.
enum Table {
    /// The longest line of a paragraph, whatever the terminal: past 100 characters the eye
    /// loses the next line (tables, read across, take the whole width).
    static let longestProse = 100

    /// Lines of at most `width` characters, broken at spaces; `indent` is not counted.
    static func wrap(_ text: String, width: Int, indent: String) -> [String] {
        var lines: [String] = []
        var current = ""
        let width = max(width, 1)
        for word in unbreakableWords(text) {
            if !current.isEmpty && current.count + 1 + word.count > width {
                lines.append(indent + current)
                current = ""
            }
            // A word longer than a line (a key, an address) is split rather than cut: every
            // character of a paragraph is information.
            var word = Substring(word)
            while current.isEmpty && word.count > width {
                lines.append(indent + word.prefix(width))
                word = word.dropFirst(width)
            }
            current += (current.isEmpty ? "" : " ") + word
        }
        if !current.isEmpty { lines.append(indent + current) }
        return lines
    }

    /// The words of `text`, a French mark that takes a space before it (« : », « ; », « ? »,
    /// « ! », « » ») kept with the word before, « « » and a command (« /aller ») with the word
    /// after: a line never starts with a colon, nor ends with an opening quotation mark or a
    /// command without its argument.
    static func unbreakableWords(_ text: String) -> [String] {
        var words: [String] = []
        var joinsNext = false
        for word in text.split(separator: " ") {
            defer { joinsNext = word == "«" || word.drop { $0 == "(" }.first == "/" }
            if !words.isEmpty, joinsNext || word.first.map(LineFitting.keptWithPrevious) == true {
                words[words.count - 1] += " " + word
            } else {
                words.append(String(word))
            }
        }
        return words
    }

    /// `text` on one line or more of at most `width` columns, `indent` included; lines after
    /// the first start at `hanging` (by default `indent`).
    static func paragraph(_ text: String, indent: String, hanging: String? = nil, width: Int) -> [String] {
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
