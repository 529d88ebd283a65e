import AtelierCore
import Foundation
import Testing

/// The checks between answers of the diagnosis: modes d'exercice against the libéraux, APL
/// parts within the territory, the CPTS listed against the coverage, the aids already paid.
@Suite struct ConsistencyDiagnosisTests {
    let checks = ConsistencyChecks(library: Project.library, questionnaire: Project.questionnaire, currentYear: 2026)

    static func communes(_ codes: [String]) -> AnswerValue { .communes(codes.map { Project.reference.communes[$0]!.ref }) }

    static func part(_ apl: Double, _ codes: [String]) -> ListRecord {
        ListRecord(fields: [("valeur", .decimal(apl)), ("communes", communes(codes))])
    }

    static func doctors(_ count: Int, liberals: Int, modes: [String]) -> [String: AnswerValue] {
        [
            "demographie.medecins_generalistes.effectif": .integer(count), "demographie.medecins_generalistes.liberaux": .integer(liberals),
            "demographie.medecins_generalistes.mode_exercice": .choices(modes),
        ]
    }

    // MARK: - Modes d'exercice

    @Test func theModesMustAgreeWithTheCountOfLiberaux() {
        #expect(
            checks.inconsistencies(in: Self.doctors(9, liberals: 8, modes: ["libéral"])).map(\.summary) == [
                "demographie.medecins_generalistes.mode_exercice = libéral : « libéral » est coché sans « salarié » alors que demographie.medecins_generalistes.liberaux = 8 pour un effectif de 9 (demographie.medecins_generalistes.effectif) : 1 n'exerce pas en libéral"
            ])
        #expect(
            checks.inconsistencies(in: Self.doctors(9, liberals: 0, modes: ["libéral", "salarié"])).first?.reason
                == "« libéral » est coché alors que demographie.medecins_generalistes.liberaux = 0 : aucun n'exerce en libéral")
        #expect(
            checks.inconsistencies(in: Self.doctors(9, liberals: 0, modes: ["mixte"])).first?.reason
                == "« mixte » est coché alors que demographie.medecins_generalistes.liberaux = 0 : aucun n'exerce en libéral")
        let salaried = checks.inconsistencies(in: Self.doctors(9, liberals: 3, modes: ["salarié"]))
        #expect(
            salaried.first?.reason
                == "seul « salarié » est coché alors que demographie.medecins_generalistes.liberaux = 3 : 3 exercent en libéral (exclusif ou mixte)"
        )
        #expect(
            salaried.first?.fixes == [
                "/modifier demographie.medecins_generalistes.mode_exercice libéral, salarié",
                "/modifier demographie.medecins_generalistes.liberaux N",
            ])
        #expect(
            checks.inconsistencies(in: Self.doctors(9, liberals: 7, modes: ["libéral", "mixte"])).first?.fixes.first
                == "/modifier demographie.medecins_generalistes.mode_exercice libéral, mixte, salarié")
        // Mixte counts as libéral: libéral and mixte for all of them agree, as salarié with none.
        for agreeing in [
            Self.doctors(9, liberals: 9, modes: ["libéral", "mixte"]), Self.doctors(9, liberals: 8, modes: ["libéral", "salarié"]),
            Self.doctors(9, liberals: 0, modes: ["salarié"]), Self.doctors(9, liberals: 9, modes: ["libéral"]),
        ] {
            #expect(checks.inconsistencies(in: agreeing).isEmpty, "\(agreeing)")
        }
    }

    @Test func everyProfessionIsCheckedAndOnlyTheModesTypedAreRefused() {
        let before: [String: AnswerValue] = [
            "demographie.sages_femmes.effectif": .integer(2), "demographie.sages_femmes.liberaux": .integer(0),
        ]
        var after = before
        after["demographie.sages_femmes.mode_exercice"] = .choices(["libéral"])
        let refusal = checks.refusal(typing: "demographie.sages_femmes.mode_exercice", origin: .typed, before: before, after: after)
        #expect(
            refusal?.description
                == "Réponse refusée : « libéral » est coché alors que demographie.sages_femmes.liberaux = 0 : aucune n'exerce en libéral. Attendu : des modes d'exercice qui s'accordent avec demographie.sages_femmes.liberaux (« salarié »), ou corrigez d'abord demographie.sages_femmes.liberaux."
        )
        // The count changed afterwards is recorded, and the modes reported.
        var counted = after
        counted["demographie.sages_femmes.liberaux"] = .integer(2)
        var lowered = counted
        lowered["demographie.sages_femmes.liberaux"] = .integer(1)
        #expect(checks.refusal(typing: "demographie.sages_femmes.liberaux", origin: .modified, before: counted, after: lowered) == nil)
        #expect(
            ConsistencyChecks.introduced(checks.inconsistencies(in: lowered), since: checks.inconsistencies(in: counted)).map(\.target) == [
                "demographie.sages_femmes.mode_exercice"
            ])
    }

    // MARK: - APL par partie du territoire

    @Test func aPartWithACommuneOutsideTheTerritoryOrInTwoPartsIsFound() {
        let answers: [String: AnswerValue] = [
            QuestionKeys.territoryCommunes: Self.communes(["50076", "50081", "50077"]),
            "demographie.apl_parties": .records([
                Self.part(1.1, ["50076", "50081"]), Self.part(3.2, ["50077", "50218"]), Self.part(2.5, ["50081", "50077"]),
            ]),
        ]
        let found = checks.inconsistencies(in: answers)
        #expect(
            found.map(\.reason) == [
                "Granville (50218) n'est pas une commune du territoire (territoire.communes : 3 communes)",
                "Bréville-sur-Mer (50081) et Bretteville (50077) figurent déjà dans les parties 1 et 2 de demographie.apl_parties : une commune n'appartient qu'à une partie du territoire",
            ])
        #expect(found.map(\.target) == ["demographie.apl_parties.2.communes", "demographie.apl_parties.3.communes"])
        #expect(
            found[1].fixes == [
                "/modifier demographie.apl_parties.3.communes CODES (sans 50081 et 50077)",
                "/retirer 3 (dans /aller demographie.apl_parties)",
            ])
        // Without the territory's communes, only the parts are compared with each other.
        var alone = answers
        alone[QuestionKeys.territoryCommunes] = nil
        #expect(checks.inconsistencies(in: alone).map(\.rule) == [.communeInTwoParts])
    }

    @Test func aPartTypedOutsideIsRefusedTheTerritoryChangedIsReported() {
        let before: [String: AnswerValue] = [
            QuestionKeys.territoryCommunes: Self.communes(["50076", "50081"]),
            "demographie.apl_parties": .records([Self.part(1.1, ["50076"])]),
        ]
        var typed = before
        typed["demographie.apl_parties"] = .records([Self.part(1.1, ["50076"]), Self.part(2, ["50218"])])
        #expect(
            checks.refusal(typing: "demographie.apl_parties", origin: .typed, before: before, after: typed)?.reason
                == "Granville (50218) n'est pas une commune du territoire (territoire.communes : 2 communes)")
        var shrunk = before
        shrunk[QuestionKeys.territoryCommunes] = Self.communes(["50081"])
        #expect(checks.refusal(typing: QuestionKeys.territoryCommunes, origin: .modified, before: before, after: shrunk) == nil)
        #expect(
            ConsistencyChecks.introduced(checks.inconsistencies(in: shrunk), since: checks.inconsistencies(in: before)).map(\.summary) == [
                "demographie.apl_parties.1.communes = 1 commune, 3\u{202F}487 hab. (populations légales 2023) : Bréhal (50076) : Bréhal (50076) n'est pas une commune du territoire (territoire.communes : 1 commune)"
            ])
    }

    // MARK: - Structures

    @Test func aCptsRunningWhileTheTerritoryIsSaidNotCoveredIsFoundAndRefusedBothWays() {
        let cpts = ListRecord(fields: [
            ("type", .choice("CPTS")), ("nom", .text("CPTS du Granvillais")),
            ("commune", .commune(Project.reference.communes["50218"]!.ref)),
            ("statut", .choice("en fonctionnement")),
        ])
        let answers: [String: AnswerValue] = [QuestionKeys.structures: .records([cpts]), QuestionKeys.cptsCoverage: .choice("non")]
        #expect(
            checks.inconsistencies(in: answers).map(\.summary) == [
                "structures.cpts_couverture = non : la réponse « non » à structures.cpts_couverture contredit structures.liste, qui compte une CPTS en fonctionnement sur le territoire (CPTS « CPTS du Granvillais » (élément 1, Granville (50218))) : il est couvert, au moins en partie"
            ])
        // A CPTS of a neighbouring commune says nothing of the territory's coverage; « CPTS en
        // projet » with one running in the territory contradicts it as « non » does.
        var neighbour = answers
        neighbour[QuestionKeys.territoryCommunes] = .communes([Project.reference.communes["50076"]!.ref])
        #expect(checks.inconsistencies(in: neighbour).isEmpty)
        var projected = answers
        projected[QuestionKeys.cptsCoverage] = .choice("CPTS en projet")
        #expect(checks.inconsistencies(in: projected).count == 1)
        let before: [String: AnswerValue] = [QuestionKeys.cptsCoverage: .choice("non")]
        #expect(checks.refusal(typing: QuestionKeys.structures, origin: .typed, before: before, after: answers) != nil)
        #expect(
            checks.refusal(
                typing: QuestionKeys.cptsCoverage, origin: .typed, before: [QuestionKeys.structures: .records([cpts])], after: answers)
                != nil)
        var planned = answers
        planned[QuestionKeys.structures] = .records([
            ListRecord(fields: cpts.fields.map { $0.key == "statut" ? ($0.key, .choice("en projet")) : $0 })
        ])
        #expect(checks.inconsistencies(in: planned).isEmpty)
        planned[QuestionKeys.structures] = answers[QuestionKeys.structures]
        planned[QuestionKeys.cptsCoverage] = .choice("en partie")
        #expect(checks.inconsistencies(in: planned).isEmpty)
    }

    static func aid(_ payer: String, _ nature: String, year: Int = 2022) -> ListRecord {
        ListRecord(fields: [
            ("financeur", .choice(payer)), ("nature", .choice(nature)), ("profession", .text("médecin généraliste")),
            ("annee", .year(year)),
        ])
    }

    @Test func anAidWhosePayerCannotPayItsNatureOrDatedAfterThisYearIsFound() {
        let local = "aide L1511-8 d'une collectivité (installation ou maintien)"
        let insurance = "aide à l'installation de l'Assurance Maladie"
        let answers: [String: AnswerValue] = [
            "structures.aides_versees": .records([
                Self.aid("département", local), Self.aid("Assurance Maladie", local), Self.aid("commune", insurance),
                Self.aid("région", "CESP"), Self.aid("ARS", insurance), Self.aid("EPCI", "logement", year: 2027),
                Self.aid("État", "CESP"), Self.aid("Assurance Maladie", insurance, year: 2026),
            ])
        ]
        let found = checks.inconsistencies(in: answers)
        #expect(
            found.map(\.summary) == [
                "structures.aides_versees.2.financeur = Assurance Maladie : une aide L1511-8 est celle d'une collectivité (commune, EPCI, département ou région : CGCT L1511-8), elle n'est pas versée par l'Assurance Maladie",
                "structures.aides_versees.3.financeur = commune : l'aide à l'installation de l'Assurance Maladie est versée par l'Assurance Maladie (convention médicale), pas par la commune",
                "structures.aides_versees.4.financeur = région : le CESP (contrat d'engagement de service public) est un contrat national (loi HPST, art. 46), il n'est pas versé par la région : l'aide aux études d'une collectivité est une « bourse ou indemnité d'études »",
                "structures.aides_versees.6.annee = 2027 : l'aide est dite déjà versée ou en cours (structures.aides_versees), mais son année, 2027, est après l'année en cours (2026)",
            ])
        #expect(
            found[0].fixes == [
                "/modifier structures.aides_versees.2.financeur FINANCEUR (commune, EPCI, département ou région)",
                "/modifier structures.aides_versees.2.nature aide à l'installation de l'Assurance Maladie",
            ])
        #expect(found[2].fixes.last == "/modifier structures.aides_versees.4.nature bourse ou indemnité d'études")
        #expect(found.allSatisfy { $0.refusedWhenTyped == ["structures.aides_versees"] })
        // Without a clock, the year is not checked.
        #expect(ConsistencyChecks(library: Project.library).inconsistencies(in: answers).count == 3)
    }
}
