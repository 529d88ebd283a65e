import AtelierCore
import Foundation
import GRDB
import Testing

@testable import AtelierStore

/// A fresh directory per test, removed afterwards.
final class TemporaryDirectory {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "atelier-store-tests-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

@Suite struct WorkbookStoreTests {
    let directory = TemporaryDirectory()
    var path: String { directory.path + "/territoire.sqlite" }

    func change(
        _ key: String, _ value: AnswerValue, by participant: String? = "Marie Dupont",
        source: String? = nil, year: Int? = nil
    ) -> AnswerChange {
        AnswerChange(key: key, value: value, participant: participant, source: source, sourceYear: year, origin: .typed)
    }

    @Test func answersSurviveReopeningWithWhoAndSource() throws {
        // Given a workbook with two answers
        do {
            let store = try WorkbookStore(path: path, appVersion: "test")
            try store.record(change("territoire.nom", .text("Pays d'Auge")))
            try store.record(change("demographie.medecins_generalistes.effectif", .integer(12), source: "C@rtoSanté 2025", year: 2025))
        }
        // When it is opened again
        let reopened = try WorkbookStore(path: path, appVersion: "test")
        let answers = try reopened.answers()
        // Then everything is there
        #expect(answers["territoire.nom"]?.value == .text("Pays d'Auge"))
        let effectif = try #require(answers["demographie.medecins_generalistes.effectif"])
        #expect(effectif.value == .integer(12))
        #expect(effectif.participant == "Marie Dupont")
        #expect(effectif.source == "C@rtoSanté 2025")
        #expect(effectif.sourceYear == 2025)
    }

    @Test func historyKeepsEveryValueWithThePreviousOne() throws {
        let store = try WorkbookStore(path: path, appVersion: "test")
        try store.record(change("demographie.medecins_generalistes.effectif", .integer(12)))
        try store.record(
            AnswerChange(
                key: "demographie.medecins_generalistes.effectif", value: .integer(14), participant: "ARS",
                source: "Rézone 2026", sourceYear: 2026, origin: .modified))
        let history = try store.history(of: "demographie.medecins_generalistes.effectif")
        #expect(history.map(\.display) == ["12", "14"])
        #expect(history.map(\.previousDisplay) == [nil, "12"])
        #expect(history.map(\.origin) == ["saisie", "modification"])
        #expect(history.map(\.participant) == ["Marie Dupont", "ARS"])
    }

    @Test func historyIsAppendOnlyInTheFileItself() throws {
        let store = try WorkbookStore(path: path, appVersion: "test")
        try store.record(change("territoire.nom", .text("X")))
        let queue = try DatabaseQueue(path: path)
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "DELETE FROM answer_event") } }
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "UPDATE answer_event SET display = 'Y'") } }
    }

    @Test func severalChangesCommitTogetherOrNotAtAll() throws {
        let store = try WorkbookStore(path: path, appVersion: "test")
        let communes = AnswerValue.communes([CommuneRef(code: "14118", name: "Caen", population: 109_400, populationYear: 2023)])
        try store.record([
            change("territoire.siren_epci", .epci(EpciRef(siren: "200065597", name: "CU Caen la Mer"))),
            change("territoire.communes", communes),
        ])
        #expect(try store.answers().count == 2)
        #expect(try store.history(of: "territoire.communes").count == 1)
    }

    @Test func skippedQuestionsAndSessionState() throws {
        let store = try WorkbookStore(path: path, appVersion: "test")
        try store.skip("structures.sas")
        try store.setState("participant", "ARS")
        #expect(try store.skippedKeys() == ["structures.sas"])
        // Answering a skipped question takes it off the skipped list.
        try store.record(change("structures.sas", .bool(true)))
        #expect(try store.skippedKeys().isEmpty)
        #expect(try store.state("participant") == "ARS")
        try store.setState("participant", nil)
        #expect(try store.state("participant") == nil)
    }

    @Test func newWorkbooksAreReadableByTheirOwnerOnlyAndUseWAL() throws {
        let store = try WorkbookStore(path: path, appVersion: "test")
        try store.record(change("territoire.nom", .text("X")))
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
        let mode = try DatabaseQueue(path: path).read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
    }

    @Test func aFileThatIsNotSQLiteIsRefusedAndLeftUntouched() throws {
        let content = Data("territoire;population\nCaen;109400\n".utf8)
        _ = FileManager.default.createFile(atPath: path, contents: content)
        #expect(throws: WorkbookError.notAWorkbook(path: path)) { try WorkbookStore(path: path, appVersion: "test") }
        #expect(FileManager.default.contents(atPath: path) == content)
    }

    @Test func aForeignSQLiteDatabaseIsRefusedAndLeftUntouched() throws {
        try DatabaseQueue(path: path).write { try $0.execute(sql: "CREATE TABLE player (id INTEGER PRIMARY KEY, name TEXT)") }
        let before = FileManager.default.contents(atPath: path)
        #expect(throws: WorkbookError.foreignDatabase(path: path)) { try WorkbookStore(path: path, appVersion: "test") }
        #expect(FileManager.default.contents(atPath: path) == before)
    }

    @Test func aWorkbookFromANewerVersionIsRefused() throws {
        _ = try WorkbookStore(path: path, appVersion: "test")
        try DatabaseQueue(path: path).write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9 futur')") }
        #expect(throws: WorkbookError.newerVersion(path: path)) { try WorkbookStore(path: path, appVersion: "test") }
    }

    @Test func theSummaryIsReadWithoutWriting() throws {
        let store = try WorkbookStore(path: path, appVersion: "test")
        try store.record(change("territoire.nom", .text("Pays d'Auge")))
        let summary = try WorkbookStore.summary(ofFileAt: path, keys: ["territoire.nom", "demographie.medecins_generalistes.effectif"])
        #expect(summary.territory == "Pays d'Auge")
        #expect(summary.answers == ["territoire.nom": .text("Pays d'Auge")])
        #expect(summary.lastChange != nil)
    }

    @Test func errorsReadAsFrenchSentences() {
        #expect(WorkbookError.busy(path: "x.sqlite").description.hasPrefix("Le classeur « x.sqlite » est occupé"))
        #expect(WorkbookError.newerVersion(path: "x.sqlite").description.contains("mettez à jour l'outil"))
    }
}
