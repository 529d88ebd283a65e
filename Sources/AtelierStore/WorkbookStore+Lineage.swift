import AtelierCore
import Foundation
import GRDB

/// Where a scenario or a partner's copy comes from (`lineage` table).
public struct Lineage: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case scenario = "scénario"
        case copy = "copie"
    }

    public var kind: Kind
    public var name: String
    public var parentUID: String
    public var parentPath: String
    public var parentTerritory: String?
    public var forkEvent: Int64
    public var forkEventAt: String?
    public var forkedAt: Date?
    public var forkedBy: String?
    /// The sections a partner is asked to fill (keys), in the order given.
    public var sections: [String]

    public init(kind: Kind, name: String, sections: [String] = []) {
        self.kind = kind
        self.name = name
        self.parentUID = ""
        self.parentPath = ""
        self.forkEvent = 0
        self.sections = sections
    }
}

// MARK: - Forking: a scenario or a copy is the whole workbook, which remembers where it comes from

extension WorkbookStore {
    /// This workbook's identifier among its copies.
    public func uid() throws(WorkbookError) -> String {
        try read { db in try String.fetchOne(db, sql: "SELECT uid FROM workbook WHERE id = 1") ?? "" }
    }

    public func lineage() throws(WorkbookError) -> Lineage? {
        try read { db in try Self.fetchLineage(db) }
    }

    static func fetchLineage(_ db: Database) throws -> Lineage? {
        guard try db.tableExists("lineage"), let row = try Row.fetchOne(db, sql: "SELECT * FROM lineage WHERE id = 1"),
            let kind = row.text("kind").flatMap(Lineage.Kind.init(rawValue:))
        else { return nil }
        var lineage = Lineage(kind: kind, name: row.text("name") ?? "", sections: KeyListJSON.decode(row.text("sections")))
        lineage.parentUID = row.text("parent_uid") ?? ""
        lineage.parentPath = row.text("parent_path") ?? ""
        lineage.parentTerritory = row.text("parent_territory")
        lineage.forkEvent = row.integer64("fork_event") ?? 0
        lineage.forkEventAt = row.text("fork_event_at")
        lineage.forkedAt = row.text("forked_at").flatMap(Timestamp.date)
        lineage.forkedBy = row.text("forked_by")
        return lineage
    }

    /// Writes a copy of the whole workbook at `path` (which must not exist: never overwritten)
    /// and marks it as forked from this one at its last history line. In the copy: a new uid,
    /// no record of this workbook's exports, no participant, and the session starting at
    /// `firstQuestion` (the first shared section's).
    public func fork(to path: String, as lineage: Lineage, by participant: String?, territory: String?, firstQuestion: String?)
        throws(WorkbookError)
    {
        try Self.createExclusively(path, like: self.path)
        let now = Timestamp.string(clock())
        do {
            try writer.writeWithoutTransaction { try $0.execute(sql: "VACUUM INTO ?", arguments: [path]) }
            let parent = try read { db in
                (
                    uid: try String.fetchOne(db, sql: "SELECT uid FROM workbook WHERE id = 1") ?? "",
                    last: try Row.fetchOne(db, sql: "SELECT id, recorded_at FROM answer_event ORDER BY id DESC LIMIT 1")
                )
            }
            let copy = try DatabaseQueue(path: path, configuration: Self.configuration)
            try copy.write { db in
                try db.execute(sql: "UPDATE workbook SET uid = lower(hex(randomblob(16)))")
                try db.execute(
                    sql: """
                        INSERT OR REPLACE INTO lineage (id, kind, name, parent_uid, parent_path, parent_territory, fork_event,
                            fork_event_at, forked_at, forked_by, sections)
                        VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        lineage.kind.rawValue, lineage.name, parent.uid, self.path, territory, parent.last?.integer64("id") ?? 0,
                        parent.last?.text("recorded_at"), now, participant, KeyListJSON.encode(lineage.sections),
                    ])
                try db.execute(sql: "DELETE FROM exported_file")
                try db.execute(sql: "DELETE FROM session_state")
                if let firstQuestion {
                    try db.execute(
                        sql: "INSERT INTO session_state (name, value) VALUES (?, ?)",
                        arguments: [Session.StateKey.currentQuestion, firstQuestion])
                }
            }
            try copy.close()
        } catch {
            unlink(path)
            throw Self.translate(error, path: path)
        }
    }

    /// `createEmpty`, its failure said as a WorkbookError.
    static func createExclusively(_ path: String, like model: String) throws(WorkbookError) {
        switch createEmpty(path, like: model) {
        case 0: return
        case EEXIST: throw .exists(path: path)
        case let failure:
            throw .cannotCreate(path: path, reason: "le fichier ne peut pas être écrit à cet endroit (erreur système \(failure))")
        }
    }

    /// Opens another workbook to read it only (a copy to merge, a scenario to compare): nothing
    /// is migrated nor written. Refuses what is not an Atelier Santé workbook.
    public static func reading(_ path: String) throws(WorkbookError) -> WorkbookStore {
        let store = WorkbookStore(unchecked: try readOnlyQueue(path, waiting: true), path: path)
        if try store.read({ try WorkbookSchema.migrator.hasBeenSuperseded($0) }) { throw .newerVersion(path: path) }
        return store
    }
}
