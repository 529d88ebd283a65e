import AtelierCore
import Foundation
import Testing

/// The checks between answers of the plan d'actions and the contract added with the hostile
/// review: a fiche left on a library axis the plan does not have, a fiche key the library does
/// not have, the PRS's last year against the years its title writes.
@Suite struct ConsistencyPlanContractTests {
    let checks = ConsistencyChecks(library: Project.library)

    static func sheet(_ key: String, axis: String? = nil) -> ListRecord {
        ListRecord(fields: [("fiche", AnswerValue.choice(key))] + (axis.map { [("axe", AnswerValue.text($0))] } ?? []))
    }

    static func axes(_ titles: [String]) -> AnswerValue { .records(titles.map { ListRecord(fields: [("intitule", .text($0))]) }) }

    @Test func aFicheWithAnEmptyAxisTakesTheLibrarysWhichThePlanMustHave() throws {
        #expect(Project.library.sheet("creation_msp")?.axis == "Organiser une offre de soins coordonnée")
        let answers: [String: AnswerValue] = [
            QuestionKeys.axes: Self.axes(["Attirer et fidéliser les professionnels", "ORGANISER UNE OFFRE DE SOINS COORDONNEE"]),
            QuestionKeys.actionSheets: .records([
                Self.sheet("creation_msp"), Self.sheet("accueil_etudiants"), Self.sheet("aides_installation", axis: "1"),
                Self.sheet("nouvelle"),
            ]),
        ]
        let found = checks.inconsistencies(in: answers)
        // creation_msp's axis is the plan's second (accents and case aside); accueil_etudiants'
        // « Attirer et fidéliser les professionnels de santé » is not the plan's first.
        #expect(
            found.map(\.summary) == [
                "plan.fiches.2.axe = (vide) : axe laissé vide : la fiche prendrait celui de la bibliothèque, « Attirer et fidéliser les professionnels de santé », qui n'est pas un axe de plan.axes (1. « Attirer et fidéliser les professionnels », 2. « ORGANISER UNE OFFRE DE SOINS COORDONNEE »)"
            ])
        #expect(found.first?.fixes == ["/modifier plan.fiches.2.axe N (1 à 2)", "/aller plan.axes pour ajouter l'axe"])
        // Without axes of its own, the plan has the library's: nothing to say.
        var libraryAxes = answers
        libraryAxes[QuestionKeys.axes] = .records([])
        #expect(checks.inconsistencies(in: libraryAxes).isEmpty)
    }

    @Test func theFicheTypedIsRefusedAxesTypedAfterItOnlyReportIt() {
        let before: [String: AnswerValue] = [QuestionKeys.axes: Self.axes(["Prévenir"])]
        var typed = before
        typed[QuestionKeys.actionSheets] = .records([Self.sheet("creation_msp")])
        #expect(
            checks.refusal(typing: QuestionKeys.actionSheets, origin: .typed, before: before, after: typed)?.expected
                == "le numéro d'un axe de plan.axes (1) ou son intitulé ; ou ajoutez d'abord « Organiser une offre de soins coordonnée » à plan.axes"
        )
        let sheetsFirst: [String: AnswerValue] = [QuestionKeys.actionSheets: .records([Self.sheet("creation_msp")])]
        #expect(checks.refusal(typing: QuestionKeys.axes, origin: .typed, before: sheetsFirst, after: typed) == nil)
        #expect(
            ConsistencyChecks.introduced(checks.inconsistencies(in: typed), since: checks.inconsistencies(in: sheetsFirst)).map(\.rule) == [
                .libraryAxisOutsidePlan
            ])
    }

    @Test func aFicheKeyTheLibraryDoesNotHaveIsListed() {
        let answers: [String: AnswerValue] = [
            QuestionKeys.actionSheets: .records([Self.sheet("creation_msp"), Self.sheet("maison_inventee")])
        ]
        let found = checks.inconsistencies(in: answers)
        #expect(
            found.map(\.summary) == [
                "plan.fiches.2.fiche = maison_inventee : « maison_inventee » n'est ni une fiche de la bibliothèque (templates/plan/fiches.yaml) ni « nouvelle »"
            ])
        #expect(
            found.first?.fixLine
                == "/modifier plan.fiches.2.fiche CLÉ (les fiches : /aller plan.fiches) ou /modifier plan.fiches.2.fiche nouvelle")
        #expect(found.first?.refusedWhenTyped.isEmpty == true)
        // Without a library (it could not be read), no key is said unknown.
        #expect(ConsistencyChecks().inconsistencies(in: answers).isEmpty)
    }

    // MARK: - Contrat

    static func contract(_ title: String, end: Int) -> [String: AnswerValue] {
        [QuestionKeys.prs: .text(title), QuestionKeys.prsEnd: .year(end)]
    }

    @Test func thePrsLastYearMustBeTheLastYearOfTheSpanItsTitleWrites() {
        let title = "PRS Normandie 2023-2028, arrêté du directeur général de l'ARS du 31 octobre 2023"
        #expect(checks.inconsistencies(in: Self.contract(title, end: 2028)).isEmpty)
        let found = checks.inconsistencies(in: Self.contract(title, end: 2029))
        #expect(
            found.map(\.summary) == [
                "contrat.prs_fin = 2029 : le PRS cité dans contrat.prs couvre « 2023-2028 » : il finit en 2028, pas en 2029"
            ])
        #expect(found.first?.fixes.first == "/modifier contrat.prs_fin 2028")
        #expect(
            checks.inconsistencies(in: Self.contract("Projet régional de santé 2018 à 2028", end: 2023)).first?.reason
                == "le PRS cité dans contrat.prs couvre « 2018 à 2028 » : il finit en 2028, pas en 2023")
        // A title with two spans: either last year will do.
        let two = "COS 2018-2028 et SRS 2023 – 2027"
        #expect(checks.inconsistencies(in: Self.contract(two, end: 2027)).isEmpty)
        #expect(
            checks.inconsistencies(in: Self.contract(two, end: 2030)).first?.reason
                == "le PRS cité dans contrat.prs couvre « 2018-2028 » ou « 2023 – 2027 » : il finit en 2027 ou 2028, pas en 2030")
        // Not spans: a law's number, a date, a year alone, a span backwards.
        // A PRS extended past its title's span: the title no longer says its end.
        #expect(
            checks.inconsistencies(in: Self.contract("PRS Île-de-France 2018-2022, prorogé jusqu'au 31 décembre 2023", end: 2023)).isEmpty)
        for other in ["loi n° 2023-1268 du 27 décembre 2023", "arrêté du 31/10/2023", "PRS 2023", "PRS 12023-2028", "PRS 2028-2023"] {
            #expect(checks.inconsistencies(in: Self.contract(other, end: 2030)).isEmpty, "\(other)")
        }
    }

    @Test func theYearTypedIsRefusedTheTitleTypedIsReported() {
        let title: [String: AnswerValue] = [QuestionKeys.prs: .text("PRS Normandie 2023-2028")]
        let wrong = Self.contract("PRS Normandie 2023-2028", end: 2027)
        #expect(
            checks.refusal(typing: QuestionKeys.prsEnd, origin: .typed, before: title, after: wrong)?.description
                == "Réponse refusée : le PRS cité dans contrat.prs couvre « 2023-2028 » : il finit en 2028, pas en 2027. Attendu : 2028, la dernière année du PRS cité ; ou corrigez d'abord contrat.prs."
        )
        let before = Self.contract("PRS Normandie 2018-2027", end: 2027)
        #expect(checks.refusal(typing: QuestionKeys.prs, origin: .modified, before: before, after: wrong) == nil)
        #expect(ConsistencyChecks.introduced(checks.inconsistencies(in: wrong), since: checks.inconsistencies(in: before)).count == 1)
    }
}
