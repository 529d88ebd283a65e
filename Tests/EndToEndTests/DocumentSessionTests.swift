import Foundation
import GRDB
import Testing

/// `/exporter cls` driven through the binary.
@Suite struct DocumentSessionTests {
    @Test func theShippedDemoScriptProducesACompleteDraft() throws {
        let sandbox = Sandbox()
        let script = try String(contentsOfFile: Binary.projectRoot + "/sessions/demo-val-d-exemple.txt", encoding: .utf8)
        let workbook = sandbox.path + "/demo.sqlite"
        let result = try Binary.run([workbook], input: script, in: sandbox.path)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("✓ projet de contrat écrit : \(sandbox.path)/demo-cls.md"))
        // The one point left is /vérifier's: the 5-year contract runs past the PRS ending in 2028
        // (the demo holds its COPIL, voices and priorities).
        #expect(result.output.contains("    1 point à compléter, listé à la fin du document."))
        #expect(result.output.contains("Contrôles : 0 erreur,"))
        #expect(FileManager.default.fileExists(atPath: sandbox.path + "/demo-plan.csv"))
        let written = try String(contentsOfFile: sandbox.path + "/demo-cls.md", encoding: .utf8)
        let text = written.withPlainSpaces
        for section in [
            "## Entre les signataires", "## Visas", "## Préambule", "### Synthèse du diagnostic partagé",
            "#### Axe 1 — Attirer et fidéliser les professionnels de santé", "### Article 5 — Engagements des signataires",
            "### Article 6 — Gouvernance", "### Article 7 — Durée", "### Article 8 — Suivi et évaluation",
            "### Article 9 — Révision et avenants", "### Article 10 — Résiliation", "## Signatures", "## Annexe 1 — Fiches actions",
            "### Fiche 1 — Accueillir les étudiants, internes et docteurs juniors",
        ] {
            #expect(text.contains(section), "missing \(section)")
        }
        // Figures from the real populations: 11 communes, 11 995 inhabitants.
        #expect(text.contains("Territoire de 11 communes, 11\u{202F}995 habitants"))
        #expect(text.contains("du 01/06/2027 au 31/05/2032"))
        #expect(text.contains("**Préfecture de la Manche**, représentée par le préfet ou la préfète\n\nSignature :\n\n\n\n"))
        #expect(text.contains("*Empreinte des réponses et des modèles : sha256:"))

        // Exported again from the same workbook: the same bytes.
        let again = try Binary.run([workbook], input: "/exporter cls \(sandbox.path)/encore.md\n", in: sandbox.path)
        #expect(again.status == 0)
        #expect(try String(contentsOfFile: sandbox.path + "/encore.md", encoding: .utf8) == written)
    }

    @Test func aBrokenTemplateIsReportedWithFileAndLineAndNothingIsWritten() throws {
        let sandbox = Sandbox()
        let resources = try sandbox.copyOfTheTool()
        let workbook = sandbox.path + "/t.sqlite"
        #expect(try Binary.run([workbook, "--ressources", resources], input: "Pays test\n", in: sandbox.path).status == 0)
        let before = try InvalidInputTests.dump(workbook)
        let contract = resources + "/templates/cls/contrat.mustache"
        let original = try String(contentsOfFile: contract, encoding: .utf8)
        let line = original.components(separatedBy: "\n").firstIndex { $0.contains("{{prs}}") }! + 1

        // A misspelt tag
        try original.replacingOccurrences(of: "{{prs}}", with: "{{prss}}").write(toFile: contract, atomically: true, encoding: .utf8)
        let misspelt = try Binary.run([workbook, "--ressources", resources], input: "/exporter cls\n", in: sandbox.path)
        #expect(misspelt.status == 1)
        #expect(
            misspelt.errors.hasPrefix(
                "Ligne 1 : Projet de contrat non écrit — templates/cls/contrat.mustache, ligne \(line) : balise inconnue « prss » (vouliez-vous dire « prs » ?). Le classeur n'a pas été modifié."
            ), "\(misspelt.errors)")

        // An unclosed section
        try original.replacingOccurrences(of: "{{/constats}}", with: "").write(toFile: contract, atomically: true, encoding: .utf8)
        let unclosed = try Binary.run([workbook, "--ressources", resources], input: "/exporter cls\n", in: sandbox.path)
        #expect(unclosed.status == 1)
        #expect(unclosed.errors.contains("templates/cls/contrat.mustache, ligne"), "\(unclosed.errors)")
        #expect(
            unclosed.errors.contains("section non fermée") || unclosed.errors.contains("n'est pas celle qui est ouverte"),
            "\(unclosed.errors)")

        #expect(!FileManager.default.fileExists(atPath: sandbox.path + "/t-cls.md"))
        #expect(try InvalidInputTests.dump(workbook) == before)
    }
}
