import Foundation
import GRDB
import Testing

/// The contradictions a hostile review found, through the binary on the set-up workbook
/// (Bréhal alone; 22 médecins généralistes, all libéraux; three axes of the plan's own).
extension ConsistencySessionTests {
    /// The year where the binary runs (its clock, in the time zone `Binary` gives it).
    static var currentYear: Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Paris")!
        return calendar.component(.year, from: Date())
    }

    static let ownAxes =
        "1. « Attirer et fidéliser les professionnels », 2. « Organiser les soins coordonnés », 3. « Prévenir »"

    @Test func aFicheLeftOnALibraryAxisThePlanDoesNotHaveIsRefused() throws {
        try expectRefused(
            ["/modifier plan.fiches transport_soins ; ; ; ; ; ;"],
            "Réponse refusée : axe laissé vide : la fiche prendrait celui de la bibliothèque, « Faciliter l'accès aux soins et les parcours », qui n'est pas un axe de plan.axes (\(Self.ownAxes)). Attendu : le numéro d'un axe de plan.axes (1 à 3) ou son intitulé ; ou ajoutez d'abord « Faciliter l'accès aux soins et les parcours » à plan.axes."
        )
    }

    @Test func anAxisRenamedAwayFromAFicheOnTheLibrarysAxisIsRecordedAndTheFicheToRevisit() throws {
        let (sandbox, path) = try Self.workbook()
        let result = try Binary.run(
            [path],
            input: """
                /modifier plan.axes.3.intitule Faciliter l'accès aux soins et les parcours
                /modifier plan.fiches transport_soins ; ; ; ; ; ;
                /modifier plan.axes.3.intitule Prévenir
                /verifier

                """, in: sandbox.path)
        #expect(result.status == 0, "\(result.errors)")
        #expect(try Self.value("plan.fiches", in: path) == "4 éléments")
        let revisit =
            "plan.fiches.4.axe = (vide) : axe laissé vide : la fiche prendrait celui de la bibliothèque, « Faciliter l'accès aux soins et les parcours », qui n'est pas un axe de plan.axes (\(Self.ownAxes))"
        #expect(
            result.output.contains(
                "  À revoir : \(revisit) — /modifier plan.fiches.4.axe N (1 à 3) ou /aller plan.axes pour ajouter l'axe"),
            "\(result.output)")
        let lines = result.output.components(separatedBy: "\n")
        let verified = try #require(lines.firstIndex(of: "Cohérence des réponses : 1 réponse à revoir"), "\(result.output)")
        #expect(
            Array(lines[(verified + 1)...(verified + 3)]) == [
                "  Plan d'actions", "  ✗ \(revisit).",
                "      → /modifier plan.fiches.4.axe N (1 à 3) ou /aller plan.axes pour ajouter l'axe",
            ])
    }

    @Test func anAplPartOutsideTheTerritoryOrOverlappingAnotherIsRefused() throws {
        let zoned = "/modifier demographie.zonage_medecins en partie ZIP ou ZAC"
        try expectRefused(
            [zoned, "/modifier demographie.apl_parties 1,2 ; 50076 50218"],
            "Réponse refusée : Granville (50218) n'est pas une commune du territoire (territoire.communes : 1 commune). Attendu : les codes INSEE de communes de territoire.communes."
        )
        try expectRefused(
            [
                zoned + "\n/modifier territoire.communes 50076 50081\n/modifier demographie.apl_parties 1,2 ; 50076",
                "/modifier demographie.apl_parties 3,1 ; 50081 50076",
            ],
            "Réponse refusée : Bréhal (50076) figure déjà dans la partie 1 de demographie.apl_parties : une commune n'appartient qu'à une partie du territoire."
        )
    }

    @Test func theTerritoryChangedUnderAnAplPartIsRecordedAndThePartToRevisit() throws {
        let (sandbox, path) = try Self.workbook()
        let result = try Binary.run(
            [path],
            input: """
                /modifier demographie.zonage_medecins en partie ZIP ou ZAC
                /modifier territoire.communes 50076 50081
                /modifier demographie.apl_parties 1,2 ; 50081
                /modifier territoire.communes 50076
                /verifier

                """, in: sandbox.path)
        #expect(result.status == 0, "\(result.errors)")
        #expect(try Self.value("territoire.communes", in: path)?.hasSuffix(": Bréhal (50076)") == true)
        let revisit =
            "demographie.apl_parties.1.communes = 1 commune, 791 hab. (populations légales 2023) : Bréville-sur-Mer (50081) : Bréville-sur-Mer (50081) n'est pas une commune du territoire (territoire.communes : 1 commune)"
        let fix =
            "/modifier demographie.apl_parties.1.communes CODES ou /modifier territoire.communes CODES (toutes les communes du territoire)"
        #expect(result.output.contains("  À revoir : \(revisit) — \(fix)"), "\(result.output)")
        #expect(result.output.contains("  ✗ \(revisit).\n      → \(fix)"), "\(result.output)")
    }

    @Test func modesDExerciceThatContradictTheLiberauxAreRefused() throws {
        try expectRefused(
            ["/modifier demographie.medecins_generalistes.mode_exercice salarié"],
            "Réponse refusée : seul « salarié » est coché alors que demographie.medecins_generalistes.liberaux = 22 : 22 exercent en libéral (exclusif ou mixte). Attendu : des modes d'exercice qui s'accordent avec demographie.medecins_generalistes.liberaux (« libéral »), ou corrigez d'abord demographie.medecins_generalistes.liberaux."
        )
        try expectRefused(
            [
                "/modifier demographie.infirmiers.effectif 10\n/modifier demographie.infirmiers.liberaux 0",
                "/modifier demographie.infirmiers.mode_exercice libéral, salarié",
            ],
            "Réponse refusée : « libéral » est coché alors que demographie.infirmiers.liberaux = 0 : aucun n'exerce en libéral.")
    }

    @Test func fewerLiberauxThanTheModesSayAreRecordedAndTheModesToRevisit() throws {
        let (sandbox, path) = try Self.workbook()
        let result = try Binary.run(
            [path],
            input: """
                /modifier demographie.medecins_generalistes.mode_exercice libéral
                /modifier demographie.medecins_generalistes.liberaux 20
                /verifier

                """, in: sandbox.path)
        #expect(result.status == 0, "\(result.errors)")
        #expect(try Self.value("demographie.medecins_generalistes.liberaux", in: path) == "20")
        let revisit =
            "demographie.medecins_generalistes.mode_exercice = libéral : « libéral » est coché sans « salarié » alors que demographie.medecins_generalistes.liberaux = 20 pour un effectif de 22 (demographie.medecins_generalistes.effectif) : 2 n'exercent pas en libéral"
        let fix =
            "/modifier demographie.medecins_generalistes.mode_exercice libéral, salarié ou /modifier demographie.medecins_generalistes.liberaux N"
        #expect(result.output.contains("  À revoir : \(revisit) — \(fix)"), "\(result.output)")
        let lines = result.output.components(separatedBy: "\n")
        let verified = try #require(lines.firstIndex(of: "Cohérence des réponses : 1 réponse à revoir"), "\(result.output)")
        #expect(
            Array(lines[(verified + 1)...(verified + 3)]) == [
                "  Démographie des professionnels de santé", "  ✗ \(revisit).", "      → \(fix)",
            ])
        // Fixed as told.
        let fixed = try Binary.run(
            [path], input: "/modifier demographie.medecins_generalistes.mode_exercice libéral, salarié\n/verifier\n", in: sandbox.path)
        #expect(fixed.status == 0, "\(fixed.errors)")
        #expect(fixed.output.contains("Cohérence des réponses : aucune contradiction"), "\(fixed.output)")
    }

    @Test func anAidPaidByWhoCannotPayItOrDatedNextYearIsRefused() throws {
        try expectRefused(
            ["/modifier structures.aides_versees Assurance Maladie ; aide L1511-8 ; médecin généraliste ; ; 2022"],
            "Réponse refusée : une aide L1511-8 est celle d'une collectivité (commune, EPCI, département ou région : CGCT L1511-8), elle n'est pas versée par l'Assurance Maladie. Attendu : un financeur qui verse une aide de cette nature (commune, EPCI, département ou région), ou une autre nature."
        )
        try expectRefused(
            [
                "/modifier structures.aides_versees département ; aide L1511-8 ; médecin généraliste ; ; 2022",
                "/modifier structures.aides_versees.1.financeur État",
            ],
            "Réponse refusée : une aide L1511-8 est celle d'une collectivité (commune, EPCI, département ou région : CGCT L1511-8), elle n'est pas versée par l'État."
        )
        let now = Self.currentYear
        try expectRefused(
            ["/modifier structures.aides_versees commune ; logement ; infirmier ; ; \(now + 1)"],
            "Réponse refusée : l'aide est dite déjà versée ou en cours (structures.aides_versees), mais son année, \(now + 1), est après l'année en cours (\(now)). Attendu : l'année de la convention ou du premier versement, au plus \(now) ; une aide seulement prévue ne se saisit pas ici."
        )
    }

    @Test func anAidEditedOutsideTheToolIsListedByVerifier() throws {
        let (sandbox, path) = try Self.workbook()
        let typed = try Binary.run(
            [path], input: "/modifier structures.aides_versees département ; aide L1511-8 ; médecin généraliste ; Dr Martin ; 2021\n",
            in: sandbox.path)
        #expect(typed.status == 0, "\(typed.errors)")
        try DatabaseQueue(path: path).write { db in
            let json = try #require(try String.fetchOne(db, sql: "SELECT value FROM answer WHERE key = 'structures.aides_versees'"))
            #expect(json.contains("\"département\""), "\(json)")
            try db.execute(
                sql: "UPDATE answer SET value = ? WHERE key = 'structures.aides_versees'",
                arguments: [json.replacingOccurrences(of: "\"département\"", with: "\"ARS\"")])
        }
        let result = try Binary.run([path], input: "/vérifier\n", in: sandbox.path)
        #expect(result.status == 0, "\(result.errors)")
        let lines = result.output.components(separatedBy: "\n")
        let verified = try #require(lines.firstIndex(of: "Cohérence des réponses : 1 réponse à revoir"), "\(result.output)")
        #expect(
            Array(lines[(verified + 1)...(verified + 3)]) == [
                "  Structures existantes",
                "  ✗ structures.aides_versees.1.financeur = ARS : une aide L1511-8 est celle d'une collectivité (commune, EPCI, département ou région : CGCT L1511-8), elle n'est pas versée par l'ARS.",
                "      → /modifier structures.aides_versees.1.financeur FINANCEUR (commune, EPCI, département ou région) ou /modifier structures.aides_versees.1.nature NATURE",
            ])
    }
}
