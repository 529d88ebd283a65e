import AtelierCore
import Foundation

/// The project's own files, read as a user's run reads them.
enum Project {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .path

    static func text(_ relativePath: String) -> String {
        try! String(contentsOfFile: root + "/" + relativePath, encoding: .utf8)
    }

    static let questionnaire: Questionnaire = try! QuestionnaireLoader.load(
        yaml: text("templates/questionnaire.yaml"), file: "templates/questionnaire.yaml")
    static let reference: TerritoryReference = try! TerritoryReference(
        communesTSV: text("data/communes.tsv"), epciTSV: text("data/epci.tsv"), departmentsTSV: text("data/departements.tsv"),
        postalCodesTSV: text("data/codes_postaux.tsv"), pointsTSV: text("data/points_communes.tsv"))

    static let synthesisReferences: SynthesisReferences = try! SynthesisReferences(
        nationalYAML: text("templates/references/nationales.yaml"), liberalTSV: text("templates/references/effectifs_liberaux_2024.tsv"),
        rulesYAML: text("templates/synthese/regles.yaml"), leversYAML: text("templates/synthese/leviers.yaml"))

    static let library: ActionSheetLibrary = try! ActionSheetLibrary(
        yaml: text("templates/plan/fiches.yaml"), leverKeys: Set(synthesisReferences.levers.keys), national: synthesisReferences.national)
    static let catalogue: FundingCatalogue = try! FundingCatalogue(
        yaml: text("templates/financement/catalogue.yaml"), sheetKeys: Set(library.sheets.map(\.key)))

    /// The national open-data files next to the project, when present (they are in CI).
    static func openData(_ name: String) -> String? {
        try? String(contentsOfFile: root + "/../shared/opendata/" + name, encoding: .utf8)
    }
}
