import Foundation

/// The project's own files, read from the checkout (templates are copied and mutated by the fuzz tests).
enum ShippedTemplates {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .path

    static func text(_ path: String) throws -> String {
        try String(contentsOfFile: root + "/" + path, encoding: .utf8)
    }

    /// Name (without `.mustache`) → text, for every template of `folder`.
    static func mustache(in folder: String) throws -> [String: String] {
        var sources: [String: String] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: root + "/" + folder) where file.hasSuffix(".mustache") {
            sources[String(file.dropLast(".mustache".count))] = try text(folder + "/" + file)
        }
        return sources
    }
}
