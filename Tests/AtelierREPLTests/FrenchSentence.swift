import Foundation
import Testing

/// What a refusal must not contain: another library's words (Foundation's « The operation
/// couldn't be completed », « Error Domain=… »), or two sentences glued with a doubled full
/// stop. The same check as Tests/EndToEndTests/FrenchSentence.swift (test targets share no code).
enum FrenchSentence {
    /// English words that no French sentence of ours uses; matched as whole words, outside
    /// « quotes » and paths, case-insensitively. Not « file »: it is French too, and the name
    /// of a file the user typed (`/importer rpps /tmp/file` → « Import refusé — file : … »).
    static let englishWords: Set = [
        "the", "operation", "couldn", "could", "cannot", "can", "error", "such", "denied",
        "permitted", "failed", "unable", "invalid", "unknown", "expected", "not", "is", "does", "exist",
        "found", "domain", "nil", "optional", "swift", "fatal", "thrown",
    ]

    /// The first foreign fragment of `message`, or nil when it reads as ours.
    ///
    /// `..` counts only as punctuation: two full stops ending a sentence (followed by a space or
    /// the end, and not part of « ... »). Elsewhere, `../x`, `x..y` in a path or a name, it is
    /// text, not a mistake of ours; what the user typed is quoted « … » and skipped anyway.
    static func foreign(in message: String) -> String? {
        // What the user typed, quoted « … », may hold anything.
        let own = message.replacingOccurrences(of: "«[^»]*»", with: "«»", options: .regularExpression)
        for fragment in ["Error Domain", "The operation", "error:"] where own.contains(fragment) { return fragment }
        if own.range(of: "(?<![.])[.][.](?=\\s|$)", options: .regularExpression) != nil { return ".." }
        // A path (with a /) names a file, whatever its words.
        let prose = own.replacingOccurrences(of: "[^\\s«»()]*/[^\\s«»()]*", with: " ", options: .regularExpression)
        return prose.lowercased().components(separatedBy: CharacterSet.letters.inverted).first { englishWords.contains($0) }
    }
}

@Suite struct FrenchSentenceTests {
    @Test(
        arguments: [
            ("Import refusé — x.csv : réessayez dans un instant.. Le classeur n'a pas été modifié.", ".."),
            ("The operation couldn’t be completed. (Foundation error 4.)", "The operation"),
            ("Fichier illisible : No such file or directory", "such"),
            ("Fichier ../x.md introuvable : indiquez un autre chemin.", nil),
            ("Réponse refusée : « a.. » n'est pas un nombre.", nil),
            ("Voir la suite... puis /aide.", nil),
            ("Réponse refusée : « 14 » n'est pas un code commune INSEE.", nil),
        ] as [(String, String?)])
    func foreignTextIsFoundAndOursIsNot(message: String, foreign: String?) {
        #expect(FrenchSentence.foreign(in: message) == foreign)
    }
}
