import Testing

@testable import AtelierDocuments

/// The byte scan that lets most texts through unchanged agrees with the grapheme walk.
@Suite struct MarkdownTextTests {
    @Test(arguments: [
        "", "Maison de santé « Les Tilleuls »", "1\u{202F}234,50\u{00A0}€", "a|b", "a\\b", "a\nb", "a\r\nb", "a\u{0B}b",
        "a\u{0C}b", "a\u{85}b", "a\u{2028}b", "a\u{2029}b", "a\u{2027}b", "|\u{301}", "É\u{80}",
    ])
    func theFastCheckAgreesWithTheCharacters(text: String) {
        let slow = text.contains { $0 == "|" || $0 == "\\" || $0.isNewline }
        // Never misses what the characters would escape (it may send a `|` with a combining mark
        // to the grapheme walk, which then leaves it as it is).
        #expect(!slow || MarkdownText.needsEscaping(text))
        #expect(
            MarkdownText.needsEscaping(text)
                == text.unicodeScalars.contains { "|\\\n\r\u{0B}\u{0C}\u{85}\u{2028}\u{2029}".unicodeScalars.contains($0) })
        if !MarkdownText.needsEscaping(text) { #expect(MarkdownText.escape(text) == text) }
    }
}
