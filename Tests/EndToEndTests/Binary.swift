import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The built `atelier-sante` executable, run as a user runs it.
enum Binary {
    static let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

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
        /// Ended by a signal (a crash), not by exiting.
        var signaled = false
        /// Still running after the limit, then killed: a hang.
        var hung = false
    }

    /// Runs the binary with `input` on a non-terminal stdin (a script), in `directory`. A run
    /// still going after `limit` seconds is killed and said `hung`: a hostile file must never
    /// hang the test run itself. The limit is a guard far above any normal run, not a timing
    /// assertion. `asUser` runs it through `setpriv` as that uid (permissions, when tests run
    /// as root).
    static func run(
        _ arguments: [String], input: String, in directory: String, environment: [String: String] = [:],
        limit: TimeInterval = 120, asUser uid: Int? = nil
    ) throws -> Result {
        let process = Process()
        if let uid {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=\(uid)", "--regid=\(uid)", "--clear-groups", path] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: path)
            process.arguments = arguments
        }
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = baseEnvironment(directory).merging(environment) { $1 }
        // Outside `directory`, so that tests listing it see only what the program wrote.
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
        if hung { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            output: String(decoding: FileManager.default.contents(atPath: outputFile) ?? Data(), as: UTF8.self),
            errors: String(decoding: FileManager.default.contents(atPath: errorFile) ?? Data(), as: UTF8.self),
            signaled: !hung && process.terminationReason == .uncaughtSignal, hung: hung)
    }

    /// The tool started on `workbook` with `input` written to its standard input, left open
    /// unless `closing`: a test that kills it reads what it printed from the returned pipe.
    static func start(_ workbook: String, input: String, in directory: String, closing: Bool) throws -> (Process, stdin: Pipe, stdout: Pipe)
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = [workbook]
        process.environment = baseEnvironment(directory)
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        if closing { try stdin.fileHandleForWriting.close() }
        return (process, stdin, stdout)
    }

    static func baseEnvironment(_ directory: String) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["ATELIER_SANTE_HISTORIQUE"] = directory + "/historique"
        environment["ATELIER_SANTE_RESSOURCES"] = projectRoot
        environment["ATELIER_SANTE_SESSIONS"] = directory + "/sessions"
        environment["TZ"] = "Europe/Paris"
        environment.removeValue(forKey: "NO_COLOR")
        // Piped output is 100 columns wide unless COLUMNS says otherwise: a test sets it when it means to.
        environment.removeValue(forKey: "COLUMNS")
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

    /// `ressources/` in the sandbox: a copy of the tool's templates/ and data/ (or of those
    /// named), to edit by hand as a user would; pass it with `--ressources` or
    /// `ATELIER_SANTE_RESSOURCES`.
    func copyOfTheTool(_ folders: [String] = ["templates", "data"]) throws -> String {
        let resources = path + "/ressources"
        try FileManager.default.createDirectory(atPath: resources, withIntermediateDirectories: true)
        for folder in folders {
            try FileManager.default.copyItem(atPath: Binary.projectRoot + "/" + folder, toPath: resources + "/" + folder)
        }
        return resources
    }
}
