import Foundation
import GRDB
import Testing

/// Existing structures and aids already paid, through the binary on a real EPCI: what the plan
/// d'actions proposes, what the synthèse says is forbidden, what the CLS draft quotes.
@Suite struct LeverSessionTests {
    /// CU Caen la Mer (SIREN 200065597, 48 communes of data/): three MSP and a centre de santé
    /// in operation, no CPTS; two aids paid (one L1511-8 aid of the département in 2021).
    /// The demography of `SynthesisSessionTests`, then the structures and the aids.
    static let script =
        SynthesisSessionTests.script + "\n" + """
            /aller structures.liste
            MSP ; MSP du Val ; 14118 ; en fonctionnement ; 12
            MSP ; MSP de la Prairie ; 14118 ; en fonctionnement
            MSP ; MSP d'Hérouville ; 14327 ; en fonctionnement ; 9
            centre de santé polyvalent ; Centre de santé de Caen ; 14118 ; en fonctionnement

            non
            /aller structures.aides_versees
            département ; aide L1511-8 ; médecin généraliste ; Dr Martin ; 2021
            commune ; logement ; infirmier ; ; 2023

            """

    @Test func existingMSPChangeTheProposedFichesAndAidsSayWhatIsForbidden() throws {
        let sandbox = Sandbox()
        let workbook = sandbox.path + "/caen.sqlite"
        let result = try Binary.run(
            [workbook],
            input: Self.script + "/synthèse constats\n/aller plan.fiches\n1\n\n\n\n\n\n\n\n/exporter cls \(sandbox.path)/cls.md\n",
            in: sandbox.path)
        #expect(result.status == 0, "\(result.errors)")
        let lines = result.output.components(separatedBy: "\n")

        // The synthèse: the MSP are counted, the aids found, the ten-year rule spelt out.
        #expect(
            result.output.contains(
                "Maisons de santé pluriprofessionnelles en fonctionnement sur le territoire : 3. Les actions"))
        #expect(result.output.contains("Aucune CPTS ne couvre le territoire, qui compte 3 MSP en fonctionnement"))
        #expect(result.output.contains("Aides à l'installation déjà versées sur le territoire : 2 (département : aide L1511-8"))
        let flat = result.output.split(whereSeparator: \.isWhitespace).joined(separator: " ")  // findings are wrapped
        #expect(flat.contains("médecin généraliste (Dr Martin), aide du département en 2021, nouvelle aide possible en 2031 au plus tôt"))
        #expect(flat.contains("ne peut la recevoir de nouveau avant 10 ans après sa dernière convention"))
        #expect(result.output.contains("• Aides à l'installation déjà versées : compléter sans doubler"))

        // The plan d'actions: the first fiches start from the MSP; no « Créer … » before them.
        let library = try #require(lines.firstIndex { $0.contains("Bibliothèque (★ proposée par la synthèse") })
        let fiches = lines[(library + 1)...].prefix { $0.hasPrefix("  ") && !$0.contains("« nouvelle »") }
        #expect(fiches.first?.hasPrefix("  ★ 1. Étendre ou fédérer les maisons de santé existantes [extension_msp] — constats ") == true)
        let proposed = fiches.filter { $0.hasPrefix("  ★") }
        #expect(proposed.prefix(3).allSatisfy { !$0.contains("Créer") && !$0.contains("Ouvrir") })
        #expect(proposed.contains { $0.contains("[cpts_depuis_msp]") })
        #expect(!proposed.contains { $0.contains("[creation_msp]") || $0.contains("[centre_sante]") })
        #expect(
            fiches.contains {
                $0.contains("Créer une maison de santé pluriprofessionnelle [creation_msp] — écartée : une fiche qui part des structures")
            })
        // The findings each fiche answers are listed above it, with their figures.
        #expect(result.output.contains("  Constats de la synthèse auxquels répondent les fiches proposées :"))

        // The CLS draft: the fiche chosen (number 1) quotes the territory's findings in its constat.
        let draft = try String(contentsOfFile: sandbox.path + "/cls.md", encoding: .utf8).withPlainSpaces
        let constat = try #require(draft.components(separatedBy: "\n").first { $0.hasPrefix("| Constat issu du diagnostic |") })
        #expect(constat.contains("Des maisons de santé pluriprofessionnelles fonctionnent déjà sur le territoire"))
        #expect(constat.contains("Diagnostic du territoire : Densité de médecins généralistes (libéraux) nettement inférieure"))
        #expect(constat.contains("Maisons de santé pluriprofessionnelles en fonctionnement sur le territoire : 3."))

        // On disk: the aids with their fields.
        let queue = try DatabaseQueue(path: workbook)
        try queue.read { db in
            let aids = try #require(
                try Row.fetchOne(db, sql: "SELECT value, display FROM answer WHERE key = 'structures.aides_versees'"))
            #expect(aids["display"] as String == "2 éléments")
            let json = aids["value"] as String
            #expect(json.contains("aide L1511-8 d'une collectivité (installation ou maintien)") && json.contains("Dr Martin"))
            let fiche = try String.fetchOne(db, sql: "SELECT value FROM answer WHERE key = 'plan.fiches'")
            #expect(fiche?.contains("extension_msp") == true)
        }
    }

    @Test func withoutAnyStructureTheCreationFichesAreProposed() throws {
        let sandbox = Sandbox()
        // The same territory with an empty structures list and no aid.
        let script = Self.script.components(separatedBy: "\n").filter { line in
            !line.hasPrefix("MSP ;") && !line.hasPrefix("centre de santé") && !line.hasPrefix("département ;")
                && !line.hasPrefix("commune ;")
        }.joined(separator: "\n")
        let result = try Binary.run([sandbox.path + "/vide.sqlite"], input: script + "/aller plan.fiches\n", in: sandbox.path)
        #expect(result.status == 0, "\(result.errors)")
        let lines = result.output.components(separatedBy: "\n")
        #expect(
            lines.contains {
                $0.hasPrefix("  ★ ") && $0.contains("Créer une maison de santé pluriprofessionnelle [creation_msp] — constats")
            })
        #expect(lines.contains { $0.hasPrefix("  ★ ") && $0.contains("[centre_sante] — constats") })
        // The fiches that start from existing structures are listed, not proposed.
        #expect(lines.contains { $0.hasSuffix("Étendre ou fédérer les maisons de santé existantes [extension_msp]") && !$0.contains("★") })
        #expect(!result.output.contains("déjà versée(s)"))
        #expect(!result.output.contains("écartée"))
    }
}
