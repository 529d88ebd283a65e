/// A value loaded the first time it is needed, then kept: start-up does not wait for files
/// (35 000 communes, synthèse references) that a session may never use.
public final class Lazy<Value: Sendable>: @unchecked Sendable {
    private let load: () throws -> Value
    private var result: Result<Value, any Error>?

    public init(_ load: @escaping () throws -> Value) {
        self.load = load
    }

    public convenience init(_ value: Value) {
        self.init { value }
    }

    /// The value, or the error that loading it raised (loading is not retried).
    public func get() throws -> Value {
        if result == nil { result = Result { try load() } }
        return try result!.get()
    }

    /// Why the value could not be loaded, or nil when it was (loading it if needed).
    public var failure: (any Error)? {
        do {
            _ = try get()
            return nil
        } catch {
            return error
        }
    }
}
