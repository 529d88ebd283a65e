import Foundation
import GRDB
import Testing

/// The binary driven through stdin, as a replayed script.
@Suite struct ScriptedSessionTests {
    static let fullSession = """
        # Territoire : rempli à partir du SIREN réel de la CU Caen la Mer
        CC Caen la Mer
        EPCI
        200065597
        # Participants
        Marie Dupont ; Mairie de Caen ; élu
        Dr Paul Martin ; MSP du Val ; professionnel de santé

        /participant Marie Dupont
        /source C@rtoSanté 2025
        120
        104
        31
        18
        4
        libéral, salarié
        /modifier demographie.medecins_generalistes.effectif 118
        /aller structures
        /participant Dr Paul Martin
        MSP ; MSP du Val ; 14118 ; en fonctionnement ; 12
        centre de santé polyvalent
        Centre de santé de la Guérinière
        14118
        en projet


        en partie
        oui
        oui
        # structures.aides_versees : aucune aide (liste vide)

        oui
        30/06/2024
        /aller mobilites
        /source Diagnostic DREES/DGOS d'accès aux soins urgents, 2019
        12
        8
        25
        3,5
        Bayeux ; urgences

        transport à la demande, VSL
        2
        Peu de transports en soirée ; les habitants de l'ouest vont à Bayeux.
        /quitter
        """

    @Test func aFullSessionIsStoredAndReadBackAfterReopening() throws {
        let sandbox = Sandbox()
        let workbook = sandbox.path + "/caen.sqlite"

        // Given a session answering questions in every section
        let first = try Binary.run([workbook], input: Self.fullSession, in: sandbox.path)
        #expect(first.status == 0, "\(first.errors)")
        #expect(first.errors.isEmpty)
        #expect(first.output.contains("territoire.communes rempli : 48 communes"))
        #expect(!first.output.contains("\u{1B}["), "no colours when stdout is not a terminal")

        // When the workbook is reopened
        let second = try Binary.run(
            [workbook], input: "/revoir\n/historique demographie.medecins_generalistes.effectif\n/quitter\n", in: sandbox.path)

        // Then the resume summary, every answer with who and source, and the history show
        #expect(second.status == 0, "\(second.errors)")
        #expect(second.output.contains("Reprise du classeur « CC Caen la Mer »"))
        for key in [
            "territoire.nom", "territoire.siren_epci", "territoire.communes", "participants.liste",
            "demographie.medecins_generalistes.effectif", "demographie.medecins_generalistes.age_60_plus",
            "structures.liste", "structures.cls_precedent_fin", "mobilites.temps_acces.urgences", "mobilites.obstacles",
        ] {
            #expect(second.output.contains(key), "\(key) missing from /revoir")
        }
        #expect(second.output.contains("CU Caen la Mer (SIREN 200065597)"))
        #expect(second.output.contains("C@rtoSanté 2025"))
        #expect(second.output.contains("Dr Paul Martin"))
        // A list element longer than 100 columns is folded under its row.
        let unfolded = second.output.replacingOccurrences(of: "\n +", with: " ", options: .regularExpression)
        #expect(
            unfolded.contains(
                "1. Type : MSP ; Nom : MSP du Val ; Commune : Caen (14118) ; Statut : en fonctionnement ; Nombre de professionnels : 12"))
        #expect(
            unfolded.contains(
                "2. Type : centre de santé polyvalent ; Nom : Centre de santé de la Guérinière ; Commune : Caen (14118) ; Statut : en projet"
            ))
        #expect(second.output.contains("Historique de demographie.medecins_generalistes.effectif"))

        // And the file holds the answers, their authors, sources and history
        let queue = try DatabaseQueue(path: workbook)
        try queue.read { db in
            let effectif = try #require(
                try Row.fetchOne(db, sql: "SELECT * FROM answer WHERE key = 'demographie.medecins_generalistes.effectif'"))
            #expect(effectif["display"] as String == "118")
            #expect(effectif["participant"] as String? == "Marie Dupont")
            #expect(effectif["source"] as String? == "C@rtoSanté 2025")
            #expect(effectif["source_year"] as Int? == 2025)
            let events = try Row.fetchAll(
                db,
                sql:
                    "SELECT display, previous_display, origin FROM answer_event WHERE key = 'demographie.medecins_generalistes.effectif' ORDER BY id"
            )
            #expect(events.map { $0["display"] as String } == ["120", "118"])
            #expect(events.map { $0["previous_display"] as String? } == [nil, "120"])
            let urgences = try #require(
                try Row.fetchOne(db, sql: "SELECT participant, source_year FROM answer WHERE key = 'mobilites.temps_acces.urgences'"))
            #expect(urgences["participant"] as String? == "Dr Paul Martin")
            #expect(urgences["source_year"] as Int? == 2019)
            let communes = try String.fetchOne(db, sql: "SELECT source FROM answer WHERE key = 'territoire.communes'")
            #expect(communes == "DGCL, composition des EPCI au 01/01/2025")
            let sections = try Set(String.fetchAll(db, sql: "SELECT substr(key, 1, instr(key, '.') - 1) FROM answer"))
            #expect(sections == ["territoire", "participants", "demographie", "structures", "mobilites"])
        }
    }

    @Test func endOfInputLeavesNormally() throws {
        let sandbox = Sandbox()
        let result = try Binary.run([sandbox.path + "/x.sqlite"], input: "Pays d'Auge\n", in: sandbox.path)
        #expect(result.status == 0)
        #expect(result.output.contains("✓ territoire.nom = Pays d'Auge"))
        #expect(result.output.hasSuffix("Classeur enregistré. À bientôt.\n"))
    }

    @Test func withoutAPathTheWorkbookIsNamedAfterTheTerritoryInSessions() throws {
        let sandbox = Sandbox()
        let created = try Binary.run([], input: "Pays d'Auge / Lisieux\n2\n", in: sandbox.path)
        #expect(created.status == 0, "\(created.errors)")
        #expect(created.output.contains("Aucun classeur dans"))
        #expect(FileManager.default.fileExists(atPath: sandbox.path + "/sessions/pays-d-auge-lisieux.sqlite"))
        let listed = try Binary.run([], input: "1\n/quitter\n", in: sandbox.path)
        // "2/N questions (P %)": two answers out of the questions that apply, whatever N is.
        #expect(
            listed.output.range(
                of: #"1\. Pays d'Auge / Lisieux — 2/\d+ questions \(\d+ %\) — modifié le \d\d/\d\d/\d{4}"#, options: .regularExpression)
                != nil)
        #expect(listed.output.contains("Reprise du classeur « Pays d'Auge / Lisieux »"))
    }

    /// A number typed when there is no workbook to resume (the range 1...0 used to crash).
    @Test func aNumberWithNoWorkbookToResumeIsExplained() throws {
        let sandbox = Sandbox()
        let result = try Binary.run([], input: "1\n", in: sandbox.path)
        #expect(result.status == 1)
        #expect(result.errors == "Ligne 1 : Aucun classeur à reprendre : tapez le nom du territoire.\n")
    }

    @Test func helpAndVersionAreInFrench() throws {
        let sandbox = Sandbox()
        let help = try Binary.run(["--help"], input: "", in: sandbox.path)
        #expect(help.status == 0)
        #expect(help.output.contains("Usage : atelier-sante [CHEMIN]"))
        #expect(help.output.contains("affiche cette aide"))
        let version = try Binary.run(["--version"], input: "", in: sandbox.path)
        // The version, then the vintage of every bundled file of official data, then where they are.
        let lines = version.output.split(separator: "\n").map(String.init)
        #expect(lines.first == "atelier-sante 0.1.0")
        for vintage in [
            "INSEE, code officiel géographique 2026", "INSEE, populations légales 2023", "DGCL, composition des EPCI au 01/01/2025",
            "La Poste, base officielle des codes postaux, 2023", "Assurance Maladie, professionnels libéraux 2024",
        ] {
            #expect(version.output.contains(vintage), "\(vintage)")
        }
        #expect(lines.last == "Modèles et données lus dans : " + Binary.projectRoot)
        let wrong = try Binary.run(["--couleur"], input: "", in: sandbox.path)
        #expect(wrong.status != 0)
        #expect(wrong.errors == "Arguments non compris : --couleur. Tapez atelier-sante --aide pour l'usage.\n")
    }
}
