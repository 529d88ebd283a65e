import AtelierCore
import Foundation
import GRDB

/// A copy read for `/fusionner`: its answers now, and as they were when it last agreed with
/// this workbook (the fork, or the last merge of it still in effect).
public struct MergeSource: Sendable {
    public var path: String
    public var uid: String
    public var lineage: Lineage
    public var base: [String: StoredAnswer]
    public var theirs: [String: StoredAnswer]
    /// The copy's last history line: the next merge of it starts there.
    public var lastEvent: Int64
    /// When the copy was last merged here (nil: never).
    public var lastMerged: Date?
}

/// What a merge wrote.
public struct MergeWritten: Sendable, Equatable {
    /// The keys of the answers it changed.
    public var keys: [String]
}

extension WorkbookStore {
    /// Reads the copy at `path` for a merge into this workbook; refuses a file that is not a copy
    /// of it (another territory's workbook, another application's file, this workbook itself).
    public func mergeSource(_ path: String) throws(WorkbookError) -> MergeSource {
        if Self.sameFile(path, self.path) {
            throw .notACopy(path: path, reason: "c'est le classeur ouvert lui-même")
        }
        let copy: WorkbookStore
        do {
            copy = try WorkbookStore.reading(path)
        } catch .foreignDatabase {
            throw .notACopy(path: path, reason: "c'est une base SQLite d'une autre application")
        } catch .notAWorkbook {
            throw .notACopy(path: path, reason: "ce n'est pas un classeur Atelier Santé (ni même une base SQLite)")
        }
        let mine = try uid()
        let found = try copy.read { db -> (uid: String, lineage: Lineage?, signature: String?, last: Int64) in
            let lineage = try Self.fetchLineage(db)
            let signature = try lineage.flatMap { lineage in
                try String.fetchOne(db, sql: "SELECT recorded_at FROM answer_event WHERE id = ?", arguments: [lineage.forkEvent])
            }
            return (
                try String.fetchOne(db, sql: "SELECT uid FROM workbook WHERE id = 1") ?? "", lineage, signature,
                try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM answer_event") ?? 0
            )
        }
        guard let lineage = found.lineage else {
            throw .notACopy(path: path, reason: "c'est un classeur indépendant, pas une copie écrite par /partager ou /scenario nouveau")
        }
        guard lineage.parentUID == mine, !mine.isEmpty else {
            let of = lineage.parentTerritory.map { "du classeur « \(TerminalText.plainLine($0)) »" } ?? "d'un autre classeur"
            throw .notACopy(path: path, reason: "c'est une copie \(of), écrite depuis « \(TerminalText.plainLine(lineage.parentPath)) »")
        }
        let ours = try read { db in
            try String.fetchOne(db, sql: "SELECT recorded_at FROM answer_event WHERE id = ?", arguments: [lineage.forkEvent])
        }
        guard lineage.forkEvent == 0 || (ours == lineage.forkEventAt && found.signature == lineage.forkEventAt) else {
            throw .notACopy(
                path: path, reason: "son historique ne rejoint pas celui de ce classeur au moment de la copie (modifié hors de l'outil ?)")
        }
        let previous = try lastMerge(of: found.uid)
        let baseEvent = previous?.event ?? lineage.forkEvent
        let (base, theirs) = try copy.read { db in
            (try Self.answers(atEvent: baseEvent, in: db), copy.decode(try Row.fetchAll(db, sql: "SELECT * FROM answer")))
        }
        return MergeSource(
            path: path, uid: found.uid, lineage: lineage, base: base, theirs: theirs, lastEvent: found.last,
            lastMerged: previous?.at)
    }

    /// The last merge of the copy `uid` still in effect (not undone).
    func lastMerge(of uid: String) throws(WorkbookError) -> (event: Int64, at: Date?)? {
        try read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT m.copy_event, m.merged_at FROM merge_record m JOIN change_set c ON c.id = m.change_set
                    WHERE m.copy_uid = ? AND c.state = 'fait' ORDER BY m.id DESC LIMIT 1
                    """, arguments: [uid]
            ).map { ($0.integer64("copy_event") ?? 0, $0.text("merged_at").flatMap(Timestamp.date)) }
        }
    }

    /// The answers as the history says they were after line `event`: each key's last line up to
    /// it (a line without value: the answer was removed).
    static func answers(atEvent event: Int64, in db: Database) throws -> [String: StoredAnswer] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT e.* FROM answer_event e
                JOIN (SELECT key, MAX(id) AS id FROM answer_event WHERE id <= ? GROUP BY key) last ON last.id = e.id
                WHERE e.value IS NOT NULL
                """, arguments: [event])
        var result: [String: StoredAnswer] = [:]
        for row in rows {
            guard let key = row.text("key"), let value = row.text("value").flatMap({ try? AnswerValue(json: $0) }) else { continue }
            result[key] = StoredAnswer(
                key: key, value: value, participant: row.text("participant"), source: row.text("source"),
                sourceYear: row.integer("source_year"), updatedAt: row.text("recorded_at").flatMap(Timestamp.date) ?? .distantPast,
                meeting: row.text("meeting"))
        }
        return result
    }

    /// Writes a merge in one transaction, decided on this workbook's answers as they are once
    /// the write lock is held: `decide` returns what to write, or nil to write nothing (a
    /// conflict the user has not settled yet). One step of the undo history; the merge record
    /// keeps each conflict settled (`settled`, JSON) and where the copy's history was merged to.
    public func merge(
        _ source: MergeSource, by participant: String?,
        deciding decide: ([String: StoredAnswer]) -> (taken: [WorkbookMerge.Taken], settled: String)?
    ) throws(WorkbookError) -> MergeWritten? {
        let now = Timestamp.string(clock())
        var written: MergeWritten?
        try write { db in
            let mine = decode(try Row.fetchAll(db, sql: "SELECT * FROM answer"))
            guard let decision = decide(mine) else { return }
            let changeSet = try Self.openChangeSet(participant: participant, at: now, in: db)
            var keys: [String] = []
            for item in decision.taken {
                let previous = try Row.fetchOne(db, sql: "SELECT value, display FROM answer WHERE key = ?", arguments: [item.key])
                let json = item.value?.json
                if previous?.text("value") == json && (json != nil || previous == nil) { continue }
                let from = item.provenance
                let change = AnswerChange(
                    key: item.key, value: item.value ?? .text(""), participant: from == nil ? participant : from?.participant,
                    source: from?.source, sourceYear: from?.sourceYear, origin: .merged, meeting: from?.meeting)
                try Self.write(
                    change, json: json, previous: previous, actedBy: participant, at: now,
                    answeredAt: from.map { Timestamp.string($0.updatedAt) }, changeSet: changeSet, in: db)
                keys.append(item.key)
            }
            try db.execute(
                sql: """
                    INSERT INTO merge_record (change_set, copy_uid, copy_file, copy_event, merged_at, merged_by, taken, conflicts)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [changeSet, source.uid, source.path, source.lastEvent, now, participant, keys.count, decision.settled])
            written = MergeWritten(keys: keys)
        }
        return written
    }

    /// Whether two paths name the same file (a link, another spelling).
    static func sameFile(_ a: String, _ b: String) -> Bool {
        var x = stat(), y = stat()
        guard stat(a, &x) == 0, stat(b, &y) == 0 else { return false }
        return x.st_dev == y.st_dev && x.st_ino == y.st_ino
    }
}
