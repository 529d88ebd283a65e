import AtelierCore
import Foundation

/// What a fuzz run saw: every case ends in a document or a French sentence naming a file
/// (and a line within it); the slowest case is kept to spot a near-hang.
struct FuzzOutcome {
    var results = 0
    var refusals = 0
    var messages: [String: Int] = [:]
    var slowest: (seconds: Double, index: Int) = (0, -1)
    var problems: [String] = []

    /// English words libyaml, swift-mustache or Foundation would leave in a message.
    static let foreign = [
        "error", "Error", "expected", "found ", "while ", "overflow", "Swift", "Optional(", "mapping", "scalar",
        "token", "NSCocoa", "Fatal", "nil",
    ]

    mutating func timed(_ index: Int, since start: Date) {
        let seconds = Date().timeIntervalSince(start)
        if seconds > slowest.seconds { slowest = (seconds, index) }
    }

    /// Records a refusal; anything that is not a French sentence about one of `files` is a problem.
    mutating func refused(_ error: FileProblem, files: [String: String], case index: Int) {
        refusals += 1
        let kind = error.reason.prefix { $0 != ":" && $0 != "«" && $0 != "(" }.trimmingCharacters(in: .whitespaces)
        messages[kind, default: 0] += 1
        var wrong: [String] = []
        if error.reason.isEmpty { wrong.append("empty message") }
        if let word = Self.foreign.first(where: { error.reason.contains($0) }) { wrong.append("foreign word « \(word) »") }
        if let text = files[error.file] {
            let lines = text.reduce(1) { $0 + ($1.isNewline ? 1 : 0) } + 1
            if let line = error.line, !(1...lines).contains(line) { wrong.append("line \(line) outside 1…\(lines)") }
        } else {
            wrong.append("unknown file \(error.file)")
        }
        if !wrong.isEmpty { problems.append("case \(index): \(wrong.joined(separator: ", ")) — \(error)") }
    }

    var summary: String {
        let top = messages.sorted { $0.value > $1.value }.prefix(12).map { "\($0.value) × \($0.key)" }.joined(separator: "; ")
        return "\(results + refusals) cases: \(results) documents, \(refusals) French refusals; slowest case \(slowest.index) in "
            + String(format: "%.3f", slowest.seconds) + " s; refusals: \(top)"
    }
}
