import Foundation
import GRDB

/// What `/exporter` last wrote at one file: enough to tell, at the next export, whether the file
/// is still exactly that (the tool's own, replaced silently) or was edited since (kept).
public struct ExportRecord: Sendable, Equatable {
    public var path: String
    /// SHA-256 of the bytes written, 64 lowercase hexadecimal digits.
    public var sha256: String
    public var bytes: Int
    public var exportedAt: Date

    public init(path: String, sha256: String, bytes: Int, exportedAt: Date) {
        self.path = path
        self.sha256 = sha256
        self.bytes = bytes
        self.exportedAt = exportedAt
    }
}

// MARK: - Files written by /exporter

extension WorkbookStore {
    /// The last export to `path` (a resolved path), nil when none is recorded. A row edited by
    /// hand into something unreadable counts as none: the file is then kept, never lost.
    public func lastExport(to path: String) throws(WorkbookError) -> ExportRecord? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM exported_file WHERE path = ?", arguments: [path]),
                let sha256 = row.text("sha256"), let bytes = row.integer("bytes"),
                let date = row.text("exported_at").flatMap(Timestamp.date)
            else { return nil }
            return ExportRecord(path: path, sha256: sha256, bytes: bytes, exportedAt: date)
        }
    }

    /// Records that `path` now holds these bytes, written by the tool (replacing the previous
    /// record of that file). Touches no answer: other sessions see no change to adopt.
    public func recordExport(to path: String, sha256: String, bytes: Int) throws(WorkbookError) {
        let now = Timestamp.string(clock())
        try write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO exported_file (path, sha256, bytes, exported_at) VALUES (?, ?, ?, ?)",
                arguments: [path, sha256, bytes, now])
        }
    }
}
