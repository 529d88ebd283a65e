import Foundation
import Testing

/// A territory in Auvergne-Rhône-Alpes, as a new user would try it: no Pays de la Loire or
/// Loir-et-Cher scheme, and its own région's aid added by the territory, checked like the
/// catalogue's.
@Suite struct TerritoryFundersSessionTests {
    static let script = """
        Communauté de test en AURA
        commune
        01053
        Marie ; Mairie ; élu

        /aller plan.fiches
        creation_msp ; ; ; ; ; ;

        /aller financement
        HT
        1 ; Travaux ; investissement ; 1 000 000 ; 20 ; 2027

        region_ara_msp ; Région AURA — aide aux MSP ; Région Auvergne-Rhône-Alpes ; investissement ; 30 ; 200 000 ; ; 31/12/2027 ; délibération du conseil régional (2024) ; 2024 ; incertain


        """

    /// The output with its lines unfolded: long sentences are folded at 100 columns.
    static func unfolded(_ output: String) -> String {
        output.withPlainSpaces.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test func anotherRegionsSchemeIsRefusedAndTheTerritorysOwnIsCheckedLikeTheCatalogues() throws {
        let sandbox = Sandbox()
        let workbook = sandbox.path + "/aura.sqlite"
        // The suggestions shown before the receipts: the territory's own aid, no other région's.
        let built = try Binary.run([workbook], input: Self.script + "/quitter\n", in: sandbox.path)
        #expect(built.status == 0, "\(built.errors)")
        let suggestions = Self.unfolded(built.output)
        #expect(
            suggestions.contains(
                "region_ara_msp (jusqu'à 30 %, plafond 200 000,00 €, jusqu'au 31/12/2027, saisi par le territoire, à confirmer)"))
        #expect(!suggestions.contains("region_msp_pays_de_la_loire") && !suggestions.contains("departement_msp_loir_et_cher"))

        let refused = try Binary.run(
            [workbook], input: "/aller financement.recettes\n1 ; region_msp_pays_de_la_loire ; sollicité ; 100 000 ; ; 2027\n",
            in: sandbox.path)
        #expect(refused.status == 1)
        #expect(
            refused.errors.withPlainSpaces.contains(
                "« region_msp_pays_de_la_loire » (Région Pays de la Loire — investissement des MSP) ne s'applique qu'à la région Pays de la Loire ; le territoire est en Auvergne-Rhône-Alpes (Ain). Ajoutez le dispositif de votre territoire avec /aller financement.dispositifs."
            ), "\(refused.errors)")

        // Above its cap: an error, as a catalogue entry would give; at its cap, none on that line.
        let receipts =
            "/aller financement.recettes\n1 ; region_ara_msp ; sollicité ; 250 000 ; ; 2027\n1 ; autofinancement ; acquis ; 750 000 ; ; 2027\n\n"
        let above = try Binary.run([workbook], input: receipts + "/verifier\n", in: sandbox.path)
        #expect(above.status == 0, "\(above.errors)")
        let checked = Self.unfolded(above.output)
        #expect(
            checked.contains(
                "recette 1 (region_ara_msp) : 250 000,00 € dépasse le plafond de 200 000,00 € (délibération du conseil régional (2024))"),
            "\(checked)")
        let fixed = try Binary.run(
            [workbook],
            input: "/modifier financement.recettes.1.montant 200 000\n/modifier financement.recettes.2.montant 800 000\n/verifier\n",
            in: sandbox.path)
        let after = Self.unfolded(fixed.output)
        #expect(!after.contains("dépasse le plafond"), "\(after)")
        #expect(after.contains("recette 1 (region_ara_msp) : donnée du catalogue incertaine"))
    }

    /// A workbook whose receipt names a scheme of another région (typed before the territory
    /// changed, or edited by hand) is listed by /vérifier with the same sentence.
    @Test func aStoredReceiptOfAnotherRegionIsListed() throws {
        let sandbox = Sandbox()
        let workbook = sandbox.path + "/moved.sqlite"
        let normandy = Self.script.replacingOccurrences(of: "01053", with: "44109")
        let first = try Binary.run(
            [workbook], input: normandy + "1 ; region_msp_pays_de_la_loire ; sollicité ; 100 000 ; ; 2027\n\n/quitter\n", in: sandbox.path)
        #expect(first.status == 0, "\(first.errors)")
        let moved = try Binary.run([workbook], input: "/modifier territoire.communes 01053\n/verifier\n", in: sandbox.path)
        let output = Self.unfolded(moved.output)
        #expect(output.contains("recette 1 (region_msp_pays_de_la_loire) : « region_msp_pays_de_la_loire »"), "\(output)")
        #expect(output.contains("ne s'applique qu'à la région Pays de la Loire ; le territoire est en Auvergne-Rhône-Alpes (Ain)"))
    }
}
