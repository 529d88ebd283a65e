/// Which element of a list descends from which element of an earlier version of it.
///
/// List elements carry no identifier: an element is recognised by its place among the elements
/// left as they were (the longest common subsequence), and, between two such anchors, by the
/// fields it still shares with an earlier element (an element edited in one field is the same
/// element; one sharing less than half its fields is a new one). An element moved across others
/// reads as removed here and added there.
public enum ListAlignment {
    /// For each element of `side`, the index in `base` of the element it descends from (nil: added).
    public static func ancestors(of side: [ListRecord], in base: [ListRecord]) -> [Int?] {
        var result = [Int?](repeating: nil, count: side.count)
        let anchors = commonSubsequence(base, side)
        // Between two anchors, pair the elements left over by what they share.
        var previous = (base: -1, side: -1)
        for anchor in anchors + [(base.count, side.count)] {
            var nextBase = previous.base + 1
            for sideIndex in (previous.side + 1)..<anchor.1 where nextBase < anchor.0 {
                let candidates = nextBase..<anchor.0
                let best = candidates.max { similarity(base[$0], side[sideIndex]) < similarity(base[$1], side[sideIndex]) }
                if let best, similarity(base[best], side[sideIndex]) >= 0.5 {
                    result[sideIndex] = best
                    nextBase = best + 1
                }
            }
            if anchor.0 < base.count { result[anchor.1] = anchor.0 }
            previous = (anchor.0, anchor.1)
        }
        return result
    }

    /// The share of fields two elements have in common, key and value (1: the same element).
    static func similarity(_ a: ListRecord, _ b: ListRecord) -> Double {
        let count = max(a.fields.count, b.fields.count)
        guard count > 0 else { return 1 }
        let same = a.fields.filter { field in b[field.key] == field.value }.count
        return Double(same) / Double(count)
    }

    /// The pairs of indices (base, side) of a longest common subsequence of equal elements (list
    /// elements here, lines for `TextDiff`). Past `cellLimit` cells, equal elements are paired
    /// in order instead, which finds the same anchors when elements were only appended.
    static func commonSubsequence<Element: Equatable>(_ a: [Element], _ b: [Element]) -> [(Int, Int)] {
        // Equal prefix and suffix first: most edits leave nearly all of a list as it was.
        var start = 0
        while start < a.count && start < b.count && a[start] == b[start] { start += 1 }
        var endA = a.count, endB = b.count
        while endA > start && endB > start && a[endA - 1] == b[endB - 1] {
            endA -= 1
            endB -= 1
        }
        var pairs = (0..<start).map { ($0, $0) }
        let n = endA - start, m = endB - start
        if n > 0 && m > 0 {
            if n * m > cellLimit {
                var j = start
                for i in start..<endA {
                    if let found = (j..<endB).first(where: { a[i] == b[$0] }) {
                        pairs.append((i, found))
                        j = found + 1
                    }
                }
            } else {
                // lengths[i][j]: the longest common subsequence of a[start+i...] and b[start+j...].
                var lengths = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
                for i in stride(from: n - 1, through: 0, by: -1) {
                    for j in stride(from: m - 1, through: 0, by: -1) {
                        lengths[i][j] =
                            a[start + i] == b[start + j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
                    }
                }
                var i = 0, j = 0
                while i < n && j < m {
                    if a[start + i] == b[start + j] {
                        pairs.append((start + i, start + j))
                        i += 1
                        j += 1
                    } else if lengths[i + 1][j] >= lengths[i][j + 1] {
                        i += 1
                    } else {
                        j += 1
                    }
                }
            }
        }
        pairs += (0..<(a.count - endA)).map { (endA + $0, endB + $0) }
        return pairs
    }

    static let cellLimit = 1_000_000
}
