import AtelierCore
import Foundation
import GRDB

/// What /annuler or /refaire did to the workbook.
public struct RevertedChange: Sendable, Equatable {
    /// The answers as they are now: a nil value means the answer was removed.
    public var restored: [(key: String, value: AnswerValue?)]
    /// How the change was first made (saisie, retrait…), when (nil: unreadable date), by whom.
    public var origin: AnswerChange.Origin?
    public var recordedAt: Date?
    public var participant: String?
    /// The import proposals put back (undo) or settled again (redo).
    public var proposals: [String]
    /// The question of a /passer undone or replayed.
    public var skipped: String?
    /// The questions passed again because the answer that took them off the list was undone.
    public var skippedAgain: [String]

    public static func == (lhs: RevertedChange, rhs: RevertedChange) -> Bool {
        lhs.restored.map(\.key) == rhs.restored.map(\.key) && lhs.restored.map(\.value) == rhs.restored.map(\.value)
            && lhs.origin == rhs.origin && lhs.recordedAt == rhs.recordedAt && lhs.participant == rhs.participant
            && lhs.proposals == rhs.proposals && lhs.skipped == rhs.skipped && lhs.skippedAgain == rhs.skippedAgain
    }
}

public enum RevertOutcome: Sendable, Equatable {
    case reverted(RevertedChange)
    /// Nothing to undo (or to replay).
    case nothing
    /// The change touches answers changed since (or unreadable): reverting it would lose them;
    /// nothing was written.
    case changedSince(keys: [String])
}

/// One step of the undo history as the workbook keeps it: the change_set row and the history
/// lines it wrote when it was made.
struct StoredChange {
    var id: Int64
    var participant: String?
    var recordedAt: Date?
    var proposals: [Proposal]
    var unskipped: [String]
    var skipped: String?
    var steps: [ChangeReversal.Step]
    var origin: AnswerChange.Origin?

    var isEmpty: Bool { steps.isEmpty && proposals.isEmpty && skipped == nil }

    init(_ row: Row, path: String, in db: Database) throws {
        id = row.integer64("id") ?? 0
        participant = row.text("participant")
        recordedAt = row.text("recorded_at").flatMap(Timestamp.date)
        proposals = row.text("settled_proposals").map(ProposalJSON.decode) ?? []
        unskipped = KeyListJSON.decode(row.text("unskipped"))
        skipped = row.text("skipped")
        let lines = try Self.originalLines(of: id, path: path, in: db)
        steps = ChangeReversal.steps(of: lines.map(\.step))
        origin = lines.first?.origin ?? (proposals.isEmpty ? nil : .imported)
    }

    /// The answers the change touches, as they are now; an unreadable one counts as changed.
    func currentStates(in db: Database) throws -> [String: ChangeReversal.State] {
        var states: [String: ChangeReversal.State] = [:]
        for step in steps {
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT value, participant, source, source_year, meeting FROM answer WHERE key = ?",
                    arguments: [step.key])
            else {
                states[step.key] = .absent
                continue
            }
            guard let value = row.text("value").flatMap({ try? AnswerValue(json: $0) }) else {
                states[step.key] = .unreadable
                continue
            }
            states[step.key] = .answered(
                value,
                .init(
                    participant: row.text("participant"), source: row.text("source"), sourceYear: row.integer("source_year"),
                    meeting: row.text("meeting")))
        }
        return states
    }

    /// The history lines a change wrote when it was made (not those of its undoing or
    /// replaying), oldest first, each with the provenance of the value it replaced.
    private static func originalLines(of changeSet: Int64, path: String, in db: Database) throws
        -> [(step: ChangeReversal.Step, origin: AnswerChange.Origin?)]
    {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT e.*, p.participant AS prior_participant, p.source AS prior_source, p.source_year AS prior_source_year,
                    p.meeting AS prior_meeting
                FROM answer_event e
                LEFT JOIN answer_event p ON p.id = (
                    SELECT MAX(id) FROM answer_event WHERE key = e.key AND id < e.id)
                WHERE e.change_set = ? AND e.origin NOT IN ('annulation', 'rétablissement')
                ORDER BY e.id
                """, arguments: [changeSet])
        // A history line edited into nonsense stops the undo: read as "no answer", it would
        // delete the answer it names.
        func value(_ row: Row, _ column: String) throws -> AnswerValue? {
            let key = TerminalText.plainLine(row.text("key") ?? "?")
            if (row[column] as DatabaseValue).isNull { return nil }
            guard let json = row.text(column), let value = try? AnswerValue(json: json) else {
                throw WorkbookError.unreadableHistory(path: path, key: key)
            }
            return value
        }
        return try rows.map { row in
            let step = ChangeReversal.Step(
                key: row.text("key") ?? "", before: try value(row, "previous_value"), after: try value(row, "value"),
                beforeMeta: .init(
                    participant: row.text("prior_participant"), source: row.text("prior_source"),
                    sourceYear: row.integer("prior_source_year"), meeting: row.text("prior_meeting")),
                afterMeta: .init(
                    participant: row.text("participant"), source: row.text("source"), sourceYear: row.integer("source_year"),
                    meeting: row.text("meeting")))
            return (step, row.text("origin").flatMap(AnswerChange.Origin.init(rawValue:)))
        }
    }
}
