import AtelierCore
import Testing

@testable import AtelierDocuments

/// The CLS draft's typed view: gaps are values met while building, printed by one spelling,
/// and the checklist never comes from searching text for markers.
@Suite struct ClsViewTests {
    /// The shipped questionnaire, references, library and templates, as a user's run reads them.
    enum Project {
        static let questionnaire = try! QuestionnaireLoader.load(
            yaml: ShippedTemplates.text("templates/questionnaire.yaml"),
            file: "templates/questionnaire.yaml")
        static let territory = try! TerritoryReference(
            communesTSV: ShippedTemplates.text("data/communes.tsv"),
            epciTSV: ShippedTemplates.text("data/epci.tsv"),
            departmentsTSV: ShippedTemplates.text("data/departements.tsv"))
        static let references = try! SynthesisReferences(
            nationalYAML: ShippedTemplates.text("templates/references/nationales.yaml"),
            liberalTSV: ShippedTemplates.text("templates/references/effectifs_liberaux_2024.tsv"),
            rulesYAML: ShippedTemplates.text("templates/synthese/regles.yaml"),
            leversYAML: ShippedTemplates.text("templates/synthese/leviers.yaml"))
        static let library = try! ActionSheetLibrary(
            yaml: ShippedTemplates.text("templates/plan/fiches.yaml"),
            leverKeys: Set(references.levers.keys), national: references.national)

        static func input(_ answers: [String: AnswerValue]) -> ClsDraftContext.Input {
            let sourced = answers.mapValues { SourcedAnswer(value: $0) }
            let synthesis = SynthesisBuilder(references: references, territory: territory).build(answers: sourced)
            return ClsDraftContext.Input(
                answers: sourced, questionnaire: questionnaire, synthesis: synthesis,
                library: library, territory: territory)
        }

        static func render(_ answers: [String: AnswerValue], templates: [String: String]? = nil) throws -> ClsDraft.Rendered {
            let sources = try templates ?? ShippedTemplates.mustache(in: "templates/cls")
            let compiled = try DocumentTemplates(sources: sources, folder: "templates/cls")
            return try ClsDraft.render(input(answers), templates: compiled, fingerprintInputs: [:])
        }
    }

    @Test func aGapIsSpelledOneWayWithItsCommandOrWhatToDo() {
        #expect(
            Gap("nom du territoire", command: "/aller territoire.nom").marker == "[À compléter : nom du territoire (/aller territoire.nom)]"
        )
        #expect(
            Gap("constat de la fiche 2", note: "fiche à rédiger hors bibliothèque").marker
                == "[À compléter : constat de la fiche 2, fiche à rédiger hors bibliothèque]")
    }

    @Test func theChecklistIsTheGapsMetWhileBuildingEachOnce() throws {
        // Given an empty workbook
        let view = ClsDraftContext.view(of: Project.input([:]), fingerprint: "sha256:x")
        let rendered = try Project.render([:])

        // Then the document lists exactly the view's gaps, in order, each once
        let markers = view.gaps.map(\.marker)
        #expect(rendered.gaps == markers)
        #expect(Set(markers).count == markers.count)
        #expect(markers.first == "[À compléter : nom du territoire (/aller territoire.nom)]")
        #expect(rendered.text.withPlainSpaces.contains("## Points à compléter (\(markers.count))"))
        // A gap placed nowhere else in the document (no signatory section names it) is still listed.
        #expect(markers.contains("[À compléter : autres signataires (préfecture, Département, CPAM, MSA…) (/aller contrat.signataires)]"))
        for gap in view.gaps {
            guard case .command(let command) = gap.remedy else { Issue.record("\(gap.marker) has no command"); continue }
            #expect(command.hasPrefix("/"), "\(gap.marker)")
        }
    }

    @Test func answersThatLookLikeMarkersAreTextNotGaps() throws {
        // Given a territory name and a fiche's axis typed as if they were markers
        let typedName = "[À compléter : nom inventé]"
        let typedAxis = "[À compléter : axe inventé]"
        let fiche = ListRecord(fields: [
            ("fiche", .choice(ActionSheetLibrary.customKey)), ("intitule", .text("Forum santé")),
            ("axe", .text(typedAxis)),
        ])
        let axes = AnswerValue.records([ListRecord(fields: [("intitule", .text(typedAxis))])])
        let rendered = try Project.render(["territoire.nom": .text(typedName), "plan.axes": axes, "plan.fiches": .records([fiche])])

        // Then they are printed as typed and are not points to complete
        #expect(rendered.text.withPlainSpaces.contains("# Contrat local de santé — \(typedName)"))
        #expect(!rendered.gaps.contains(typedName) && !rendered.gaps.contains(typedAxis))
        #expect(!rendered.gaps.contains { $0.hasPrefix("[À compléter : nom du territoire") })
        // and the fiche is filed once, under the axis typed, not also under « fiches sans axe »
        #expect(rendered.text.withPlainSpaces.components(separatedBy: "- Fiche 1 : Forum santé").count == 2)
        #expect(rendered.text.withPlainSpaces.contains("#### Axe 1 — \(typedAxis)"))
        #expect(!rendered.text.withPlainSpaces.contains("#### Axe 2"))
    }

    @Test func aFicheWithoutAxisIsFiledUnderItsGap() throws {
        let fiche = ListRecord(fields: [("fiche", .choice(ActionSheetLibrary.customKey)), ("intitule", .text("Forum santé"))])
        let rendered = try Project.render(["plan.fiches": .records([fiche])])
        let gap = "[À compléter : axe de la fiche 1 (/modifier plan.fiches.1.axe NUMÉRO)]"
        #expect(rendered.text.withPlainSpaces.contains("#### Axe 1 — \(gap)"))
        #expect(rendered.gaps.contains(gap))
        // Each text of a fiche of the user's own is a point to complete, with the command that writes it.
        #expect(rendered.gaps.contains("[À compléter : constat de la fiche 1 (/modifier plan.fiches.1.constat TEXTE)]"))
        #expect(
            rendered.gaps.contains(
                "[À compléter : objectifs opérationnels de la fiche 1 (/modifier plan.fiches.1.objectifs_operationnels TEXTE ; TEXTE)]"))
    }

    @Test func aFieldLeftOutIsAbsentFromTheContextNotEmpty() {
        let row = IndicatorRowView(indicator: .given("APL"), value: "2,1", basis: nil)
        #expect(row.templateContext["base"] == nil)
        #expect(row.templateContext["valeur"] as? String == "2,1")
        let based = IndicatorRowView(indicator: .missing(Gap("APL", command: "/aller acces")), value: "—", basis: "INSEE 2023")
        #expect(based.templateContext["base"] as? String == "INSEE 2023")
        #expect(based.templateContext["indicateur"] as? String == "[À compléter : APL (/aller acces)]")
    }

    @Test func aTemplateNamingAnUnknownKeyIsStillRefusedWithFileAndLine() throws {
        var sources = try ShippedTemplates.mustache(in: "templates/cls")
        let fiche = try #require(sources["fiche"])
        sources["fiche"] = fiche + "{{objectif_generale}}\n"
        let line = fiche.split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(
            throws: FileProblem(
                file: "templates/cls/fiche.mustache", line: line,
                reason: "balise inconnue « objectif_generale » (vouliez-vous dire « objectif_general » ?)")
        ) {
            _ = try Project.render([:], templates: sources)
        }
    }
}
