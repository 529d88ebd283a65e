/// French typography of a document: a narrow no-break space (U+202F) before ; : ! ? and »,
/// and after «, where the text has an ordinary or a no-break space. The templates and the
/// answers are typed with ordinary spaces; the document never breaks a line before « : » or
/// leaves « » » alone at the start of one. Text without a space before the sign (« 10:30 »,
/// « https:// ») is left as it is.
///
/// Control characters (an escape sequence hand-written into a workbook would run in the
/// terminal of whoever prints the document) and bidirectional overrides (which reorder what a
/// reader sees) are left out; tabs and line ends stay. Read scalar by scalar: a 30-fiche draft
/// is half a megabyte, and reading it by characters was a tenth of an export.
enum FrenchTypography {
    static let narrowSpace: Unicode.Scalar = "\u{202F}"

    static func apply(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        result.reserveCapacity(text.utf8.count)
        var first = true
        for line in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            if !first { result.append("\n") }
            first = false
            // A table's alignment row (« | :--- | ---: | ») is Markdown, not French.
            if line.allSatisfy({ "|:- ".unicodeScalars.contains($0) }) {
                result.append(contentsOf: line)
            } else {
                typeset(line, into: &result)
            }
        }
        return String(result)
    }

    static func typeset(_ line: Substring.UnicodeScalarView, into result: inout String.UnicodeScalarView) {
        var pendingSpace: Unicode.Scalar?  // a space seen, written once the next scalar tells which
        var afterOpeningQuote = false
        for scalar in line where !isHidden(scalar) {
            if scalar == " " || scalar == "\u{00A0}" {
                if afterOpeningQuote {
                    // « + space: the space becomes narrow, whatever follows.
                    result.append(narrowSpace)
                    afterOpeningQuote = false
                    continue
                }
                if let pending = pendingSpace { result.append(pending) }
                pendingSpace = scalar
                continue
            }
            if let pending = pendingSpace {
                result.append(";:!?»".unicodeScalars.contains(scalar) ? narrowSpace : pending)
                pendingSpace = nil
            }
            result.append(scalar)
            afterOpeningQuote = scalar == "«"
        }
        if let pending = pendingSpace { result.append(pending) }
    }

    static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value >= 0x20 && scalar.value < 0x7F { return false }  // printable ASCII, most of a document
        if scalar == "\t" { return false }
        if scalar.properties.generalCategory == .control { return true }
        return (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }
}
