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

    @Test func theCompleteDemoDraft() throws {
        let h = try Harness()
        replay(Self.demo.filter { !$0.hasPrefix("/exporter") && !$0.hasPrefix("/synthese") && !$0.hasPrefix("/verifier") }, into: h)
        let draft = try h.controller.clsDraft()
        // The one point left is what /vérifier lists: the 5-year contract runs past the PRS ending
        // in 2028 (the demo holds its COPIL, voices and priorities).
        let revisit = try #require(h.controller.currentInconsistencies().between.first)
        #expect(h.controller.currentInconsistencies().between.count == 1 && h.controller.currentInconsistencies().stored.isEmpty)
        #expect(draft.gaps == ["[À compléter : \(revisit.summary) (\(revisit.fixLine))]"], "\(draft.gaps)")
        #expect(draft.text.contains("Il court au-delà de la fin du projet régional de santé, en 2028 : un avenant pourra l'aligner"))
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
        #expect(draft.gaps.contains("[À compléter : constat de la fiche 1, fiche à rédiger hors bibliothèque]"))
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

    @Test func everySectionOfARealContractIsThere() throws {
        let h = try Harness()
        let text = try h.controller.clsDraft().text  // even from an empty workbook
        for heading in [
            "## Entre les signataires", "## Visas", "## Préambule", "## Démarche du diagnostic partagé",
            "## Synthèse du diagnostic partagé", "## Priorités",
            "## Article 1 — Objet du contrat", "## Article 2 — Périmètre", "## Article 3 — Axes stratégiques et actions",
            "## Article 4 — Articulation", "## Article 5 — Engagements des signataires", "## Article 6 — Gouvernance",
            "## Article 7 — Durée", "## Article 8 — Suivi et évaluation", "## Article 9 — Révision et avenants",
            "## Signatures", "## Annexe 1 — Fiches actions", "## Annexe 2 — Plan de financement prévisionnel",
            "## Points à compléter",
        ] {
            #expect(text.contains(heading), "missing \(heading)")
        }
        #expect(text.contains("[À compléter : nom du territoire (/aller territoire.nom)]"))
        #expect(text.contains("[À compléter : fiches actions du contrat (/aller plan.fiches)]"))
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
