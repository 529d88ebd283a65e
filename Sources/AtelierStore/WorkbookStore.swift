import AtelierCore
import Foundation
import GRDB

/// The workbook of one territory: one SQLite file, owned by this type.
///
/// Every write is one transaction, committed (and synced, `synchronous = FULL`) before the
/// method returns: what the REPL confirms to the user is on disk.
public final class WorkbookStore: Sendable {
    public let path: String
    let writer: DatabaseQueue
    let clock: @Sendable () -> Date
    /// The file's `data_version` when this session last read all of it.
    let seenVersion = SeenVersion()

    /// Opens the workbook at `path`, creating it (readable by its owner only) if absent.
    public convenience init(path: String, appVersion: String, clock: @escaping @Sendable () -> Date = Date.init) throws(WorkbookError) {
        let fileManager = FileManager.default
        let exists = fileManager.fileExists(atPath: path)
        // An empty file is a new workbook; a non-empty one must already be ours.
        let isNew = !exists || ((try? fileManager.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) == 0
        if exists {
            try Self.checkHeader(path: path)
            try Self.checkWritable(path: path)
        } else {
            let directory = (path as NSString).deletingLastPathComponent
            do {
                if !directory.isEmpty { try fileManager.createDirectory(atPath: directory, withIntermediateDirectories: true) }
            } catch {
                throw .cannotCreate(path: path, reason: "le dossier « \(directory) » ne peut pas être créé")
            }
            guard fileManager.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw .cannotCreate(path: path, reason: "le fichier ne peut pas être écrit à cet endroit")
            }
        }
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: Self.configuration)
        } catch {
            throw Self.translate(error, path: path)
        }
        try self.init(writer: queue, path: path, appVersion: appVersion, clock: clock, isNew: isNew)
    }

    /// A workbook in memory, for tests that need no file.
    public static func inMemory(appVersion: String = "test", clock: @escaping @Sendable () -> Date = Date.init) throws -> WorkbookStore {
        try WorkbookStore(
            writer: DatabaseQueue(configuration: configuration), path: ":memory:",
            appVersion: appVersion, clock: clock, isNew: true)
    }

    init(writer: DatabaseQueue, path: String, appVersion: String, clock: @escaping @Sendable () -> Date, isNew: Bool) throws(WorkbookError)
    {
        self.writer = writer
        self.path = path
        self.clock = clock
        do {
            try Self.prepare(writer, path: path, appVersion: appVersion, now: clock(), isNew: isNew)
        } catch let error as WorkbookError {
            throw error
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    /// Wraps a queue without preparing it: only for reads of an existing workbook.
    init(unchecked writer: DatabaseQueue, path: String) {
        self.writer = writer
        self.path = path
        self.clock = Date.init
    }

    static var configuration: Configuration {
        var config = Configuration()
        // Another session writing at the same moment: wait a little before saying "occupé".
        config.busyMode = .timeout(5)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        return config
    }

    /// Refuses files that are not SQLite before SQLite touches them: first anything that is not
    /// a regular file (a folder; a FIFO, whose opening would wait for ever).
    static func checkHeader(path: String) throws(WorkbookError) {
        var info = stat()
        if stat(path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFREG { throw .notARegularFile(path: path) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .storage(path: path, reason: "le fichier ne peut pas être lu (droits d'accès ?)")
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        if header.isEmpty { return }  // an empty file is a new workbook
        guard header == Data("SQLite format 3\0".utf8) else { throw .notAWorkbook(path: path) }
    }

    /// A workbook on a read-only medium or without write permission is refused at once, rather
    /// than at the first answer with a message that says to retry.
    static func checkWritable(path: String) throws(WorkbookError) {
        let descriptor = open(path, O_RDWR)
        guard descriptor >= 0 else {
            throw [EROFS, EACCES, EPERM, ETXTBSY].contains(errno)
                ? .readOnly(path: path)
                : .storage(path: path, reason: "le fichier ne peut pas être ouvert (erreur système \(errno))")
        }
        close(descriptor)
        // WAL needs the -wal and -shm files beside the workbook: the folder must be writable too.
        let directory = (path as NSString).deletingLastPathComponent
        if access(directory.isEmpty ? "." : directory, W_OK) != 0 { throw .readOnly(path: path) }
    }

    static func prepare(_ writer: DatabaseQueue, path: String, appVersion: String, now: Date, isNew: Bool) throws {
        let migrator = WorkbookSchema.migrator
        let state = try writer.read { db -> (applicationID: Int32, tables: [String], applied: Set<String>, superseded: Bool) in
            let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            let hasMigrations = tables.contains("grdb_migrations")
            return (
                id, tables, hasMigrations ? try migrator.appliedIdentifiers(db) : [],
                hasMigrations ? try migrator.hasBeenSuperseded(db) : false
            )
        }
        // Another application's SQLite file, even one without tables, is not taken over.
        if state.applicationID != WorkbookSchema.applicationID && (!state.tables.isEmpty || !isNew) {
            throw WorkbookError.foreignDatabase(path: path)
        }
        if state.superseded { throw WorkbookError.newerVersion(path: path) }
        if !state.applied.isEmpty && path != ":memory:" {
            let complete = try writer.read { try migrator.hasCompletedMigrations($0) }
            if !complete { try backUp(writer, path: path, now: now) }
        }
        if state.tables.isEmpty && path != ":memory:" {
            // Marked as ours first, so that a workbook interrupted right after its creation is
            // still recognised; then WAL: a crash never leaves a half-written page, readers do
            // not block the writer.
            try writer.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA application_id = \(WorkbookSchema.applicationID)")
                try db.execute(sql: "PRAGMA journal_mode = WAL")
            }
        }
        try migrate(writer, with: migrator)
        try writer.write { db in
            try db.execute(sql: "PRAGMA application_id = \(WorkbookSchema.applicationID)")
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO workbook (id, format, created_at, created_by_version)
                    VALUES (1, 'atelier-sante', ?, ?)
                    """, arguments: [Timestamp.string(now), appVersion])
            try db.execute(sql: "UPDATE workbook SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL")
        }
    }

    /// Two sessions opening an older workbook at once both try to migrate it: the one that
    /// loses finds the schema changed under it; if the other finished, the workbook is ready.
    static func migrate(_ writer: DatabaseQueue, with migrator: DatabaseMigrator) throws {
        for attempt in 1...3 {
            do {
                try migrator.migrate(writer)
                return
            } catch {
                if try writer.read({ try migrator.hasCompletedMigrations($0) }) { return }
                if attempt == 3 { throw error }
                usleep(200_000)  // the other session's migration is one transaction: let it end
            }
        }
    }

    /// Before migrating an older workbook, a full copy is kept next to it, readable by the same
    /// people as the workbook: the file is created with its permissions (VACUUM INTO accepts an
    /// empty file), exclusively, so that no planted link is written through.
    static func backUp(_ writer: DatabaseQueue, path: String, now: Date) throws {
        let stamp = Timestamp.string(now).prefix(19).replacingOccurrences(of: ":", with: "-")
        let base = (path as NSString).deletingPathExtension + ".avant-migration-\(stamp)"
        // Two sessions opening an older workbook in the same second each keep their copy.
        var backup = base + ".sqlite"
        var failure = createEmpty(backup, like: path)
        var attempt = 2
        while failure == EEXIST && attempt < 100 {
            backup = base + "-\(attempt).sqlite"
            failure = createEmpty(backup, like: path)
            attempt += 1
        }
        guard failure == 0 else {
            throw WorkbookError.storage(
                path: path,
                reason:
                    "la copie de sauvegarde « \(backup) » ne peut pas être créée avant la mise à jour du classeur (erreur système \(failure))"
            )
        }
        do {
            try writer.writeWithoutTransaction { try $0.execute(sql: "VACUUM INTO ?", arguments: [backup]) }
        } catch {
            unlink(backup)
            throw error
        }
    }

    /// Creates `path` empty, exclusively, readable by the same people as `model` whatever the
    /// umask: no planted link is written through, no file is replaced (VACUUM INTO accepts an
    /// empty file). Returns 0, or the `errno` of the failure.
    static func createEmpty(_ path: String, like model: String) -> Int32 {
        var info = stat()
        let mode = stat(model, &info) == 0 ? info.st_mode & 0o666 : 0o600
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, mode)
        guard descriptor >= 0 else { return errno }
        fchmod(descriptor, mode)
        close(descriptor)
        return 0
    }

    static func translate(_ error: any Error, path: String) -> WorkbookError {
        if let error = error as? WorkbookError { return error }
        if let error = error as? DatabaseError {
            switch error.resultCode {
            case .SQLITE_NOTADB, .SQLITE_CORRUPT: return .notAWorkbook(path: path)
            case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy(path: path)
            case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM: return .readOnly(path: path)
            case .SQLITE_FULL: return .storage(path: path, reason: "le disque est plein")
            default: return .storage(path: path, reason: "erreur SQLite \(error.resultCode.rawValue)")
            }
        }
        // Another library's text is never shown: it would be English, and say nothing to do.
        return .storage(path: path, reason: "erreur inattendue lors de l'accès au fichier")
    }
}

/// Timestamps are stored as ISO 8601 in UTC with milliseconds: sortable and unambiguous.
enum Timestamp {
    static func string(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    static func date(_ string: String) -> Date? {
        try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(string)
    }
}

// MARK: - Reading without opening for work

extension WorkbookStore {
    /// The summary shown in the list of workbooks, read without migrating or writing anything.
    /// Only the answers to `keys` (the questionnaire's) are read: a workbook filled by hand
    /// with a million other rows is listed as fast as any.
    public static func summary(ofFileAt path: String, keys: [String]) throws(WorkbookError) -> WorkbookSummary {
        try WorkbookStore(unchecked: try readOnlyQueue(path), path: path).summary(keys: keys)
    }

    /// Another workbook opened to read only: refused before SQLite touches it if it is not
    /// SQLite, and after if it is not ours. `waiting` for a writer that holds the file.
    static func readOnlyQueue(_ path: String, waiting: Bool = false) throws(WorkbookError) -> DatabaseQueue {
        try checkHeader(path: path)
        var configuration = Configuration()
        configuration.readonly = true
        if waiting { configuration.busyMode = .timeout(5) }
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            let id = try queue.read { try Int32.fetchOne($0, sql: "PRAGMA application_id") ?? 0 }
            guard id == WorkbookSchema.applicationID else { throw WorkbookError.foreignDatabase(path: path) }
            return queue
        } catch {
            throw translate(error, path: path)
        }
    }
}
