import AtelierCore
import AtelierStore
import Foundation
import Testing

@testable import AtelierREPL

/// Two sessions on one workbook file, each with its own connection, as two processes would
/// have: every decision is taken on what the other wrote.
@Suite struct TwoSessionTests {
    let a: Harness
    let b: Harness

    init() throws {
        a = try Harness()
        a.type("Pays test", "commune", "14118")
        b = try Harness(sharing: a)
    }

    func expectAccepted(_ harness: Harness, _ line: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let outcome = harness.controller.handle(line)
        #expect(outcome == .accepted, "« \(line) » : \(outcome)", sourceLocation: sourceLocation)
    }

    func refusal(_ harness: Harness, _ line: String) -> String? {
        if case .refused(let message) = harness.controller.handle(line) { return message }
        return nil
    }

    @Test func aBoundIsCheckedAgainstTheOtherSessionsNewerAnswerNotAStaleOne() throws {
        expectAccepted(a, "/modifier demographie.medecins_generalistes.effectif 10")
        #expect(refusal(a, "/modifier demographie.medecins_generalistes.age_60_plus 15") != nil)
        expectAccepted(b, "/modifier demographie.medecins_generalistes.effectif 20")
        // A's copy said 10; the workbook says 20 by now.
        expectAccepted(a, "/modifier demographie.medecins_generalistes.age_60_plus 15")
        #expect(a.console.text.contains("Une autre session a modifié ce classeur entre-temps : demographie.medecins_generalistes.effectif"))
        #expect(try a.answers()["demographie.medecins_generalistes.age_60_plus"]?.value == .integer(15))
        // And B cannot now bring the effectif under it.
        let lowered = try #require(refusal(b, "/modifier demographie.medecins_generalistes.effectif 12"))
        #expect(
            lowered.contains("12 est inférieur à la réponse déjà donnée à demographie.medecins_generalistes.age_60_plus (15)"), "\(lowered)"
        )
    }

    @Test func aProposalConfirmedOrReplacedByTheOtherSessionIsNotRecordedFromAStaleCopy() throws {
        let first = a.directory + "/donnees_communes_2021.csv", second = a.directory + "/donnees_communes_2022.csv"
        try "REG;DEP;COM;PMUN\n28;14;14118;100000\n".write(toFile: first, atomically: true, encoding: .utf8)
        try "REG;DEP;COM;PMUN\n28;14;14118;120000\n".write(toFile: second, atomically: true, encoding: .utf8)
        expectAccepted(a, "/importer populations \(first)")
        expectAccepted(b, "/importer populations \(second)")
        // A meant its own file's figure: B's replaced it, so A is shown it and nothing is recorded.
        let stale = try #require(refusal(a, "/confirmer territoire.communes"))
        #expect(
            stale.contains(
                "La proposition d'import pour territoire.communes vient d'être remplacée par une autre session : c'est maintenant « 1 commune, 120"
            ), "\(stale)")
        guard case .communes(let unchanged)? = try a.answers()["territoire.communes"]?.value else { Issue.record("no communes"); return }
        #expect(![[100_000], [120_000]].contains(unchanged.map(\.population)), "still the reference's population")
        #expect(a.console.text.contains("Une autre session a modifié ce classeur entre-temps : territoire.communes"))
        expectAccepted(b, "/confirmer territoire.communes")
        // B's proposal is gone from the file: A cannot record it again from memory.
        #expect(refusal(a, "/confirmer territoire.communes")?.contains("Aucune proposition d'import pour territoire.communes") == true)
        guard case .communes(let communes)? = try a.answers()["territoire.communes"]?.value else { Issue.record("no communes"); return }
        #expect(communes.map(\.population) == [120_000])
    }

    @Test func aFinancingLineIsRefusedWhenThePlanItNumbersChanged() throws {
        expectAccepted(a, "/modifier plan.fiches creation_msp")
        expectAccepted(a, "/modifier plan.fiches cpts")
        expectAccepted(a, "/aller financement.depenses")
        expectAccepted(b, "/aller plan.fiches")
        expectAccepted(b, "/retirer 1")
        // « 2 » meant the CPTS for A; it is fiche 1 now.
        let refused = try #require(refusal(a, "2 ; Étude CPTS ; fonctionnement ; 5000 ; ; 2027"))
        #expect(refused.contains("Le plan d'actions (plan.fiches) a été modifié par une autre session"), "\(refused)")
        #expect(try a.answers()["financement.depenses"] == nil)
        // Seen the new plan, the same line is taken.
        expectAccepted(a, "1 ; Étude CPTS ; fonctionnement ; 5000 ; ; 2027")
    }

    @Test func skippingAQuestionTheOtherSessionJustAnsweredKeepsTheAnswer() throws {
        expectAccepted(a, "/aller contrat.prs")
        expectAccepted(b, "/modifier contrat.prs PRS Normandie 2023-2028")
        expectAccepted(a, "/passer")
        #expect(a.console.text.contains("Réponse conservée : PRS Normandie 2023-2028"))
        #expect(try WorkbookStore(path: a.path, appVersion: "test").skippedKeys().isEmpty)
    }

    @Test func removingAnElementTheOtherSessionMovedIsRefusedUntilSeen() throws {
        expectAccepted(a, "/aller participants.liste")
        expectAccepted(a, "Alice ; Mairie ; élu")
        expectAccepted(a, "Bob ; ARS ; ARS")
        expectAccepted(b, "/aller participants.liste")
        expectAccepted(b, "/deplacer 2 1")
        // A saw Alice as 1: the list changed under A's eyes, so nothing is removed.
        let refused = try #require(refusal(a, "/retirer 1"))
        #expect(refused.contains("La liste participants.liste a été modifiée par une autre session"), "\(refused)")
        guard case .records(let items)? = try a.answers()["participants.liste"]?.value else { Issue.record("no list"); return }
        #expect(items.map { $0["nom"] } == [.text("Bob"), .text("Alice")])
        // Now that A has seen it, « 1 » is Bob.
        expectAccepted(a, "/retirer 1")
        guard case .records(let left)? = try a.answers()["participants.liste"]?.value else { Issue.record("no list"); return }
        #expect(left.map { $0["nom"] } == [.text("Alice")])
    }

    @Test func aDocumentExportedAfterTheOtherSessionsChangeHoldsIt() throws {
        expectAccepted(a, "/exporter cls \(a.directory)/avant.md")
        expectAccepted(b, "/modifier territoire.nom Pays nouveau QQQ")
        // A's copy still said « Pays test »: the export reads the workbook as it is now.
        expectAccepted(a, "/exporter cls \(a.directory)/apres.md")
        let after = try String(contentsOfFile: a.directory + "/apres.md", encoding: .utf8)
        #expect(after.contains("Pays nouveau QQQ"))
        #expect(a.console.text.contains("Une autre session a modifié ce classeur entre-temps : territoire.nom"))
        #expect(!a.console.text.contains("inchangé"))
    }
}
