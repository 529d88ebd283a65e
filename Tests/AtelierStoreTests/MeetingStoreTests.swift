import AtelierCore
import Foundation
import GRDB
import Testing

@testable import AtelierStore

/// The meeting each answer was given in, as the workbook keeps it: migrated into a workbook of
/// the v3 schema, in the answer and its history, and put back by /annuler with the value.
@Suite struct MeetingStoreTests {
    /// Written by the binary of commit 9fba166 (schema « v3 annulation »): territoire.nom typed,
    /// undone, typed again, then the porteur and the communes (3 answers, 5 history rows).
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Fixtures/classeur-schema-v3.sqlite"
    ).path
    let directory = TemporaryDirectory()

    func change(_ key: String, _ value: String, meeting: String?) -> AnswerChange {
        AnswerChange(key: key, value: .text(value), participant: "Marie", source: nil, sourceYear: nil, origin: .typed, meeting: meeting)
    }

    @Test func aV3WorkbookIsMigratedAndItsUndoHistoryStillWorks() throws {
        let path = directory.path + "/classeur.sqlite"
        try FileManager.default.copyItem(atPath: Self.fixture, toPath: path)
        let store = try WorkbookStore(path: path, appVersion: "test")
        let answers = try store.answers()
        #expect(answers.count == 3)
        #expect(answers["territoire.nom"]?.value == .text("Pays d'Auge"))
        #expect(answers.values.allSatisfy { $0.meeting == nil })
        let migrations = try DatabaseQueue(path: path).read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(
            migrations.suffix(4) == ["v4 réunions", "v5 documents exportés", "v6 offre de soins à proximité", "v7 scénarios et copies"])
        // A new answer in a meeting, then the old steps undone across the migration.
        try store.record(change("territoire.porteur", "EPCI", meeting: "en COPIL le 12/03/2027"))
        #expect(try store.answers()["territoire.porteur"]?.meeting == "en COPIL le 12/03/2027")
        #expect(try store.undo() != .nothing)
        #expect(try store.answers()["territoire.porteur"]?.value == .choice("commune"))
        #expect(try store.answers()["territoire.porteur"]?.meeting == nil)
        #expect(try store.undo() != .nothing)  // the communes, recorded by the v3 binary
        #expect(try store.answers()["territoire.communes"] == nil)
    }

    @Test func undoPutsBackTheMeetingOfTheValueItRestoresAndRedoTheNewOne() throws {
        let store = try WorkbookStore(path: directory.path + "/t.sqlite", appVersion: "test")
        try store.record(change("territoire.nom", "Pays A", meeting: "en COPIL le 12/03/2027"))
        try store.record(change("territoire.nom", "Pays B", meeting: "en entretien le 20/03/2027"))
        #expect(try store.history(of: "territoire.nom").map(\.meeting) == ["en COPIL le 12/03/2027", "en entretien le 20/03/2027"])
        #expect(try store.content().answers["territoire.nom"]?.meeting == "en entretien le 20/03/2027")

        #expect(try store.undo() != .nothing)
        var answer = try store.answers()["territoire.nom"]
        #expect(answer?.value == .text("Pays A"))
        #expect(answer?.meeting == "en COPIL le 12/03/2027")
        #expect(try store.history(of: "territoire.nom").last?.meeting == "en COPIL le 12/03/2027")

        #expect(try store.redo() != .nothing)
        answer = try store.answers()["territoire.nom"]
        #expect(answer?.meeting == "en entretien le 20/03/2027")
        // Undone twice, the answer is gone; the meeting written by hand since stops the undo.
        #expect(try store.undo() != .nothing)
        try DatabaseQueue(path: directory.path + "/t.sqlite").write {
            try $0.execute(sql: "UPDATE answer SET meeting = 'en COPIL le 01/01/2027' WHERE key = 'territoire.nom'")
        }
        #expect(try store.undo() == .changedSince(keys: ["territoire.nom"]))
    }
}
