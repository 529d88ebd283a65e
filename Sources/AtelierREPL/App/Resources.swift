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

    /// The editable files of `templates/` the tool reads, relative to the root. The CLS draft's
    /// fingerprint lists them all, so a file added here is fingerprinted too.
    enum TemplateFile: String, CaseIterable {
        case questionnaire = "templates/questionnaire.yaml"
        case actionSheets = "templates/plan/fiches.yaml"
        case rules = "templates/synthese/regles.yaml"
        case levers = "templates/synthese/leviers.yaml"
        case nationalReferences = "templates/references/nationales.yaml"
        case liberalHeadcounts = "templates/references/effectifs_liberaux_2024.tsv"
        case catalogue = "templates/financement/catalogue.yaml"
    }

    public var questionnairePath: String { root + "/" + TemplateFile.questionnaire.rawValue }
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
        try QuestionnaireLoader.load(
            yaml: read(questionnairePath), file: TemplateFile.questionnaire.rawValue,
            required: QuestionKeys.required)
    }

    public func loadReference() throws -> TerritoryReference {
        try TerritoryReference(
            communesTSV: read(communesPath), epciTSV: read(epciPath),
            departmentsTSV: read(root + "/data/departements.tsv"), postalCodesTSV: read(root + "/data/codes_postaux.tsv"),
            pointsTSV: read(root + "/data/points_communes.tsv"))
    }

    /// National references, Assurance Maladie headcounts, finding rules and levers; a rule's
    /// theme is checked against the voice themes of the questionnaire.
    public func loadSynthesisReferences() throws -> SynthesisReferences {
        let themes = try loadQuestionnaire().voiceThemes
        return try SynthesisReferences(
            nationalYAML: read(.nationalReferences), liberalTSV: read(.liberalHeadcounts),
            rulesYAML: read(.rules), leversYAML: read(.levers), voiceThemes: themes.isEmpty ? nil : themes)
    }

    public func loadLibrary(leverKeys: Set<String>, national: [String: NationalReference] = [:]) throws -> ActionSheetLibrary {
        try ActionSheetLibrary(yaml: read(.actionSheets), leverKeys: leverKeys, national: national)
    }

    public func loadCatalogue(sheetKeys: Set<String>, regionNames: Set<String>? = nil) throws -> FundingCatalogue {
        try FundingCatalogue(yaml: read(.catalogue), sheetKeys: sheetKeys, regionNames: regionNames)
    }

    func read(_ file: TemplateFile) throws -> String { try read(root + "/" + file.rawValue) }

    /// The editable files (templates/, data/) are read whole: one replaced by a FIFO would block
    /// the session, one grown by a bad edit would fill memory. Today's largest,
    /// data/communes.tsv, is 1,5 Mo.
    static let maximumFileSize = 64 << 20

    /// A text file of the project, or an error that names it as the user knows it
    /// (`templates/cls/fiche.mustache`).
    func read(_ path: String) throws -> String {
        let name = path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
        if let attributes = try? FileManager.default.attributesOfItem(atPath: path) {
            guard attributes[.type] as? FileAttributeType == .typeRegular else {
                throw FileProblem(file: name, line: nil, reason: "ce n'est pas un fichier ordinaire (tube, périphérique ou dossier)")
            }
            if let size = attributes[.size] as? Int, size > Self.maximumFileSize {
                throw FileProblem(file: name, line: nil, reason: "fichier de \(size >> 20) Mio : \(Self.maximumFileSize >> 20) Mio au plus")
            }
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FileProblem(file: name, line: nil, reason: "fichier introuvable ou illisible")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw FileProblem(file: name, line: nil, reason: "le fichier n'est pas en UTF-8")
        }
        return text
    }

    /// The names of a folder of the project, or an error that says it is missing.
    func contents(ofFolder folder: String) throws -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: root + "/" + folder).sorted()
        } catch {
            throw FileProblem(
                file: folder, line: nil,
                reason:
                    "dossier introuvable ou illisible : réinstallez le dossier templates/ de l'outil, ou indiquez où il est avec --ressources DOSSIER"
            )
        }
    }
}
