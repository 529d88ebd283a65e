/// The last guard of the screens built line by line (the synthèse, the plan, the review):
/// a line longer than the terminal is folded here, at spaces, keeping its colours, rather than
/// left for the terminal to wrap at any character. Lines meant to be folded (paragraphs,
/// tables) are laid out for the width before and pass through unchanged.
enum LineFitting {
    /// The marks French sets after a space that must not start a line.
    static func keptWithPrevious(_ character: Character) -> Bool { ":;?!»".contains(character) }

    /// `lines`, each in lines of at most `width` visible characters (escape sequences not counted).
    static func fit(_ lines: [String], width: Int) -> [String] {
        lines.flatMap { fit($0, width: width) }
    }

    /// `line` in lines of at most `width` visible characters; the lines after the first start
    /// two spaces further in than it does, so that they read as its continuation.
    static func fit(_ line: String, width: Int) -> [String] {
        let styled = StyledCharacters(line)
        guard styled.characters.count > width else { return [line] }
        let leading = styled.characters.prefix { $0 == " " }.count
        // A deep indent would leave no room: continuation lines then keep the line's own.
        let hanging = leading + 2 <= width / 2 ? leading + 2 : min(leading, width / 2)
        var result: [String] = []
        var start = 0
        var indent = 0
        while start < styled.characters.count {
            let room = max(width - indent, 1)
            var end = min(start + room, styled.characters.count)
            if end < styled.characters.count {
                // The last space within the room; a word longer than the room is split.
                if let space = (start + 1..<end + 1).last(where: { styled.breaks(at: $0) }) { end = space }
            }
            result.append(String(repeating: " ", count: indent) + styled.render(start..<end))
            start = end
            while start < styled.characters.count && styled.characters[start] == " " { start += 1 }
            indent = hanging
        }
        return result
    }
}

/// A line's visible characters, each with the escape sequences in force when it is shown.
private struct StyledCharacters {
    var characters: [Character] = []
    var styles: [String] = []

    init(_ line: String) {
        var active = ""
        var iterator = line.makeIterator()
        while let character = iterator.next() {
            guard character == "\u{1B}" else {
                characters.append(character)
                styles.append(active)
                continue
            }
            // SGR sequences (ESC [ … m), the only ones `Style` writes; « 0 » resets.
            var sequence = "\u{1B}"
            while let next = iterator.next() {
                sequence.append(next)
                if next.isLetter { break }
            }
            active = sequence == "\u{1B}[0m" ? "" : active + sequence
        }
    }

    /// Whether a line may break at the space at `index`: not before « : », nor after « « » or
    /// a command (« /aller CLÉ » reads, and is copied, whole).
    func breaks(at index: Int) -> Bool {
        guard characters[index] == " " else { return false }
        let next = index + 1 < characters.count ? characters[index + 1] : " "
        guard !LineFitting.keptWithPrevious(next), index > 0, characters[index - 1] != "«" else { return false }
        let word = characters[..<index].lastIndex(of: " ").map { $0 + 1 } ?? 0
        return characters[word..<index].first { $0 != "(" } != "/"
    }

    /// The characters of `range`, with their styles opened and closed within the line.
    func render(_ range: Range<Int>) -> String {
        var text = ""
        var current = ""
        for index in range {
            if styles[index] != current {
                if !current.isEmpty { text += "\u{1B}[0m" }
                text += styles[index]
                current = styles[index]
            }
            text.append(characters[index])
        }
        if !current.isEmpty { text += "\u{1B}[0m" }
        return text
    }
}
