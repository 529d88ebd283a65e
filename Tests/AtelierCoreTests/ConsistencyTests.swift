import AtelierCore
import Foundation
import Testing

/// The checks between answers (`ConsistencyChecks`): each contradiction found, and whether the
/// session refuses the value typed or only reports it.
@Suite struct ConsistencyTests {
    let checks = ConsistencyChecks(library: Project.library)

    static func sheet(_ key: String, axis: String? = nil, title: String? = nil) -> ListRecord {
        ListRecord(
            fields: [("fiche", AnswerValue.choice(key))] + (title.map { [("intitule", AnswerValue.text($0))] } ?? [])
                + (axis.map { [("axe", AnswerValue.text($0))] } ?? []))
    }

    static func axes(_ titles: [String]) -> AnswerValue { .records(titles.map { ListRecord(fields: [("intitule", .text($0))]) }) }

    static func line(_ fields: [(String, AnswerValue)]) -> ListRecord { ListRecord(fields: fields) }

    // MARK: - Plan d'actions

    @Test func aFicheOnAnAxisThePlanDoesNotHaveIsFoundByNumberAndByTitle() {
        let answers: [String: AnswerValue] = [
            QuestionKeys.axes: Self.axes(["Attirer", "Coordonner", "Prévenir"]),
            QuestionKeys.actionSheets: .records([
                Self.sheet("creation_msp", axis: "2"), Self.sheet("aides_installation", axis: "7"),
                Self.sheet("accueil_etudiants", axis: "prevenir"), Self.sheet("transport_soins", axis: "Mobilité"),
            ]),
        ]
        let found = checks.inconsistencies(in: answers)
        #expect(found.map(\.target) == ["plan.fiches.2.axe", "plan.fiches.4.axe"])
        #expect(found.first?.reason == "l'axe 7 n'existe pas : plan.axes en compte 3")
        #expect(found.first?.fixes.first == "/modifier plan.fiches.2.axe N (1 à 3)")
        #expect(found.allSatisfy { $0.rule == .unknownAxis && $0.refusedWhenTyped == [QuestionKeys.actionSheets] })
    }

    @Test func withoutAxesOfItsOwnThePlanUsesTheLibrarysAxes() {
        #expect(Project.library.axes.count == 5)
        let six: [String: AnswerValue] = [QuestionKeys.actionSheets: .records([Self.sheet("creation_msp", axis: "6")])]
        #expect(checks.inconsistencies(in: six).first?.reason == "l'axe 6 n'existe pas : la bibliothèque (plan.axes est vide) en compte 5")
        let five: [String: AnswerValue] = [QuestionKeys.actionSheets: .records([Self.sheet("creation_msp", axis: "5")])]
        #expect(checks.inconsistencies(in: five).isEmpty)
    }

    @Test func theSameLibraryFicheTwiceUnderTheSameTitleIsFound() {
        let answers: [String: AnswerValue] = [
            QuestionKeys.actionSheets: .records([
                Self.sheet("creation_msp"), Self.sheet("creation_msp", title: "MSP de Bréhal"), Self.sheet("creation_msp"),
                Self.sheet("nouvelle", title: "Forum"), Self.sheet("nouvelle", title: "Forum 2"),
            ])
        ]
        let found = checks.inconsistencies(in: answers)
        #expect(found.map(\.target) == ["plan.fiches.3.fiche"])
        #expect(found.first?.reason.hasPrefix("la fiche « Créer une maison de santé") == true)
        #expect(found.first?.reason.hasSuffix("» figure deux fois dans plan.fiches (éléments 1 et 3)") == true)
    }

    // MARK: - Plan de financement

    @Test func financingLinesOnAFicheThatDoesNotExistAndAReceiptWithAmountAndRate() {
        let answers: [String: AnswerValue] = [
            QuestionKeys.actionSheets: .records([Self.sheet("creation_msp"), Self.sheet("aides_installation")]),
            QuestionKeys.expenses: .records([
                Self.line([("fiche", .integer(2)), ("poste", .text("Prime"))]),
                Self.line([("fiche", .integer(4)), ("poste", .text("Travaux"))]),
            ]),
            QuestionKeys.receipts: .records([
                Self.line([
                    ("fiche", .integer(1)), ("dispositif", .choice("detr")), ("montant", .amount(cents: 100_000)),
                    ("taux", .percentage(30)),
                ])
            ]),
            QuestionKeys.derogations: .records([Self.line([("fiche", .integer(3))])]),
        ]
        let found = checks.inconsistencies(in: answers)
        #expect(
            found.map(\.summary) == [
                "financement.depenses.2.fiche = 4 : la fiche 4 n'existe pas : plan.fiches en compte 2",
                "financement.derogations.1.fiche = 3 : la fiche 3 n'existe pas : plan.fiches en compte 2",
                "financement.recettes.1.taux = 30\u{00A0}% : la recette 1 a un montant (1\u{202F}000,00\u{00A0}€) et un taux (30\u{00A0}%) : donnez un montant ou un taux, pas les deux",
            ])
        #expect(found[0].fixLine == "/modifier financement.depenses.2.fiche N (1 à 2) ou /retirer 2 (dans /aller financement.depenses)")
    }

    @Test func theFinancingPlanKeepsLinesOnAMissingFicheAndItsChecksNameThem() throws {
        let answers: [String: AnswerValue] = [
            QuestionKeys.actionSheets: .records([Self.sheet("creation_msp")]),
            QuestionKeys.expenses: .records([
                Self.line([
                    ("fiche", .integer(3)), ("poste", .text("Travaux")), ("nature", .choice("investissement")),
                    ("montant_ht", .amount(cents: 5_000_000)), ("annee", .year(2027)),
                ])
            ]),
        ]
        let plan = FinancingPlan(answers: answers, sheets: [("MSP", "creation_msp")], catalogue: Project.catalogue)
        #expect(plan.actions.map(\.sheet) == [1, 3])
        #expect(plan.actions.last?.isMissingSheet == true && plan.actions.last?.expenses.count == 1)
        let problems = FinancingChecks.check(plan)
        // The line on fiche 3, and fiche 1 left without a budget.
        #expect(problems.map(\.line) == ["dépense 1", "budget"], "\(problems)")
        #expect(problems.first?.line == "dépense 1")
        #expect(problems.first?.message == "la fiche 3 n'existe pas : plan.fiches en compte 1")
    }

    // MARK: - Contrat

    @Test func aContractPastTheEndOfThePrsIsFoundFromItsEndDate() {
        func answers(_ signature: CalendarDate, _ years: Int) -> [String: AnswerValue] {
            [
                QuestionKeys.plannedSignature: .date(signature), QuestionKeys.durationYears: .integer(years),
                QuestionKeys.prsEnd: .year(2028),
            ]
        }
        let january = CalendarDate(year: 2024, month: 1, day: 1)!, march = CalendarDate(year: 2024, month: 3, day: 1)!
        #expect(checks.inconsistencies(in: answers(january, 5)).isEmpty)  // 01/01/2024 – 31/12/2028
        let past = checks.inconsistencies(in: answers(march, 5))  // to 28/02/2029
        #expect(
            past.first?.summary
                == "contrat.duree_annees = 5 : signé le 01/03/2024 pour 5 ans, le contrat court jusqu'en 2029, après la fin du PRS en 2028 (contrat.prs_fin) : alignez sa durée sur le PRS, ou prévoyez un avenant à l'adoption du PRS suivant"
        )
        #expect(past.first?.fixes.first == "/modifier contrat.duree_annees 4")
        #expect(checks.inconsistencies(in: answers(march, 4)).isEmpty)
    }

    // MARK: - Refused or reported

    @Test func theValueTypedIsRefusedAChangeElsewhereIsOnlyReported() {
        let before: [String: AnswerValue] = [
            QuestionKeys.axes: Self.axes(["A", "B", "C"]),
            QuestionKeys.actionSheets: .records([Self.sheet("creation_msp", axis: "3")]),
        ]
        var typed = before
        typed[QuestionKeys.actionSheets] = .records([Self.sheet("creation_msp", axis: "3"), Self.sheet("centre_sante", axis: "7")])
        let refusal = checks.refusal(typing: QuestionKeys.actionSheets, origin: .typed, before: before, after: typed)
        #expect(refusal?.description.hasPrefix("Réponse refusée : l'axe 7 n'existe pas : plan.axes en compte 3. Attendu : ") == true)

        var removed = before
        removed[QuestionKeys.axes] = Self.axes(["A", "B"])
        #expect(checks.refusal(typing: QuestionKeys.axes, origin: .removed, before: before, after: removed) == nil)
        // Renaming an axis (/modifier plan.axes.3.intitule) is recorded too: the fiche is reported.
        #expect(checks.refusal(typing: QuestionKeys.axes, origin: .modified, before: before, after: removed) == nil)
        let reported = ConsistencyChecks.introduced(checks.inconsistencies(in: removed), since: checks.inconsistencies(in: before))
        #expect(reported.map(\.summary) == ["plan.fiches.1.axe = 3 : l'axe 3 n'existe pas : plan.axes en compte 2"])
    }

    @Test func anInconsistencyAlreadyThereDoesNotRefuseTheNextValue() {
        let before: [String: AnswerValue] = [
            QuestionKeys.axes: Self.axes(["A"]), QuestionKeys.actionSheets: .records([Self.sheet("creation_msp", axis: "2")]),
        ]
        var after = before
        after[QuestionKeys.actionSheets] = .records([Self.sheet("creation_msp", axis: "2"), Self.sheet("centre_sante", axis: "1")])
        #expect(checks.refusal(typing: QuestionKeys.actionSheets, origin: .typed, before: before, after: after) == nil)
    }

    @Test func theSessionRefusesADepenseOnAMissingFicheAndWritesNothing() throws {
        var content = WorkbookContent()
        content.answers[QuestionKeys.actionSheets] = StoredAnswer(
            key: QuestionKeys.actionSheets, value: .records([Self.sheet("creation_msp")]), participant: nil, source: nil, sourceYear: nil,
            updatedAt: .distantPast)
        let session = Session(questionnaire: Project.questionnaire, content: content, state: [:])
        let question = try #require(Project.questionnaire.question(forKey: QuestionKeys.expenses))
        let value = AnswerValue.records([Self.line([("fiche", .integer(2)), ("poste", .text("Travaux"))])])
        let result = session.decision(
            question, value, origin: .typed, provenance: nil, extra: [], reference: Project.reference, checks: checks)
        guard case .failure(let refusal) = result else { Issue.record("refus attendu"); return }
        #expect(refusal.reason == "la fiche 2 n'existe pas : plan.fiches en compte 1")
    }

    // MARK: - Exclusive choices

    @Test func anExclusiveChoiceCannotBeCombined() throws {
        let question = try #require(Project.questionnaire.question(forKey: QuestionKeys.transport))
        #expect(question.exclusiveChoices == ["aucune"])
        let parser = AnswerParser(reference: Project.reference)
        #expect(throws: InvalidAnswer.self) { try parser.parse("1, aucune", for: question) }
        let error = #expect(throws: InvalidAnswer.self) { try parser.parse("1, 3, aucune", for: question) }
        #expect(error?.reason == "« aucune » ne se combine pas avec « transport à la demande » et « transport solidaire »")
        #expect(try parser.parse("aucune", for: question) == .choices(["aucune"]))
        #expect(try parser.parse("1, 3", for: question) == .choices(["transport à la demande", "transport solidaire"]))
    }

    @Test func anExclusiveChoiceStoredWithAnotherIsFound() {
        let checks = ConsistencyChecks(library: Project.library, questionnaire: Project.questionnaire)
        let stored: [String: AnswerValue] = [QuestionKeys.transport: .choices(["transport à la demande", "aucune"])]
        #expect(
            checks.inconsistencies(in: stored).map(\.summary) == [
                "mobilites.offre_transport = transport à la demande, aucune : « aucune » ne se combine pas avec « transport à la demande »"
            ])
        #expect(checks.inconsistencies(in: [QuestionKeys.transport: .choices(["aucune"])]).isEmpty)
    }

    @Test func theLoaderChecksExclusiveChoicesWithFileAndLine() {
        func problem(_ extra: String, type: String = "choix_multiples") -> FileProblem? {
            let yaml = """
                version: 1
                sections:
                  - cle: s
                    titre: S
                    questions:
                      - cle: s.q
                        libelle: Q
                        type: \(type)
                        choix: [a, b, aucune]
                        \(extra)
                """
            do {
                _ = try QuestionnaireLoader.load(yaml: yaml, file: "q.yaml")
                return nil
            } catch { return error }
        }
        #expect(problem("exclusifs: [Aucune]") == nil)
        #expect(problem("exclusifs: [aucun]")?.line == 10)
        #expect(
            problem("exclusifs: [aucun]")?.reason == "question s.q : « aucun » (dans « exclusifs ») n'est pas un des choix (a, b, aucune)")
        #expect(
            problem("exclusifs: [a]", type: "choix")?.reason
                == "question s.q : « exclusifs » ne s'applique qu'à une question de type choix_multiples")
        #expect(problem("exclusifs: []")?.line == 10)
    }
}

@Suite struct AxisDesignationTests {
    @Test func anAxisTypedWithAWordProcessorsApostropheOrTwoSpacesIsTheSameAxis() {
        func found(_ typed: String) -> Int {
            ConsistencyChecks().inconsistencies(in: [
                QuestionKeys.axes: .records([ListRecord(fields: [("intitule", .text("Faciliter l'accès aux soins et les parcours"))])]),
                QuestionKeys.actionSheets: .records([
                    ListRecord(fields: [("fiche", .choice(ActionSheetLibrary.customKey)), ("axe", .text(typed))])
                ]),
            ]).count
        }
        #expect(found("Faciliter l\u{2019}accès aux soins et les parcours") == 0)
        #expect(found("faciliter l'acces aux soins  et les parcours") == 0)
        #expect(found("Faciliter l'accès aux soins") == 1)
    }
}
