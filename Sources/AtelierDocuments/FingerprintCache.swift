import AtelierCore
import Foundation

/// The fingerprint's line for each answer, kept between exports of a session: serialising every
/// answer to JSON was most of a later `/exporter cls` (30 fiches, 500 communes). A line is
/// reused only while its answer is equal to the one it was made from, so the fingerprint is
/// the same as computed afresh. Behind a lock, which is what makes `@unchecked Sendable` true.
public final class FingerprintCache: @unchecked Sendable {
    private var lines: [String: (answer: SourcedAnswer, line: String)] = [:]
    private let lock = NSLock()

    public init() {}

    /// `réponse\tclé\tjson\tsource\tannée\n` for `answer`, from the cache when unchanged.
    func line(_ key: String, _ answer: SourcedAnswer) -> String {
        if let cached = lock.withLock({ lines[key] }), cached.answer == answer { return cached.line }
        let line = Self.line(key, answer)
        lock.withLock { lines[key] = (answer, line) }
        return line
    }

    static func line(_ key: String, _ answer: SourcedAnswer) -> String {
        "réponse\t\(key)\t\(answer.value.json)\t\(answer.source ?? "")\t\(answer.sourceYear.map(String.init) ?? "")\n"
    }
}
