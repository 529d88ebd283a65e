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
    static let adversarial: [String] =
        [
            "", " ", "\t\t", String(repeating: " ", count: 10_000), String(repeating: "9", count: 5_000),
            String(repeating: "é", count: 100_000),
            "1e309", "-1e309", "nan", "NaN", "inf", "-0", "+0", "0x1F", "12,5", "12.5", "12,", ",5", "1 2 3", "1\u{202F}234", "١٢٣", "１２",
            "31/02/2026", "29/02/2025", "00/00/0000", "2026-13-01", "99/99/9999", "22/11/2026", "-1", "99999999999999999999999",
            "oui", "non", "peut-être", "OUI ", "\u{0}", "a\u{0}b", "\u{7}\u{8}\u{1B}[2J", "\u{202E}evil", "🏥🚑", "\"", "'", ";;;;;", "; ; ;",
            "|||",
            "/", "//", "/ ", "/aide", "/aide aide", "/aide /quitter", "/aller", "/aller ../../etc", "/aller territoire", "/aller x.y.z",
            "/modifier", "/modifier territoire.nom", "/modifier territoire.nom \u{0}", "/modifier plan.fiches.999.pilote x",
            "/modifier plan.fiches.-1.x y",
            "/modifier financement.recettes.1.montant 1e309", "/deplacer", "/deplacer 0 9999", "/deplacer a b", "/retirer", "/retirer -1",
            "/retirer 99999999999999999999", "/historique", "/historique ../", "/revoir nimporte", "/source",
            "/source " + String(repeating: "x", count: 5_000),
            "/participant", "/participant \u{1B}", "/confirmer", "/confirmer x", "/synthese zz", "/synthèse", "/plan", "/verifier",
            "/passer", "/retour",
            "/sections", "/SECTIONS", "/Synthèse manquants", "/importer", "/importer rpps", "/importer rpps /nonexistent/file",
            "/importer xls a",
            "/exporter", "/exporter docx", "/exporter cls /nonexistent/dir/x.md", "/zzz", "/quitte", "14118", "2A004", "20004", "97611",
            "200065597",
            "MSP ; X ; 14118 ; en fonctionnement ; 12", "MSP ; ; ; ;", "creation_msp ; ; ; ; ; ;", "nouvelle",
            "1 ; detr ; sollicité ; ; 30 ; 2027",
        ] + hostile

    /// Issue 10: terminal control sequences where a name or a source is stored, and lines as
    /// long as a script may send (just under `InputLimits.lineBytes`).
    static let hostile: [String] = [
        "/participant \u{1B}]0;pwned\u{7}", "/participant Marie\u{1B}[2J\u{1B}[H", "/participant \u{9B}31mrouge", "/participant a\u{202E}b",
        "/participant Marie\tDupont", "/source \u{1B}[2J C@rtoSanté 2025", "/source \u{1B}]8;;http://x\u{7}lien\u{1B}]8;;\u{7}",
        "/source \u{7F}2025",
        "/source a\u{2066}b 2025", "/participant " + String(repeating: "p", count: 300), "/source " + String(repeating: "s", count: 600),
        "/modifier " + String(repeating: "k", count: 60_000), "/modifier " + String(repeating: "k.", count: 30_000) + " 1",
        "/aller " + String(repeating: "é", count: 30_000), "/historique " + String(repeating: "h", count: 60_000),
        "/revoir " + String(repeating: "r", count: 60_000), "/synthese " + String(repeating: "s", count: 60_000),
        "/" + String(repeating: "z", count: 60_000), String(repeating: "1", count: 65_000), String(repeating: "14118 ", count: 10_000),
        "/modifier territoire.communes " + String(repeating: "14118 ", count: 2_700),
        "/modifier territoire.nom " + String(repeating: "n", count: 5_000),
    ]

    func randomLine(_ generator: inout some RandomNumberGenerator) -> String {
        if Int.random(in: 0..<3, using: &generator) > 0 { return Self.adversarial.randomElement(using: &generator)! }
        // Random Unicode soup, including control characters and combining marks.
        let length = Int.random(in: 0..<80, using: &generator)
        return String(
            String.UnicodeScalarView(
                (0..<length).compactMap { _ in
                    Unicode.Scalar(
                        UInt32.random(
                            in: [0...0x7F, 0x80...0x2FF, 0x300...0x36F, 0x2000...0x206F, 0x1F300...0x1F5FF].randomElement(
                                using: &generator)!, using: &generator))
                }))
    }

    /// Where the session's `templates/` stands: the real folder, absent, unreadable (chmod 000,
    /// which root ignores) or a file where the folder should be (the unreadable case for root).
    enum Templates: String, CaseIterable, CustomTestStringConvertible {
        case shipped, missing, unreadable, fileInstead
        var testDescription: String { rawValue }
        static let isRoot = geteuid() == 0
    }

    /// A copy of the tool's `data/` in `directory`, with `templates/` as `templates` says.
    static func resources(_ templates: Templates, in directory: String) throws -> Resources {
        guard templates != .shipped else { return Shared.resources }
        let root = directory + "/outil"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Shared.root + "/data", toPath: root + "/data")
        switch templates {
        case .shipped, .missing: break
        case .unreadable:
            try FileManager.default.copyItem(atPath: Shared.root + "/templates", toPath: root + "/templates")
            try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: root + "/templates")
        case .fileInstead:
            #expect(FileManager.default.createFile(atPath: root + "/templates", contents: Data("pas un dossier\n".utf8)))
        }
        return Resources(root: root)
    }

    @Test(.timeLimit(.minutes(5)), arguments: [Templates.shipped, .missing, .fileInstead])
    func randomAndAdversarialLinesNeverCrashNorWriteWhenRefused(templates: Templates) throws {
        let h = try Harness()
        let resources = try Self.resources(templates, in: h.directory)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: resources.root + "/templates") }
        // The questionnaire was loaded at startup; every other file of templates/ is read by the
        // session, which must say in French which one it cannot read.
        func open() throws {
            let store = try WorkbookStore(path: h.path, appVersion: "test")
            h.controller = try SessionController(
                questionnaire: Shared.questionnaire, store: store, resources: SessionResources(resources),
                console: h.console, interactive: false)
            h.controller.start()
        }
        try open()
        // Exports name absolute paths or none (then beside the workbook): nothing lands in the
        // working directory, which is not changed (other suites run in parallel).
        let workingDirectory = FileManager.default.currentDirectoryPath
        func documents() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: workingDirectory).filter { $0.hasSuffix(".md") || $0.hasSuffix(".csv") }
                .sorted()
        }
        let documentsBefore = try documents()
        var generator = SeededGenerator(seed: UInt64(ProcessInfo.processInfo.environment["FUZZ_SEED"] ?? "") ?? 20_261_122)
        let store = try WorkbookStore(path: h.path, appVersion: "test")
        let lines = templates == .shipped ? Self.lineCount : Self.lineCount / 3
        var refused = 0
        for _ in 0..<lines {
            let line = randomLine(&generator)
            let before = try store.changeCount()
            let outcome = h.controller.handle(line)
            if case .refused(let message) = outcome {
                refused += 1
                #expect(try store.changeCount() == before, "« \(line.prefix(60)) » was refused but wrote")
                #expect(!message.isEmpty && !message.contains("Swift") && !message.contains("Optional("), "\(message)")
                #expect(
                    FrenchSentence.foreign(in: message) == nil,
                    "« \(FrenchSentence.foreign(in: message) ?? "") » in: \(message.prefix(200))")
                #expect(message.first?.isUppercase == true || message.hasPrefix("/"), "a sentence: \(message.prefix(80))")
            }
            if outcome == .quit { try open() }
        }
        for text in h.console.errors {
            #expect(FrenchSentence.foreign(in: text) == nil, "« \(FrenchSentence.foreign(in: text) ?? "") » in: \(text.prefix(200))")
        }
        #expect(refused > lines / 3)
        #expect(FileManager.default.currentDirectoryPath == workingDirectory)
        #expect(try documents() == documentsBefore)
        // Nothing that acts on a terminal was stored as who speaks or where figures come from.
        for name in ["participant", "source"] {
            let stored = try store.state(name) ?? ""
            #expect(!TerminalText.containsControlCharacters(stored), "\(name) « \(stored.prefix(60)) »")
        }
        let integrity = try WorkbookStore(path: h.path, appVersion: "test").integrityCheck()
        #expect(integrity == "ok")
    }

    @Test(.enabled(if: !Templates.isRoot, "root reads a chmod 000 folder anyway: the templates-as-a-file case stands for it"))
    func anUnreadableTemplatesFolderIsFuzzedWhenNotRoot() throws {
        try randomAndAdversarialLinesNeverCrashNorWriteWhenRefused(templates: .unreadable)
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
