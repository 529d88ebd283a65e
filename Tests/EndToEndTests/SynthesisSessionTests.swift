import Foundation
import Testing

/// `/synthèse` in a piped session on a real EPCI.
@Suite struct SynthesisSessionTests {
    /// CU Caen la Mer (SIREN 200065597): 48 communes, population municipale 2023 = 281 165
    /// (sum over its DGCL members of the INSEE file, computed by hand). Calvados: 638 GPs and
    /// 825 nurses libéraux in 2024 for 709 441 inhabitants; France: 55 546 GPs for 68 350 798.
    static let script = """
        CU Caen la Mer
        EPCI
        200065597
        Marie Dupont ; Mairie de Caen ; élu

        /source C@rtoSanté 2025
        120
        104
        40
        25
        3
        libéral, salarié
        250
        240
        """

    func row(_ output: String, _ label: String) -> [String] {
        let line = output.split(separator: "\n").first { $0.trimmed.hasPrefix(label + " ") } ?? ""
        return line.replacingOccurrences(of: label, with: "").split(separator: " ").map(String.init)
    }

    @Test func densitiesMatchAHandComputationFromTheOfficialPopulations() throws {
        let sandbox = Sandbox()
        let result = try Binary.run([sandbox.path + "/caen.sqlite"], input: Self.script + "\n/synthese\n", in: sandbox.path)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("48 communes · 281\u{202F}165 habitants (INSEE, populations légales 2023)"))
        #expect(result.output.contains("Département de référence : Calvados (14), 100\u{00A0}% de la population."))

        // 104 libéraux / 281 165 × 10 000 = 3,70; 638 / 709 441 × 10 000 = 8,99; 55 546 / 68 350 798 × 10 000 = 8,13;
        // 3,699 / 8,993 = 0,41; 3,699 / 8,127 = 0,46; 40 / 120 = 33,3 %; 120 − 25 + 3 = 98 (−18,3 %);
        // 3,699 × 98 / 120 = 3,02 libéraux per 10 000 in five years; 281 165 / 120 = 2 343.
        #expect(row(result.output, "Médecins généralistes") == ["120", "3,7", "9,0", "8,1", "0,41", "0,46"])
        let outlook = result.output.components(separatedBy: "Effectif à 5 ans").last ?? ""
        #expect(row(outlook, "Médecins généralistes") == ["33,3\u{00A0}%", "98", "-18,3\u{00A0}%", "3,0", "2\u{202F}343"])
        // 240 / 281 165 × 10 000 = 8,54; 825 / 709 441 × 10 000 = 11,63; 99 023 / 68 350 798 × 10 000 = 14,49; ratio 0,73.
        #expect(Array(row(result.output, "Infirmiers").prefix(5)) == ["250", "8,5", "11,6", "14,5", "0,73"])

        // Findings with their figures and levers
        #expect(
            result.output.contains("  1. Densité de médecins généralistes (libéraux) nettement inférieure à celles du département et de\n"))
        #expect(result.output.split(separator: "\n").allSatisfy { !$0.hasPrefix("  1. ") || $0.count <= 100 })
        #expect(result.output.contains("33,3\u{00A0}% des médecins généralistes ont 60 ans ou plus"))
        #expect(result.output.contains("• Accueil des étudiants, internes et docteurs juniors"))
        // Bars for the comparison
        #expect(result.output.contains("territoire dans 5 ans  "))
        #expect(result.output.contains("█"))
        // What is missing, with where to answer it
        #expect(result.output.contains("à renseigner : /aller structures.liste"))
    }

    @Test func onePartAtATimeAndNothingUnjustified() throws {
        let sandbox = Sandbox()
        let workbook = sandbox.path + "/vide.sqlite"
        let result = try Binary.run(
            [workbook], input: "Territoire vide\n/synthese demographie\n/synthese structures\n/synthèse manquants\n/synthese inconnue\n",
            in: sandbox.path)
        // Lines folded at 100 columns read as one.
        let unfolded = result.output.replacingOccurrences(of: "\n +", with: " ", options: .regularExpression)
        #expect(unfolded.contains("Le périmètre n'est pas renseigné : aucune densité ne peut être calculée (/aller territoire.communes)."))
        #expect(result.output.contains("Rien à calculer tant que les questions de cette partie sont sans réponse"))
        #expect(result.output.contains("à renseigner : /aller demographie.medecins_generalistes.effectif ; /aller territoire.communes"))
        #expect(!result.output.contains("Constats ("), "a part shows only itself")
        // The demography table has no figure for the territory, only references.
        #expect(row(result.output, "Médecins généralistes").prefix(2) == ["—", "—"])
        #expect(result.status == 1)
        #expect(result.errors.hasPrefix("Ligne 5 : Partie inconnue : « inconnue »."))
    }
}

extension StringProtocol {
    var trimmed: String { trimmingCharacters(in: .whitespaces) }
}
