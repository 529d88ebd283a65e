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
    /// in A; for `added`, the line of A it comes before).
    static func script(_ a: [String], _ b: [String]) -> [(line: Line, a: Int, b: Int)] {
        var start = 0
        while start < a.count && start < b.count && a[start] == b[start] { start += 1 }
        var endA = a.count, endB = b.count
        while endA > start && endB > start && a[endA - 1] == b[endB - 1] {
            endA -= 1
            endB -= 1
        }
        var result = (0..<start).map { (Line.same(a[$0]), $0, $0) }
        let n = endA - start, m = endB - start
        if n * m > ListAlignment.cellLimit {
            // Too far apart to align line by line: all of one, then all of the other.
            result += (start..<endA).map { (Line.removed(a[$0]), $0, start) }
            result += (start..<endB).map { (Line.added(b[$0]), endA, $0) }
        } else {
            var lengths = [[Int32]](repeating: [Int32](repeating: 0, count: m + 1), count: n + 1)
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    lengths[i][j] = a[start + i] == b[start + j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
                }
            }
            var i = 0, j = 0
            while i < n || j < m {
                if i < n && j < m && a[start + i] == b[start + j] {
                    result.append((.same(a[start + i]), start + i, start + j))
                    i += 1
                    j += 1
                } else if j == m || (i < n && lengths[i + 1][j] >= lengths[i][j + 1]) {
                    result.append((.removed(a[start + i]), start + i, start + j))
                    i += 1
                } else {
                    result.append((.added(b[start + j]), start + i, start + j))
                    j += 1
                }
            }
        }
        result += (0..<(a.count - endA)).map { (Line.same(a[endA + $0]), endA + $0, endB + $0) }
        return result
    }
}
