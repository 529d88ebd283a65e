/// The territorial reference, loaded the first time an answer needs it: resuming a session
/// should not wait for 35 000 communes to be read.
public final class LazyReference: @unchecked Sendable {
    private let load: () throws -> TerritoryReference
    private var loaded: TerritoryReference?
    /// Why loading failed, as the sentence shown to the user.
    public private(set) var problem: String?

    public init(_ load: @escaping () throws -> TerritoryReference) {
        self.load = load
    }

    public convenience init(_ reference: TerritoryReference) {
        self.init { reference }
    }

    /// The reference; empty if it could not be read (then `problem` says why).
    public var value: TerritoryReference {
        if let loaded { return loaded }
        do {
            loaded = try load()
        } catch {
            problem = "Le référentiel des communes est illisible (\(error)) : réinstallez le dossier data/ de l'outil."
            loaded = TerritoryReference()
        }
        return loaded!
    }
}
