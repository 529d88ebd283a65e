/// French typography of a document: a narrow no-break space (U+202F) before ; : ! ? and »,
/// and after «, where the text has an ordinary or a no-break space. The templates and the
/// answers are typed with ordinary spaces; the document never breaks a line before « : » or
/// leaves « » » alone at the start of one. Text without a space before the sign (« 10:30 »,
/// « https:// ») is left as it is.
enum FrenchTypography {
    static let narrowSpace: Character = "\u{202F}"

    static func apply(_ text: String) -> String {
        // A table's alignment row (« | :--- | ---: | ») is Markdown, not French.
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.allSatisfy { "|:- ".contains($0) } ? String(line) : typeset(withoutControls(line))
        }.joined(separator: "\n")
    }

    /// Control characters (an escape sequence hand-written into a workbook would run in the
    /// terminal of whoever prints the document) and bidirectional overrides (which reorder what
    /// a reader sees) are left out; tabs stay.
    static func withoutControls(_ line: Substring) -> Substring {
        guard line.unicodeScalars.contains(where: isHidden) else { return line }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: line.unicodeScalars.filter { !isHidden($0) })
        return Substring(String(scalars))
    }

    static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "\t" { return false }
        if scalar.properties.generalCategory == .control { return true }
        return (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    static func typeset(_ text: Substring) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace: Character?  // a space seen, written once the next character tells which
        var afterOpeningQuote = false
        for character in text {
            let isSpace = character == " " || character == "\u{00A0}"
            if isSpace {
                if afterOpeningQuote {
                    // « + space: the space becomes narrow, whatever follows.
                    result.append(narrowSpace)
                    afterOpeningQuote = false
                    continue
                }
                if let pending = pendingSpace { result.append(pending) }
                pendingSpace = character
                continue
            }
            if let pending = pendingSpace {
                result.append(";:!?»".contains(character) ? narrowSpace : pending)
                pendingSpace = nil
            }
            result.append(character)
            afterOpeningQuote = character == "«"
        }
        if let pending = pendingSpace { result.append(pending) }
        return result
    }
}
