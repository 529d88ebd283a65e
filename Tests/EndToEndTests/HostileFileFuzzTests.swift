import Foundation
import Testing

/// A few mutated templates and YAML files through the binary (the many run at unit level, in
/// AtelierDocumentsTests): each run exits 0 with its document, or 1 with a French sentence and
/// nothing written — never a signal. `FUZZ_TEMPLATES=N` runs N / 20 per file, `FUZZ_SEED` replays.
@Suite struct HostileFileFuzzTests {
    static let environment = ProcessInfo.processInfo.environment
    static let runs = max(4, (Int(environment["FUZZ_TEMPLATES"] ?? "") ?? 0) / 20)
    static let seed = UInt64(environment["FUZZ_SEED"] ?? "") ?? 20_261_201

    static let tokens = [
        "{{", "}}", "{{#a}}", "{{/a}}", "{{> fiche}}", "{{> contrat}}", "{{> plan}}", "{{!", "{{=<% %>=}}", "{{{",
        ": ", "- ", "\t", "*a", "1e400", "-1e30", "cle: doublon", "min: 100", "[", "\"", "\u{0}", "|",
    ]

    /// Repeats, cuts or salts a few lines, with a replayable generator.
    static func mutate(_ text: String, _ state: inout UInt64) -> String {
        func next(_ bound: Int) -> Int {
            state ^= state >> 12; state ^= state << 25; state ^= state >> 27
            return Int((state &* 2_685_821_657_736_338_717) % UInt64(max(bound, 1)))
        }
        var lines = text.components(separatedBy: "\n")
        for _ in 0...next(3) {
            let index = next(lines.count)
            switch next(4) {
            case 0: lines.insert(contentsOf: lines[index..<min(lines.count, index + 1 + next(10))], at: next(lines.count + 1))
            case 1: lines.removeSubrange(index..<min(lines.count, index + 1 + next(5)))
            case 2: lines[index] += String(repeating: tokens[next(tokens.count)], count: [1, 80, 2_000][next(3)])
            default: lines[index] = tokens[next(tokens.count)] + lines[index]
            }
            if lines.isEmpty { lines = [""] }
        }
        return lines.joined(separator: "\n")
    }

    @Test(
        .timeLimit(.minutes(20)),
        arguments: [
            ("templates/cls/fiche.mustache", "cls"), ("templates/cls/contrat.mustache", "cls"),
            ("templates/financement/plan.mustache", "plan"), ("templates/financement/catalogue.yaml", "plan"),
            ("templates/questionnaire.yaml", ""),
        ])
    func mutatedFilesEndInADocumentOrAFrenchRefusal(file: String, export: String) throws {
        let sandbox = Sandbox()
        let resources = try sandbox.copyOfTheTool()
        let workbook = sandbox.path + "/t.sqlite"
        #expect(try Binary.run([workbook, "--ressources", resources], input: "Pays test\n", in: sandbox.path).status == 0)
        let original = try String(contentsOfFile: resources + "/" + file, encoding: .utf8)
        var state = Self.seed ^ UInt64(file.utf8.count)
        var refused = 0
        for index in 0..<Self.runs {
            try Self.mutate(original, &state).write(toFile: resources + "/" + file, atomically: true, encoding: .utf8)
            if export.isEmpty {
                let fresh = sandbox.path + "/neuf-\(index).sqlite"
                let result = try Binary.run([fresh, "--ressources", resources], input: "X\n", in: sandbox.path)
                #expect(result.status == 0 || result.status == 1, "case \(index): status \(result.status) \(result.errors.prefix(300))")
                if result.status == 1 {
                    refused += 1
                    #expect(
                        result.errors.hasPrefix("Fichier de configuration invalide — templates/questionnaire.yaml"),
                        "case \(index): \(result.errors.prefix(300))")
                    #expect(FrenchSentence.foreign(in: result.errors) == nil, "case \(index): \(result.errors.prefix(300))")
                    #expect(!FileManager.default.fileExists(atPath: fresh))
                }
                continue
            }
            let before = try InvalidInputTests.dump(workbook)
            let document = sandbox.path + "/t-\(export).md"
            let result = try Binary.run([workbook, "--ressources", resources], input: "/exporter \(export)\n", in: sandbox.path)
            #expect(result.status == 0 || result.status == 1, "case \(index): status \(result.status) \(result.errors.prefix(300))")
            if result.status == 1 {
                refused += 1
                #expect(result.errors.contains("non écrit — templates/"), "case \(index): \(result.errors.prefix(300))")
                #expect(FrenchSentence.foreign(in: result.errors) == nil, "case \(index): \(result.errors.prefix(300))")
                #expect(!FileManager.default.fileExists(atPath: document), "case \(index): a refused export wrote its document")
            } else {
                #expect(FileManager.default.fileExists(atPath: document), "case \(index): \(result.output.suffix(300))")
            }
            #expect(try InvalidInputTests.dump(workbook) == before)
            try? FileManager.default.removeItem(atPath: document)
        }
        print("FUZZ binary \(file) seed \(Self.seed): \(Self.runs) runs, \(refused) refused in French")
    }

    /// `templates/` absent, a file where the folder should be, or unreadable: the tool cannot
    /// even read its questionnaire, and says so in French.
    @Test(arguments: ["absent", "fichier"])
    func aMissingTemplatesFolderIsRefusedInFrench(state: String) throws {
        try expectRefusedAtStartup(templates: state)
    }

    @Test(.enabled(if: geteuid() != 0, "root reads a chmod 000 folder anyway: the « fichier » case stands for it"))
    func anUnreadableTemplatesFolderIsRefusedInFrench() throws {
        try expectRefusedAtStartup(templates: "illisible")
    }

    func expectRefusedAtStartup(templates state: String) throws {
        let sandbox = Sandbox()
        let resources = try sandbox.copyOfTheTool(["data"])
        let templates = resources + "/templates"
        switch state {
        case "fichier": #expect(FileManager.default.createFile(atPath: templates, contents: Data("pas un dossier\n".utf8)))
        case "illisible":
            try FileManager.default.copyItem(atPath: Binary.projectRoot + "/templates", toPath: templates)
            try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: templates)
        default: break
        }
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: templates) }
        let result = try Binary.run(
            [sandbox.path + "/t.sqlite", "--ressources", resources],
            input: "Pays test\n/exporter cls\n/synthese\n/aller plan.fiches\n\u{0}..\n", in: sandbox.path)
        #expect(!result.signaled && !result.hung, "\(result.errors)")
        #expect(result.status == 1, "\(result.errors)")
        #expect(result.errors.hasPrefix("Fichier de configuration invalide — templates/questionnaire.yaml : "), "\(result.errors)")
        #expect(FrenchSentence.foreign(in: result.errors) == nil, "\(result.errors.prefix(300))")
        #expect(!FileManager.default.fileExists(atPath: sandbox.path + "/t.sqlite"))
    }
}
