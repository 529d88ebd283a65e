import AtelierCore
import Foundation
import Testing

@testable import AtelierREPL

/// French that reads as French: counts agree with their nouns, never « (s) ».
@Suite struct GrammarTests {
    /// `commune(s)`, `passée(s)`, `action(s)`, `(e)`, `(es)`, `(x)` after a letter.
    static var bracketedEnding: Regex<(Substring, Substring)> { /\p{L}\((s|e|es|x)\)/ }

    /// A session whose counts are all `n`: communes, participants, then the messages that count
    /// them (list end, resume summary, synthèse, plan checks, CLS draft).
    func session(with n: Int) throws -> (output: String, draft: String) {
        let h = try Harness()
        let communes = ["14118", "14341"].prefix(n).joined(separator: " ")
        h.type("Pays de test", "commune")
        if n > 0 { h.type(communes) } else { h.type("/passer") }
        for index in 0..<n { h.type("Personne \(index + 1) ; Mairie ; élu") }
        h.type("")
        try h.open()  // the resume summary
        h.type("/synthèse", "/plan", "/sections")
        let draft = try h.controller.clsDraft().text
        return (h.console.output.joined(separator: "\n") + "\n" + h.console.errors.joined(separator: "\n"), draft)
    }

    @Test(arguments: [0, 1, 2]) func everyCountAgreesWithItsNoun(n: Int) throws {
        let (output, draft) = try session(with: n)
        for text in [output, draft] {
            let found = text.matches(of: Self.bracketedEnding).map { String(text[$0.range]) }
            #expect(found.isEmpty, "\(found)")
        }
        let element = n >= 2 ? "éléments" : "élément"
        // An empty list reads « aucun élément »; others end with their count.
        #expect(output.contains(n == 0 ? "participants.liste = aucun élément" : "Liste terminée : \(n) \(element)."))
        // Every count of the output agrees: « 1 commune », « 2 communes », « 0 erreur ».
        for text in [output, draft] {
            for match in text.matches(of: Self.countedNoun) {
                let count = Int(match.output.1.filter(\.isNumber)) ?? 0
                #expect((count >= 2) == !match.output.3.isEmpty, "« \(text[match.range]) »")
            }
        }
        #expect(output.contains("\(n) \(n >= 2 ? "communes" : "commune") · ") || n == 0)
        if n > 0 { #expect(draft.contains("Territoire de \(n) \(n >= 2 ? "communes" : "commune"),")) }
    }

    /// What of a line reaches users: in Swift, its string literals (`decimal(x)` is code); in a
    /// template, all of it but a `#` comment.
    static func shownText(of line: Substring, swift: Bool) -> String {
        if !swift { return line.trimmingCharacters(in: .whitespaces).hasPrefix("#") ? "" : String(line) }
        return line.matches(of: /"[^"]*"/).map { String(line[$0.range]) }.joined(separator: " ")
    }

    /// « 2 réponses », « 1 question » : the nouns the session counts.
    static var countedNoun: Regex<(Substring, Substring, Substring, Substring)> {
        /(\d[\d\u{202F}\u{A0}]*) (réponse|question|commune|élément|indicateur|erreur|avertissement|champ|structure|fiche)(s?)\b/
    }

    /// Every message and template the tool ships, read as text: a count written « (s) » would
    /// print as such whatever the number.
    @Test func noShippedTextSpellsAPluralInBrackets() throws {
        var offenders: [String] = []
        for folder in ["Sources", "templates"] {
            let root = Shared.root + "/" + folder
            let files = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
            #expect(files.count > 10, "\(folder) not found")
            for file in files where file.hasSuffix(".swift") || file.hasSuffix(".yaml") || file.hasSuffix(".mustache") {
                let text = try String(contentsOfFile: root + "/" + file, encoding: .utf8)
                for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                where Self.shownText(of: line, swift: file.hasSuffix(".swift")).contains(Self.bracketedEnding) {
                    offenders.append("\(folder)/\(file):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
                }
            }
        }
        #expect(offenders.isEmpty, "\(offenders.joined(separator: "\n"))")
    }
}
