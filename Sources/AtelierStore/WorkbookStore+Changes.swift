import AtelierCore
import Foundation
import GRDB

// MARK: - One change: what /annuler takes back as a whole

extension WorkbookStore {
    /// One change the user can undo: each answer's new value, a history line with its previous
    /// value, the question off the skipped list, the settled proposals removed (kept in the
    /// change, with the questions it took off the skipped list, for /annuler). What was undone
    /// before can no longer be replayed.
    ///
    /// A value typed again as it stands (same source and year) changes nothing: it writes no
    /// history line and no step to undo, and keeps /refaire possible.
    /// Returns the keys of the answers it changed.
    @discardableResult
    static func insert(_ changes: [AnswerChange], settling: [String] = [], at now: String, in db: Database) throws -> Set<String> {
        var effective: [(change: AnswerChange, json: String, previous: Row?)] = []
        var unskipped: [String] = []
        for change in changes {
            // Statements prepared once per connection: an answer is a handful of them, each time.
            let previous = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT value, display, source, source_year FROM answer WHERE key = ?"),
                arguments: [change.key])
            let json = change.value.json
            // The same value with no source given keeps the source it has (retyping a figure
            // must not erase where it came from).
            if let previous, previous.text("value") == json,
                change.source == nil || (previous.text("source") == change.source && previous.integer("source_year") == change.sourceYear)
            {
                continue
            }
            effective.append((change, json, previous))
            if try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM skipped_question WHERE key = ?"), arguments: [change.key]) != nil {
                unskipped.append(change.key)
            }
        }
        let settled = settling.isEmpty ? [] : try fetchProposals(db).filter { settling.contains($0.key) }.values.sorted { $0.key < $1.key }
        guard !effective.isEmpty || !settled.isEmpty else { return [] }
        let changeSet = try openChangeSet(
            participant: changes.first?.participant, at: now, settled: ProposalJSON.encode(settled),
            unskipped: unskipped, in: db)
        for proposal in settled { try db.execute(sql: "DELETE FROM proposal WHERE key = ?", arguments: [proposal.key]) }
        for item in effective {
            try write(
                item.change, json: item.json, previous: item.previous, actedBy: item.change.participant, at: now, changeSet: changeSet,
                in: db)
        }
        return Set(effective.map(\.change.key))
    }

    /// A new step of the undo history; the steps undone before it can no longer be replayed.
    static func openChangeSet(
        participant: String?, at now: String, settled: String = "[]", unskipped: [String] = [],
        skipped: String? = nil, in db: Database
    ) throws -> Int64 {
        try db.cachedStatement(sql: "UPDATE change_set SET state = 'abandonné' WHERE state = 'annulé'").execute()
        try db.cachedStatement(
            sql: """
                INSERT INTO change_set (participant, recorded_at, settled_proposals, unskipped, skipped) VALUES (?, ?, ?, ?, ?)
                """
        ).execute(arguments: [participant, now, settled, KeyListJSON.encode(unskipped), skipped])
        return db.lastInsertedRowID
    }

    /// Sets one answer (or, for a nil `json`, removes it) and appends its history line;
    /// `previous` is the answer's row before (read by the caller), `actedBy` who did it;
    /// `answeredAt` when the value was given, when that was earlier (a merged copy's answer).
    static func write(
        _ change: AnswerChange, json: String?, previous: Row?, actedBy: String?, at now: String,
        answeredAt: String? = nil, changeSet: Int64, in db: Database
    ) throws {
        let display: String? = json == nil ? nil : change.value.display
        if let json {
            try db.cachedStatement(
                sql: """
                    INSERT INTO answer (key, value, display, participant, source, source_year, updated_at, meeting)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(key) DO UPDATE SET value = excluded.value, display = excluded.display,
                        participant = excluded.participant, source = excluded.source,
                        source_year = excluded.source_year, updated_at = excluded.updated_at,
                        meeting = excluded.meeting
                    """
            ).execute(arguments: [
                change.key, json, display, change.participant, change.source, change.sourceYear, answeredAt ?? now, change.meeting,
            ])
        } else {
            try db.execute(sql: "DELETE FROM answer WHERE key = ?", arguments: [change.key])
        }
        try db.cachedStatement(
            sql: """
                INSERT INTO answer_event (key, value, display, previous_value, previous_display,
                    participant, source, source_year, origin, recorded_at, change_set, acted_by, meeting)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            change.key, json, display, previous?.text("value"),
            previous?.text("display"), change.participant, change.source,
            change.sourceYear, change.origin.rawValue, now, changeSet, actedBy, change.meeting,
        ])
        try db.cachedStatement(sql: "DELETE FROM skipped_question WHERE key = ?").execute(arguments: [change.key])
    }
}

/// A JSON array of question keys, as a change keeps the questions it took off the skipped list.
enum KeyListJSON {
    static func encode(_ keys: [String]) -> String {
        if keys.isEmpty { return "[]" }  // nearly every change: no encoder to build
        return (try? JSONEncoder().encode(keys)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }

    static func decode(_ json: String?) -> [String] {
        json.flatMap { try? JSONDecoder().decode([String].self, from: Data($0.utf8)) } ?? []
    }
}
