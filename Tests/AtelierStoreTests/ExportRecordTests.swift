import AtelierCore
import Foundation
import GRDB
import Testing

@testable import AtelierStore

/// What the workbook keeps of each exported file: one row per path, the last export's digest,
/// size and date; in a workbook of the first schema once migrated; nil rather than a crash
/// when the row was damaged by hand.
@Suite struct ExportRecordTests {
    let directory = TemporaryDirectory()
    static let date = ISO8601DateFormatter().date(from: "2026-12-03T05:12:00Z")!

    @Test func theLastExportOfAPathReplacesTheOneBefore() throws {
        let store = try WorkbookStore(path: directory.path + "/t.sqlite", appVersion: "test", clock: { Self.date })
        #expect(try store.lastExport(to: "/dossier/t-cls.md") == nil)
        try store.recordExport(to: "/dossier/t-cls.md", sha256: String(repeating: "a", count: 64), bytes: 10)
        try store.recordExport(to: "/dossier/t-cls.md", sha256: String(repeating: "b", count: 64), bytes: 12)
        try store.recordExport(to: "/dossier/t-plan.csv", sha256: String(repeating: "c", count: 64), bytes: 3)
        #expect(
            try store.lastExport(to: "/dossier/t-cls.md")
                == ExportRecord(path: "/dossier/t-cls.md", sha256: String(repeating: "b", count: 64), bytes: 12, exportedAt: Self.date))
        #expect(try store.lastExport(to: "/dossier/t-plan.csv")?.bytes == 3)
        // Recording an export is not a change of the answers: nothing for /annuler to take back.
        #expect(try store.answers().isEmpty)
    }

    @Test func aWorkbookOfTheFirstSchemaGetsTheTable() throws {
        let path = directory.path + "/ancien.sqlite"
        try FileManager.default.copyItem(atPath: DamagedWorkbookTests.fixture, toPath: path)
        let store = try WorkbookStore(path: path, appVersion: "test")
        #expect(try store.answers().count == 6)
        try store.recordExport(to: "/dossier/ancien-cls.md", sha256: String(repeating: "d", count: 64), bytes: 1)
        #expect(try store.lastExport(to: "/dossier/ancien-cls.md")?.sha256 == String(repeating: "d", count: 64))
    }

    @Test func aRowDamagedByHandIsNoRecord() throws {
        let path = directory.path + "/t.sqlite"
        let store = try WorkbookStore(path: path, appVersion: "test")
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "INSERT INTO exported_file VALUES ('/d/a.md', x'00ff', 'beaucoup', 'hier')")
        }
        #expect(try store.lastExport(to: "/d/a.md") == nil)
    }
}
