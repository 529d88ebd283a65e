import AtelierCore
import AtelierDocuments
import AtelierStore
import Foundation
import Testing

@testable import AtelierREPL

/// The CLS draft of real workbooks, built by replaying the shipped demo script in-process.
@Suite struct ClsDraftTests {
    static let demo: [String] = {
        let text = try! String(contentsOfFile: Shared.root + "/sessions/demo-val-d-exemple.txt", encoding: .utf8)
        return text.components(separatedBy: "\n").filter { !$0.hasPrefix("#") }
    }()

    func replay(_ lines: [String], into harness: Harness) {
        for line in lines {
            let outcome = harness.controller.handle(line)
            if case .refused(let message) = outcome { Issue.record("refused « \(line) » : \(message)") }
        }
    }

    static func demoDraft() throws -> String {
        let h = try Harness()
        for line in demo where !line.hasPrefix("/exporter") && !line.hasPrefix("/synthese") && !line.hasPrefix("/verifier") {
            _ = h.controller.handle(line)
        }
        return try h.controller.clsDraft().text
    }

    @Test func theCompleteDemoDraft() throws {
        let h = try Harness()
        replay(Self.demo.filter { !$0.hasPrefix("/exporter") && !$0.hasPrefix("/synthese") && !$0.hasPrefix("/verifier") }, into: h)
        let draft = try h.controller.clsDraft()
        // The one point left is what /vérifier lists: the 5-year contract runs past the PRS ending
        // in 2028 (the demo holds its COPIL, voices and priorities).
        let revisit = try #require(h.controller.currentInconsistencies().between.first)
        #expect(h.controller.currentInconsistencies().between.count == 1 && h.controller.currentInconsistencies().stored.isEmpty)
        #expect(draft.gaps == ["[À compléter : \(revisit.summary) (\(revisit.fixLine))]"], "\(draft.gaps)")
        #expect(
            draft.text.withPlainSpaces.contains(
                "Il court au-delà de la fin du projet régional de santé, en 2028 : un avenant pourra l'aligner"))
        assertSnapshot(draft.text, named: "cls-demo-complet.md")
    }

    @Test func aHalfFilledDraftSaysWhatIsMissing() throws {
        let h = try Harness()
        // Territory, participants and démographie only; then one fiche of the user's own.
        let half = Array(Self.demo.prefix { !$0.hasPrefix("/participant Dr Louis Bernard") })
        replay(half + ["/aller plan.fiches", "nouvelle ; Forum santé des jeunes ; ; Mission locale ; ; ; ", ""], into: h)
        let draft = try h.controller.clsDraft()
        #expect(draft.gaps.contains("[À compléter : réponses de la section structures (/aller structures)]") == false)
        #expect(draft.gaps.contains { $0.hasPrefix("[À compléter : structures recensées") && $0.hasSuffix("(/aller structures.liste)]") })
        #expect(draft.gaps.contains("[À compléter : date prévue de signature (/aller contrat.signature_prevue)]"))
        #expect(draft.gaps.contains("[À compléter : constat de la fiche 1 (/modifier plan.fiches.1.constat TEXTE)]"))
        #expect(draft.gaps.contains("[À compléter : axe de la fiche 1 (/modifier plan.fiches.1.axe NUMÉRO)]"))
        assertSnapshot(draft.text, named: "cls-demo-a-moitie.md")
    }

    @Test func theSameWorkbookAndTemplatesGiveTheSameBytes() throws {
        let h = try Harness()
        replay(Array(Self.demo.prefix(40)), into: h)
        let first = try h.controller.clsDraft().text
        try h.open()  // reopened from the file
        #expect(try h.controller.clsDraft().text == first)
        // A changed answer changes the fingerprint.
        _ = h.controller.handle("/modifier territoire.nom Pays renommé")
        let changed = try h.controller.clsDraft().text
        let fingerprint = { (text: String) in text.components(separatedBy: "sha256:").last?.prefix(64) }
        #expect(fingerprint(changed) != fingerprint(first))
    }

    /// The outline of a real CLS (issue 14), every section present even from an empty workbook.
    static let outline = [
        "## Entre les signataires", "## Visas", "## Préambule", "## Titre I — Contexte et diagnostic", "### Contexte",
        "**La politique de l'agence régionale de santé.**", "**Les motivations de la collectivité.**",
        "**Le précédent contrat local de santé.**", "### Démarche du diagnostic partagé", "### Synthèse du diagnostic partagé",
        "#### Démographie des professionnels de santé", "#### Accès aux soins", "#### Structures existantes",
        "#### Mobilités et parcours des patients", "#### État de santé de la population", "#### Constats", "### Priorités retenues",
        "## Titre II — Le contrat", "### Article 1 — Objet du contrat", "### Article 2 — Périmètre",
        "### Article 3 — Axes stratégiques et actions", "### Article 4 — Articulation avec les autres démarches",
        "### Article 5 — Engagements des signataires", "### Article 6 — Gouvernance", "**Comité de pilotage**", "**Comité technique**",
        "**Groupes de travail**", "**Coordination**", "**Participation des habitants**", "### Article 7 — Durée",
        "### Article 8 — Suivi et évaluation", "Une évaluation à mi-parcours", "une évaluation finale", "Indicateurs du contrat :",
        "### Article 9 — Révision et avenants", "### Article 10 — Résiliation", "## Signatures", "## Annexe 1 — Fiches actions",
        "## Annexe 2 — Plan de financement prévisionnel", "## Annexe 3 — Communes du périmètre",
        "## Annexe 4 — Diagnostic détaillé : indicateurs, sources et références", "## Annexe 5 — Membres des instances",
        "## Points à compléter",
    ]

    @Test func everySectionOfARealContractIsThere() throws {
        let h = try Harness()
        let empty = try h.controller.clsDraft().text.withPlainSpaces  // even from an empty workbook
        for heading in Self.outline {
            #expect(empty.contains(heading), "missing \(heading)")
        }
        #expect(empty.contains("[À compléter : nom du territoire (/aller territoire.nom)]"))
        #expect(empty.contains("[À compléter : fiches actions du contrat (/aller plan.fiches)]"))
        // Filled, each section says what the workbook holds.
        let demo = try Self.demoDraft().withPlainSpaces
        for heading in Self.outline { #expect(demo.contains(heading), "missing \(heading)") }
        for filled in [
            "- Vu l'avis du conseil territorial de santé : avis favorable du 20 avril 2027 ;",
            "- Vu l'acte autorisant la signature de la partie 4 (Conseil départemental de la Manche) : délibération de la commission permanente du 10 mai 2027 ;",
            "répond en particulier aux objectifs suivants : Objectif 1 du schéma régional de santé",
            "Le territoire a déjà eu un contrat local de santé, achevé le 31/12/2025. Le contrat 2019-2025 a ouvert la MSP de Bréhal",
            "| MSP | MSP de Bréhal | Bréhal | en fonctionnement | 9 |", "des représentants des usagers et des habitants y siègent",
            "une assemblée ou conférence santé réunit chaque année", "Une évaluation à mi-parcours, en 2029,",
            "| Patients sans médecin traitant | 13,5\u{00A0}% (diagnostic) | moins de 8 % | 2031 |",
            "| comité de pilotage | Jeanne Morel | France Assos Santé Normandie | représentante des usagers |",
            "le plan de financement prévisionnel inscrit sa participation pour 22\u{202F}500,00\u{00A0}€ (fiche 6",
            "Il s'articule avec les démarches de santé du territoire, en particulier : contrat de relance et de transition écologique (CRTE)",
        ] {
            #expect(demo.contains(filled), "missing \(filled)")
        }
    }
}

@Suite struct ContractDateTests {
    @Test(arguments: [
        ((2027, 3, 1), 5, "29/02/2032"), ((2026, 3, 1), 5, "28/02/2031"), ((2027, 1, 1), 5, "31/12/2031"), ((2024, 2, 29), 1, "28/02/2025"),
        ((2026, 3, 1), 2, "29/02/2028"),
    ])
    func aContractEndsTheDayBeforeItsAnniversary(start: (Int, Int, Int), years: Int, end: String) throws {
        let date = try #require(CalendarDate(year: start.0, month: start.1, day: start.2))
        #expect(ClsDraftContext.end(of: date, years: years).french == end)
    }
}
