import Foundation
import Testing

/// Templates and YAML files edited by hand into something hostile, run through the binary:
/// each is refused with a French sentence naming the file and the line, with exit status 1
/// (never a signal), and nothing is written.
@Suite struct HostileTemplateTests {
    /// A sandbox holding a workbook and a copy of the project's `templates/` and `data/`.
    final class Setup {
        let sandbox = Sandbox()
        let resources: String
        var workbook: String { sandbox.path + "/t.sqlite" }

        init(answers: String = "Pays test\n") throws {
            resources = try sandbox.copyOfTheTool()
            let first = try run(answers)
            #expect(first.status == 0, "\(first.errors)")
        }

        func run(_ input: String) throws -> Binary.Result {
            try Binary.run([workbook, "--ressources", resources], input: input, in: sandbox.path)
        }

        /// Rewrites `path` (relative to the resources) and returns its new text.
        @discardableResult
        func edit(_ path: String, _ change: (String) -> String) throws -> String {
            let file = resources + "/" + path
            let text = change(try String(contentsOfFile: file, encoding: .utf8))
            try text.write(toFile: file, atomically: true, encoding: .utf8)
            return text
        }

        func lineCount(_ text: String) -> Int { text.components(separatedBy: "\n").count }

        /// `/exporter what` is refused with `message`, the workbook untouched and no document written.
        func expectRefusedExport(_ what: String, _ message: String, document: String, sourceLocation: SourceLocation = #_sourceLocation)
            throws
        {
            let before = try InvalidInputTests.dump(workbook)
            let result = try run("/exporter \(what)\n")
            #expect(result.status == 1, "status \(result.status): \(result.errors)", sourceLocation: sourceLocation)
            #expect(result.errors.contains(message), "\(result.errors)", sourceLocation: sourceLocation)
            #expect(!FileManager.default.fileExists(atPath: sandbox.path + "/" + document), sourceLocation: sourceLocation)
            #expect(try InvalidInputTests.dump(workbook) == before, sourceLocation: sourceLocation)
        }
    }

    @Test func aPartialIncludingItselfIsRefusedInsteadOfCrashing() throws {
        let setup = try Setup()
        let text = try setup.edit("templates/cls/fiche.mustache") { $0 + "{{> fiche}}\n" }
        try setup.expectRefusedExport(
            "cls",
            "Projet de contrat non écrit — templates/cls/fiche.mustache, ligne \(setup.lineCount(text) - 1) : le modèle partiel « fiche » s'inclut lui-même (fiche → fiche) : le document ne finirait jamais",
            document: "t-cls.md")
    }

    @Test func aPartialIncludingItselfThroughAnotherIsRefused() throws {
        let setup = try Setup()
        let text = try setup.edit("templates/cls/fiche.mustache") { $0 + "{{> contrat}}\n" }
        try setup.expectRefusedExport(
            "cls",
            "templates/cls/fiche.mustache, ligne \(setup.lineCount(text) - 1) : le modèle partiel « contrat » s'inclut lui-même par un autre modèle (contrat → fiche → contrat)",
            document: "t-cls.md")
    }

    @Test func fiveThousandNestedSectionsAreRefusedInsteadOfCrashing() throws {
        let setup = try Setup()
        let text = try setup.edit("templates/cls/contrat.mustache") {
            $0 + String(repeating: "{{#a}}\n", count: 5_000) + String(repeating: "{{/a}}\n", count: 5_000)
        }
        let line = setup.lineCount(text) - 10_000 + 50
        try setup.expectRefusedExport(
            "cls", "templates/cls/contrat.mustache, ligne \(line) : sections imbriquées trop profondément : au plus 50 niveaux",
            document: "t-cls.md")
    }

    @Test func fortyThousandTagsAreRefusedAtOnce() throws {
        let setup = try Setup()
        try setup.edit("templates/financement/plan.mustache") { $0 + String(repeating: "{{territoire}}\n", count: 40_000) }
        try setup.expectRefusedExport(
            "plan", "Plan de financement non écrit — templates/financement/plan.mustache : modèle trop long : ", document: "t-plan.md")
        try setup.expectRefusedExport("plan", " caractères, au plus 100\u{202F}000", document: "t-plan.md")
        try setup.edit("templates/financement/plan.mustache") { $0.replacingOccurrences(of: "{{territoire}}\n", with: "{{territoire}}") }
        try setup.expectRefusedExport("plan", "templates/financement/plan.mustache : modèle trop long", document: "t-plan.md")
    }

    @Test func moreThanFifteenHundredTagsAreRefusedWithTheLine() throws {
        let setup = try Setup()
        let original = try String(contentsOfFile: setup.resources + "/templates/financement/plan.mustache", encoding: .utf8)
        let tags = original.components(separatedBy: "{{").count - 1
        try setup.edit("templates/financement/plan.mustache") { $0 + String(repeating: "{{territoire}}\n", count: 2_000) }
        let line = setup.lineCount(original) - 1 + (1_501 - tags)
        try setup.expectRefusedExport(
            "plan", "templates/financement/plan.mustache, ligne \(line) : modèle trop chargé : plus de 1\u{202F}500 balises",
            document: "t-plan.md")
    }

    @Test(arguments: [
        ("{{! un commentaire jamais fermé\n", 0, "commentaire non fermé : « }} » manque après « {{ »"),
        ("{{#actions}}\n", 0, "section non fermée : « {{/actions}} » manque pour la section « actions » ouverte ici"),
        ("{{/actions}}\n", 0, "fermeture « {{/actions}} » sans section ouverte"),
        ("{{#actions}}\n{{/depenses}}\n", 1, "la section fermée ici (« {{/depenses}} ») n'est pas celle qui est ouverte : « actions »"),
        ("{{territoire\n", 0, "balise non terminée : « }} » manque après « {{ »"),
    ])
    func everyMustacheMistakeIsSaidInFrenchWithFileAndLine(appended: String, offset: Int, message: String) throws {
        let setup = try Setup()
        let text = try setup.edit("templates/financement/plan.mustache") { $0 + appended }
        let line = setup.lineCount(text) - appended.components(separatedBy: "\n").count + 1 + offset
        try setup.expectRefusedExport("plan", "templates/financement/plan.mustache, ligne \(line) : \(message)", document: "t-plan.md")
    }

    @Test func aDuplicateKeyInTheCatalogueIsSaidInFrenchWithItsLine() throws {
        let setup = try Setup()
        var line = 0
        try setup.edit("templates/financement/catalogue.yaml") { text in
            var lines = text.components(separatedBy: "\n")
            let instruments = lines.firstIndex(of: "dispositifs:") ?? 0
            let index = lines.indices.first { $0 > instruments && lines[$0].hasPrefix("  - cle: ") } ?? 0
            lines.insert("    cle: doublon", at: index + 1)
            line = index + 2
            return lines.joined(separator: "\n")
        }
        let result = try setup.run("/exporter plan\n")
        #expect(result.status == 1, "\(result.errors)")
        #expect(
            result.errors.contains(
                "templates/financement/catalogue.yaml, ligne \(line) : le champ « cle » apparaît deux fois au même niveau (première fois ligne \(line - 1)) : gardez-en un seul"
            ), "\(result.errors)")
        #expect(!FileManager.default.fileExists(atPath: setup.sandbox.path + "/t-plan.md"))
    }
}
