import AtelierCore
import Foundation
import GRDB

// MARK: - /annuler and /refaire: the undo history lives in the workbook

extension WorkbookStore {
    /// Takes back the last change still in effect, whichever session made it, in one
    /// transaction; `participant` is who undoes it, for the history.
    public func undo(by participant: String? = nil) throws(WorkbookError) -> RevertOutcome {
        try revert(.undo, by: participant)
    }

    /// Replays the change undone last, unless another change was made since.
    public func redo(by participant: String? = nil) throws(WorkbookError) -> RevertOutcome {
        try revert(.redo, by: participant)
    }

    private func revert(_ direction: ChangeReversal.Direction, by participant: String?) throws(WorkbookError) -> RevertOutcome {
        let now = Timestamp.string(clock())
        var outcome = RevertOutcome.nothing
        try write { db in
            // Undo walks back from the newest change in effect; redo forward from the oldest undone.
            let sql =
                direction == .undo
                ? "SELECT * FROM change_set WHERE state = 'fait' ORDER BY id DESC LIMIT 1"
                : "SELECT * FROM change_set WHERE state = 'annulé' ORDER BY id ASC LIMIT 1"
            while let set = try Row.fetchOne(db, sql: sql) {
                let change = try StoredChange(set, path: path, in: db)
                guard !change.isEmpty else {
                    // A step with nothing in it (edited by hand): passed over, never reported.
                    try db.execute(sql: "UPDATE change_set SET state = 'abandonné' WHERE id = ?", arguments: [change.id])
                    continue
                }
                outcome = try Self.apply(change, direction, by: participant, at: now, in: db)
                return
            }
        }
        return outcome
    }

    private static func apply(
        _ change: StoredChange, _ direction: ChangeReversal.Direction, by participant: String?,
        at now: String, in db: Database
    ) throws -> RevertOutcome {
        let restorations: [ChangeReversal.Restoration]
        switch ChangeReversal.plan(change.steps, direction, current: try change.currentStates(in: db)) {
        case .failure(let conflict): return .changedSince(keys: conflict.keys)
        case .success(let planned): restorations = planned
        }
        if let key = change.skipped {
            // A /passer: undone, the question is to answer again; replayed, passed again.
            let answered = try Bool.fetchOne(db, sql: "SELECT 1 FROM answer WHERE key = ?", arguments: [key]) != nil
            if answered { return .changedSince(keys: [key]) }
            if direction == .undo {
                try db.execute(sql: "DELETE FROM skipped_question WHERE key = ?", arguments: [key])
            } else {
                try db.execute(sql: "INSERT OR IGNORE INTO skipped_question (key, skipped_at) VALUES (?, ?)", arguments: [key, now])
            }
        }
        for restoration in restorations {
            let previous = try Row.fetchOne(db, sql: "SELECT value, display FROM answer WHERE key = ?", arguments: [restoration.key])
            let written = AnswerChange(
                key: restoration.key, value: restoration.value ?? .text(""),
                participant: restoration.meta.participant, source: restoration.meta.source,
                sourceYear: restoration.meta.sourceYear, origin: direction == .undo ? .undone : .redone,
                meeting: restoration.meta.meeting)
            try write(
                written, json: restoration.value?.json, previous: previous, actedBy: participant, at: now, changeSet: change.id, in: db)
        }
        // The questions the change took off the skipped list are passed again when it is undone
        // (and `write` took them off again when it is replayed).
        if direction == .undo {
            for key in change.unskipped {
                try db.execute(
                    sql: """
                        INSERT OR IGNORE INTO skipped_question (key, skipped_at)
                        SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM answer WHERE key = ?)
                        """, arguments: [key, now, key])
            }
        }
        try revertSettlement(of: change.proposals, direction, at: now, in: db)
        try db.execute(sql: "UPDATE change_set SET state = ? WHERE id = ?", arguments: [direction == .undo ? "annulé" : "fait", change.id])
        return .reverted(
            RevertedChange(
                restored: restorations.map { ($0.key, $0.value) }, origin: change.origin,
                recordedAt: change.recordedAt, participant: change.participant,
                proposals: change.proposals.map(\.key), skipped: change.skipped,
                skippedAgain: direction == .undo ? change.unskipped : []))
    }

    /// Undo puts back the proposals a confirmation settled (unless a newer import proposed
    /// something else since); redo settles them again.
    private static func revertSettlement(
        of proposals: [Proposal], _ direction: ChangeReversal.Direction,
        at now: String, in db: Database
    ) throws {
        for proposal in proposals {
            if direction == .redo {
                // Only the proposal confirmed then: a newer import's stays.
                try db.execute(sql: "DELETE FROM proposal WHERE key = ? AND value = ?", arguments: [proposal.key, proposal.value.json])
                continue
            }
            try insert(proposal, replacing: false, at: now, in: db)
        }
    }
}
