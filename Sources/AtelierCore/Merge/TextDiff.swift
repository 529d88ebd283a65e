/// The lines two texts differ by, in hunks with a little context, as `diff -u` shows them but
/// readable by a non-programmer: each hunk says where it is (line numbers in both).
public struct TextDiff: Sendable, Equatable {
    public enum Line: Sendable, Equatable {
        case same(String)
        case removed(String)
        case added(String)
    }

    public struct Hunk: Sendable, Equatable {
        /// The first line of the hunk in each text, from 1.
        public var startA: Int
        public var startB: Int
        public var lines: [Line]
    }

    public var hunks: [Hunk]

    public var removedCount: Int { hunks.flatMap(\.lines).filter { if case .removed = $0 { true } else { false } }.count }
    public var addedCount: Int { hunks.flatMap(\.lines).filter { if case .added = $0 { true } else { false } }.count }

    public init(_ a: String, _ b: String, context: Int = 2) {
        let linesA = a.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let linesB = b.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let script = Self.script(linesA, linesB)
        var hunks: [Hunk] = []
        var index = 0
        while index < script.count {
            guard case .same = script[index].line else {
                // A change: take it with `context` lines before, and what follows until `context`
                // unchanged lines in a row twice over (two changes that close share one hunk).
                let start = max(0, index - context)
                var end = index
                var quiet = 0
                while end < script.count && quiet <= 2 * context {
                    if case .same = script[end].line { quiet += 1 } else { quiet = 0 }
                    end += 1
                }
                end -= max(0, quiet - context)
                hunks.append(
                    Hunk(startA: script[start].a + 1, startB: script[start].b + 1, lines: script[start..<end].map(\.line)))
                index = end
                continue
            }
            index += 1
        }
        self.hunks = hunks
    }

    /// Every line of both texts in order, with its position in each (for `same` and `removed`,
    /// in A; for `added`, the line of A it comes before): between two lines kept, A's lines
    /// removed, then B's added.
    static func script(_ a: [String], _ b: [String]) -> [(line: Line, a: Int, b: Int)] {
        var result: [(line: Line, a: Int, b: Int)] = []
        var i = 0, j = 0
        for (x, y) in ListAlignment.commonSubsequence(a, b) + [(a.count, b.count)] {
            result += (i..<x).map { (Line.removed(a[$0]), $0, j) }
            result += (j..<y).map { (Line.added(b[$0]), x, $0) }
            if x < a.count { result.append((.same(a[x]), x, y)) }
            i = x + 1
            j = y + 1
        }
        return result
    }
}
