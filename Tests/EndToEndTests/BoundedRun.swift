import Foundation

/// Runs the binary like `Binary.run`, but says whether it ended by a signal and stops it after
/// `limit` seconds: a hostile file must never hang the test run itself (a FIFO used to block
/// `/importer` forever). The limit is a guard, not a timing assertion: it is far above any
/// normal run.
enum BoundedRun {
    struct Outcome {
        var status: Int32
        var signaled: Bool
        var hung: Bool
        var output: String
        var errors: String
    }

    /// `asUser` runs it through `setpriv` as that uid (to test permissions when tests run as root).
    static func run(_ arguments: [String], input: String, in directory: String, environment: [String: String] = [:],
                    limit: TimeInterval = 120, asUser uid: Int? = nil) throws -> Outcome {
        let process = Process()
        if let uid {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=\(uid)", "--regid=\(uid)", "--clear-groups", Binary.path] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: Binary.path)
            process.arguments = arguments
        }
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = Binary.baseEnvironment(directory).merging(environment) { $1 }
        let base = NSTemporaryDirectory() + "atelier-run-" + UUID().uuidString
        let inputFile = base + ".in", outputFile = base + ".out", errorFile = base + ".err"
        _ = FileManager.default.createFile(atPath: inputFile, contents: Data(input.utf8))
        _ = FileManager.default.createFile(atPath: outputFile, contents: nil)
        _ = FileManager.default.createFile(atPath: errorFile, contents: nil)
        defer { for file in [inputFile, outputFile, errorFile] { try? FileManager.default.removeItem(atPath: file) } }
        process.standardInput = FileHandle(forReadingAtPath: inputFile)
        process.standardOutput = FileHandle(forWritingAtPath: outputFile)
        process.standardError = FileHandle(forWritingAtPath: errorFile)
        try process.run()
        let deadline = Date().addingTimeInterval(limit)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        let hung = process.isRunning
        if hung {
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, signaled: !hung && process.terminationReason == .uncaughtSignal, hung: hung,
                       output: String(decoding: FileManager.default.contents(atPath: outputFile) ?? Data(), as: UTF8.self),
                       errors: String(decoding: FileManager.default.contents(atPath: errorFile) ?? Data(), as: UTF8.self))
    }
}
