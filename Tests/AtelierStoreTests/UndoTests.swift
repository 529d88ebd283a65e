import AtelierCore
import Foundation
import GRDB
import Testing

@testable import AtelierStore

/// /annuler and /refaire as the workbook keeps them: every change is undone in one
/// transaction, across reopenings, and never over a later change.
@Suite struct UndoTests {
    let directory = TemporaryDirectory()
    var path: String { directory.path + "/territoire.sqlite" }

    func change(
        _ key: String, _ value: AnswerValue, by participant: String? = "Marie Dupont",
        origin: AnswerChange.Origin = .typed
    ) -> AnswerChange {
        AnswerChange(key: key, value: value, participant: participant, source: nil, sourceYear: nil, origin: origin)
    }

    func fiches(_ titles: String...) -> AnswerValue {
        .records(titles.map { ListRecord(fields: [("intitule", .text($0))]) })
    }

    @Test func undoRestoresEveryAnswerOfTheChangeAndRedoReplaysIt() throws {
        let store = try WorkbookStore(path: path, appVersion: "test")
        try store.record([change("plan.fiches", fiches("A", "B"))])
        try store.record([change("financement.depenses", .records([ListRecord(fields: [("fiche", .integer(2))])]))])
        // One change: fiche 2 removed with its financing line.
        try store.record([
            change("plan.fiches", fiches("A"), origin: .removed),
            change("financement.depenses", .records([]), origin: .modified),
        ])

        guard case .reverted(let undone) = try store.undo() else { Issue.record("rien d'annulé"); return }
        #expect(undone.origin == .removed)
        #expect(undone.restored.map(\.key) == ["plan.fiches", "financement.depenses"])
        var answers = try store.answers()
        #expect(answers["plan.fiches"]?.value == fiches("A", "B"))
        #expect(answers["financement.depenses"]?.value == .records([ListRecord(fields: [("fiche", .integer(2))])]))

        // Reopened, undo goes one step further back: the financing line goes, the answer too.
        let reopened = try WorkbookStore(path: path, appVersion: "test")
        #expect(try reopened.undo() != .nothing)
        answers = try reopened.answers()
        #expect(answers["financement.depenses"] == nil)
        #expect(answers["plan.fiches"]?.value == fiches("A", "B"))

        // Redo replays in order: the line, then the removal.
        #expect(try reopened.redo() != .nothing)
        #expect(try reopened.answers()["financement.depenses"] != nil)
        #expect(try reopened.redo() != .nothing)
        #expect(try reopened.answers()["plan.fiches"]?.value == fiches("A"))
        #expect(try reopened.redo() == .nothing)

        // The history keeps the change, its undoing and its replaying.
        let origins = try reopened.history(of: "plan.fiches").map(\.origin)
        #expect(origins == ["saisie", "retrait", "annulation", "rétablissement"])
    }

    @Test func aNewChangeEndsRedo() throws {
        let store = try WorkbookStore(path: path, appVersion: "test")
        try store.record([change("territoire.nom", .text("Pays d'Auge"))])
        try store.record([change("territoire.nom", .text("Pays de Caux"))])
        _ = try store.undo()
        #expect(try store.answers()["territoire.nom"]?.value == .text("Pays d'Auge"))
        try store.record([change("participants.liste", .records([]))])
        #expect(try store.redo() == .nothing)
        #expect(try store.answers()["territoire.nom"]?.value == .text("Pays d'Auge"))
    }

    @Test func undoTakesTheNewestChangeWhicheverSessionMadeIt() throws {
        let first = try WorkbookStore(path: path, appVersion: "test")
        let second = try WorkbookStore(path: path, appVersion: "test")
        try first.record([change("territoire.nom", .text("Pays d'Auge"))])
        try second.record([change("territoire.nom", .text("Pays de Caux"), by: "Jean Martin")])
        guard case .reverted(let undone) = try first.undo() else { Issue.record("rien d'annulé"); return }
        #expect(undone.participant == "Jean Martin")
        let restored = try #require(try first.answers()["territoire.nom"])
        #expect(restored.value == .text("Pays d'Auge"))
        #expect(restored.participant == "Marie Dupont")  // the provenance of the value restored
    }

    @Test func undoIsRefusedWhenTheAnswerWasEditedOutsideTheTool() throws {
        let store = try WorkbookStore(path: path, appVersion: "test")
        try store.record([change("territoire.nom", .text("Pays d'Auge"))])
        try store.record([change("territoire.nom", .text("Pays de Caux"))])
        try store.writer.write { db in
            try db.execute(sql: "UPDATE answer SET value = ? WHERE key = 'territoire.nom'", arguments: [AnswerValue.text("Lisieux").json])
        }
        #expect(try store.undo() == .changedSince(keys: ["territoire.nom"]))
        #expect(try store.answers()["territoire.nom"]?.value == .text("Lisieux"))
    }

    @Test func aHistoryLineEditedIntoNonsenseStopsTheUndoInsteadOfDeletingTheAnswer() throws {
        let store = try WorkbookStore(path: path, appVersion: "test")
        try store.record([change("territoire.nom", .text("Pays d'Auge"))])
        try store.record([change("territoire.nom", .text("Pays de Caux"))])
        // answer_event is append-only: the hand edit drops its trigger first, as sqlite3 lets one.
        try store.writer.write { db in
            try db.execute(sql: "DROP TRIGGER answer_event_is_append_only_update")
            try db.execute(sql: "UPDATE answer_event SET previous_value = '{\"type\":' WHERE id = (SELECT MAX(id) FROM answer_event)")
        }
        #expect(throws: WorkbookError.unreadableHistory(path: path, key: "territoire.nom")) { try store.undo() }
        #expect(try store.answers()["territoire.nom"]?.value == .text("Pays de Caux"))
    }

    @Test func undoOfAConfirmationPutsTheProposalBack() throws {
        let store = try WorkbookStore(path: path, appVersion: "test")
        let proposal = Proposal(
            key: "demographie.medecins_generalistes.effectif", value: .integer(14),
            source: "RPPS 2026", sourceYear: 2026, file: "rpps.txt")
        try store.propose([proposal])
        _ = try store.record { _ in
            .record(
                [
                    AnswerChange(
                        key: proposal.key, value: proposal.value, participant: nil, source: proposal.source,
                        sourceYear: proposal.sourceYear, origin: .imported)
                ], settling: [proposal.key])
        }
        #expect(try store.proposals().isEmpty)
        guard case .reverted(let undone) = try store.undo() else { Issue.record("rien d'annulé"); return }
        #expect(undone.proposals == [proposal.key])
        #expect(try store.proposals()[proposal.key] == proposal)
        #expect(try store.answers()[proposal.key] == nil)
        _ = try store.redo()
        #expect(try store.proposals().isEmpty)
        #expect(try store.answers()[proposal.key]?.value == .integer(14))
    }

    @Test func nothingToUndoInANewWorkbook() throws {
        let store = try WorkbookStore(path: path, appVersion: "test")
        #expect(try store.undo() == .nothing)
        #expect(try store.redo() == .nothing)
    }

    @Test func aValueTypedAgainAsItIsIsNoChangeAndKeepsRedo() throws {
        let store = try WorkbookStore(path: path, appVersion: "test")
        try store.record([change("territoire.nom", .text("Pays d'Auge"))])
        try store.record([change("territoire.nom", .text("Autre"))])
        _ = try store.undo()
        try store.record([change("territoire.nom", .text("Pays d'Auge"))])  // as it is now
        #expect(try store.history(of: "territoire.nom").map(\.origin) == ["saisie", "saisie", "annulation"])
        #expect(try store.redo() != .nothing)
        #expect(try store.answers()["territoire.nom"]?.value == .text("Autre"))
    }

    @Test func aSkipIsUndoneAndAnUndoneAnswerIsSkippedAgain() throws {
        let store = try WorkbookStore(path: path, appVersion: "test")
        #expect(try store.skip("territoire.porteur", by: "Marie"))
        guard case .reverted(let undone) = try store.undo() else { Issue.record("rien d'annulé"); return }
        #expect(undone.skipped == "territoire.porteur")
        #expect(try store.skippedKeys().isEmpty)
        _ = try store.redo()
        #expect(try store.skippedKeys() == ["territoire.porteur"])
        // Answered after being passed: undone, it is passed again, as it was.
        try store.record([change("territoire.porteur", .choice("commune"))])
        #expect(try store.skippedKeys().isEmpty)
        guard case .reverted(let again) = try store.undo() else { Issue.record("rien d'annulé"); return }
        #expect(again.skippedAgain == ["territoire.porteur"])
        #expect(try store.skippedKeys() == ["territoire.porteur"])
        #expect(try store.answers()["territoire.porteur"] == nil)
    }

    @Test func theHistoryNamesWhoUndidAndAnEmptyStepIsPassedOver() throws {
        let store = try WorkbookStore(path: path, appVersion: "test")
        try store.record([change("territoire.nom", .text("Pays W"), by: "Zoé")])
        try store.record([change("territoire.nom", .text("Pays Bob"), by: "Bob")])
        try store.writer.write { db in
            try db.execute(sql: "INSERT INTO change_set (participant, recorded_at) VALUES ('x', 'hier')")
        }
        guard case .reverted(let undone) = try store.undo(by: "Carl") else { Issue.record("rien d'annulé"); return }
        #expect(undone.participant == "Bob")
        let (author, actor) = try store.writer.read { db in
            let row = try Row.fetchOne(db, sql: "SELECT participant, acted_by FROM answer_event ORDER BY id DESC LIMIT 1")
            return (row?["participant"] as String?, row?["acted_by"] as String?)
        }
        #expect(author == "Zoé")  // the value restored is Zoé's
        #expect(actor == "Carl")  // the undoing is Carl's
    }

    @Test func aSourceEditedByHandIsNeverOverwrittenByAnUndo() throws {
        let store = try WorkbookStore(path: path, appVersion: "test")
        try store.record([change("demographie.medecins_generalistes.effectif", .integer(7))])
        try store.record([change("demographie.medecins_generalistes.effectif", .integer(9))])
        try store.writer.write { db in
            try db.execute(
                sql: "UPDATE answer SET source = 'Ordre des médecins 2025' WHERE key = 'demographie.medecins_generalistes.effectif'")
        }
        #expect(try store.undo() == .changedSince(keys: ["demographie.medecins_generalistes.effectif"]))
        #expect(try store.answers()["demographie.medecins_generalistes.effectif"]?.source == "Ordre des médecins 2025")
    }
}
