import Foundation
import GRDB
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Scenarios and partners' copies through the binary, checked in the workbook files: a fork,
/// a comparison, a copy filled in another process, its merge with a conflict, its undo, a
/// merge killed halfway, and files that are not copies.
@Suite struct ScenarioMergeSessionTests {
    static let demo = try! String(contentsOfFile: Binary.projectRoot + "/sessions/demo-val-d-exemple.txt", encoding: .utf8)

    /// A demo workbook in a fresh sandbox.
    static func demoWorkbook() throws -> (Sandbox, String) {
        let sandbox = Sandbox()
        let workbook = sandbox.path + "/val.sqlite"
        let built = try Binary.run([workbook], input: demo, in: sandbox.path)
        #expect(built.status == 0, "\(built.errors)")
        return (sandbox, workbook)
    }

    static func answer(_ key: String, in workbook: String) throws -> Row? {
        try DatabaseQueue(path: workbook).read { try Row.fetchOne($0, sql: "SELECT * FROM answer WHERE key = ?", arguments: [key]) }
    }

    /// The output with its no-break spaces (thousands, before € and %) as plain spaces.
    static func spaced(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{202F}", with: " ").replacingOccurrences(of: "\u{A0}", with: " ")
    }

    static func display(_ key: String, in workbook: String) throws -> String? {
        try answer(key, in: workbook)?["display"]
    }

    /// Every answer and the length of the history: what must not move when nothing is written.
    static func snapshot(_ workbook: String) throws -> [String] {
        try DatabaseQueue(path: workbook).read { db in
            try String.fetchAll(db, sql: "SELECT key || '=' || value || '|' || IFNULL(participant, '') FROM answer ORDER BY key")
                + [String(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM answer_event") ?? 0)]
        }
    }

    @Test func aScenarioForkedAndChangedComparesOnExactlyWhatChanged() throws {
        let (sandbox, workbook) = try Self.demoWorkbook()
        let created = try Binary.run(
            [workbook], input: "/participant Claire Martin\n/scenario nouveau sans DSIL\n/scenario liste\n", in: sandbox.path)
        #expect(created.status == 0, "\(created.errors)")
        let scenario = sandbox.path + "/val--sans-dsil.sqlite"
        #expect(
            created.output.contains("✓ Scénario « sans DSIL » écrit dans \(scenario) : une copie complète de ce classeur."),
            "\(created.output)")
        #expect(created.output.contains("  sans-dsil  « sans DSIL » — \(scenario), écrit le "), "\(created.output)")
        let lineage = try DatabaseQueue(path: scenario).read { try Row.fetchOne($0, sql: "SELECT kind, name, forked_by FROM lineage") }
        let kind: String? = lineage?["kind"], name: String? = lineage?["name"], by: String? = lineage?["forked_by"]
        #expect(kind == "scénario" && name == "sans DSIL" && by == "Claire Martin")

        // In the scenario, in its own process: the DETR rate of fiche 1 lowered from 40 % to 30 %.
        let changed = try Binary.run([scenario], input: "/modifier financement.recettes.1.taux 30\n", in: sandbox.path)
        #expect(changed.status == 0, "\(changed.errors)")
        #expect(changed.output.contains("Scénario « sans DSIL » de « Pays du Val d'Exemple (territoire fictif) »"), "\(changed.output)")

        let before = try Self.snapshot(workbook)
        let compared = try Binary.run([workbook], input: "/scenario comparer sans-dsil\n", in: sandbox.path)
        #expect(compared.status == 0, "\(compared.errors)")
        let out = Self.spaced(compared.output)
        #expect(out.contains("Comparaison : A = ce classeur ; B = « sans DSIL » (\(scenario))"), "\(out)")
        // Exactly the answer changed, element and field named.
        #expect(
            out.contains("Réponses qui diffèrent : 1\n  financement.recettes\n    ~ élément 1, Taux en % de la base : 40 % → 30 %\n"),
            "\(out)")
        // 40 % and 30 % of fiche 1's 60 000 € base: 24 000 € and 18 000 € of DETR.
        #expect(out.contains("  État (préfecture)                 224 000,00 €      218 000,00 €       −6 000,00 €\n"), "\(out)")
        #expect(out.contains("  Total des recettes                650 000,00 €      644 000,00 €       −6 000,00 €\n"), "\(out)")
        #expect(out.contains("  Recettes au budget 2027           540 000,00 €      534 000,00 €       −6 000,00 €\n"), "\(out)")
        #expect(!out.contains("Dépenses 2027"), "the expenses did not change: \(out)")
        #expect(
            out.contains("échoue dans B, réussi dans A : Fiche 1, équilibre : recettes 54 000,00 € pour 60 000,00 € de dépenses"), "\(out)")
        #expect(
            out.contains("  − | État (préfecture) — DETR — dotation d'équipement des territoires ruraux | sollicité | 24 000,00 € |\n"),
            "\(out)")
        #expect(
            out.contains("  + | État (préfecture) — DETR — dotation d'équipement des territoires ruraux | sollicité | 18 000,00 € |\n"),
            "\(out)")
        // Comparing writes nothing, in either file.
        #expect(try Self.snapshot(workbook) == before)

        // Two names: the scenario against itself differs in nothing.
        let same = try Binary.run([workbook], input: "/scenario comparer sans-dsil \(scenario)\n", in: sandbox.path)
        #expect(Self.spaced(same.output).contains("Réponses qui diffèrent : 0\n  aucune\n"), "\(same.output)")
        #expect(same.output.contains("Projet de contrat : identique"), "\(same.output)")
        let unknown = try Binary.run([workbook], input: "/scenario comparer avec-dsil\n", in: sandbox.path)
        #expect(unknown.status == 1)
        #expect(unknown.errors.contains("Aucun scénario « avec-dsil » pour ce classeur ; scénarios : sans-dsil."), "\(unknown.errors)")
        // Never over an existing file.
        let again = try Binary.run([workbook], input: "/scenario nouveau sans DSIL\n", in: sandbox.path)
        #expect(again.status == 1)
        #expect(again.errors.contains("Le fichier « \(scenario) » existe déjà : il n'a pas été remplacé."), "\(again.errors)")
    }

    @Test func aPartnersCopyMergesOneSidedChangesWithTheirProvenanceAsksTheConflictAndUndoesWhole() throws {
        let (sandbox, workbook) = try Self.demoWorkbook()
        let copy = sandbox.path + "/cpam.sqlite"
        let shared = try Binary.run([workbook], input: "/participant Claire Martin\n/partager cpam.sqlite demographie\n", in: sandbox.path)
        #expect(shared.status == 0, "\(shared.errors)")
        #expect(
            shared.output.contains(
                "✓ Copie pour un partenaire écrite dans cpam.sqlite, à remplir : Démographie des professionnels de santé."))

        // The partner, in a separate process: the copy opens at the shared section.
        let filled = try Binary.run(
            [copy],
            input: """
                /participant Karim Haddad
                /source CPAM de la Manche, patientèles 2026
                10
                /modifier demographie.medecins_generalistes.age_60_plus 5
                /aller participants.liste
                Marc Petit ; MSA Côtes Normandes ; MSA

                /modifier participants.liste.2.organisation MSP du Val

                """, in: sandbox.path)
        #expect(filled.status == 0, "\(filled.errors)")
        #expect(filled.output.contains("Copie du classeur « Pays du Val d'Exemple (territoire fictif) », partagée le "), "\(filled.output)")
        #expect(
            filled.output.contains(
                "Nombre de médecins généralistes en exercice sur le territoire [demographie.medecins_generalistes.effectif]"))

        // Meanwhile, here: the same count changed, another field of the same participant, another participant.
        let mine = try Binary.run(
            [workbook],
            input: """
                /participant Claire Martin
                /modifier demographie.medecins_generalistes.effectif 11
                /modifier participants.liste.2.role autre
                /aller participants.liste
                Jeanne Roux ; Mairie de Bréhal ; élu

                """, in: sandbox.path)
        #expect(mine.status == 0, "\(mine.errors)")

        let merged = try Binary.run(
            [workbook],
            input: "/participant Claire Martin\n/fusionner cpam.sqlite\n2\n/historique demographie.medecins_generalistes.effectif\n",
            in: sandbox.path)
        #expect(merged.status == 0, "\(merged.errors)")
        let out = Self.spaced(merged.output)
        #expect(out.contains("1 réponse changée dans la copie seulement, à reprendre ; 1 conflit (changé des deux côtés)."), "\(out)")
        #expect(out.contains("    demographie.medecins_generalistes.age_60_plus : 5 — par Karim Haddad, le "), "\(out)")
        #expect(out.contains("Conflit 1 sur 1 — demographie.medecins_generalistes.effectif"), "\(out)")
        #expect(out.contains("  1. le vôtre : 11 — par Claire Martin, le "), "\(out)")
        #expect(out.contains("  2. le leur  : 10 — par Karim Haddad, le "), "\(out)")
        #expect(out.contains(", source : CPAM de la Manche, patientèles 2026\n"), "\(out)")
        #expect(out.contains("     à la copie : 9\n"), "\(out)")
        #expect(out.contains("✓ Fusion enregistrée : 3 réponses reprises de « cpam.sqlite », 1 conflit réglé."), "\(out)")
        // The history's « Qui » column, folded on two lines at 100 columns.
        #expect(out.contains("fusion        10      11     Karim Haddad, fusionné  CPAM de la Manche,"), "\(out)")
        #expect(out.contains("par Claire Martin"), "\(out)")

        // On disk: the one-sided change with the partner's provenance, the conflict as chosen.
        let aged = try #require(try Self.answer("demographie.medecins_generalistes.age_60_plus", in: workbook))
        let agedDisplay: String? = aged["display"], agedBy: String? = aged["participant"], agedSource: String? = aged["source"]
        #expect(agedDisplay == "5" && agedBy == "Karim Haddad")
        #expect(agedSource == "CPAM de la Manche, patientèles 2026")
        let effectif = try #require(try Self.answer("demographie.medecins_generalistes.effectif", in: workbook))
        let effectifDisplay: String? = effectif["display"], effectifBy: String? = effectif["participant"]
        #expect(effectifDisplay == "10" && effectifBy == "Karim Haddad")
        // Both participants added land; the one both edited keeps both edits (different fields).
        let participants = try UndoSessionTests.elements("participants.liste", in: workbook)
        #expect(participants.count == 6, "\(participants)")
        #expect(participants[1].contains("MSP du Val") && participants[1].contains("\"autre\""), "\(participants[1])")
        #expect(participants[4].contains("Jeanne Roux") && participants[5].contains("Marc Petit"), "\(participants)")
        let record = try DatabaseQueue(path: workbook).read {
            try Row.fetchOne($0, sql: "SELECT copy_file, merged_by, taken, conflicts FROM merge_record")
        }
        let mergedBy: String? = record?["merged_by"], taken: Int? = record?["taken"]
        #expect(mergedBy == "Claire Martin" && taken == 3)
        let conflicts: String = record?["conflicts"] ?? ""
        #expect(
            conflicts.contains("\"choix\":\"leur\"") && conflicts.contains("demographie.medecins_generalistes.effectif"), "\(conflicts)")
        #expect(try UndoSessionTests.origins("demographie.medecins_generalistes.effectif", in: workbook).last == "fusion")

        // Merged again without new work in the copy: nothing to bring, nothing asked.
        let twice = try Binary.run([workbook], input: "/fusionner cpam.sqlite\n", in: sandbox.path)
        #expect(twice.output.contains("Rien à reporter : « cpam.sqlite » n'a changé aucune réponse"), "\(twice.output)")

        // /annuler takes the whole merge back.
        let undone = try Binary.run([workbook], input: "/annuler\n", in: sandbox.path)
        #expect(undone.status == 0, "\(undone.errors)")
        #expect(undone.output.contains("↶ Annulé : la fusion d'une copie"), "\(undone.output)")
        #expect(try Self.display("demographie.medecins_generalistes.effectif", in: workbook) == "11")
        #expect(try Self.display("demographie.medecins_generalistes.age_60_plus", in: workbook) == "4")
        #expect(try UndoSessionTests.elements("participants.liste", in: workbook).count == 5)
    }

    @Test func aMergeKilledWhileConflictsAreAskedLeavesTheWorkbookAsItWasAndResumes() throws {
        let (sandbox, workbook) = try Self.demoWorkbook()
        let copy = sandbox.path + "/msa.sqlite"
        #expect(try Binary.run([workbook], input: "/partager msa.sqlite\n", in: sandbox.path).status == 0)
        let partner =
            "/participant MSA\n/modifier demographie.medecins_generalistes.effectif 10\n/modifier demographie.infirmiers.effectif 20\n"
        #expect(try Binary.run([copy], input: partner, in: sandbox.path).status == 0)
        let here = "/modifier demographie.medecins_generalistes.effectif 11\n/modifier demographie.infirmiers.effectif 21\n"
        #expect(try Binary.run([workbook], input: here, in: sandbox.path).status == 0)
        let before = try Self.snapshot(workbook)

        // The first conflict settled, the second shown: killed (-9) there.
        let (process, stdin, stdout) = try Binary.start(workbook, input: "/fusionner \(copy)\n1\n", in: sandbox.path, closing: false)
        var printed = ""
        let deadline = Date().addingTimeInterval(60)
        while !printed.contains("Conflit 2 sur 2"), Date() < deadline {
            let chunk = stdout.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            printed += String(decoding: chunk, as: UTF8.self)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? stdin.fileHandleForWriting.close()
        #expect(printed.contains("Conflit 2 sur 2 — demographie.infirmiers.effectif"), "\(printed)")
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(try Self.snapshot(workbook) == before)
        let integrity = try DatabaseQueue(path: workbook).read { try String.fetchOne($0, sql: "PRAGMA integrity_check") }
        #expect(integrity == "ok")

        // Reopened (Binary.start runs elsewhere: the copy is named by its full path): the merge
        // waits; /fusionner asks only the conflict left, then writes.
        let resumed = try Binary.run([workbook], input: "/fusionner\n2\n", in: sandbox.path)
        #expect(resumed.status == 0, "\(resumed.errors)")
        #expect(
            resumed.output.contains("Une fusion de « \(copy) » attend que ses conflits soient réglés (1 choix fait)"), "\(resumed.output)")
        #expect(!resumed.output.contains("Conflit 1 sur 2"), "\(resumed.output)")
        #expect(resumed.output.contains("Conflit 2 sur 2 — demographie.infirmiers.effectif"), "\(resumed.output)")
        #expect(try Self.display("demographie.medecins_generalistes.effectif", in: workbook) == "11")
        #expect(try Self.display("demographie.infirmiers.effectif", in: workbook) == "20")
        let state = try DatabaseQueue(path: workbook).read {
            try String.fetchOne($0, sql: "SELECT value FROM session_state WHERE name = 'fusion_en_cours'")
        }
        #expect(state == nil)
    }

    @Test func aFileThatIsNotACopyOfThisWorkbookIsRefusedAndNothingIsWritten() throws {
        let (sandbox, workbook) = try Self.demoWorkbook()
        // Another territory's workbook, forked from it: a copy, but of another workbook.
        let other = sandbox.path + "/autre.sqlite"
        #expect(
            try Binary.run([other], input: "Communauté de communes de l'Autre Rive\n/partager autre-copie.sqlite\n", in: sandbox.path)
                .status == 0)
        try DatabaseQueue(path: sandbox.path + "/etranger.sqlite").write { try $0.execute(sql: "CREATE TABLE t (x)") }
        try Data("pas une base\n".utf8).write(to: URL(fileURLWithPath: sandbox.path + "/texte.sqlite"))
        let before = try Self.snapshot(workbook)
        let cases: [(String, String)] = [
            ("autre-copie.sqlite", "c'est une copie du classeur « Communauté de communes de l'Autre Rive », écrite depuis « \(other) »"),
            ("autre.sqlite", "c'est un classeur indépendant, pas une copie écrite par /partager ou /scenario nouveau"),
            ("etranger.sqlite", "c'est une base SQLite d'une autre application"),
            ("texte.sqlite", "ce n'est pas un classeur Atelier Santé (ni même une base SQLite)"),
            ("val.sqlite", "c'est le classeur ouvert lui-même"),
        ]
        for (file, reason) in cases {
            let refused = try Binary.run([workbook], input: "/fusionner \(file)\n", in: sandbox.path)
            #expect(refused.status == 1, "\(file)")
            #expect(
                refused.errors.contains(
                    "« \(file) » n'est pas une copie de ce classeur : \(reason). Rien n'a été fusionné ; le classeur est inchangé."),
                "\(refused.errors)")
            #expect(!refused.signaled)
        }
        let missing = try Binary.run([workbook], input: "/fusionner absent.sqlite\n", in: sandbox.path)
        #expect(missing.status == 1 && !missing.errors.isEmpty && !missing.errors.contains("Error"), "\(missing.errors)")
        #expect(try Self.snapshot(workbook) == before)
    }
}
