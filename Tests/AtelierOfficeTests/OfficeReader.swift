import Foundation
import Testing

/// Reads an office document back with an independent reader (python-docx, odfpy, openpyxl in
/// the virtual environment `scripts/office_readers.sh` makes, which `.ci/run` calls), through a
/// script of `Readers/` that prints what it read as JSON.
enum OfficeReader {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// The interpreter of the virtual environment, or `ATELIER_OFFICE_PYTHON`.
    static let python: String? = {
        let candidates = [ProcessInfo.processInfo.environment["ATELIER_OFFICE_PYTHON"], root + "/.build/office-venv/bin/python3"]
        return candidates.compactMap { $0 }.first { path in
            FileManager.default.isExecutableFile(atPath: path) && (try? run(path, ["-c", "import docx, odf, openpyxl"])) != nil
        }
    }()

    static var available: Bool { python != nil }
    static let skipReason: Comment = "python-docx, odfpy et openpyxl absents : lancez scripts/office_readers.sh (.ci/run le fait)"

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// What `Readers/SCRIPT` printed of `file`, decoded from JSON.
    static func read(_ script: String, _ file: String) throws -> [String: Any] {
        guard let python else { throw Failure(description: "no reader") }
        let output = try run(python, [root + "/Tests/AtelierOfficeTests/Readers/" + script, file])
        guard let object = try JSONSerialization.jsonObject(with: output) as? [String: Any] else {
            throw Failure(description: "\(script) did not print a JSON object")
        }
        return object
    }

    @discardableResult
    static func run(_ executable: String, _ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(arguments.first ?? executable) failed: " + String(decoding: message, as: UTF8.self))
        }
        return data
    }

    /// A fresh folder, removed by the caller's `defer`.
    static func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "atelier-office-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
