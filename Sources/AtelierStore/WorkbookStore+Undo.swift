import AtelierCore
import Foundation
import GRDB

/// What /annuler or /refaire did to the workbook.
public struct RevertedChange: Sendable, Equatable {
    /// The answers as they are now: a nil value means the answer was removed.
    public var restored: [(key: String, value: AnswerValue?)]
    /// How the change was first made (saisie, retrait…), and when, and by whom.
    public var origin: AnswerChange.Origin?
    public var recordedAt: Date
    public var participant: String?
    /// The import proposals put back (undo) or settled again (redo).
    public var proposals: [String]

    public static func == (lhs: RevertedChange, rhs: RevertedChange) -> Bool {
        lhs.restored.map(\.key) == rhs.restored.map(\.key) && lhs.restored.map(\.value) == rhs.restored.map(\.value)
            && lhs.origin == rhs.origin && lhs.recordedAt == rhs.recordedAt && lhs.participant == rhs.participant
            && lhs.proposals == rhs.proposals
    }
}

public enum RevertOutcome: Sendable, Equatable {
    case reverted(RevertedChange)
    /// Nothing to undo (or to replay).
    case nothing
    /// The change touches answers changed since: reverting it would lose them; nothing written.
    case changedSince(keys: [String])
}

// MARK: - /annuler and /refaire: the undo history lives in the workbook

extension WorkbookStore {
    /// Takes back the last change still in effect, whichever session made it, in one transaction.
    public func undo() throws(WorkbookError) -> RevertOutcome {
        try revert(.undo)
    }

    /// Replays the change undone last, unless another change was made since.
    public func redo() throws(WorkbookError) -> RevertOutcome {
        try revert(.redo)
    }

    private func revert(_ direction: ChangeReversal.Direction) throws(WorkbookError) -> RevertOutcome {
        let now = Timestamp.string(clock())
        var outcome = RevertOutcome.nothing
        try write { db in
            // Undo walks back from the newest change in effect; redo forward from the oldest undone.
            let sql = direction == .undo
                ? "SELECT * FROM change_set WHERE state = 'fait' ORDER BY id DESC LIMIT 1"
                : "SELECT * FROM change_set WHERE state = 'annulé' ORDER BY id ASC LIMIT 1"
            guard let set = try Row.fetchOne(db, sql: sql) else { return }
            let id: Int64 = set["id"]
            let lines = try Self.originalLines(of: id, path: path, in: db)
            let steps = ChangeReversal.steps(of: lines.map(\.step))
            let current = try decode(Row.fetchAll(db, sql: "SELECT * FROM answer")).mapValues(\.value)
            switch ChangeReversal.plan(steps, direction, current: current) {
            case .failure(let conflict):
                outcome = .changedSince(keys: conflict.keys)
            case .success(let restorations):
                for restoration in restorations {
                    let change = AnswerChange(key: restoration.key, value: restoration.value ?? .text(""),
                                              participant: restoration.meta.participant, source: restoration.meta.source,
                                              sourceYear: restoration.meta.sourceYear, origin: direction == .undo ? .undone : .redone)
                    try Self.write(change, removing: restoration.value == nil, at: now, changeSet: id, in: db)
                }
                let proposals = ProposalJSON.decode(set["settled_proposals"])
                try Self.revertSettlement(of: proposals, direction, at: now, in: db)
                try db.execute(sql: "UPDATE change_set SET state = ? WHERE id = ?",
                               arguments: [direction == .undo ? "annulé" : "fait", id])
                outcome = .reverted(RevertedChange(
                    restored: restorations.map { ($0.key, $0.value) }, origin: lines.first?.origin,
                    recordedAt: Timestamp.date(set["recorded_at"]) ?? .distantPast, participant: set["participant"],
                    proposals: proposals.map(\.key)))
            }
        }
        return outcome
    }

    /// The history lines a change wrote when it was made (not those of its undoing or
    /// replaying), oldest first, each with the provenance of the value it replaced.
    private static func originalLines(of changeSet: Int64, path: String, in db: Database) throws
        -> [(step: ChangeReversal.Step, origin: AnswerChange.Origin?)] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT e.*, p.participant AS prior_participant, p.source AS prior_source, p.source_year AS prior_source_year
            FROM answer_event e
            LEFT JOIN answer_event p ON p.id = (
                SELECT MAX(id) FROM answer_event WHERE key = e.key AND id < e.id)
            WHERE e.change_set = ? AND e.origin NOT IN ('annulation', 'rétablissement')
            ORDER BY e.id
            """, arguments: [changeSet])
        // A history line edited into nonsense by hand stops the undo: read as "no answer", it
        // would delete the answer it names.
        func value(_ row: Row, _ column: String) throws -> AnswerValue? {
            guard let json: String = row[column] else { return nil }
            guard let value = try? AnswerValue(json: json) else {
                throw WorkbookError.unreadableHistory(path: path, key: TerminalText.neutralised(row["key"]))
            }
            return value
        }
        return try rows.map { row in
            let step = ChangeReversal.Step(
                key: row["key"], before: try value(row, "previous_value"), after: try value(row, "value"),
                beforeMeta: .init(participant: row["prior_participant"], source: row["prior_source"], sourceYear: row["prior_source_year"]),
                afterMeta: .init(participant: row["participant"], source: row["source"], sourceYear: row["source_year"]))
            return (step, AnswerChange.Origin(rawValue: row["origin"]))
        }
    }

    /// Undo puts back the proposals a confirmation settled (unless a newer import proposed
    /// something else since); redo settles them again.
    private static func revertSettlement(of proposals: [Proposal], _ direction: ChangeReversal.Direction,
                                         at now: String, in db: Database) throws {
        for proposal in proposals {
            if direction == .redo {
                // Only the proposal confirmed then: a newer import's stays.
                try db.execute(sql: "DELETE FROM proposal WHERE key = ? AND value = ?", arguments: [proposal.key, proposal.value.json])
                continue
            }
            try db.execute(sql: """
                INSERT OR IGNORE INTO proposal (key, value, display, source, source_year, imported_from, imported_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [proposal.key, proposal.value.json, proposal.value.display, proposal.source,
                                 proposal.sourceYear, proposal.file, now])
        }
    }
}
