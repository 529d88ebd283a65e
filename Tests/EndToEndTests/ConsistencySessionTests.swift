import Foundation
import GRDB
import Testing

/// Answers that contradict each other, through the binary: the value typed is refused with a
/// sentence naming the other answer, and the workbook is left as it was; an older answer a
/// change made wrong is reported (« À revoir ») and listed by /vérifier with its fixing command.
@Suite struct ConsistencySessionTests {
    /// A real commune (Bréhal), three axes, three fiches, a contract inside a PRS ending in 2028,
    /// and a small plan de financement.
    static let setup = """
        Pays de test
        commune
        50076
        Marie ; Mairie ; élu

        22
        22
        9
        3
        /aller plan.axes
        Attirer et fidéliser les professionnels
        Organiser les soins coordonnés
        Prévenir

        creation_msp ; ; 1 ; ; ; ;
        aides_installation ; ; 3 ; ; ; ;
        centre_sante ; ; Organiser les soins coordonnés ; ; ; ;

        /aller contrat.prs_fin
        2028
        /aller contrat.signature_prevue
        01/03/2026
        /aller contrat.duree_annees
        2
        /aller financement
        HT
        3 ; Travaux ; investissement ; 1 000 ; ; 2027
        2 ; Prime d'installation ; fonctionnement ; 500 ; 0 ; 2027


        3 ; detr ; sollicité ; 300 ; ; 2027
        """

    /// A workbook answered with `setup`.
    static func workbook() throws -> (Sandbox, String) {
        let sandbox = Sandbox()
        let path = sandbox.path + "/t.sqlite"
        let result = try Binary.run([path], input: setup + "\n", in: sandbox.path)
        #expect(result.status == 0 && result.errors.isEmpty, "\(result.errors)")
        return (sandbox, path)
    }

    /// Every answer and every history line of the workbook, to compare before and after.
    static func contents(_ path: String) throws -> [String] {
        try DatabaseQueue(path: path).read { db in
            try String.fetchAll(db, sql: "SELECT key || ' = ' || value FROM answer ORDER BY key")
                + String.fetchAll(db, sql: "SELECT 'événement ' || COUNT(*) FROM answer_event")
        }
    }

    static func json(_ key: String, in path: String) throws -> String? {
        try DatabaseQueue(path: path).read { try String.fetchOne($0, sql: "SELECT value FROM answer WHERE key = ?", arguments: [key]) }
    }

    static func value(_ key: String, in path: String) throws -> String? {
        try DatabaseQueue(path: path).read { try String.fetchOne($0, sql: "SELECT display FROM answer WHERE key = ?", arguments: [key]) }
    }

    /// Runs `lines` on a fresh copy of the set-up workbook; the last one must be refused with
    /// `sentence` and leave the workbook as the lines before it left it.
    func expectRefused(_ lines: [String], _ sentence: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let (sandbox, path) = try Self.workbook()
        if lines.count > 1 {
            let before = try Binary.run([path], input: lines.dropLast().joined(separator: "\n") + "\n", in: sandbox.path)
            #expect(before.status == 0, "\(before.errors)", sourceLocation: sourceLocation)
        }
        let written = try Self.contents(path)
        let result = try Binary.run([path], input: lines.last! + "\n", in: sandbox.path)
        #expect(result.status == 1, sourceLocation: sourceLocation)
        #expect(result.errors.contains(sentence), "\(result.errors)", sourceLocation: sourceLocation)
        #expect(try Self.contents(path) == written, "nothing written for a refusal", sourceLocation: sourceLocation)
    }

    @Test func anEffectifBelowTheCountsItBoundsIsRefusedBothWays() throws {
        try expectRefused(
            ["/modifier demographie.medecins_generalistes.effectif 18"],
            "Réponse refusée : 18 est inférieur à la réponse déjà donnée à demographie.medecins_generalistes.liberaux (22).")
        try expectRefused(
            ["/modifier demographie.medecins_generalistes.departs_5_ans 30"],
            "Réponse refusée : 30 est trop grand. Attendu : un nombre entier entre 0 et 22 (la réponse à demographie.medecins_generalistes.effectif)."
        )
    }

    @Test func aucuneCannotBeCombinedWithAnotherTransport() throws {
        try expectRefused(
            ["/modifier mobilites.offre_transport 1, aucune"],
            "Réponse refusée : « aucune » ne se combine pas avec « transport à la demande ». Attendu : « aucune » seul")
        let (sandbox, path) = try Self.workbook()
        let alone = try Binary.run([path], input: "/modifier mobilites.offre_transport aucune\n", in: sandbox.path)
        #expect(alone.status == 0, "\(alone.errors)")
        #expect(try Self.value("mobilites.offre_transport", in: path) == "aucune")
    }

    @Test func aFicheOnAnAxisThatDoesNotExistIsRefused() throws {
        try expectRefused(
            ["/modifier plan.fiches transport_soins ; ; 7 ; ; ; ;"], "Réponse refusée : l'axe 7 n'existe pas : plan.axes en compte 3.")
        try expectRefused(
            ["/modifier plan.fiches.1.axe Mobilités"],
            "Réponse refusée : « Mobilités » n'est ni le numéro ni l'intitulé d'un axe de plan.axes (3 axes).")
        // Typed field by field, the element is refused once complete, and typed again from its first field.
        try expectRefused(
            ["/aller plan.fiches\ntransport_soins\n\n9\n\n\n\n"],
            "l'axe 9 n'existe pas : plan.axes en compte 3. Attendu : le numéro d'un axe (1 à 3) ou son intitulé ; un axe nouveau s'ajoute d'abord à plan.axes. L'élément est à ressaisir depuis son premier champ."
        )
    }

    @Test func theSameLibraryFicheTwiceIsRefused() throws {
        try expectRefused(
            ["/modifier plan.fiches creation_msp ; ; 2 ; ; ; ;"],
            "Réponse refusée : la fiche « Créer une maison de santé pluriprofessionnelle » figure deux fois dans plan.fiches (éléments 1 et 4)."
        )
    }

    @Test func financingLinesOnAFicheThatDoesNotExistOrWithAmountAndRateAreRefused() throws {
        try expectRefused(
            ["/modifier financement.depenses 4 ; Travaux ; investissement ; 1 000 ; ; 2027"],
            "Réponse refusée : la fiche 4 n'existe pas : plan.fiches en compte 3. Attendu : le numéro d'une fiche du plan d'actions (1 à 3)."
        )
        try expectRefused(
            ["/modifier financement.recettes 3 ; detr ; sollicité ; 300 ; 30 ; 2027"],
            "Réponse refusée : la recette 2 a un montant (300,00\u{00A0}€) et un taux (30\u{00A0}%) : donnez un montant ou un taux, pas les deux."
        )
        try expectRefused(
            ["/modifier financement.recettes.1.taux 30"],
            "Réponse refusée : la recette 1 a un montant (300,00\u{00A0}€) et un taux (30\u{00A0}%) : donnez un montant ou un taux, pas les deux."
        )
    }

    /// Real contracts do run past their PRS, with an avenant when the next one is adopted:
    /// the change is recorded, and said to revisit.
    @Test func aContractPastTheEndOfThePrsIsRecordedAndToRevisit() throws {
        let (sandbox, path) = try Self.workbook()
        let result = try Binary.run([path], input: "/modifier contrat.duree_annees 5\n/verifier\n", in: sandbox.path)

        #expect(result.status == 0, "\(result.errors)")
        #expect(try Self.value("contrat.duree_annees", in: path) == "5")
        #expect(
            result.output.contains(
                "  À revoir : contrat.duree_annees = 5 : signé le 01/03/2026 pour 5 ans, le contrat court jusqu'en 2031, après la fin du PRS en 2028 (contrat.prs_fin) : alignez sa durée sur le PRS, ou prévoyez un avenant à l'adoption du PRS suivant — /modifier contrat.duree_annees 2 ou /modifier contrat.signature_prevue JJ/MM/AAAA ou /modifier contrat.prs_fin ANNÉE"
            ), "\(result.output)")
        #expect(result.output.contains("Cohérence des réponses : 1 réponse à revoir"))
    }

    @Test func movingAnAxisTakesTheFichesOnItAlong() throws {
        let (sandbox, path) = try Self.workbook()
        // Fiche 1 on axis 1 and fiche 2 on axis 3, by number; axis 1 goes last.
        let result = try Binary.run([path], input: "/aller plan.axes\n/deplacer 1 3\n\n/verifier\n", in: sandbox.path)

        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("  ✓ élément 1 placé en position 3.\n  Les fiches suivent leurs axes (plan.fiches mis à jour)."))
        let sheets = try #require(try Self.json("plan.fiches", in: path))
        let axes = sheets.components(separatedBy: "\"axe\",").dropFirst().map { $0.prefix(50) }
        #expect(axes.count == 3 && axes[0].contains("\"valeur\":\"3\"") && axes[1].contains("\"valeur\":\"2\""), "\(sheets)")
        #expect(
            result.output.contains(
                "Cohérence des réponses : aucune contradiction entre les réponses du diagnostic, du plan d'actions et du contrat"))
    }

    @Test func removingAnAxisIsRecordedAndTheFicheOnItIsToRevisit() throws {
        let (sandbox, path) = try Self.workbook()
        // Fiche 1 on axis 1 and fiche 2 on axis 3, by number; axis 2 goes.
        let result = try Binary.run([path], input: "/aller plan.axes\n/retirer 2\n\n/verifier\n", in: sandbox.path)
        #expect(result.status == 0, "\(result.errors)")
        #expect(try Self.value("plan.axes", in: path) == "2 éléments")
        let lines = result.output.components(separatedBy: "\n")
        let removed = try #require(
            lines.firstIndex(of: "  ✓ élément 2 retiré : Intitulé de l'axe : Organiser les soins coordonnés"), "\(result.output)")
        #expect(
            Array(lines[(removed + 1)...(removed + 2)]) == [
                "  Les fiches suivent leurs axes (plan.fiches mis à jour).",
                "  À revoir : plan.fiches.3.axe = Organiser les soins coordonnés : « Organiser les soins coordonnés » n'est ni le numéro ni l'intitulé d'un axe de plan.axes (2 axes) — /modifier plan.fiches.3.axe N (1 à 2) ou /aller plan.axes pour ajouter l'axe",
            ])
        // Axis 3 is axis 2 now: the fiche on it follows it, not left on a number that has moved.
        let sheets = try #require(try Self.json("plan.fiches", in: path))
        #expect(
            sheets.contains("{\"type\":\"texte\",\"valeur\":\"2\"}") && !sheets.contains("{\"type\":\"texte\",\"valeur\":\"3\"}"),
            "\(sheets)")
        // /vérifier lists it under its section, with the command that fixes it.
        let verified = try #require(lines.firstIndex(of: "Cohérence des réponses : 1 réponse à revoir"))
        #expect(
            Array(lines[(verified + 1)...(verified + 3)]) == [
                "  Plan d'actions",
                "  ✗ plan.fiches.3.axe = Organiser les soins coordonnés : « Organiser les soins coordonnés » n'est ni le numéro ni l'intitulé d'un axe de plan.axes (2 axes).",
                "      → /modifier plan.fiches.3.axe N (1 à 2) ou /aller plan.axes pour ajouter l'axe",
            ])
        // Fixed as told, nothing is left to revisit.
        let fixed = try Binary.run([path], input: "/modifier plan.fiches.3.axe 1\n/verifier\n", in: sandbox.path)
        #expect(fixed.status == 0, "\(fixed.errors)")
        #expect(
            fixed.output.contains(
                "Cohérence des réponses : aucune contradiction entre les réponses du diagnostic, du plan d'actions et du contrat"))
        // The fix undone, the fiche is to revisit again.
        let undone = try Binary.run([path], input: "/annuler\n", in: sandbox.path)
        #expect(undone.status == 0, "\(undone.errors)")
        #expect(
            undone.output.contains(
                "    /refaire pour rétablir ; /annuler encore pour remonter plus loin.\n  À revoir : plan.fiches.3.axe = Organiser les soins coordonnés : "
            ), "\(undone.output)")
    }

    @Test func removingAFicheNamesTheFinancingLinesThatGoWithIt() throws {
        let (sandbox, path) = try Self.workbook()
        let result = try Binary.run([path], input: "/aller plan.fiches\n/retirer 2\n", in: sandbox.path)
        #expect(result.status == 0, "\(result.errors)")
        #expect(
            result.output.contains(
                "  Retirées avec la fiche 2 : financement.depenses.2 (2 ; Prime d'installation ; fonctionnement ; 500,00\u{00A0}€ ; 0\u{00A0}% ; 2027). /annuler pour les rétablir."
            ), "\(result.output)")
    }

    @Test func aLineLeftOnAMissingFicheIsListedByVerifierAndKeptInThePlanAndTheCsv() throws {
        let (sandbox, path) = try Self.workbook()
        // As a workbook of an older version, or edited by hand, may have it: a dépense on fiche 5.
        try DatabaseQueue(path: path).write { db in
            let json = try #require(try String.fetchOne(db, sql: "SELECT value FROM answer WHERE key = 'financement.depenses'"))
            try db.execute(
                sql: "UPDATE answer SET value = ? WHERE key = 'financement.depenses'",
                arguments: [json.replacingOccurrences(of: "{\"type\":\"entier\",\"valeur\":2}", with: "{\"type\":\"entier\",\"valeur\":5}")]
            )
        }
        let result = try Binary.run([path], input: "/verifier\n/plan\n/exporter plan csv\n", in: sandbox.path)
        #expect(result.status == 0, "\(result.errors)")
        // Lines folded at 100 columns read as one.
        let output = result.output.replacingOccurrences(of: "\n +", with: " ", options: .regularExpression)
        #expect(output.contains("✗ dépense 2 : la fiche 5 n'existe pas : plan.fiches en compte 3."), "\(output)")
        #expect(output.contains("→ /modifier financement.depenses.2.fiche N (1 à 3) ou /retirer 2 (dans /aller financement.depenses)"))
        #expect(output.contains("Fiche 5 — (fiche absente du plan d'actions)"))
        let csv = try String(contentsOfFile: sandbox.path + "/t-plan.csv", encoding: .utf8)
        #expect(csv.contains("5;(fiche absente du plan d'actions);dépense;2;Prime d'installation;"), "\(csv)")
    }

    @Test func verifierListsEveryInconsistencyLeftInTheWorkbookBySection() throws {
        let (sandbox, path) = try Self.workbook()
        // Edited outside the tool: 30 libéraux for 22 médecins, a contract of 6 years.
        try DatabaseQueue(path: path).write { db in
            try db.execute(
                sql:
                    "UPDATE answer SET value = '{\"type\":\"entier\",\"valeur\":30}' WHERE key = 'demographie.medecins_generalistes.liberaux'"
            )
            try db.execute(sql: "UPDATE answer SET value = '{\"type\":\"entier\",\"valeur\":6}' WHERE key = 'contrat.duree_annees'")
        }
        let result = try Binary.run([path], input: "/vérifier\n", in: sandbox.path)
        #expect(result.status == 0, "\(result.errors)")
        let lines = result.output.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex(of: "Cohérence des réponses : 2 réponses à revoir"), "\(result.output)")
        #expect(
            Array(lines[(start + 1)...(start + 5)]) == [
                "  Démographie des professionnels de santé",
                "  ✗ La réponse à demographie.medecins_generalistes.liberaux (30) est hors des bornes attendues (un nombre entier entre 0 et 22 (la réponse à demographie.medecins_generalistes.effectif)) : elle n'est pas utilisée ; /modifier demographie.medecins_generalistes.liberaux pour la corriger.",
                "  Contrat",
                "  ✗ contrat.duree_annees = 6 : signé le 01/03/2026 pour 6 ans, le contrat court jusqu'en 2032, après la fin du PRS en 2028 (contrat.prs_fin) : alignez sa durée sur le PRS, ou prévoyez un avenant à l'adoption du PRS suivant.",
                "      → /modifier contrat.duree_annees 2 ou /modifier contrat.signature_prevue JJ/MM/AAAA ou /modifier contrat.prs_fin ANNÉE",
            ])
        #expect(lines.contains { $0.hasPrefix("Contrôles : ") }, "the financing checks follow")
    }
}
