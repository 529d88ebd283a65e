import AtelierCore
import AtelierDocuments

/// The reference files and templates a session may need, each loaded on first use and then
/// kept for the session: a file edited while the tool runs is read again at the next start.
public struct SessionResources: Sendable {
    public var territory: Lazy<TerritoryReference>
    public var synthesis: Lazy<SynthesisReferences>
    public var library: Lazy<ActionSheetLibrary>
    public var catalogue: Lazy<FundingCatalogue>
    /// `templates/cls/*.mustache`, compiled.
    public var clsTemplates: Lazy<LoadedTemplates>
    /// `templates/financement/*.mustache`, compiled.
    public var planTemplates: Lazy<LoadedTemplates>
    /// The digests of `Resources.TemplateFile`, for the CLS draft's fingerprint.
    public var editableFileDigests: Lazy<[String: String]>
    /// The answers' part of earlier CLS fingerprints, reused while an answer is unchanged.
    public let fingerprintCache = FingerprintCache()
    /// The folder holding `templates/cls/`, for documents.
    public var root: String

    public init(
        territory: Lazy<TerritoryReference>, synthesis: Lazy<SynthesisReferences>,
        library: Lazy<ActionSheetLibrary>, catalogue: Lazy<FundingCatalogue>, root: String
    ) {
        self.territory = territory
        self.synthesis = synthesis
        self.library = library
        self.catalogue = catalogue
        self.root = root
        let project = Resources(root: root)
        clsTemplates = Lazy { try project.loadTemplates("templates/cls") }
        planTemplates = Lazy { try project.loadTemplates("templates/financement") }
        editableFileDigests = Lazy { try project.loadEditableFileDigests() }
    }

    /// Everything from the project's files.
    public init(_ resources: Resources) {
        let synthesis = Lazy { try resources.loadSynthesisReferences() }
        let library = Lazy {
            let references = try synthesis.get()
            return try resources.loadLibrary(leverKeys: Set(references.levers.keys), national: references.national)
        }
        let territory = Lazy { try resources.loadReference() }
        self.init(
            territory: territory, synthesis: synthesis, library: library,
            catalogue: Lazy {
                // The régions the catalogue may name; unchecked when data/ cannot be read (said elsewhere).
                let regions = (try? territory.get()).map { Set($0.departments.values.map(\.region)) }
                return try resources.loadCatalogue(sheetKeys: Set(library.get().sheets.map(\.key)), regionNames: regions)
            },
            root: resources.root)
    }
}
