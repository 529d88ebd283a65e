import AtelierCore

/// The reference files a session may need, each loaded on first use.
public struct SessionResources: Sendable {
    public var territory: Lazy<TerritoryReference>
    public var synthesis: Lazy<SynthesisReferences>
    public var library: Lazy<ActionSheetLibrary>
    /// The folder holding `templates/cls/`, for documents.
    public var root: String

    public init(territory: Lazy<TerritoryReference>, synthesis: Lazy<SynthesisReferences>,
                library: Lazy<ActionSheetLibrary>, root: String) {
        self.territory = territory
        self.synthesis = synthesis
        self.library = library
        self.root = root
    }

    /// Everything from the project's files.
    public init(_ resources: Resources) {
        let synthesis = Lazy { try resources.loadSynthesisReferences() }
        self.init(territory: Lazy { try resources.loadReference() }, synthesis: synthesis,
                  library: Lazy { try resources.loadLibrary(leverKeys: Set(synthesis.get().levers.keys)) },
                  root: resources.root)
    }
}
