import Foundation
import Testing

/// `/exporter cls` through the binary says what the answers say: the demo's 5-year contract
/// runs past its PRS ending in 2028, every answer /vérifier lists is a point to complete with
/// its command, and the demography table states its libéral base.
@Suite struct ClsDraftTruthSessionTests {
    static let script = try! String(contentsOfFile: Binary.projectRoot + "/sessions/demo-val-d-exemple.txt", encoding: .utf8)

    /// The /vérifier items of `output`: « ✗ … » followed by « → fix ».
    static func verified(_ output: String) -> [(summary: String, fix: String)] {
        let lines = output.components(separatedBy: "\n")
        return lines.indices.dropLast().compactMap { index in
            let line = lines[index].trimmingCharacters(in: .whitespaces), next = lines[index + 1].trimmingCharacters(in: .whitespaces)
            guard line.hasPrefix("✗ "), next.hasPrefix("→ "), line.hasSuffix(".") else { return nil }
            return (String(line.dropFirst(2).dropLast()), String(next.dropFirst(2)))
        }
    }

    /// The lines of the draft's closing list.
    static func checklist(_ text: String) -> [String] {
        guard let start = text.range(of: "## Points à compléter (") else { return [] }
        return text[start.upperBound...].components(separatedBy: "\n").filter { $0.hasPrefix("- [À compléter : ") }
    }

    @Test func theDemoDraftSaysItsContractRunsPastThePRSAndListsWhatVerifierLists() throws {
        let sandbox = Sandbox()
        let result = try Binary.run([sandbox.path + "/demo.sqlite"], input: Self.script, in: sandbox.path)
        #expect(result.status == 0, "\(result.errors)")
        let text = try String(contentsOfFile: sandbox.path + "/demo-cls.md", encoding: .utf8).withPlainSpaces

        // Article 7: the contract's dates, then that it runs past the PRS ending in 2028.
        #expect(
            text.contains(
                "du 01/06/2027 au 31/05/2032.\nIl court au-delà de la fin du projet régional de santé, en 2028 : un avenant pourra l'aligner\nsur le projet régional de santé suivant, dès son adoption."
            ))
        #expect(!text.contains("sans dépasser") && !text.contains("Il ne dépasse pas"))

        // /vérifier (run by the script before the export) lists one item; the draft lists it with its command.
        let items = Self.verified(result.output)
        #expect(items.count == 1, "\(result.output)")
        #expect(
            items.first?.fix
                == "/modifier contrat.duree_annees 1 ou /modifier contrat.signature_prevue JJ/MM/AAAA ou /modifier contrat.prs_fin ANNÉE")
        let list = Self.checklist(text)
        #expect(list == items.map { "- [À compléter : \($0.summary) (\($0.fix))]" }, "\(list)")
        #expect(text.contains("## Points à compléter (1)"))
        #expect(result.output.contains("    1 point à compléter, listé à la fin du document."))
        #expect(!result.output.contains("Rien n'est marqué"))

        // The demography on one stated base, with France and five years.
        #expect(
            text.contains(
                "| Profession | Effectif (tous modes) | Densité libéraux pour 10 000 hab. | Département (libéraux) | France (libéraux) | Rapport au département | Rapport à la France |"
            ))
        #expect(
            text.contains(
                "| Profession | 60 ans et plus | Effectif à 5 ans | Évolution à 5 ans | Densité libéraux à 5 ans pour 10 000 hab. |"))
        // Médecins généralistes of the demo: 8 libéraux for 11 995 inhabitants (6,7), 9 in all.
        #expect(text.contains("| Médecins généralistes | 9 | 6,7 | 6,9 | 8,1 | 0,97 | 0,82 |"), "\(text)")
    }

    @Test func anAxisRemovedLeavesItsFicheToRevisitInTheDraftNotUnderANewAxis() throws {
        let sandbox = Sandbox()
        let workbook = sandbox.path + "/demo.sqlite"
        #expect(try Binary.run([workbook], input: Self.script, in: sandbox.path).status == 0)

        // Axis 4 « Piloter et animer le contrat » goes; fiche 6 (coordination) named it by number.
        let result = try Binary.run(
            [workbook], input: "/aller plan.axes\n/retirer 4\n\n/verifier\n/exporter cls \(sandbox.path)/apres.md\n", in: sandbox.path)
        #expect(result.status == 0, "\(result.errors)")
        let text = try String(contentsOfFile: sandbox.path + "/apres.md", encoding: .utf8).withPlainSpaces

        let items = Self.verified(result.output)
        #expect(items.count == 2, "\(result.output)")
        #expect(items.contains { $0.summary.hasPrefix("plan.fiches.6.axe = Piloter et animer le contrat : ") })
        // Every item /vérifier lists is in the draft's list, with the command that fixes it.
        let list = Self.checklist(text)
        for item in items {
            #expect(list.contains("- [À compléter : \(item.summary) (\(item.fix))]"), "\(item.summary)")
        }
        #expect(text.contains("## Points à compléter (\(list.count))"))
        #expect(result.output.contains("    \(list.count) points à compléter, listés à la fin du document."))
        // The fiche is not filed under an axis of the removed axis's name.
        #expect(!text.contains("— Piloter et animer le contrat\n"))
        #expect(text.contains("| Axe stratégique | [À compléter : plan.fiches.6.axe = Piloter et animer le contrat : "))
    }
}
