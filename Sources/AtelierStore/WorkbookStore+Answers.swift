import AtelierCore
import Foundation
import GRDB

// MARK: - Answers and their history

extension WorkbookStore {
    /// Records changes in one transaction: each answer's new value and a history line with
    /// its previous value. Returns when the transaction is committed.
    public func record(_ changes: [AnswerChange]) throws(WorkbookError) {
        let now = Timestamp.string(clock())
        try write { db in try Self.insert(changes, at: now, in: db) }
    }

    public func record(_ change: AnswerChange) throws(WorkbookError) {
        try record([change])
    }

    public func answers() throws(WorkbookError) -> [String: StoredAnswer] {
        try read { db in try decode(Row.fetchAll(db, sql: "SELECT * FROM answer")) }
    }

    func fetchAnswers(_ db: Database, keys: [String]) throws -> [String: StoredAnswer] {
        try decode(
            Row.fetchAll(
                db, sql: "SELECT * FROM answer WHERE key IN (\(keys.map { _ in "?" }.joined(separator: ",")))",
                arguments: StatementArguments(keys)))
    }

    /// The readable answers; the keys of those whose value cannot be read (edited by hand)
    /// go to `unreadable`, so that the session warns about them rather than refusing the file.
    func decode(_ rows: [Row], unreadable: inout [String]) -> [String: StoredAnswer] {
        var result: [String: StoredAnswer] = [:]
        for row in rows {
            guard let key = row.text("key") else { continue }
            guard let json = row.text("value"), let value = try? AnswerValue(json: json) else {
                unreadable.append(key)
                continue
            }
            result[key] = StoredAnswer(
                key: key, value: value, participant: row.text("participant"), source: row.text("source"),
                sourceYear: row.integer("source_year"), updatedAt: row.text("updated_at").flatMap(Timestamp.date) ?? .distantPast,
                meeting: row.text("meeting"))
        }
        return result
    }

    func decode(_ rows: [Row]) -> [String: StoredAnswer] {
        var ignored: [String] = []
        return decode(rows, unreadable: &ignored)
    }

    public func history(of key: String) throws(WorkbookError) -> [AnswerEvent] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM answer_event WHERE key = ? ORDER BY id", arguments: [key]).map { row in
                AnswerEvent(
                    key: row.text("key") ?? key, display: row.text("display"), previousDisplay: row.text("previous_display"),
                    participant: row.text("participant"), source: row.text("source"), sourceYear: row.integer("source_year"),
                    origin: row.text("origin") ?? "?", recordedAt: row.text("recorded_at").flatMap(Timestamp.date) ?? .distantPast,
                    actedBy: row.text("acted_by"), meeting: row.text("meeting"))
            }
        }
    }

    // MARK: - Skipped questions

    /// Marks a question skipped, unless it has an answer by now (another session may just have
    /// given one): decided in the transaction. Returns whether it was skipped.
    @discardableResult
    /// A new skip is a step of the undo history: /annuler right after /passer takes the skip
    /// back, not the answer before it.
    public func skip(_ key: String, by participant: String? = nil) throws(WorkbookError) -> Bool {
        let now = Timestamp.string(clock())
        var skipped = false
        try write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM skipped_question WHERE key = ?", arguments: [key]) != nil {
                skipped = true  // already passed: nothing new to undo
                return
            }
            try db.execute(
                sql: """
                    INSERT INTO skipped_question (key, skipped_at)
                    SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM answer WHERE key = ?)
                    """, arguments: [key, now, key])
            skipped = db.changesCount > 0
            if skipped { _ = try Self.openChangeSet(participant: participant, at: now, skipped: key, in: db) }
        }
        return skipped
    }

    public func skippedKeys() throws(WorkbookError) -> Set<String> {
        try read { db in Set(try String.fetchAll(db, sql: "SELECT key FROM skipped_question")) }
    }

    // MARK: - Session state

    public func state(_ name: String) throws(WorkbookError) -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT value FROM session_state WHERE name = ?", arguments: [name]) }
    }

    /// Sets (or, with nil, clears) a piece of session state.
    public func setState(_ name: String, _ value: String?) throws(WorkbookError) {
        try write { db in try Self.setState(name, value, in: db) }
    }

    static func setState(_ name: String, _ value: String?, in db: Database) throws {
        if let value {
            try db.execute(sql: "INSERT OR REPLACE INTO session_state (name, value) VALUES (?, ?)", arguments: [name, value])
        } else {
            try db.execute(sql: "DELETE FROM session_state WHERE name = ?", arguments: [name])
        }
    }

    /// `PRAGMA integrity_check` of the workbook: "ok" when SQLite finds nothing wrong.
    public func integrityCheck() throws(WorkbookError) -> String {
        try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ") }
    }

    /// How many changes the workbook holds (rows of the append-only history).
    public func changeCount() throws(WorkbookError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM answer_event") ?? 0 }
    }

    func summary(keys: [String]) throws(WorkbookError) -> WorkbookSummary {
        let (answers, last) = try read { db in
            // The last row of the append-only history: found by its rowid, without a scan.
            (
                try fetchAnswers(db, keys: keys),
                try String.fetchOne(db, sql: "SELECT recorded_at FROM answer_event ORDER BY id DESC LIMIT 1")
            )
        }
        var territory: String?
        if case .text(let name)? = answers[QuestionKeys.territoryName]?.value { territory = name }
        return WorkbookSummary(
            path: path, territory: territory, answers: answers.mapValues(\.value),
            lastChange: last.flatMap(Timestamp.date))
    }

    // MARK: - Transactions

    /// One IMMEDIATE transaction: take the write lock first, so a second process waits (busy
    /// timeout) instead of failing when a read transaction would have to be upgraded. An error
    /// for which `abandoning` is true rolls it back silently.
    func write(_ body: (Database) throws -> Void, abandoning: (any Error) -> Bool = { _ in false }) throws(WorkbookError) {
        do {
            try writer.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    try body(db)
                    return .commit
                }
            }
        } catch  where abandoning(error) {
            return
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws(WorkbookError) -> T {
        do {
            return try writer.read(body)
        } catch {
            throw Self.translate(error, path: path)
        }
    }
}
