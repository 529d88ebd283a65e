import Foundation
import GRDB
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The binary killed at random points, and two processes writing the same workbook.
/// `KILL_RUNS=200 swift test --filter Robustness` for the long run (README, « Robustesse »);
/// `KILL_SEED` replays the kill instants of a run (the seed is printed when a run fails).
@Suite struct RobustnessTests {
    static let killRuns = Int(ProcessInfo.processInfo.environment["KILL_RUNS"] ?? "") ?? 6
    static let killSeed = UInt64(ProcessInfo.processInfo.environment["KILL_SEED"] ?? "") ?? UInt64.random(in: 0...UInt64.max)

    /// Starts the binary on `workbook` with `input` on a pipe; returns the process and its stdout.
    func start(_ workbook: String, input: String, in directory: String) throws -> (Process, Pipe) {
        let (process, _, stdout) = try Binary.start(workbook, input: input, in: directory, closing: true)
        return (process, stdout)
    }

    @Test(.timeLimit(.minutes(10)))
    func everyConfirmedAnswerSurvivesASIGKILL() throws {
        var generator = SeededRandom(state: Self.killSeed)
        var survived = 0
        for run in 0..<Self.killRuns {
            let sandbox = Sandbox()
            let workbook = sandbox.path + "/kill.sqlite"
            #expect(try Binary.run([workbook], input: "Pays test\ncommune\n14118\n", in: sandbox.path).status == 0)
            let script = (1...300).map { "/modifier demographie.infirmiers.effectif \($0)" }.joined(separator: "\n") + "\n"
            let (process, stdout) = try start(workbook, input: script, in: sandbox.path)
            usleep(UInt32.random(in: 20_000...300_000, using: &generator))  // somewhere in the session
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            // What was printed before the kill stays readable in the pipe.
            let printed = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let confirmed = printed.components(separatedBy: "\n").compactMap { line -> String? in
                guard let range = line.range(of: "✓ demographie.infirmiers.effectif = ") else { return nil }
                return String(line[range.upperBound...])
            }
            let queue = try DatabaseQueue(path: workbook)
            let history = try queue.read {
                try String.fetchAll($0, sql: "SELECT display FROM answer_event WHERE key = 'demographie.infirmiers.effectif' ORDER BY id")
            }
            let integrity = try queue.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") }
            #expect(integrity == "ok", "run \(run)")
            // Every confirmation printed is in the file; at most one more commit than printed.
            #expect(
                Array(history.prefix(confirmed.count)) == confirmed, "run \(run): \(confirmed.count) confirmed, \(history.count) stored")
            #expect(history.count - confirmed.count <= 1, "run \(run)")
            let current = try queue.read {
                try String.fetchOne($0, sql: "SELECT display FROM answer WHERE key = 'demographie.infirmiers.effectif'")
            }
            #expect(current == history.last, "run \(run)")
            try queue.close()
            // And the workbook opens again as usual.
            #expect(try Binary.run([workbook], input: "/quitter\n", in: sandbox.path).status == 0)
            survived += 1
        }
        #expect(survived == Self.killRuns, "KILL_SEED=\(Self.killSeed) replays these runs")
    }

    /// Another session holds the workbook longer than the 5 s wait: a clear « occupé » message,
    /// nothing written, and the same line works once the workbook is free.
    @Test(.timeLimit(.minutes(2)))
    func aWorkbookHeldTooLongSaysItIsBusy() throws {
        let sandbox = Sandbox()
        let workbook = sandbox.path + "/occupe.sqlite"
        #expect(try Binary.run([workbook], input: "Pays test\ncommune\n14118\n", in: sandbox.path).status == 0)
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = true  // the lock must outlive one access: that is the point
        let holder = try DatabaseQueue(path: workbook, configuration: configuration)
        try holder.writeWithoutTransaction { try $0.execute(sql: "BEGIN IMMEDIATE") }
        let blocked = try Binary.run([workbook], input: "/modifier territoire.nom Pays occupé\n", in: sandbox.path)
        try holder.writeWithoutTransaction { try $0.execute(sql: "ROLLBACK") }
        #expect(blocked.status == 1)
        #expect(
            blocked.errors.contains(
                "Le classeur « \(workbook) » est occupé par une autre session depuis plusieurs secondes. Rien n'a été perdu ; réessayez dans un instant."
            ), "\(blocked.errors)")
        let name = try holder.read { try String.fetchOne($0, sql: "SELECT display FROM answer WHERE key = 'territoire.nom'") }
        #expect(name == "Pays test")
        try holder.close()
        #expect(try Binary.run([workbook], input: "/modifier territoire.nom Pays libre\n", in: sandbox.path).status == 0)
    }

    @Test(.timeLimit(.minutes(5)))
    func twoProcessesAnsweringTheSameWorkbookLoseNothing() throws {
        let sandbox = Sandbox()
        let workbook = sandbox.path + "/partage.sqlite"
        #expect(try Binary.run([workbook], input: "Pays test\ncommune\n14118\n", in: sandbox.path).status == 0)
        let count = 80
        let first = (1...count).map { "/modifier demographie.infirmiers.effectif \($0)" }.joined(separator: "\n") + "\n"
        let second = (1...count).map { "/modifier demographie.sages_femmes.effectif \($0)" }.joined(separator: "\n") + "\n"
        let (a, outA) = try start(workbook, input: first, in: sandbox.path)
        let (b, outB) = try start(workbook, input: second, in: sandbox.path)
        a.waitUntilExit()
        b.waitUntilExit()
        _ = outA.fileHandleForReading.readDataToEndOfFile(); _ = outB.fileHandleForReading.readDataToEndOfFile()
        #expect(a.terminationStatus == 0 && b.terminationStatus == 0)
        let queue = try DatabaseQueue(path: workbook)
        let events = try queue.read { db in
            try Int.fetchOne(
                db,
                sql:
                    "SELECT COUNT(*) FROM answer_event WHERE key IN ('demographie.infirmiers.effectif', 'demographie.sages_femmes.effectif')"
            )
        }
        #expect(events == 2 * count)  // the history is complete: no answer lost
        let finals = try queue.read {
            try String.fetchAll(
                $0,
                sql:
                    "SELECT display FROM answer WHERE key IN ('demographie.infirmiers.effectif', 'demographie.sages_femmes.effectif') ORDER BY key"
            )
        }
        #expect(finals == ["80", "80"])
        #expect(try queue.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } == "ok")
    }
}
