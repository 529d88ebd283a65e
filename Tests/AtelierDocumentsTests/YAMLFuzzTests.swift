import AtelierCore
import Foundation
import Testing

/// Mutated copies of every YAML file a user may edit (`FUZZ_TEMPLATES=N` per file, `FUZZ_SEED`
/// to replay), read by their loaders: each ends in a loaded value or a French sentence with
/// the file and a line within it — never a trap (numbers converted to `Int`), never a hang.
@Suite struct YAMLFuzzTests {
    static let yamlTokens = [
        ": ", ":", "- ", "  ", "\t", "&a ", "*a", "*inconnu", "!!int ", "!!str ", "!x ", "1e400", "-1e30", "1e15", ".inf", "-.inf", ".nan",
        "nan", "inf", "9223372036854775807", "-9223372036854775808", "0x7FFFFFFFFFFFFFFF", "1_000", "'", "\"", "[", "]", "{", "}",
        "---", "...", "? ", "| ", "> ", "%YAML 1.1", "#", "~", "null", "oui", "non", "cle: doublon", "min: 100", "max: 1", "max: 1e400",
        "max_reponse: x.y", "annee: 99999", "annee: 1e400", "valeur: -1e300", "plafond: 1e15", "taux_max: 1e15", "si: a > 1e400",
        "\u{0}", "\u{FEFF}", "é", "\u{202E}", "<<: *a",
    ]

    static let files = [
        "templates/questionnaire.yaml", "templates/financement/catalogue.yaml", "templates/plan/fiches.yaml",
        "templates/references/nationales.yaml", "templates/synthese/regles.yaml", "templates/synthese/leviers.yaml",
    ]

    /// Loads `yaml` as the project file `name`, with the other files as shipped.
    static func load(_ name: String, _ yaml: String) throws(FileProblem) {
        let sheetKeys = Set(["creation_msp", "aides_installation"])
        switch name {
        case "templates/questionnaire.yaml": _ = try QuestionnaireLoader.load(yaml: yaml, file: name)
        case "templates/financement/catalogue.yaml":
            _ = try FundingCatalogue(yaml: yaml, file: name, sheetKeys: Shipped.sheetKeys.union(sheetKeys))
        case "templates/plan/fiches.yaml":
            _ = try ActionSheetLibrary(yaml: yaml, file: name, leverKeys: Shipped.leverKeys, national: Shipped.national)
        default:
            let files = (
                national: "templates/references/nationales.yaml", liberal: "templates/references/effectifs_liberaux_2024.tsv",
                rules: "templates/synthese/regles.yaml", levers: "templates/synthese/leviers.yaml"
            )
            func file(_ path: String) -> String { path == name ? yaml : Shipped.text(path) }
            _ = try SynthesisReferences(
                nationalYAML: file(files.national), liberalTSV: file(files.liberal),
                rulesYAML: file(files.rules), leversYAML: file(files.levers), files: files)
        }
    }

    enum Shipped {
        static func text(_ path: String) -> String { (try? ShippedTemplates.text(path)) ?? "" }
        static let references =
            try? SynthesisReferences(
                nationalYAML: text("templates/references/nationales.yaml"),
                liberalTSV: text("templates/references/effectifs_liberaux_2024.tsv"),
                rulesYAML: text("templates/synthese/regles.yaml"), leversYAML: text("templates/synthese/leviers.yaml"))
        static let leverKeys: Set<String> = Set(references?.levers.keys.map { $0 } ?? [])
        static let national = references?.national ?? [:]
        static let sheetKeys: Set<String> = Set(
            (try? ActionSheetLibrary(yaml: text("templates/plan/fiches.yaml"), leverKeys: leverKeys, national: national))?.sheets.map(\.key)
                ?? [])
    }

    @Test(.timeLimit(.minutes(30)), arguments: files)
    func mutatedYAMLFilesEndInAValueOrAFrenchSentence(name: String) throws {
        let shipped = try ShippedTemplates.text(name)
        try Self.load(name, shipped)
        #expect(!Shipped.leverKeys.isEmpty && !Shipped.sheetKeys.isEmpty)
        let mutator = TextMutator(tokens: Self.yamlTokens)
        var generator = SeededGenerator(seed: FuzzSettings.seed ^ UInt64(name.utf8.count))
        var outcome = FuzzOutcome()
        for index in 0..<FuzzSettings.copies {
            let yaml = mutator.mutate(shipped, using: &generator)
            if let only = FuzzSettings.only {
                guard only == index else { continue }
                print("FUZZ case \(index), \(name):\n\(yaml)")
            }
            let start = Date()
            do throws(FileProblem) {
                try Self.load(name, yaml)
                outcome.results += 1
            } catch {
                // A change in one reference file may be refused in another that names it (levers in rules).
                var files = Dictionary(uniqueKeysWithValues: Self.files.map { ($0, Shipped.text($0)) })
                files[name] = yaml
                outcome.refused(error, files: files, case: index)
            }
            outcome.timed(index, since: start)
        }
        print("FUZZ \(name) seed \(FuzzSettings.seed): \(outcome.summary)")
        #expect(outcome.problems.isEmpty, "\(outcome.problems.prefix(10).joined(separator: "\n"))")
        if FuzzSettings.copies >= 50 { #expect(outcome.refusals > 0, "\(outcome.summary)") }
    }
}
