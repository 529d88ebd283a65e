import AtelierCore
import Foundation
import GRDB
import Testing

@testable import AtelierStore

/// Workbooks users keep for months: older schemas are migrated after a backup, damaged files
/// are refused without being touched.
@Suite struct DamagedWorkbookTests {
    /// Written by the first schema's binary (commit f04a32c, migration « v1 classeur initial »):
    /// 6 answers, 7 history rows, journal in WAL.
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Fixtures/classeur-schema-v1.sqlite"
    ).path
    let directory = TemporaryDirectory()

    func copy() throws -> String {
        let path = directory.path + "/classeur.sqlite"
        try FileManager.default.copyItem(atPath: Self.fixture, toPath: path)
        return path
    }

    @Test func aWorkbookOfTheFirstSchemaIsMigratedAfterABackup() throws {
        let path = try copy()
        let store = try WorkbookStore(path: path, appVersion: "test", clock: { ISO8601DateFormatter().date(from: "2026-11-22T22:25:00Z")! })
        // The answers and their history are intact, and the new table is there.
        let answers = try store.answers()
        #expect(answers.count == 6)
        #expect(answers["demographie.medecins_generalistes.effectif"]?.value == .integer(44))
        #expect(try store.history(of: "demographie.medecins_generalistes.effectif").map(\.display) == ["42", "44"])
        #expect(try store.proposals().isEmpty)
        // A full copy of the old file is kept beside it, still at the old schema.
        let backups = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains(".avant-migration-") }
        #expect(backups == ["classeur.avant-migration-2026-11-22T22-25-00.sqlite"])
        let old = try DatabaseQueue(path: directory.path + "/" + backups[0])
        #expect(try old.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") } == ["v1 classeur initial"])
        #expect(try old.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM answer_event") } == 7)
        // Opening again migrates nothing more and makes no second backup.
        _ = try WorkbookStore(path: path, appVersion: "test")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains(".avant-migration-") }.count == 1)
    }

    @Test func aTruncatedWorkbookIsRefusedAndLeftUntouched() throws {
        let path = try copy()
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 8_192)
        try handle.close()
        let before = FileManager.default.contents(atPath: path)
        #expect(throws: WorkbookError.notAWorkbook(path: path)) { try WorkbookStore(path: path, appVersion: "test") }
        #expect(FileManager.default.contents(atPath: path) == before)
    }

    @Test func theIntegrityCheckOfAHealthyWorkbook() throws {
        let path = try copy()
        #expect(try WorkbookStore(path: path, appVersion: "test").integrityCheck() == "ok")
    }
}

/// Files that look like a workbook to SQLite but are not ours, and copies that must be as
/// private as the workbook.
@Suite struct ForeignAndPrivateFileTests {
    let directory = TemporaryDirectory()

    @Test func anotherApplicationsSQLiteFileWithoutTablesIsNotTakenOver() throws {
        let path = directory.path + "/autre.sqlite"
        try DatabaseQueue(path: path).writeWithoutTransaction { try $0.execute(sql: "PRAGMA user_version = 3") }
        let before = try #require(FileManager.default.contents(atPath: path))
        #expect(!before.isEmpty)
        #expect(throws: WorkbookError.foreignDatabase(path: path)) { try WorkbookStore(path: path, appVersion: "test") }
        #expect(FileManager.default.contents(atPath: path) == before)
    }

    @Test func anEmptyFileIsANewWorkbookMarkedAsOursFirst() throws {
        let path = directory.path + "/vide.sqlite"
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        _ = try WorkbookStore(path: path, appVersion: "test")
        #expect(try DatabaseQueue(path: path).read { try Int32.fetchOne($0, sql: "PRAGMA application_id") } == 0x4154_4C53)
    }

    @Test func theBackupBeforeAMigrationIsAsPrivateAsTheWorkbook() throws {
        let path = directory.path + "/classeur.sqlite"
        try FileManager.default.copyItem(atPath: DamagedWorkbookTests.fixture, toPath: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        let previous = umask(0o022)
        defer { umask(previous) }
        _ = try WorkbookStore(path: path, appVersion: "test")
        let backup = try #require(
            try FileManager.default.contentsOfDirectory(atPath: directory.path).first { $0.contains(".avant-migration-") })
        #expect(try FileManager.default.attributesOfItem(atPath: directory.path + "/" + backup)[.posixPermissions] as? Int == 0o600)
    }
}
