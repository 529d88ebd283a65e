import AtelierCore
import Foundation

/// The project's editable files: `templates/` (questionnaire) and `data/` (official reference).
///
/// Found, in this order: the `--ressources` option, `$ATELIER_SANTE_RESSOURCES`, the current
/// directory, then the folders above the executable (so `swift run` and `.build/…/atelier-sante`
/// both work from anywhere).
public struct Resources: Sendable {
    public let root: String

    public init(root: String) {
        self.root = root
    }

    public var questionnairePath: String { root + "/templates/questionnaire.yaml" }
    public var communesPath: String { root + "/data/communes.tsv" }
    public var epciPath: String { root + "/data/epci.tsv" }

    public static func locate(explicit: String?, environment: [String: String], executablePath: String) -> Resources? {
        let marker = "/templates/questionnaire.yaml"
        if let explicit { return Resources(root: explicit) }
        if let fromEnvironment = environment["ATELIER_SANTE_RESSOURCES"] { return Resources(root: fromEnvironment) }
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: fileManager.currentDirectoryPath + marker) {
            return Resources(root: fileManager.currentDirectoryPath)
        }
        var directory = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
        while directory.path != "/" {
            if fileManager.fileExists(atPath: directory.path + marker) { return Resources(root: directory.path) }
            directory.deleteLastPathComponent()
        }
        return nil
    }

    public func loadQuestionnaire() throws(TemplateError) -> Questionnaire {
        let name = "templates/questionnaire.yaml"
        guard let data = FileManager.default.contents(atPath: questionnairePath) else {
            throw TemplateError(file: questionnairePath, line: nil, message: "fichier introuvable ou illisible")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw TemplateError(file: name, line: nil, message: "le fichier n'est pas en UTF-8")
        }
        return try QuestionnaireLoader.load(yaml: text, file: name)
    }

    public func loadReference() throws -> TerritoryReference {
        func read(_ path: String) throws -> String {
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw ReferenceFileError(file: path, line: 0, message: "fichier introuvable ou illisible")
            }
            return text
        }
        return try TerritoryReference(communesTSV: read(communesPath), epciTSV: read(epciPath))
    }
}
