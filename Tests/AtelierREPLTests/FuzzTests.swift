import AtelierCore
import AtelierStore
import Foundation
import Testing
@testable import AtelierREPL

/// Random and adversarial lines into a session: no crash, no hang, every refused line gets a
/// French sentence and writes nothing. `FUZZ_LINES=10000 swift test --filter Fuzz` for the
/// long run (README, « Robustesse »).
@Suite struct FuzzTests {
    static let lineCount = Int(ProcessInfo.processInfo.environment["FUZZ_LINES"] ?? "") ?? 1_500

    /// Lines a tired or malicious user, or a broken script, could send.
    static let adversarial: [String] = [
        "", " ", "\t\t", String(repeating: " ", count: 10_000), String(repeating: "9", count: 5_000), String(repeating: "é", count: 100_000),
        "1e309", "-1e309", "nan", "NaN", "inf", "-0", "+0", "0x1F", "12,5", "12.5", "12,", ",5", "1 2 3", "1\u{202F}234", "١٢٣", "１２",
        "31/02/2026", "29/02/2025", "00/00/0000", "2026-13-01", "99/99/9999", "22/11/2026", "-1", "99999999999999999999999",
        "oui", "non", "peut-être", "OUI ", "\u{0}", "a\u{0}b", "\u{7}\u{8}\u{1B}[2J", "\u{202E}evil", "🏥🚑", "\"", "'", ";;;;;", "; ; ;", "|||",
        "/", "//", "/ ", "/aide", "/aide aide", "/aide /quitter", "/aller", "/aller ../../etc", "/aller territoire", "/aller x.y.z",
        "/modifier", "/modifier territoire.nom", "/modifier territoire.nom \u{0}", "/modifier plan.fiches.999.pilote x", "/modifier plan.fiches.-1.x y",
        "/modifier financement.recettes.1.montant 1e309", "/deplacer", "/deplacer 0 9999", "/deplacer a b", "/retirer", "/retirer -1",
        "/retirer 99999999999999999999", "/historique", "/historique ../", "/revoir nimporte", "/source", "/source " + String(repeating: "x", count: 5_000),
        "/participant", "/participant \u{1B}", "/confirmer", "/confirmer x", "/synthese zz", "/synthèse", "/plan", "/verifier", "/passer", "/retour",
        "/sections", "/SECTIONS", "/Synthèse manquants", "/importer", "/importer rpps", "/importer rpps /nonexistent/file", "/importer xls a",
        "/exporter", "/exporter docx", "/exporter cls /nonexistent/dir/x.md", "/zzz", "/quitte", "14118", "2A004", "20004", "97611", "200065597",
        "MSP ; X ; 14118 ; en fonctionnement ; 12", "MSP ; ; ; ;", "creation_msp ; ; ; ; ; ;", "nouvelle", "1 ; detr ; sollicité ; ; 30",
    ] + hostile

    /// Issue 10: terminal control sequences where a name or a source is stored, and lines as
    /// long as a script may send (just under `InputLimits.lineBytes`).
    static let hostile: [String] = [
        "/participant \u{1B}]0;pwned\u{7}", "/participant Marie\u{1B}[2J\u{1B}[H", "/participant \u{9B}31mrouge", "/participant a\u{202E}b",
        "/participant Marie\tDupont", "/source \u{1B}[2J C@rtoSanté 2025", "/source \u{1B}]8;;http://x\u{7}lien\u{1B}]8;;\u{7}", "/source \u{7F}2025",
        "/source a\u{2066}b 2025", "/participant " + String(repeating: "p", count: 300), "/source " + String(repeating: "s", count: 600),
        "/modifier " + String(repeating: "k", count: 60_000), "/modifier " + String(repeating: "k.", count: 30_000) + " 1",
        "/aller " + String(repeating: "é", count: 30_000), "/historique " + String(repeating: "h", count: 60_000),
        "/revoir " + String(repeating: "r", count: 60_000), "/synthese " + String(repeating: "s", count: 60_000),
        "/" + String(repeating: "z", count: 60_000), String(repeating: "1", count: 65_000), String(repeating: "14118 ", count: 10_000),
        "/modifier territoire.communes " + String(repeating: "14118 ", count: 2_700), "/modifier territoire.nom " + String(repeating: "n", count: 5_000),
    ]

    func randomLine(_ generator: inout some RandomNumberGenerator) -> String {
        if Int.random(in: 0..<3, using: &generator) > 0 { return Self.adversarial.randomElement(using: &generator)! }
        // Random Unicode soup, including control characters and combining marks.
        let length = Int.random(in: 0..<80, using: &generator)
        return String(String.UnicodeScalarView((0..<length).compactMap { _ in
            Unicode.Scalar(UInt32.random(in: [0...0x7F, 0x80...0x2FF, 0x300...0x36F, 0x2000...0x206F, 0x1F300...0x1F5FF].randomElement(using: &generator)!, using: &generator))
        }))
    }

    @Test(.timeLimit(.minutes(5)))
    func randomAndAdversarialLinesNeverCrashNorWriteWhenRefused() throws {
        let h = try Harness()
        #expect(FileManager.default.changeCurrentDirectoryPath(h.directory))  // any file an export writes lands here
        var generator = SeededGenerator(seed: UInt64(ProcessInfo.processInfo.environment["FUZZ_SEED"] ?? "") ?? 20_261_122)
        let store = try WorkbookStore(path: h.path, appVersion: "test")
        var refused = 0
        for _ in 0..<Self.lineCount {
            let line = randomLine(&generator)
            let before = try store.changeCount()
            let outcome = h.controller.handle(line)
            if case .refused(let message) = outcome {
                refused += 1
                #expect(try store.changeCount() == before, "« \(line.prefix(60)) » was refused but wrote")
                #expect(!message.isEmpty && !message.contains("Swift") && !message.contains("Optional("), "\(message)")
                // Another library's words, or two messages glued together, are not a sentence
                // (what the user typed, quoted « … », may hold anything).
                let own = message.replacingOccurrences(of: "«[^»]*»", with: "«»", options: .regularExpression)
                for foreign in ["Error Domain", "The operation", "The file", "couldn’t", "..", "error:"] {
                    #expect(!own.contains(foreign), "« \(foreign) » in: \(message.prefix(200))")
                }
                #expect(message.first?.isUppercase == true || message.hasPrefix("/"), "a sentence: \(message.prefix(80))")
            }
            if outcome == .quit { try h.open() }
        }
        #expect(refused > Self.lineCount / 3)
        // Nothing that acts on a terminal was stored as who speaks or where figures come from.
        for name in ["participant", "source"] {
            let stored = try store.state(name) ?? ""
            #expect(!TerminalText.containsControlCharacters(stored), "\(name) « \(stored.prefix(60)) »")
        }
        let integrity = try WorkbookStore(path: h.path, appVersion: "test").integrityCheck()
        #expect(integrity == "ok")
    }
}

/// xorshift64*: reproducible fuzzing from a seed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed == 0 ? 1 : seed }
    mutating func next() -> UInt64 {
        state ^= state >> 12; state ^= state << 25; state ^= state >> 27
        return state &* 2_685_821_657_736_338_717
    }
}
