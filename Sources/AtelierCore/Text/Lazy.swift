import Foundation

/// A value loaded the first time it is needed, then kept: start-up does not wait for files
/// (35 000 communes, synthèse references) that a session may never use. The cache is behind a
/// lock, which is what makes the `@unchecked Sendable` true: two threads asking at once load
/// once.
public final class Lazy<Value: Sendable>: @unchecked Sendable {
    private let load: () throws -> Value
    private var result: Result<Value, any Error>?
    private let lock = NSLock()

    public init(_ load: @escaping () throws -> Value) {
        self.load = load
    }

    public convenience init(_ value: Value) {
        self.init { value }
    }

    /// The value, or the error that loading it raised (loading is not retried).
    public func get() throws -> Value {
        let loaded = lock.withLock {
            if let result { return result }
            let loaded = Result { try load() }
            result = loaded
            return loaded
        }
        return try loaded.get()
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
