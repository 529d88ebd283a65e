import AtelierCore
import Testing

@testable import AtelierDocuments

/// The CLS draft says what the answers say: the contract against the end of the PRS, every
/// answer /vérifier lists as a point to complete, and the demography on one stated base.
@Suite struct ClsDraftTruthTests {
    typealias Project = ClsViewTests.Project

    /// Renders `answers` with the inconsistencies the core finds in them, as the session passes them.
    static func render(_ answers: [String: AnswerValue], stored: [StoredValueProblem] = []) throws -> ClsDraft.Rendered {
        var input = Project.input(answers)
        let checks = ConsistencyChecks(library: Project.library, questionnaire: Project.questionnaire)
        input.revisits = ClsDraftContext.Revisits(inconsistencies: checks.inconsistencies(in: answers), storedProblems: stored)
        let compiled = try DocumentTemplates(sources: try ShippedTemplates.mustache(in: "templates/cls"), folder: "templates/cls")
        return try ClsDraft.render(input, templates: compiled, fingerprintInputs: [:])
    }

    static func contract(signed: (Int, Int, Int), years: Int, prsEnd: Int?) throws -> [String: AnswerValue] {
        var answers: [String: AnswerValue] = [
            QuestionKeys.plannedSignature: .date(try #require(CalendarDate(year: signed.0, month: signed.1, day: signed.2))),
            QuestionKeys.durationYears: .integer(years),
        ]
        if let prsEnd { answers[QuestionKeys.prsEnd] = .year(prsEnd) }
        return answers
    }

    static let within = "Il prend fin au plus tard avec le projet régional de santé"
    static let past = "Il court au-delà de la fin du projet régional de santé"

    @Test func aContractInsideThePRSSaysSoWithItsEndYear() throws {
        // Signed on 1 January 2024 for 5 years: it ends on 31/12/2028, the PRS's last year.
        let rendered = try Self.render(try Self.contract(signed: (2024, 1, 1), years: 5, prsEnd: 2028))
        #expect(rendered.text.withPlainSpaces.contains("du 01/01/2024 au 31/12/2028.\n\(Self.within), en 2028."))
        #expect(!rendered.text.withPlainSpaces.contains(Self.past))
        #expect(!rendered.gaps.contains { $0.contains("contrat.prs_fin") })
    }

    @Test func aContractPastThePRSSaysAnAvenantWillAlignItAndIsAPointToComplete() throws {
        let rendered = try Self.render(try Self.contract(signed: (2027, 3, 1), years: 5, prsEnd: 2028))
        #expect(
            rendered.text.withPlainSpaces.contains(
                "du 01/03/2027 au 29/02/2032.\n\(Self.past), en 2028 : un avenant pourra l'aligner\nsur le projet régional de santé suivant, dès son adoption."
            ))
        #expect(!rendered.text.withPlainSpaces.contains(Self.within) && !rendered.text.withPlainSpaces.contains("sans dépasser"))
        let item = try #require(rendered.gaps.first { $0.hasPrefix("[À compléter : contrat.duree_annees = 5 : ") }, "\(rendered.gaps)")
        #expect(item.contains("après la fin du PRS en 2028 (contrat.prs_fin)"))
        #expect(
            item.hasSuffix(
                "(/modifier contrat.duree_annees 1 ou /modifier contrat.signature_prevue JJ/MM/AAAA ou /modifier contrat.prs_fin ANNÉE)]"))
        #expect(rendered.text.withPlainSpaces.contains("\n- \(item)\n"))
    }

    @Test func withoutThePRSEndNeitherClaimIsMadeAndItIsAGap() throws {
        let rendered = try Self.render(try Self.contract(signed: (2027, 3, 1), years: 5, prsEnd: nil))
        let gap = "[À compléter : année de fin du projet régional de santé (/aller contrat.prs_fin)]"
        #expect(rendered.text.withPlainSpaces.contains("Fin du projet régional de santé : \(gap)."))
        #expect(rendered.gaps.contains(gap))
        #expect(
            !rendered.text.withPlainSpaces.contains(Self.within) && !rendered.text.withPlainSpaces.contains(Self.past)
                && !rendered.text.withPlainSpaces.contains("sans dépasser"))
    }

    @Test func withoutASignatureDateThePRSEndIsStatedWithoutAClaim() throws {
        let rendered = try Self.render([QuestionKeys.prsEnd: .year(2028)])
        #expect(
            rendered.text.withPlainSpaces.contains(
                "Le projet régional de santé prend fin en 2028 ; la date de signature, encore à fixer, dira"))
        #expect(rendered.gaps.contains("[À compléter : date prévue de signature (/aller contrat.signature_prevue)]"))
        #expect(!rendered.text.withPlainSpaces.contains(Self.within) && !rendered.text.withPlainSpaces.contains(Self.past))
    }

    @Test func everyInconsistencyAndStoredProblemIsListedWithItsCommand() throws {
        // Two axes; fiche 1 on an axis 7 that does not exist; a dépense on a fiche 4 that does not exist.
        let axes = AnswerValue.records([
            ListRecord(fields: [("intitule", .text("Attirer les professionnels"))]),
            ListRecord(fields: [("intitule", .text("Prévenir"))]),
        ])
        let fiches = AnswerValue.records([
            ListRecord(fields: [("fiche", .choice("aides_installation")), ("axe", .text("7"))]),
            ListRecord(fields: [("fiche", .choice("centre_sante")), ("axe", .text("2"))]),
        ])
        let expenses = AnswerValue.records([
            ListRecord(fields: [
                ("fiche", .integer(4)), ("poste", .text("Travaux")), ("nature", .choice("investissement")),
                ("montant_ht", .amount(cents: 100_000)),
            ])
        ])
        let answers: [String: AnswerValue] = ["plan.axes": axes, "plan.fiches": fiches, "financement.depenses": expenses]
        let stored = StoredValueProblem(
            key: "demographie.medecins_generalistes.effectif", shown: "-5", expected: "de 0 à 500", kind: .outOfBounds)
        let rendered = try Self.render(answers, stored: [stored])
        let found = ConsistencyChecks(library: Project.library, questionnaire: Project.questionnaire).inconsistencies(in: answers)
        #expect(found.count >= 2, "\(found.map(\.summary))")

        for item in found {
            #expect(rendered.gaps.contains("[À compléter : \(item.summary) (\(item.fixLine))]"), "\(item.summary)")
        }
        #expect(
            rendered.gaps.contains(
                "[À compléter : demographie.medecins_generalistes.effectif (-5) hors des bornes attendues (de 0 à 500), non utilisée (/modifier demographie.medecins_generalistes.effectif)]"
            ))
        // The fiche on axis 7 is filed under the gap of /vérifier's item, never under an axis « 7 ».
        #expect(!rendered.text.withPlainSpaces.contains("— 7\n"))
        let axisItem = try #require(found.first { $0.target == "plan.fiches.1.axe" })
        #expect(rendered.text.withPlainSpaces.contains("#### Axe 2 — [À compléter : \(axisItem.summary) (\(axisItem.fixLine))]"))
        #expect(
            rendered.text.withPlainSpaces.contains(
                "| Axe stratégique | [À compléter : plan.fiches.1.axe = 7 : l'axe 7 n'existe pas : plan.axes en compte 2"))
        // Each point once, however many places print it.
        #expect(Set(rendered.gaps).count == rendered.gaps.count)
        #expect(rendered.text.withPlainSpaces.contains("## Points à compléter (\(rendered.gaps.count))"))
    }

    @Test func theDemographyStatesItsBaseWithFranceAndFiveYearDensities() throws {
        let answers: [String: AnswerValue] = [
            "territoire.communes": .communes([CommuneRef(code: "50076", name: "Bréhal", population: 3_201, populationYear: 2023)]),
            "demographie.medecins_generalistes.effectif": .integer(4),
            "demographie.medecins_generalistes.liberaux": .integer(3),
            "demographie.medecins_generalistes.age_60_plus": .integer(2),
            "demographie.medecins_generalistes.departs_5_ans": .integer(2),
            "demographie.medecins_generalistes.installations_prevues": .integer(0),
        ]
        let rendered = try Self.render(answers)
        let synthesis = Project.input(answers).synthesis
        func shown(_ id: String) throws -> String { try #require(synthesis.indicator(id)).formatted }
        #expect(
            rendered.text.withPlainSpaces.contains(
                "| Profession | Effectif (tous modes) | Densité libéraux pour 10 000 hab. | Département (libéraux) | France (libéraux) | Rapport au département | Rapport à la France |"
            ))
        let p = "medecins_generalistes"
        // 3 libéraux for 3 201 inhabitants: 9,4 for 10 000; 4 all modes would be 12,5.
        #expect(try shown("\(p).densite_comparee") == "9,4")
        let row = try [
            "Médecins généralistes", "4", "9,4", shown("\(p).densite_departement"), shown("\(p).densite_france"),
            shown("\(p).rapport_departement"), shown("\(p).rapport_france"),
        ]
        #expect(rendered.text.withPlainSpaces.contains("| " + row.joined(separator: " | ") + " |"), "\(row)")
        // In five years: 2 of 4 leave, none arrive; the libéral density halves with them.
        #expect(try shown("\(p).densite_5_ans") == "4,7")
        let outlook = try ["Médecins généralistes", shown("\(p).part_60_plus"), "2", shown("\(p).evolution_5_ans"), "4,7"]
        #expect(try shown("\(p).evolution_5_ans").hasPrefix("-50"))
        #expect(rendered.text.withPlainSpaces.contains("| " + outlook.joined(separator: " | ") + " |"), "\(outlook)")
        #expect(
            !rendered.text.withPlainSpaces.contains("9,4*") && !rendered.text.withPlainSpaces.contains("> Réserve"),
            "no profession is compared on every mode")
    }

    @Test func aDensityOnEveryModeIsStarredAndItsReserveSaysWhy() throws {
        let answers: [String: AnswerValue] = [
            "territoire.communes": .communes([CommuneRef(code: "50076", name: "Bréhal", population: 3_201, populationYear: 2023)]),
            "demographie.medecins_generalistes.effectif": .integer(4),
        ]
        let rendered = try Self.render(answers)
        #expect(rendered.text.withPlainSpaces.contains("| Médecins généralistes | 4 | 12,5* |"))
        #expect(
            rendered.text.withPlainSpaces.contains(
                "> Réserve : * Médecins généralistes : effectif tous modes d'exercice comparé à des densités de libéraux"))
    }
}
