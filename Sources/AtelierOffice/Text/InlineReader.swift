/// The looks inside a line of Markdown: `**bold**`, `*italics*`, `\` escapes, and the
/// « [À compléter : …] » markers, which the office documents highlight.
enum InlineReader {
    static let gapOpening = "[À compléter"

    static func runs(_ text: String) -> [OfficeText.Run] {
        // Most cells and lines have no marker at all: one plain run, without reading them twice.
        if !text.utf8.contains(where: { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "[") }) {
            return text.isEmpty ? [] : [OfficeText.Run(text)]
        }
        return emphasis(text).flatMap(splittingGaps).filter { !$0.text.isEmpty }
    }

    /// Bold and italics, toggled only by a marker that has its closing one further on: a lone
    /// `*` (« 5 * 3 ») stays a star.
    static func emphasis(_ text: String) -> [OfficeText.Run] {
        let characters = Array(text)
        var runs: [OfficeText.Run] = []
        var current = OfficeText.Run("")
        var index = 0
        func flush() {
            if !current.text.isEmpty { runs.append(current) }
            current = OfficeText.Run("", bold: current.bold, italic: current.italic)
        }
        func isDouble(_ position: Int) -> Bool {
            position + 1 < characters.count && characters[position] == "*" && characters[position + 1] == "*"
        }
        /// Whether `**` (or a single `*`, not part of a pair) appears further on, escapes skipped.
        func closes(_ double: Bool, from start: Int) -> Bool {
            var position = start
            while position < characters.count {
                if characters[position] == "\\" {
                    position += 2
                } else if isDouble(position) {
                    if double { return true }
                    position += 2
                } else {
                    if !double && characters[position] == "*" { return true }
                    position += 1
                }
            }
            return false
        }
        while index < characters.count {
            let character = characters[index]
            if character == "\\", index + 1 < characters.count, "\\|*_[]#`".contains(characters[index + 1]) {
                current.text.append(characters[index + 1])
                index += 2
            } else if isDouble(index) {
                if current.bold || closes(true, from: index + 2) {
                    flush()
                    current.bold.toggle()
                } else {
                    current.text += "**"
                }
                index += 2
            } else if character == "*", current.italic || closes(false, from: index + 1) {
                flush()
                current.italic.toggle()
                index += 1
            } else {
                current.text.append(character)
                index += 1
            }
        }
        flush()
        return runs
    }

    /// A run cut around each « [À compléter … ] », brackets inside it counted, so that
    /// « [À compléter : fiche [3] (/aller plan)] » stays one marker.
    static func splittingGaps(_ run: OfficeText.Run) -> [OfficeText.Run] {
        guard run.text.contains(gapOpening) else { return [run] }
        var pieces: [OfficeText.Run] = []
        var rest = Substring(run.text)
        while let start = rest.range(of: gapOpening) {
            var depth = 0
            var end = rest.endIndex
            for position in rest[start.lowerBound...].indices {
                if rest[position] == "[" { depth += 1 }
                if rest[position] == "]" {
                    depth -= 1
                    if depth == 0 {
                        end = rest.index(after: position)
                        break
                    }
                }
            }
            pieces.append(OfficeText.Run(String(rest[..<start.lowerBound]), bold: run.bold, italic: run.italic))
            pieces.append(OfficeText.Run(String(rest[start.lowerBound..<end]), bold: run.bold, italic: run.italic, gap: true))
            rest = rest[end...]
        }
        pieces.append(OfficeText.Run(String(rest), bold: run.bold, italic: run.italic))
        return pieces
    }
}
