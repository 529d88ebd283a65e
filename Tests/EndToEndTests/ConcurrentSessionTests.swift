import Foundation
import GRDB
import Testing

/// Two sessions open on one workbook at the same time, as two people at two terminals: every
/// write is decided on the file as it is when it is recorded.
/// `CONCURRENT_WRITES=2000 swift test --filter ConcurrentSession` for a long run.
@Suite struct ConcurrentSessionTests {
    static let writes = Int(ProcessInfo.processInfo.environment["CONCURRENT_WRITES"] ?? "") ?? 200

    func openTwoSessions(on workbook: String, in sandbox: Sandbox, at key: String) throws -> (PseudoTerminal, PseudoTerminal) {
        #expect(try Binary.run([workbook], input: "Pays test\ncommune\n14118\n", in: sandbox.path).status == 0)
        var environment = Binary.baseEnvironment(sandbox.path)
        environment["TERM"] = "xterm"
        let a = try PseudoTerminal(arguments: [workbook], environment: environment)
        let b = try PseudoTerminal(arguments: [workbook], environment: environment)
        for session in [a, b] {
            #expect(session.expect(" › "))
            session.send("/aller \(key)\r")
        }
        return (a, b)
    }

    @Test(.timeLimit(.minutes(5)))
    func listElementsAddedByTwoSessionsAreAllKept() throws {
        let sandbox = Sandbox()
        let workbook = sandbox.path + "/liste.sqlite"
        let (a, b) = try openTwoSessions(on: workbook, in: sandbox, at: "participants.liste")
        var names: [String] = []
        for index in 0..<Self.writes {
            let (session, who) = index % 2 == 0 ? (a, "Alice") : (b, "Bob")
            let name = "\(who) \(index)"
            names.append(name)
            session.send("\(name) ; Mairie ; élu\r")
            #expect(session.expect("✓ élément \(index + 1) enregistré : Nom : \(name)"), "write \(index)")
        }
        // Each learnt of the other's elements before the next one.
        #expect(a.rawOutput.contains("Une autre session a modifié ce classeur entre-temps : participants.liste"))
        for session in [a, b] { session.send("/quitter\r"); #expect(session.waitForExit() == 0) }

        let stored = try DatabaseQueue(path: workbook).read { db in
            try String.fetchOne(db, sql: "SELECT value FROM answer WHERE key = 'participants.liste'")
        }
        // Every element, in the order the two sessions confirmed them.
        let kept = try #require(stored).components(separatedBy: "\"").filter { $0.hasPrefix("Alice ") || $0.hasPrefix("Bob ") }
        #expect(kept == names)
        let events = try DatabaseQueue(path: workbook).read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM answer_event WHERE key = 'participants.liste'")
        }
        #expect(events == Self.writes)
    }

    /// « dont 60 ans et plus » never above the effectif, whichever session types which, in
    /// whatever order: each write is either confirmed or refused with the reason.
    @Test(.timeLimit(.minutes(5)))
    func aBoundBetweenTwoAnswersHoldsAcrossSessions() throws {
        let sandbox = Sandbox()
        let workbook = sandbox.path + "/bornes.sqlite"
        let (a, b) = try openTwoSessions(on: workbook, in: sandbox, at: "demographie.medecins_generalistes.effectif")
        let effectif = "demographie.medecins_generalistes.effectif", older = "demographie.medecins_generalistes.age_60_plus"
        var confirmed = 0, refused = 0
        let queue = try DatabaseQueue(path: workbook)
        for index in 0..<Self.writes {
            let session = index % 2 == 0 ? a : b
            // A fixed, irregular order: both keys from both sessions, values up and down.
            let key = (index / 2 + index / 7) % 2 == 0 ? effectif : older
            let value = (index * 7919 + 13) % 31
            session.send("/modifier \(key) \(value)\r")
            switch session.expectAny(["✓ \(key) = \(value)", "Réponse refusée"]) {
            case "Réponse refusée"?: refused += 1
            case nil: Issue.record("write \(index): neither confirmed nor refused")
            default: confirmed += 1
            }
            let pair = try queue.read { db in
                try Row.fetchAll(db, sql: "SELECT key, value FROM answer WHERE key IN (?, ?)", arguments: [effectif, older])
            }
            let numbers = Dictionary(
                uniqueKeysWithValues: pair.map { row -> (String, Int) in
                    let json: String = row["value"]
                    let digits = json.split(whereSeparator: { !$0.isNumber }).last.flatMap { Int($0) } ?? -1
                    return (row["key"], digits)
                })
            if let total = numbers[effectif], let aged = numbers[older] {
                #expect(aged <= total, "write \(index): \(aged) aged 60+ out of \(total)")
            }
        }
        #expect(confirmed > 0 && refused > 0, "\(confirmed) confirmed, \(refused) refused")
        for session in [a, b] { session.send("/quitter\r"); #expect(session.waitForExit() == 0) }
        #expect(try queue.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } == "ok")
    }
}
