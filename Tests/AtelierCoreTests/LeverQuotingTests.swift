import AtelierCore
import Testing

/// Levers and fiches quote their figures from `nationales.yaml`: updating a reference updates
/// every text that cites it.
@Suite struct LeverQuotingTests {
    @Test func aLeverQuotesItsFiguresFromTheReferences() throws {
        let national =
            "references:\n  - cle: cesp\n    libelle: CESP\n    valeur: 1300\n    unite: euros\n    annee: 2027\n    source: s\n    source_courte: CNG\n    confiance: sûr\n"
        func levers(_ explanation: String) throws(FileProblem) -> [String: Lever] {
            try SynthesisReferences(
                nationalYAML: national, liberalTSV: "profession\tdepartement\tlibelle_departement\teffectif\tdensite_publiee\n",
                rulesYAML: "regles:\n  - cle: r\n    si: [\"structures.cpts = non\"]\n    constat: x\n    leviers: [cpts]\n",
                leversYAML:
                    "leviers:\n  - cle: cpts\n    titre: CPTS\n    explication: \"\(explanation)\"\n    sources: [y]\n    confiance: sûr\n"
            ).levers
        }
        #expect(
            try levers("« CESP {ref.cesp} ; {ref.cesp.valeur} »")["cpts"]?.explanation
                == "« CESP \(FrenchFormat.integer(1300))\u{00A0}€ (CNG, 2027) ; \(FrenchFormat.integer(1300))\u{00A0}€ »")
        #expect(throws: FileProblem.self) { try levers("{ref.cespp}") }
        do {
            _ = try levers("{ref.cespp}")
        } catch {
            #expect(error.line == 4)
            #expect(error.reason.contains("levier cpts : référence inconnue « ref.cespp » (vouliez-vous dire « ref.cesp » ?)"))
        }
        // The shipped levers and fiches type none of the figures the references hold.
        for file in ["templates/synthese/leviers.yaml", "templates/plan/fiches.yaml"] {
            let shipped = Project.text(file)
            for figure in ["10 000 €", "5 000 €", "3 700", "1 200 €", "96 %", "243 ", "30 minutes"] {
                #expect(!shipped.contains(figure), "\(file) types \(figure)")
            }
        }
        #expect(Project.library.sheet("sas_snp")?.description.contains("couvrait 96\u{00A0}% (observatoire") == true)
    }
}
