/// What differs between the answers of two workbooks (two scenarios): each answer set
/// differently, and for a list the elements added, removed or changed.
public struct AnswerDifferences: Sendable, Equatable {
    public enum Element: Sendable, Equatable {
        /// Element `number` of B is not in A.
        case added(number: Int, ListRecord)
        /// Element `number` of A is not in B.
        case removed(number: Int, ListRecord)
        /// Element `numberA` of A is element `numberB` of B, with these fields changed.
        case changed(numberA: Int, numberB: Int, fields: [(key: String, a: AnswerValue?, b: AnswerValue?)])

        public static func == (x: Element, y: Element) -> Bool {
            switch (x, y) {
            case (.added(let n, let r), .added(let m, let s)), (.removed(let n, let r), .removed(let m, let s)): n == m && r == s
            case (.changed(let a, let b, let f), .changed(let c, let d, let g)):
                a == c && b == d && f.map(\.key) == g.map(\.key) && f.map(\.a) == g.map(\.a) && f.map(\.b) == g.map(\.b)
            default: false
            }
        }
    }

    public struct Entry: Sendable, Equatable {
        public var key: String
        public var a: AnswerValue?
        public var b: AnswerValue?
        /// For two lists, element by element; empty otherwise.
        public var elements: [Element]
    }

    public var entries: [Entry]

    public init(a: [String: AnswerValue], b: [String: AnswerValue], order: [String]) {
        var keys = order.filter { a[$0] != nil || b[$0] != nil }
        let known = Set(keys)
        keys += Set(a.keys).union(b.keys).subtracting(known).sorted()
        entries = keys.compactMap { key in
            let x = a[key], y = b[key]
            if x == y { return nil }
            guard case .records(let itemsA)? = x, case .records(let itemsB)? = y else {
                return Entry(key: key, a: x, b: y, elements: [])
            }
            return Entry(key: key, a: x, b: y, elements: Self.elements(itemsA, itemsB))
        }
    }

    static func elements(_ a: [ListRecord], _ b: [ListRecord]) -> [Element] {
        let ancestors = ListAlignment.ancestors(of: b, in: a)
        let kept = Set(ancestors.compactMap { $0 })
        var result: [Element] = a.indices.filter { !kept.contains($0) }.map { .removed(number: $0 + 1, a[$0]) }
        for (index, ancestor) in ancestors.enumerated() {
            guard let ancestor else {
                result.append(.added(number: index + 1, b[index]))
                continue
            }
            let old = a[ancestor], new = b[index]
            if old == new { continue }
            var keys = old.fields.map(\.key)
            keys += new.fields.map(\.key).filter { !keys.contains($0) }
            let fields = keys.filter { old[$0] != new[$0] }.map { (key: $0, a: old[$0], b: new[$0]) }
            // Only its place changed: not a difference of content.
            if !fields.isEmpty { result.append(.changed(numberA: ancestor + 1, numberB: index + 1, fields: fields)) }
        }
        return result
    }
}
