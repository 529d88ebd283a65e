/// French typography of a document: a narrow no-break space (U+202F) before ; : ! ? and »,
/// and after «, where the text has an ordinary or a no-break space. The templates and the
/// answers are typed with ordinary spaces; the document never breaks a line before « : » or
/// leaves « » » alone at the start of one. Text without a space before the sign (« 10:30 »,
/// « https:// ») is left as it is.
enum FrenchTypography {
    static let narrowSpace: Character = "\u{202F}"

    static func apply(_ text: String) -> String {
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
