import AtelierCore
import AtelierDocuments
import Testing

/// Template mistakes are reported with file and line before anything is rendered.
@Suite struct DocumentTemplatesTests {
    let context: [String: Any] = ["titre": "Contrat", "fiches": [["numero": "1", "intitule": "MSP"]], "vide": [[String: Any]]()]

    func compile(_ text: String, partials: [String: String] = [:]) throws(FileProblem) -> DocumentTemplates {
        try DocumentTemplates(sources: ["contrat": text].merging(partials) { $1 }, folder: "templates/cls")
    }

    @Test func aValidTemplateRendersWithoutHTMLEscaping() throws {
        let templates = try compile(
            "{{% CONTENT_TYPE: TEXT }}\n# {{titre}} & co\n{{#fiches}}- {{numero}}. {{intitule}}\n{{/fiches}}{{> fiche}}",
            partials: ["fiche": "{{% CONTENT_TYPE: TEXT }}fin <ok>"])
        try templates.check(against: [context])
        #expect(try templates.render(context, template: "contrat") == "# Contrat & co\n- 1. MSP\nfin <ok>")
    }

    @Test func aMissingMainTemplateIsRefusedNotRenderedEmpty() throws {
        let templates = try DocumentTemplates(sources: ["annexe": "{{titre}}"], folder: "templates/financement")
        #expect(throws: FileProblem(file: "templates/financement/plan.mustache", line: nil, reason: "modèle principal introuvable")) {
            try templates.render(self.context, template: "plan")
        }
    }

    @Test func anUnknownTagNamesItsFileAndLine() throws {
        let templates = try compile("# {{titre}}\n\n{{#fiches}}\n- {{intitul}}\n{{/fiches}}\n")
        #expect(
            throws: FileProblem(
                file: "templates/cls/contrat.mustache", line: 4, reason: "balise inconnue « intitul » (vouliez-vous dire « intitule » ?)")
        ) {
            try templates.check(against: [self.context])
        }
    }

    @Test func anUnknownPartialIsReported() throws {
        let templates = try compile("ligne 1\n{{> annexe}}\n")
        #expect(
            throws: FileProblem(file: "templates/cls/contrat.mustache", line: 2, reason: "modèle partiel inconnu « annexe » ({{> annexe}})")
        ) {
            try templates.check(against: [self.context])
        }
    }

    @Test func anUnclosedSectionIsASyntaxErrorWithItsLine() throws {
        do {
            _ = try compile("# {{titre}}\n{{#fiches}}\n- {{numero}}\n")
            Issue.record("an unclosed section was accepted")
        } catch {
            #expect(error.file == "templates/cls/contrat.mustache")
            #expect(error.line == 2)
            #expect(error.reason == "section non fermée : « {{/fiches}} » manque pour la section « fiches » ouverte ici")
        }
    }

    @Test func commentsAndPragmasAreNotTags() throws {
        let templates = try compile("{{% CONTENT_TYPE: TEXT }}{{! un commentaire {{ignoré}} }}{{titre}}")
        try templates.check(against: [context])
    }
}

@Suite struct FingerprintTests {
    @Test func theFingerprintFollowsAnswersAndFilesOnly() throws {
        let answers = ["territoire.nom": SourcedAnswer(value: .text("Pays"))]
        let a = ClsDraft.fingerprint(answers: answers, files: ["t.mustache": "x"])
        #expect(a == ClsDraft.fingerprint(answers: answers, files: ["t.mustache": "x"]))
        #expect(a != ClsDraft.fingerprint(answers: answers, files: ["t.mustache": "y"]))
        #expect(
            a
                != ClsDraft.fingerprint(
                    answers: ["territoire.nom": SourcedAnswer(value: .text("Pays"), source: "s")], files: ["t.mustache": "x"]))
        #expect(a.hasPrefix("sha256:") && a.count == 71)
    }
}
