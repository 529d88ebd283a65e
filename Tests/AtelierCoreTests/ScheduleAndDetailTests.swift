import AtelierCore
import Foundation
import Testing

/// A fiche's calendar cannot start before the contract; the texts of a fiche are `details:`
/// of `plan.fiches`, never asked while typing an element, always editable.
@Suite struct ScheduleAndDetailTests {
    let checks = ConsistencyChecks(library: Project.library)

    static func plan(_ schedules: [String], signed: CalendarDate) -> [String: AnswerValue] {
        [
            QuestionKeys.plannedSignature: .date(signed),
            QuestionKeys.actionSheets: .records(
                schedules.map { ListRecord(fields: [("fiche", .choice("nouvelle")), ("calendrier", .text($0))]) }),
        ]
    }

    @Test func aCalendarStartingBeforeTheSignatureIsToRevisit() throws {
        let signed = try #require(CalendarDate(year: 2027, month: 3, day: 1))
        let found = checks.inconsistencies(
            in: Self.plan(["2025-2027", "Année 1 : projet", "2027 puis 2028", "de 2026 à 2030"], signed: signed)
        )
        .filter { $0.rule == .scheduleBeforeContract }
        #expect(found.map(\.target) == ["plan.fiches.1.calendrier", "plan.fiches.4.calendrier"])
        #expect(
            found.first?.reason
                == "le calendrier de la fiche 1 commence en 2025, avant la signature du contrat le 01/03/2027 (contrat.signature_prevue)")
        #expect(found.first?.refusedWhenTyped == [QuestionKeys.actionSheets])
        // Without a signature date, nothing to compare with.
        var undated = Self.plan(["2025-2027"], signed: signed)
        undated[QuestionKeys.plannedSignature] = nil
        #expect(checks.inconsistencies(in: undated).filter { $0.rule == .scheduleBeforeContract }.isEmpty)
    }

    @Test func aCalendarOrADeadlinePastTheContractsEndIsToRevisit() throws {
        let signed = try #require(CalendarDate(year: 2027, month: 3, day: 1))
        var answers = Self.plan(["2027-2031", "Année 1 : projet"], signed: signed)
        answers[QuestionKeys.durationYears] = .integer(2)
        answers[QuestionKeys.contractIndicators] = .records(
            [2026, 2028, 2031].map { ListRecord(fields: [("indicateur", .text("x")), ("cible", .text("y")), ("echeance", .year($0))]) })
        let found = checks.inconsistencies(in: answers)
        #expect(
            found.filter { $0.rule == .scheduleAfterContract }.map(\.reason) == [
                "le calendrier de la fiche 1 va jusqu'en 2031, après la fin du contrat en 2029 (contrat.duree_annees)"
            ])
        #expect(
            found.filter { $0.rule == .deadlineOutsideContract }.map(\.target) == [
                "contrat.indicateurs.1.echeance", "contrat.indicateurs.3.echeance",
            ])
        #expect(
            found.first { $0.rule == .deadlineOutsideContract }?.reason
                == "l'échéance 2026 de l'indicateur 1 tombe hors du contrat, qui court de 2027 à 2029")
    }

    @Test func theShippedFichesHaveTheirTextsAsDetails() throws {
        let question = try #require(Project.questionnaire.question(forKey: QuestionKeys.actionSheets))
        let details = question.detailFields.map(\.key)
        for key in [
            "constat", "objectif_general", "objectifs_operationnels", "description", "public", "territoire", "moyens",
            "indicateurs_processus", "indicateurs_resultat", "valeur_depart", "source_indicateurs", "lien_prs",
        ] {
            #expect(details.contains(key), "missing detail \(key)")
        }
        #expect(question.detailFields.allSatisfy { $0.optional })
        // Typed on one line, an element still has only its seven fields.
        guard case .list(let typed) = question.kind else { Issue.record("plan.fiches is not a list"); return }
        #expect(typed.count == 7 && !typed.contains { details.contains($0.key) })
    }

    static let header = "version: 1\nsections:\n  - cle: s\n    titre: S\n    questions:\n"

    @Test(arguments: [
        (
            "      - cle: s.a\n        libelle: A\n        type: texte\n        details:\n          - cle: x\n            libelle: X\n            type: texte\n",
            "question s.a : « details » ne s'applique qu'à une liste"
        ),
        (
            "      - cle: s.a\n        libelle: A\n        type: liste\n        champs:\n          - cle: x\n            libelle: X\n            type: texte\n        details:\n          - cle: x\n            libelle: X\n            type: texte\n",
            "question s.a : le champ « x » est à la fois dans « champs » et dans « details »"
        ),
    ])
    func aBadDetailsIsRefusedWithItsLine(yaml: String, reason: String) {
        do {
            _ = try QuestionnaireLoader.load(yaml: Self.header + yaml, file: "q.yaml")
            Issue.record("accepted: \(yaml)")
        } catch {
            #expect(error.description.contains(reason), "\(error.description)")
        }
    }
}
