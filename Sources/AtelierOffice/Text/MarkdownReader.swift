import AtelierCore

/// Reads the Markdown of the tool's documents into blocks: the subset its templates write
/// (headings, paragraphs, lists, tables, quotes, rules, bold and italics). Anything else a user
/// writes in a template stays as text, never lost: an unknown construct is a paragraph.
public enum MarkdownReader {
    public static func read(_ markdown: String) -> OfficeText {
        var reader = Reader(
            lines: markdown.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
            })
        reader.readAll()
        return OfficeText(blocks: reader.blocks)
    }

    private struct Reader {
        let lines: [String]
        var index = 0
        var blocks: [OfficeText.Block] = []

        init(lines: [String]) { self.lines = lines }

        mutating func readAll() {
            while index < lines.count {
                let line = lines[index]
                let trimmed = line.trimmingSpaces
                if trimmed.isEmpty {
                    index += 1
                } else if let (level, text) = heading(trimmed) {
                    blocks.append(level == 0 ? .title(InlineReader.runs(text)) : .heading(level: level, InlineReader.runs(text)))
                    index += 1
                } else if trimmed == "---" || trimmed == "***" || trimmed == "___" {
                    blocks.append(.rule)
                    index += 1
                } else if trimmed.hasPrefix("|"), index + 1 < lines.count, isSeparator(lines[index + 1]) {
                    readTable()
                } else if let (level, text) = bullet(line) {
                    index += 1
                    blocks.append(.bullet(level: level, InlineReader.runs(text + continuation(indent: 2 * level + 2))))
                } else if let (number, text) = numbered(trimmed) {
                    index += 1
                    readNumbered(number, text)
                } else if let (id, caption) = image(trimmed) {
                    blocks.append(.image(id: id, caption: InlineReader.runs(caption)))
                    index += 1
                } else if trimmed.hasPrefix(">") {
                    var text = ""
                    while index < lines.count, lines[index].trimmingSpaces.hasPrefix(">") {
                        text += (text.isEmpty ? "" : " ") + lines[index].trimmingSpaces.dropFirst().trimmingSpaces
                        index += 1
                    }
                    blocks.append(.quote(InlineReader.runs(text)))
                } else {
                    readParagraph()
                }
            }
        }

        /// `#` → 0 (the title), `##` → 1 … `####` and deeper → 3.
        func heading(_ line: String) -> (Int, String)? {
            let hashes = line.prefix { $0 == "#" }.count
            guard hashes > 0, hashes <= 6, line.dropFirst(hashes).first == " " else { return nil }
            return (min(hashes - 1, 3), line.dropFirst(hashes).trimmingSpaces)
        }

        /// `![Densité …](graphique:densites)` → (`densites`, `Densité …`): the only images the
        /// documents hold are the tool's charts; any other `![…](…)` stays text.
        func image(_ line: String) -> (String, String)? {
            ChartLine.parse(line).map { ($0.id, $0.caption) }
        }

        func bullet(_ line: String) -> (Int, String)? {
            let indent = line.prefix { $0 == " " }.count
            let rest = line.dropFirst(indent)
            guard rest.hasPrefix("- ") || rest.hasPrefix("* ") && !rest.dropFirst(2).contains("*") else { return nil }
            return (min(indent / 2, 2), String(rest.dropFirst(2)).trimmingSpaces)
        }

        func numbered(_ line: String) -> (String, String)? {
            let digits = line.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, digits.count < 5, line.dropFirst(digits.count).hasPrefix(". ") else { return nil }
            return (String(digits), line.dropFirst(digits.count + 2).trimmingSpaces)
        }

        func isSeparator(_ line: String) -> Bool {
            let trimmed = line.trimmingSpaces
            return trimmed.hasPrefix("|") && trimmed.contains("-") && trimmed.allSatisfy { "|-: ".contains($0) }
        }

        /// The lines that carry an item on, indented at least `indent` spaces and starting no
        /// block of their own, joined with spaces (the template wrapped a long sentence).
        mutating func continuation(indent: Int) -> String {
            var text = ""
            while index < lines.count, isContinuation(lines[index], indent: indent) {
                text += " " + lines[index].trimmingSpaces
                index += 1
            }
            return text
        }

        func isContinuation(_ line: String, indent: Int) -> Bool {
            let trimmed = line.trimmingSpaces
            return !trimmed.isEmpty && line.prefix { $0 == " " }.count >= indent && bullet(line) == nil
                && numbered(trimmed) == nil && !trimmed.hasPrefix("|")
        }

        mutating func readNumbered(_ number: String, _ first: String) {
            var text = first
            var more: [[OfficeText.Run]] = []
            while index < lines.count, isContinuation(lines[index], indent: 2) {
                let line = lines[index].trimmingSpaces
                // A whole italic line (« *Sur le thème … : …* ») is a remark under the item.
                if line.count > 2, line.hasPrefix("*"), line.hasSuffix("*"), !line.hasPrefix("**") {
                    more.append(InlineReader.runs(line))
                } else if more.isEmpty {
                    text += " " + line
                } else {
                    more.append(InlineReader.runs(line))
                }
                index += 1
            }
            blocks.append(.numbered(number: number, InlineReader.runs(text), more: more))
        }

        mutating func readParagraph() {
            var text = ""
            while index < lines.count {
                let line = lines[index]
                let trimmed = line.trimmingSpaces
                guard !trimmed.isEmpty, heading(trimmed) == nil, bullet(line) == nil, numbered(trimmed) == nil,
                    !trimmed.hasPrefix("|"), !trimmed.hasPrefix(">"), trimmed != "---", image(trimmed) == nil
                else { break }
                text += (text.isEmpty ? "" : " ") + trimmed
                index += 1
            }
            if text.isEmpty {  // a line no reader claimed (a lone `|`): kept as it is
                text = lines[index].trimmingSpaces
                index += 1
            }
            // « Signature : » under a party: the party's block, with room to sign.
            if text == "Signature :" || text == "Signature\u{202F}:", case .paragraph(let party)? = blocks.last {
                blocks[blocks.count - 1] = .signature(party)
                return
            }
            blocks.append(.paragraph(InlineReader.runs(text)))
        }

        mutating func readTable() {
            let header = cells(lines[index])
            index += 2
            var rows: [[[OfficeText.Run]]] = []
            while index < lines.count, lines[index].trimmingSpaces.hasPrefix("|") {
                var row = cells(lines[index])
                // A short row is completed, a long one cut: the header sets the columns.
                row += Array(repeating: [], count: max(0, header.count - row.count))
                rows.append(Array(row.prefix(header.count)))
                index += 1
            }
            let right = header.indices.map { column in
                let values = rows.map { $0[column].plainText.trimmingSpaces }.filter { !$0.isEmpty && $0 != "—" }
                return !values.isEmpty && values.allSatisfy(Self.isFigure)
            }
            blocks.append(.table(OfficeText.Table(header: header, rows: rows, rightAligned: right)))
        }

        /// A row's cells, split at each `|` that is not escaped (`\|` is a bar of the text).
        func cells(_ line: String) -> [[OfficeText.Run]] {
            var trimmed = Substring(line.trimmingSpaces)
            if trimmed.hasPrefix("|") { trimmed = trimmed.dropFirst() }
            var cells: [String] = []
            var current = ""
            var escaped = false
            for character in trimmed {
                if escaped {
                    current.append("\\")
                    current.append(character)
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "|" {
                    cells.append(current)
                    current = ""
                } else {
                    current.append(character)
                }
            }
            if escaped { current.append("\\") }
            if !current.trimmingSpaces.isEmpty { cells.append(current) }
            return cells.map { InlineReader.runs($0.trimmingSpaces) }
        }

        /// `1 234,50 €`, `44,4 %`, `-22,2 %`, `0,67`, `2027`: what reads best aligned right.
        static func isFigure(_ text: String) -> Bool {
            let stripped = text.replacingOccurrences(of: "**", with: "")
            guard let first = stripped.first, first.isNumber || "+-−".contains(first) else { return false }
            return stripped.allSatisfy { $0.isNumber || " ,.%€+-−\u{A0}\u{202F}".contains($0) }
        }
    }
}

extension StringProtocol {
    /// Without the spaces and tabs at either end. Found by index, not by reversing the text:
    /// this runs on every line of the draft.
    var trimmingSpaces: String {
        func isSpace(_ character: Character) -> Bool { character == " " || character == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
