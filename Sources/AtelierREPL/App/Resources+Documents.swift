import AtelierCore
import AtelierDocuments

/// A folder of `templates/` read and compiled once, with the digest of each file for the CLS
/// draft's fingerprint: a session keeps it (`SessionResources`), so the second `/exporter`
/// reads and compiles nothing.
public struct LoadedTemplates: Sendable {
    public let templates: DocumentTemplates
    /// `templates/cls/contrat.mustache` → SHA-256 of its text.
    public let digests: [String: String]
}

extension Resources {
    /// The `.mustache` files of `folder` (`templates/cls`), compiled; every mistake names its file
    /// and line.
    public func loadTemplates(_ folder: String) throws -> LoadedTemplates {
        var sources: [String: String] = [:], files: [String: String] = [:]
        for name in try contents(ofFolder: folder) where name.hasSuffix(".mustache") {
            let text = try read(root + "/" + folder + "/" + name)
            sources[String(name.dropLast(".mustache".count))] = text
            files["\(folder)/\(name)"] = text
        }
        return LoadedTemplates(
            templates: try DocumentTemplates(sources: sources, folder: folder),
            digests: ClsDraft.digests(of: files))
    }

    /// The digest of every editable file of `templates/` the tool reads (questionnaire,
    /// library, references, catalogue), for the CLS draft's fingerprint.
    public func loadEditableFileDigests() throws -> [String: String] {
        var files: [String: String] = [:]
        for file in TemplateFile.allCases { files[file.rawValue] = try read(file) }
        return ClsDraft.digests(of: files)
    }
}
