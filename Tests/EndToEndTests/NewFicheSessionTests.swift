import Foundation
import Testing

/// A fiche of the territory's own, written entirely in the tool: every rubrique of a real
/// fiche action through `/modifier plan.fiches.N.CHAMP`, its budget through the plan de
/// financement, and a draft with nothing left to complete.
@Suite struct NewFicheSessionTests {
    static let demo = try! String(contentsOfFile: Binary.projectRoot + "/sessions/demo-val-d-exemple.txt", encoding: .utf8)
        .components(separatedBy: "\n").filter { !$0.hasPrefix("/exporter") }.joined(separator: "\n")

    static let fiche = [
        ("constat", "Les jeunes de 16 à 25 ans du territoire consultent peu et ignorent leurs droits."),
        ("objectif_general", "Rapprocher les jeunes de la prévention et de l'accès aux droits."),
        ("objectifs_operationnels", "Tenir un forum santé par an ; orienter chaque jeune sans médecin traitant"),
        ("description", "Forum annuel avec la mission locale, la CPAM et les professionnels de la MSP."),
        ("public", "Jeunes de 16 à 25 ans"),
        ("territoire", "Ensemble du territoire"),
        ("moyens", "Salle communale ; temps de la coordinatrice ; supports de communication"),
        ("indicateurs_processus", "Forums tenus ; partenaires présents"),
        ("indicateurs_resultat", "Jeunes reçus ; jeunes orientés vers un médecin traitant"),
        ("valeur_depart", "0 forum en 2026"),
        ("source_indicateurs", "Mission locale, coordination du contrat"),
        ("lien_prs", "Objectif 3 du schéma régional de santé : prévention et promotion de la santé"),
    ]

    @Test func aNewFicheFilledInTheToolLeavesNothingToComplete() throws {
        let sandbox = Sandbox()
        let workbook = sandbox.path + "/demo.sqlite"
        var script = Self.demo + "\n"
        // The demo's one point left: its 5-year contract outlives the PRS ending in 2028; the
        // next PRS is cited instead.
        script += "/modifier contrat.prs PRS Normandie 2028-2032, arrêté du directeur général de l'ARS\n/modifier contrat.prs_fin 2032\n"
        script += "/aller plan.fiches\nnouvelle ; Forum santé des jeunes ; 3 ; Mission locale ; Mission locale, CPAM, MSP de Bréhal ; "
        script += "Année 1 : préparation et premier forum, puis un par an ; 200 jeunes reçus par an\n\n"
        for (field, value) in Self.fiche { script += "/modifier plan.fiches.7.\(field) \(value)\n" }
        // The same text again changes nothing, and says so: no ✓ that /annuler would then miss.
        script += "/modifier plan.fiches.7.public Jeunes de 16 à 25 ans\n"
        script += "/aller financement.depenses\n7 ; Location de salle et communication ; fonctionnement ; 3 000 ; 0 ; 2027\n\n"
        script += "/aller financement.recettes\n7 ; autofinancement ; acquis ; 3 000 ; ; 2027\n\n"
        script += "/exporter cls\n"
        let result = try Binary.run([workbook], input: script, in: sandbox.path)
        #expect(result.status == 0, "\(result.errors)")
        #expect(!result.output.contains("Champ inconnu"), "\(result.output)")
        #expect(result.output.contains("plan.fiches élément 7 : « Public visé » inchangé, rien n'est enregistré."))
        #expect(result.output.contains("    Rien n'est marqué « À compléter »."), "\(result.output)")

        let text = try String(contentsOfFile: sandbox.path + "/demo-cls.md", encoding: .utf8).withPlainSpaces
        // The only « À compléter » left is the introduction's sentence saying what the marker means.
        #expect(text.components(separatedBy: "[À compléter").count == 2, "\(text)")
        #expect(text.contains("## Points à compléter (0)"))
        let sheet = try #require(text.components(separatedBy: "### Fiche 7 — Forum santé des jeunes\n").last)
        for (_, value) in Self.fiche where !value.contains(" ; ") {
            #expect(sheet.contains(value), "fiche 7 lacks « \(value) »")
        }
        for item in [
            "- Tenir un forum santé par an", "- orienter chaque jeune sans médecin traitant", "  - Forums tenus", "  - Jeunes reçus",
        ] {
            #expect(sheet.contains(item + "\n"), "fiche 7 lacks « \(item) »")
        }
        #expect(sheet.contains("| Location de salle et communication | fonctionnement, 2027 | 3\u{202F}000,00\u{00A0}€ |"))
        #expect(
            sheet.contains("| Collectivité maître d'ouvrage — Autofinancement de la collectivité | acquis | 3\u{202F}000,00\u{00A0}€ |"))
        #expect(sheet.contains("- Valeur de départ : 0 forum en 2026 ; valeur cible : 200 jeunes reçus par an"))
        #expect(sheet.contains("*Sources de la fiche : fiche rédigée par le territoire.*"))
    }

    @Test func aLineOfThePlanIsOneSignatorysMoneyOnly() throws {
        let sandbox = Sandbox()
        let script = Self.demo + "\n/aller contrat.signataires\nMSA Côtes Normandes ; le directeur\n\n/exporter cls\n"
        let result = try Binary.run([sandbox.path + "/demo.sqlite"], input: script, in: sandbox.path)
        #expect(result.status == 0, "\(result.errors)")
        let text = try String(contentsOfFile: sandbox.path + "/demo-cls.md", encoding: .utf8).withPlainSpaces
        let lines = text.components(separatedBy: "\n")
        let cpam = try #require(lines.first { $0.hasPrefix("- **CPAM de la Manche**") })
        let msa = try #require(lines.first { $0.hasPrefix("- **MSA Côtes Normandes**") })
        #expect(cpam.contains("inscrit sa participation pour 10\u{202F}000,00\u{00A0}€ (fiche 2"))
        #expect(!msa.contains("inscrit sa participation"), "\(msa)")
        #expect(msa.contains("mobilise ses actions de prévention et d'accès aux droits auprès de la population agricole"))
        #expect(text.contains("**MSA Côtes Normandes**, représentée par le directeur"))
    }
}
