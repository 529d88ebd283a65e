import AtelierCore
import AtelierStore
import Testing

@testable import AtelierREPL

@Suite struct FinancingSessionTests {
    func lines(_ h: Harness, _ key: String) throws -> [Int] {
        guard case .records(let items)? = try h.answers()[key]?.value else { return [] }
        return items.compactMap { if case .integer(let n)? = $0["fiche"] { n } else { nil } }
    }

    @Test func financingLinesFollowTheirFicheWhenThePlanChanges() throws {
        let h = try Harness()
        for line in [
            "/aller plan.fiches", "creation_msp ; ; ; ; ; ;", "cpts ; ; ; ; ; ;", "coordination_cls ; ; ; ; ; ;", "",
            "/aller financement.depenses", "1 ; Travaux ; investissement ; 100 000 ; ; 2027",
            "3 ; Poste ; fonctionnement ; 45 000 ; 0 ; 2027", "",
            "/aller financement.recettes", "1 ; autofinancement ; acquis ; 100 000 ; ; 2027",
            "3 ; fir_fonctionnement ; sollicité ; 20 000 ; ; 2027", "",
        ] {
            let outcome = h.controller.handle(line)
            if case .refused(let message) = outcome { Issue.record("« \(line) » refused: \(message)") }
        }
        #expect(try lines(h, "financement.depenses") == [1, 3])
        // The coordination fiche (3) moves to the top: its lines follow it.
        _ = h.controller.handle("/aller plan.fiches")
        #expect(h.controller.handle("/deplacer 3 1") == .accepted)
        #expect(try lines(h, "financement.depenses") == [2, 1])
        #expect(try lines(h, "financement.recettes") == [2, 1])
        // The MSP (now 2) is removed: its lines go with it.
        #expect(h.controller.handle("/retirer 2") == .accepted)
        #expect(try lines(h, "financement.depenses") == [1])
        #expect(try lines(h, "financement.recettes") == [1])
        let history = try WorkbookStore(path: h.path, appVersion: "test").history(of: "financement.depenses")
        #expect(history.map(\.origin) == ["saisie", "saisie", "modification", "modification"])
    }

    @Test func anUnknownInstrumentIsRefusedWithWhatWasExpected() throws {
        let h = try Harness()
        _ = h.controller.handle("/aller financement.recettes")
        let outcome = h.controller.handle("1 ; subvention magique ; sollicité ; 1 000")
        #expect(
            outcome
                == .refused(
                    "Réponse refusée : Dispositif (clé du catalogue) : aucun dispositif ne correspond à « subvention magique » ; un dispositif propre au territoire s'ajoute avec /aller financement.dispositifs. Attendu : la clé d'un dispositif du catalogue (detr, dsil, autofinancement…), ou une partie de son nom."
                ))
    }
}
