import Foundation

/// The built `atelier-sante` executable, run as a user runs it.
enum Binary {
    static let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// Next to the test bundle (`.build/<triple>/debug/`), where `swift test` builds it.
    static let path: String = {
        let testBundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = testBundle.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("atelier-sante").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory.deleteLastPathComponent()
        }
        return projectRoot + "/.build/debug/atelier-sante"
    }()

    struct Result {
        var status: Int32
        var output: String
        var errors: String
    }

    /// Runs the binary with `input` on a non-terminal stdin (a script), in `directory`.
    static func run(_ arguments: [String], input: String, in directory: String, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = baseEnvironment(directory).merging(environment) { $1 }
        let inputFile = directory + "/.stdin-\(UUID().uuidString)"
        let outputFile = inputFile + ".out", errorFile = inputFile + ".err"
        _ = FileManager.default.createFile(atPath: inputFile, contents: Data(input.utf8))
        _ = FileManager.default.createFile(atPath: outputFile, contents: nil)
        _ = FileManager.default.createFile(atPath: errorFile, contents: nil)
        defer { for file in [inputFile, outputFile, errorFile] { try? FileManager.default.removeItem(atPath: file) } }
        process.standardInput = FileHandle(forReadingAtPath: inputFile)
        process.standardOutput = FileHandle(forWritingAtPath: outputFile)
        process.standardError = FileHandle(forWritingAtPath: errorFile)
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      output: String(decoding: FileManager.default.contents(atPath: outputFile) ?? Data(), as: UTF8.self),
                      errors: String(decoding: FileManager.default.contents(atPath: errorFile) ?? Data(), as: UTF8.self))
    }

    static func baseEnvironment(_ directory: String) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["ATELIER_SANTE_HISTORIQUE"] = directory + "/historique"
        environment["ATELIER_SANTE_RESSOURCES"] = projectRoot
        environment["ATELIER_SANTE_SESSIONS"] = directory + "/sessions"
        environment["TZ"] = "Europe/Paris"
        environment.removeValue(forKey: "NO_COLOR")
        return environment
    }
}

/// Runs a Python 3 script (tests read files with Python's csv module, or count independently).
func python(_ script: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}

/// A fresh directory per test, removed afterwards.
final class Sandbox {
    let path = NSTemporaryDirectory() + "atelier-e2e-" + UUID().uuidString

    init() {
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
