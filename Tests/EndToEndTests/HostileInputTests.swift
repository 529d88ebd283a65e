import Foundation
import GRDB
import Testing

/// Hostile input through the binary: values edited into the workbook with sqlite3, endless or
/// huge lines, megabyte keys, and control sequences meant for the terminal (issue 10).
@Suite struct HostileInputTests {
    static let prepared =
        "Pays test\ncommune\n14118\n/modifier demographie.infirmiers.effectif 10\n/modifier demographie.infirmiers.age_60_plus 4\n"
    static let effectif = "demographie.infirmiers.effectif"

    func prepare(_ sandbox: Sandbox) throws -> String {
        let workbook = sandbox.path + "/t.sqlite"
        let result = try Binary.run([workbook], input: Self.prepared, in: sandbox.path)
        #expect(result.status == 0, "\(result.errors)")
        return workbook
    }

    /// What someone does with `sqlite3 t.sqlite "UPDATE answer …"`.
    func edit(_ workbook: String, _ sql: String, _ arguments: StatementArguments = StatementArguments()) throws {
        let queue = try DatabaseQueue(path: workbook)
        try queue.write { try $0.execute(sql: sql, arguments: arguments) }
        try queue.close()
    }

    func setEffectif(_ workbook: String, _ json: String) throws {
        try edit(workbook, "UPDATE answer SET value = ?, display = ? WHERE key = ?", [json, json, Self.effectif])
    }

    /// The binary with its standard input read from `path` (`/dev/zero`, a prepared file).
    func run(_ workbook: String, stdinFrom path: String, in directory: String) throws -> Binary.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Binary.path)
        process.arguments = [workbook]
        process.environment = Binary.baseEnvironment(directory)
        let output = directory + "/.out", errors = directory + "/.err"
        _ = FileManager.default.createFile(atPath: output, contents: nil)
        _ = FileManager.default.createFile(atPath: errors, contents: nil)
        process.standardInput = FileHandle(forReadingAtPath: path)
        process.standardOutput = FileHandle(forWritingAtPath: output)
        process.standardError = FileHandle(forWritingAtPath: errors)
        try process.run()
        process.waitUntilExit()
        return Binary.Result(
            status: process.terminationStatus,
            output: String(decoding: FileManager.default.contents(atPath: output) ?? Data(), as: UTF8.self),
            errors: String(decoding: FileManager.default.contents(atPath: errors) ?? Data(), as: UTF8.self))
    }

    // MARK: - Values read back (defects 1 and 2)

    @Test(.timeLimit(.minutes(2)))
    func anEffectifOf2Pow63Minus1EditedWithSqliteIsSetAsideInsteadOfTrapping() throws {
        let sandbox = Sandbox()
        let workbook = try prepare(sandbox)
        try setEffectif(workbook, #"{"type":"entier","valeur":9223372036854775807}"#)
        let result = try Binary.run([workbook], input: "/synthèse\n/synthèse demographie\n", in: sandbox.path)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.errors.isEmpty)
        #expect(
            result.output.contains(
                "⚠ La réponse à demographie.infirmiers.effectif (9\u{202F}223\u{202F}372\u{202F}036\u{202F}854\u{202F}775\u{202F}807) est hors des bornes attendues (un nombre entier entre 0 et 100\u{202F}000) : elle n'est pas utilisée ; /modifier demographie.infirmiers.effectif pour la corriger."
            ), "\(result.output.prefix(2000))")
        let row = result.output.split(separator: "\n").first { $0.trimmed.hasPrefix("Infirmiers ") }.map(String.init) ?? ""
        #expect(row.split(separator: " ").dropFirst().first == "—", "\(row)")
    }

    @Test func aNegativeEffectifIsWarnedAboutLeftOutOfTheSynthesisAndCorrectable() throws {
        let sandbox = Sandbox()
        let workbook = try prepare(sandbox)
        try setEffectif(workbook, #"{"type":"entier","valeur":-5}"#)
        let warning =
            "⚠ La réponse à demographie.infirmiers.effectif (-5) est hors des bornes attendues (un nombre entier entre 0 et 100\u{202F}000) : elle n'est pas utilisée ; /modifier demographie.infirmiers.effectif pour la corriger."

        var opened = try Binary.run([workbook], input: "/synthèse demographie\n/revoir demographie\n", in: sandbox.path)
        #expect(opened.status == 0, "\(opened.errors)")
        // Lines folded at 100 columns read as one.
        opened.output = opened.output.replacingOccurrences(of: "\n +", with: " ", options: .regularExpression)
        #expect(opened.output.contains(warning))
        #expect(
            opened.output.contains(
                "⚠ Une réponse enregistrée n'est pas utilisée (hors des bornes attendues ou invalide) : les indicateurs qui en dépendent sont comptés comme manquants."
            ))
        #expect(opened.output.contains("demographie.infirmiers.effectif = -5 ; /modifier demographie.infirmiers.effectif pour la corriger"))
        // (As a share, not as « -80 » anywhere: the sandbox's random path may hold that.)
        #expect(!opened.output.contains("-80\u{00A0}%") && !opened.output.contains("-80,"), "4 / −5 must not be shown as a share")
        #expect(
            opened.output.split(separator: "\n").contains { $0.contains(Self.effectif + " ") && $0.contains(" ⚠ -5 ") }, "/revoir marks it")

        // The dependent bound falls back to the question's own while the effectif is unusable,
        // and the correction is checked like any answer.
        let corrected = try Binary.run([workbook], input: "/modifier demographie.infirmiers.effectif 10\n", in: sandbox.path)
        #expect(corrected.status == 0, "\(corrected.errors)")
        let reopened = try Binary.run([workbook], input: "/synthèse demographie\n", in: sandbox.path)
        #expect(!reopened.output.contains("⚠ La réponse à"))
        let row =
            reopened.output.split(separator: "\n").first { $0.trimmed.hasPrefix("Infirmiers ") && $0.contains("%") }.map(String.init) ?? ""
        #expect(row.contains("40\u{00A0}%"), "4 / 10: \(row)")
    }

    // MARK: - Line length (defect 3)

    @Test(.timeLimit(.minutes(1)))
    func devZeroOnStandardInputEndsAtOnceWithExit1() throws {
        let sandbox = Sandbox()
        let workbook = try prepare(sandbox)
        let before = try InvalidInputTests.dump(workbook)
        let result = try run(workbook, stdinFrom: "/dev/zero", in: sandbox.path)
        #expect(result.status == 1)
        #expect(
            result.errors.hasPrefix(
                "Ligne 1 : Ligne trop longue (plus de 65\u{202F}536 octets) : aucune réponse n'est si longue. Rien n'a été enregistré."),
            "\(result.errors.prefix(300))")
        #expect(try InvalidInputTests.dump(workbook) == before)
    }

    @Test func aLineOverTheLimitIsRefusedWithItsNumberAndOneAtTheLimitReachesTheSession() throws {
        let sandbox = Sandbox()
        let workbook = try prepare(sandbox)
        let before = try InvalidInputTests.dump(workbook)
        let long = try Binary.run(
            [workbook], input: "/sections\n" + String(repeating: "a", count: 65_537) + "\n/modifier territoire.nom X\n", in: sandbox.path)
        #expect(long.status == 1)
        #expect(long.errors.hasPrefix("Ligne 2 : Ligne trop longue (plus de 65\u{202F}536 octets)"), "\(long.errors.prefix(300))")
        #expect(try InvalidInputTests.dump(workbook) == before)
        // 65 536 bytes exactly (with a CR before the LF): read, then judged by the session.
        let source = "/source " + String(repeating: "s", count: 65_536 - 8)
        let limit = try Binary.run([workbook], input: source + "\r\n", in: sandbox.path)
        #expect(limit.status == 1)
        #expect(limit.errors.hasPrefix("Ligne 1 : Source refusée : elle dépasse 500 caractères."), "\(limit.errors.prefix(300))")
    }

    // MARK: - A département's communes (defect 4)

    @Test(.timeLimit(.minutes(2)))
    func theWholePasDeCalaisCanBeEnteredAsTheTerritory() throws {
        let tsv = try String(contentsOfFile: Binary.projectRoot + "/data/communes.tsv", encoding: .utf8)
        var codes: [String] = []
        for line in tsv.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            if fields.count > 2, fields[2] == "62" { codes.append(String(fields[0])) }
        }
        #expect(codes.count == 887)
        let sandbox = Sandbox()
        let workbook = sandbox.path + "/pas-de-calais.sqlite"
        let line = codes.joined(separator: ", ")
        #expect(line.count > 4_000)
        let result = try Binary.run([workbook], input: "Pas-de-Calais\ndépartement\n\(line)\n", in: sandbox.path)
        #expect(result.status == 0, "\(result.errors.prefix(500))")
        #expect(result.output.contains("✓ territoire.communes = 887 communes"))
        let stored =
            try DatabaseQueue(path: workbook).read {
                try String.fetchOne($0, sql: "SELECT value FROM answer WHERE key = 'territoire.communes'")
            } ?? ""
        #expect(codes.allSatisfy { stored.contains("\"\($0)\"") })
    }

    // MARK: - Long keys (defect 5)

    @Test(.timeLimit(.minutes(1)))
    func aHugeKeyInModifierIsRefusedAtOnceAndQuotedShort() throws {
        let sandbox = Sandbox()
        let workbook = try prepare(sandbox)
        let before = try InvalidInputTests.dump(workbook)
        let result = try Binary.run([workbook], input: "/modifier " + String(repeating: "k", count: 60_000) + " 3\n", in: sandbox.path)
        #expect(result.status == 1)
        #expect(
            result.errors.hasPrefix(
                "Ligne 1 : Clé trop longue : « \(String(repeating: "k", count: 40))… » dépasse 200 caractères ; une clé de question est courte, comme demographie.infirmiers.effectif."
            ), "\(result.errors.prefix(300))")
        #expect(result.errors.count < 1_000)
        let megabyte = try Binary.run([workbook], input: "/modifier " + String(repeating: "k", count: 1_000_000) + "\n", in: sandbox.path)
        #expect(megabyte.status == 1)
        #expect(megabyte.errors.hasPrefix("Ligne 1 : Ligne trop longue"))
        #expect(try InvalidInputTests.dump(workbook) == before)
    }

    // MARK: - Terminal injection (defect 6)

    @Test(arguments: [
        ("/participant \u{1B}]0;pwned\u{7}Marie", "Ligne 1 : Nom de participant refusé : il contient des caractères de contrôle"),
        ("/participant Marie\u{1B}[2J\u{1B}[H", "Ligne 1 : Nom de participant refusé : il contient des caractères de contrôle"),
        ("/source C@rtoSanté\u{9B}2J 2025", "Ligne 1 : Source refusée : elle contient des caractères de contrôle"),
        ("/source \u{1B}]0;pwned\u{7}", "Ligne 1 : Source refusée : elle contient des caractères de contrôle"),
    ])
    func controlSequencesInParticipantOrSourceAreRefused(line: String, message: String) throws {
        let sandbox = Sandbox()
        let workbook = try prepare(sandbox)
        let before = try InvalidInputTests.dump(workbook)
        let result = try Binary.run([workbook], input: line + "\n", in: sandbox.path)
        #expect(result.status == 1)
        #expect(result.errors.hasPrefix(message), "\(result.errors)")
        #expect(!(result.output + result.errors).contains("\u{1B}"))
        #expect(try InvalidInputTests.dump(workbook) == before)
    }

    @Test func aTerritoryNameWithAnEscapeSequenceIsRefusedByThePicker() throws {
        let sandbox = Sandbox()
        let result = try Binary.run([], input: "\u{1B}]0;pwned\u{7}Caen\n", in: sandbox.path)
        #expect(result.status == 1)
        #expect(result.errors.hasPrefix("Ligne 1 : Nom de territoire refusé : il contient des caractères de contrôle"), "\(result.errors)")
        let created = (try? FileManager.default.contentsOfDirectory(atPath: sandbox.path + "/sessions")) ?? []
        #expect(!created.contains { $0.hasSuffix(".sqlite") }, "\(created)")
    }

    @Test func controlCharactersStoredByHandAreShownNeverObeyed() throws {
        let sandbox = Sandbox()
        let workbook = try prepare(sandbox)
        let osc = "\u{1B}]0;pwned\u{7}", clear = "\u{1B}[2J\u{1B}[H"
        try edit(
            workbook, "UPDATE answer SET participant = ?, source = ?, value = ?, display = ? WHERE key = 'territoire.nom'",
            [osc + "Marie", clear + "C@rtoSanté", #"{"type":"texte","valeur":"Pays\u001b[2J test"}"#, "Pays\u{1B}[2J test"])
        try edit(
            workbook,
            """
            INSERT INTO answer_event (key, value, display, participant, source, origin, recorded_at)
            VALUES ('territoire.nom', '{"type":"texte","valeur":"x"}', ?, ?, ?, 'saisie', '2026-12-01T10:00:00.000Z')
            """, ["Pays" + clear, osc + "Marie", "\u{9B}2J\u{7F}\u{202E}source"])
        let result = try Binary.run(
            [workbook], input: "/revoir territoire\n/historique territoire.nom\n/synthèse territoire\n", in: sandbox.path)
        #expect(result.status == 0, "\(result.errors)")
        let everything = result.output + result.errors
        #expect(
            !everything.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}" },
            "a control character reached the terminal")
        #expect(result.output.contains("\u{241B}]0;pwned\u{2407}Marie"))
        #expect(result.output.contains("Pays\u{241B}[2J test"))
    }
}
