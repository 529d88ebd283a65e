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

    public func loadQuestionnaire() throws -> Questionnaire {
        try QuestionnaireLoader.load(yaml: read(questionnairePath), file: "templates/questionnaire.yaml")
    }

    public func loadReference() throws -> TerritoryReference {
        try TerritoryReference(communesTSV: read(communesPath), epciTSV: read(epciPath), departmentsTSV: read(root + "/data/departements.tsv"))
    }

    /// National references, Assurance Maladie headcounts, finding rules and levers.
    public func loadSynthesisReferences() throws -> SynthesisReferences {
        try SynthesisReferences(nationalYAML: read(root + "/templates/references/nationales.yaml"),
                                liberalTSV: read(root + "/templates/references/effectifs_liberaux_2024.tsv"),
                                rulesYAML: read(root + "/templates/synthese/regles.yaml"),
                                leversYAML: read(root + "/templates/synthese/leviers.yaml"))
    }

    public func loadLibrary(leverKeys: Set<String>) throws -> ActionSheetLibrary {
        try ActionSheetLibrary(yaml: read(root + "/templates/plan/fiches.yaml"), leverKeys: leverKeys)
    }

    public func loadCatalogue(sheetKeys: Set<String>) throws -> FundingCatalogue {
        try FundingCatalogue(yaml: read(root + "/templates/financement/catalogue.yaml"), sheetKeys: sheetKeys)
    }

    /// A text file of the project, or an error that names it.
    func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TemplateError(file: path, line: nil, message: "fichier introuvable ou illisible")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw TemplateError(file: path, line: nil, message: "le fichier n'est pas en UTF-8")
        }
        return text
    }
}
