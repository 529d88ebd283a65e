import AtelierCore
import Testing

@testable import AtelierDocuments

/// What would crash or stall swift-mustache is refused before it parses: cycles, nesting,
/// size, and every syntax mistake gets a French sentence with its file and line.
@Suite struct TemplateSafetyTests {
    func refusal(_ sources: [String: String], folder: String = "templates/cls") -> FileProblem? {
        do {
            _ = try DocumentTemplates(sources: sources, folder: folder)
            return nil
        } catch {
            return error
        }
    }

    @Test func aPartialIncludingItselfIsRefused() {
        let error = refusal(["contrat": "# {{titre}}\n{{> fiche}}\n", "fiche": "ligne 1\n{{#fiches}}\n{{> fiche}}\n{{/fiches}}\n"])
        #expect(
            error
                == FileProblem(
                    file: "templates/cls/fiche.mustache", line: 3,
                    reason: "le modèle partiel « fiche » s'inclut lui-même (fiche → fiche) : le document ne finirait jamais"))
    }

    @Test func aPartialIncludingItselfThroughAnotherIsRefused() {
        let error = refusal(["contrat": "{{> fiche}}\n", "fiche": "{{> annexe}}\n", "annexe": "\n\n{{> contrat}}\n"])
        // Files are followed in name order: the cycle is found from « annexe ».
        #expect(
            error
                == FileProblem(
                    file: "templates/cls/fiche.mustache", line: 1,
                    reason:
                        "le modèle partiel « annexe » s'inclut lui-même par un autre modèle (annexe → contrat → fiche → annexe) : le document ne finirait jamais"
                ))
    }

    @Test func fiveThousandNestedSectionsAreRefusedAtTheFirstLevelTooDeep() {
        let text = String(repeating: "{{#a}}\n", count: 5_000) + String(repeating: "{{/a}}\n", count: 5_000)
        #expect(
            refusal(["contrat": text])
                == FileProblem(
                    file: "templates/cls/contrat.mustache", line: 51,
                    reason: "sections imbriquées trop profondément : au plus 50 niveaux"))
    }

    @Test func nestingIsCountedAcrossPartials() {
        let thirty = (0..<30).map { "{{#a\($0)}}" }.joined() + (0..<30).reversed().map { "{{/a\($0)}}" }.joined()
        let inner = thirty
        let main = (0..<30).map { "{{#b\($0)}}" }.joined() + "\n{{> fiche}}\n" + (0..<30).reversed().map { "{{/b\($0)}}" }.joined()
        #expect(
            refusal(["contrat": main, "fiche": inner])
                == FileProblem(
                    file: "templates/cls/contrat.mustache", line: 2,
                    reason: "sections imbriquées trop profondément en comptant le modèle partiel « fiche » : 60 niveaux, au plus 50"))
        // Fifty levels in all are accepted.
        let twenty = (0..<20).map { "{{#b\($0)}}" }.joined() + "{{> fiche}}" + (0..<20).reversed().map { "{{/b\($0)}}" }.joined()
        #expect(refusal(["contrat": twenty, "fiche": thirty]) == nil)
    }

    @Test func sectionsHiddenBehindOtherDelimitersAreStillCounted() {
        let text = "{{=<% %>=}}\n" + (0..<60).map { "<%#s\($0)%>" }.joined() + (0..<60).reversed().map { "<%/s\($0)%>" }.joined()
        #expect(refusal(["contrat": text])?.reason == "sections imbriquées trop profondément : au plus 50 niveaux")
        #expect(refusal(["contrat": "{{=<%%>=}}"])?.reason.hasPrefix("changement de délimiteurs invalide") == true)
        #expect(refusal(["contrat": "{{=a b=}}"])?.reason.hasPrefix("changement de délimiteurs invalide") == true)
    }

    @Test func fortyThousandTagsAreRefusedBeforeTheParserSpendsMinutes() {
        let text = String(repeating: "{{titre}}\n", count: 40_000)
        #expect(
            refusal(["contrat": text])
                == FileProblem(
                    file: "templates/cls/contrat.mustache", line: nil,
                    reason: "modèle trop long : 400\u{202F}000 caractères, au plus 100\u{202F}000"))
        #expect(
            refusal(["contrat": String(repeating: "{{titre}}\n", count: 2_000)])
                == FileProblem(
                    file: "templates/cls/contrat.mustache", line: 1_501, reason: "modèle trop chargé : plus de 1\u{202F}500 balises"))
        #expect(refusal(["contrat": String(repeating: "{{titre}}\n", count: 1_500)]) == nil)
        let long = String(repeating: "texte ", count: 20_000)
        #expect(refusal(["contrat": long])?.reason == "modèle trop long : 120\u{202F}000 caractères, au plus 100\u{202F}000")
    }

    @Test(arguments: [
        ("# {{titre}}\n{{! un commentaire jamais fermé\n", 2, "commentaire non fermé : « }} » manque après « {{ »"),
        ("# {{titre\n\n", 1, "balise non terminée : « }} » manque après « {{ »"),
        (
            "{{#fiches}}\n{{/fichess}}\n", 2,
            "la section fermée ici (« {{/fichess}} ») n'est pas celle qui est ouverte : « fiches », ouverte ligne 1, attend « {{/fiches}} »"
        ),
        ("texte\n{{/fiches}}\n", 2, "fermeture « {{/fiches}} » sans section ouverte"),
        ("{{#fiches}}\n\n{{^vide}}\n{{/vide}}\n", 1, "section non fermée : « {{/fiches}} » manque pour la section « fiches » ouverte ici"),
        ("{{{titre}}\n", 1, "balise {{{nom}}} non terminée : « }}} » manque"),
        ("{{> *titre}}\n", 1, "modèle partiel dynamique « *titre » refusé : nommez le fichier inclus ({{> fiche}})"),
        ("\n{{titre avec espaces}}\n", 2, "balise mal formée : un nom (lettres, chiffres, . _ -) puis « }} » est attendu"),
        ("{{% CONTENT_TYPE: PDF }}\n", 1, "réglage inconnu : seul {{% CONTENT_TYPE: TEXT }} (ou HTML) est reconnu"),
    ])
    func everySyntaxMistakeIsSaidInFrenchWithItsLine(text: String, line: Int, message: String) {
        #expect(refusal(["contrat": text]) == FileProblem(file: "templates/cls/contrat.mustache", line: line, reason: message))
    }

    @Test func aPipeOrALineBreakTypedByAUserStaysInItsTableCell() throws {
        let templates = try DocumentTemplates(
            sources: ["contrat": "{{% CONTENT_TYPE: TEXT }}\n| Pilote | {{pilote}} |\n"], folder: "templates/cls")
        let text = try templates.render(["pilote": "Mairie | CCAS\nsuite \\ fin"], template: "contrat")
        #expect(text == "| Pilote | Mairie \\| CCAS suite \\\\ fin |\n")
        let nested = try DocumentTemplates(
            sources: ["contrat": "{{% CONTENT_TYPE: TEXT }}{{#fiches}}| {{pilote}} |{{/fiches}}"], folder: "templates/cls")
        #expect(try nested.render(["fiches": [["pilote": "a|b"]]], template: "contrat") == "| a\\|b |")
    }

    @Test func sectionsRepeatedInsideThemselvesAreRefusedBeforeRenderingForever() throws {
        // 2 fiches, the section nested 40 times in itself: 2⁴⁰ copies.
        let text = String(repeating: "{{#fiches}}", count: 40) + "{{intitule}}" + String(repeating: "{{/fiches}}", count: 40)
        let templates = try DocumentTemplates(sources: ["contrat": text], folder: "templates/cls")
        let context: [String: Any] = ["fiches": [["intitule": "MSP"], ["intitule": "CPTS"]]]
        try templates.check(against: [context])
        #expect(
            throws: FileProblem(
                file: "templates/cls/contrat.mustache", line: 1,
                reason:
                    "le document dépasserait 20\u{202F}000\u{202F}000 caractères : la section « fiches » répète son contenu pour chaque élément, et des sections répétées y sont imbriquées trop de fois"
            )
        ) {
            try templates.render(context, template: "contrat")
        }
        // Nested three times, it renders: 8 copies.
        let three = try DocumentTemplates(
            sources: ["contrat": "{{#fiches}}{{#fiches}}{{#fiches}}{{intitule}},{{/fiches}}{{/fiches}}{{/fiches}}"], folder: "templates/cls"
        )
        #expect(try three.render(context, template: "contrat").split(separator: ",").count == 8)
    }

    @Test func aRecordPrintedAsATextIsNothingRatherThanTheWholeContext() throws {
        let templates = try DocumentTemplates(
            sources: ["contrat": "[{{.}}][{{fiches}}][{{#fiches}}{{.}}{{/fiches}}][{{titre}}]"], folder: "templates/cls")
        let context: [String: Any] = ["titre": "T", "fiches": [["intitule": "MSP"], ["intitule": "CPTS"]]]
        try templates.check(against: [context])
        #expect(try templates.render(context, template: "contrat") == "[][[, ]][][T]")
        #expect(
            refusal(["contrat": "a {{ }} b"])
                == FileProblem(
                    file: "templates/cls/contrat.mustache", line: 1,
                    reason: "balise vide : un nom est attendu entre « {{ » et « }} »"))
    }

    @Test func theShippedTemplatesAreWithinTheLimits() throws {
        for folder in ["templates/cls", "templates/financement"] {
            let sources = try ShippedTemplates.mustache(in: folder)
            #expect(!sources.isEmpty)
            _ = try DocumentTemplates(sources: sources, folder: folder)
        }
    }
}

@Suite struct CSVCellTests {
    @Test(arguments: [
        ("=HYPERLINK(\"http://x\";\"clic\")", "\"'=HYPERLINK(\"\"http://x\"\";\"\"clic\"\")\""),
        ("+33 6 12", "\"'+33 6 12\""), ("-2+3", "\"'-2+3\""), ("@SUM(A1)", "\"'@SUM(A1)\""),
        ("\tcmd", "\"'\tcmd\""), ("\r\n=1", "\"'\r\n=1\""),
        ("-1234,50", "-1234,50"), ("-0,05", "-0,05"), ("12", "12"),
        ("Travaux ; lot 2", "\"Travaux ; lot 2\""), ("Étude", "Étude"), ("a = b", "a = b"),
    ])
    func textThatWouldRunAsAFormulaIsNeutralisedNumbersStayNumbers(value: String, cell: String) {
        #expect(CSVCell.text(value) == cell)
    }
}
