import Foundation
import GRDB
import Testing

/// `atelier-sante … | head -1`: the reader of the output goes away; the process ends by
/// itself, not by a signal, and the workbook it leaves is whole.
@Suite struct ClosedOutputTests {
    @Test func aReaderThatGoesAwayEndsTheSessionWithoutASignal() throws {
        let sandbox = Sandbox()
        let workbook = sandbox.path + "/demo.sqlite"
        let script = try String(contentsOfFile: Binary.projectRoot + "/sessions/demo-val-d-exemple.txt", encoding: .utf8)
        let inputFile = sandbox.path + "/demo.txt"
        try script.write(toFile: inputFile, atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: Binary.path)
        process.arguments = [workbook]
        process.currentDirectoryURL = URL(fileURLWithPath: sandbox.path)
        process.environment = Binary.baseEnvironment(sandbox.path)
        process.standardInput = FileHandle(forReadingAtPath: inputFile)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // As `head -1` does: read a little, then close the pipe.
        _ = output.fileHandleForReading.availableData
        try output.fileHandleForReading.close()
        process.waitUntilExit()

        #expect(process.terminationReason == .exit, "ended by signal \(process.terminationStatus)")
        #expect(process.terminationStatus == 0)
        // The workbook left behind opens and takes the script from the start.
        let again = try Binary.run([workbook], input: script, in: sandbox.path)
        #expect(again.status == 0, "\(again.errors)")
        let name = try DatabaseQueue(path: workbook).read { db in
            try String.fetchOne(db, sql: "SELECT display FROM answer WHERE key = 'territoire.nom'")
        }
        #expect(name == "Pays du Val d'Exemple (territoire fictif)")
    }
}
