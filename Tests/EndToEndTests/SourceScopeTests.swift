import Foundation
import GRDB
import Testing

/// `/source` describes the figures of the section where it was typed: never the contract's,
/// the plan's, another section's or a free text.
@Suite struct SourceScopeTests {
    static let script = """
        CC Caen la Mer
        EPCI
        200065597
        /aller demographie
        /source C@rtoSanté 2025
        120
        /aller mobilites
        12
        /aller mobilites.obstacles
        Peu de transports en soirée.
        /aller contrat.duree_annees
        5
        /quitter
        """

    /// A workbook answered with `script`.
    static func answeredWorkbook() throws -> (Sandbox, String) {
        let sandbox = Sandbox()
        let workbook = sandbox.path + "/caen.sqlite"
        let run = try Binary.run([workbook], input: script, in: sandbox.path)
        #expect(run.status == 0, "\(run.errors)")
        return (sandbox, workbook)
    }

    func source(of key: String, in workbook: String) throws -> String? {
        try DatabaseQueue(path: workbook).read { db in
            try String.fetchOne(db, sql: "SELECT source FROM answer WHERE key = ?", arguments: [key])
        }
    }

    @Test func aSourceAppliesToTheFiguresOfItsSectionOnly() throws {
        let sandbox = Sandbox()
        let workbook = sandbox.path + "/caen.sqlite"

        let run = try Binary.run([workbook], input: Self.script, in: sandbox.path)
        #expect(run.status == 0, "\(run.errors)")

        // What the user is told: where the source applies, that it stays there, and why a
        // contract question takes none
        #expect(
            run.output.contains(
                "Source des chiffres de la section « Démographie des professionnels de santé » : C@rtoSanté 2025, année 2025."))
        #expect(
            run.output.contains(
                "La source « C@rtoSanté 2025 » vaut pour la section « Démographie des professionnels de santé » : /source pour donner celle de ces chiffres."
            ))
        let beforeMobility = try #require(run.output.range(of: "Temps d'accès moyen au médecin généraliste"))
        #expect(!run.output[beforeMobility.lowerBound...].contains("Source appliquée"), "no source shown outside its section")

        // What lands on disk
        #expect(try source(of: "demographie.medecins_generalistes.effectif", in: workbook) == "C@rtoSanté 2025")
        #expect(try source(of: "mobilites.temps_acces.medecin_generaliste", in: workbook) == nil)
        #expect(try source(of: "mobilites.obstacles", in: workbook) == nil)
        #expect(try source(of: "contrat.duree_annees", in: workbook) == nil)
    }

    @Test func aSourceGivenInStructuresDescribesItsLists() throws {
        let (sandbox, workbook) = try Self.answeredWorkbook()

        let run = try Binary.run(
            [workbook],
            input: """
                /aller structures.liste
                /source FINESS, extraction du 01/10/2025
                MSP ; MSP du Val ; 14118 ; en fonctionnement ; 12

                /aller structures.liste
                /quitter
                """, in: sandbox.path)

        #expect(run.status == 0, "\(run.errors)")
        #expect(try source(of: "structures.liste", in: workbook) == "FINESS, extraction du 01/10/2025")
        #expect(run.output.contains("  Source appliquée : FINESS, extraction du 01/10/2025 (/source pour la changer)."))
        #expect(
            try source(of: "demographie.medecins_generalistes.effectif", in: workbook) == "C@rtoSanté 2025",
            "the earlier figure keeps its own")
    }

    @Test func aFigureRetypedOutsideItsSourceSectionSaysItsOldSourceIsNotKept() throws {
        let sandbox = Sandbox()
        let workbook = sandbox.path + "/caen.sqlite"
        let run = try Binary.run(
            [workbook],
            input: """
                CC Caen la Mer
                EPCI
                200065597
                /aller mobilites
                /source Enquête mobilité 2025
                12
                /aller demographie
                /source C@rtoSanté 2025
                /modifier mobilites.temps_acces.medecin_generaliste 9
                /quitter
                """, in: sandbox.path)

        #expect(run.status == 0, "\(run.errors)")
        #expect(
            run.output.contains(
                "  La source de l'ancienne valeur (Enquête mobilité 2025) n'est pas reprise : /source dans la section « Mobilités et parcours des patients » (/aller mobilites) pour en donner une."
            ), "\(run.output)")
        #expect(try source(of: "mobilites.temps_acces.medecin_generaliste", in: workbook) == nil)
    }

    @Test func aListKeepsItsSourceAndSaysWhenANewOneReplacesIt() throws {
        let sandbox = Sandbox()
        let workbook = sandbox.path + "/brehal.sqlite"
        let run = try Binary.run(
            [workbook],
            input: """
                Bréhal
                commune
                50076
                /aller structures.liste
                /source FINESS 2025
                MSP ; MSP A ; 50076 ; en fonctionnement ; 6

                /aller structures.liste
                /source
                autre ; Cabinet ; 50076 ; en fonctionnement ; 3

                /aller structures.liste
                /source ARS 2026
                ESP ; ESP B ; 50076 ; en fonctionnement ; 4

                /quitter
                """, in: sandbox.path)

        #expect(run.status == 0, "\(run.errors)")
        // Added without a source, an element leaves the list's source as it was…
        #expect(!run.output.contains("elle était « FINESS 2025 » : elle vaut pour tous ses éléments.\n  ✓ élément 2"))
        // …and a new one is said to describe every element.
        #expect(
            run.output.contains(
                "  La source de la liste devient « ARS 2026 » (elle était « FINESS 2025 ») : elle vaut pour tous ses éléments.\n  ✓ élément 3 enregistré"
            ), "\(run.output)")
        #expect(try source(of: "structures.liste", in: workbook) == "ARS 2026")
    }

    @Test func aSourceAtAContractQuestionIsRefusedAndNotRecorded() throws {
        let (sandbox, workbook) = try Self.answeredWorkbook()

        let run = try Binary.run([workbook], input: "/aller contrat.duree_annees\n/source DREES APL 2023\n", in: sandbox.path)

        #expect(
            run.errors.contains(
                "Ligne 2 : Une source décrit les chiffres d'une section du diagnostic : placez-vous d'abord sur une question de « Démographie des professionnels de santé » (/aller demographie)"
            ))
        #expect(run.errors.contains("Le contrat, le plan d'actions et le financement n'en prennent pas."))
        let state = try DatabaseQueue(path: workbook).read { db in
            try String.fetchOne(db, sql: "SELECT value FROM session_state WHERE name = 'source'")
        }
        #expect(state == "C@rtoSanté 2025", "the refused source replaced nothing")
    }

    @Test func theSourceKeepsItsSectionWhenTheWorkbookIsReopened() throws {
        let (sandbox, workbook) = try Self.answeredWorkbook()

        let resumed = try Binary.run(
            [workbook],
            input: """
                /aller mobilites.temps_acces.pharmacie
                8
                /aller demographie.medecins_generalistes.liberaux
                100
                /quitter
                """, in: sandbox.path)

        #expect(resumed.status == 0, "\(resumed.errors)")
        #expect(try source(of: "mobilites.temps_acces.pharmacie", in: workbook) == nil)
        #expect(try source(of: "demographie.medecins_generalistes.liberaux", in: workbook) == "C@rtoSanté 2025")
    }
}
