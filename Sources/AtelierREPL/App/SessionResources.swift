import AtelierCore

/// The reference files a session may need, each loaded on first use.
public struct SessionResources: Sendable {
    public var territory: Lazy<TerritoryReference>
    public var synthesis: Lazy<SynthesisReferences>
    public var library: Lazy<ActionSheetLibrary>
    public var catalogue: Lazy<FundingCatalogue>
    /// The folder holding `templates/cls/`, for documents.
    public var root: String

    public init(territory: Lazy<TerritoryReference>, synthesis: Lazy<SynthesisReferences>,
                library: Lazy<ActionSheetLibrary>, catalogue: Lazy<FundingCatalogue>, root: String) {
        self.territory = territory
        self.synthesis = synthesis
        self.library = library
        self.catalogue = catalogue
        self.root = root
    }

    /// Everything from the project's files.
    public init(_ resources: Resources) {
        let synthesis = Lazy { try resources.loadSynthesisReferences() }
        let library = Lazy { try resources.loadLibrary(leverKeys: Set(synthesis.get().levers.keys)) }
        self.init(territory: Lazy { try resources.loadReference() }, synthesis: synthesis, library: library,
                  catalogue: Lazy { try resources.loadCatalogue(sheetKeys: Set(library.get().sheets.map(\.key))) },
                  root: resources.root)
    }
}
