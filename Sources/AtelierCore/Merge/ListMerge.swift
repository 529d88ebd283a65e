/// The three-way merge of a list answer: the elements as they were at the fork (`base`), as
/// they are here (`mine`) and in the copy (`theirs`).
///
/// Elements added on either side all land (those added the same on both, once); an element
/// changed or removed on one side only takes that change; an element edited on both sides in
/// different fields takes both edits; only the same field edited differently, or an element
/// removed on one side and edited on the other, is a conflict. The order is mine, with the
/// elements added in the copy after the element they follow there.
public struct ListMerge: Sendable, Equatable {
    public enum Slot: Sendable, Equatable {
        case element(ListRecord)
        case conflict(ElementConflict)
    }

    /// One element both sides changed differently; nil: removed on that side.
    public struct ElementConflict: Sendable, Equatable {
        /// The element's number in the list at the fork (from 1).
        public var number: Int
        public var base: ListRecord
        public var mine: ListRecord?
        public var theirs: ListRecord?
    }

    public var slots: [Slot]

    public var conflicts: [ElementConflict] {
        slots.compactMap { if case .conflict(let c) = $0 { c } else { nil } }
    }

    /// The list with each conflict settled by `choose` (nil: the element goes).
    public func resolved(_ choose: (ElementConflict) -> ListRecord?) -> [ListRecord] {
        slots.compactMap { slot in
            switch slot {
            case .element(let record): record
            case .conflict(let conflict): choose(conflict)
            }
        }
    }

    public init(base: [ListRecord], mine: [ListRecord], theirs: [ListRecord], fieldOrder: [String] = []) {
        let mineAncestors = ListAlignment.ancestors(of: mine, in: base)
        let theirAncestors = ListAlignment.ancestors(of: theirs, in: base)
        var theirsOf = [Int: ListRecord]()
        for (index, ancestor) in theirAncestors.enumerated() { if let ancestor { theirsOf[ancestor] = theirs[index] } }
        var mineOf = [Int: ListRecord]()
        for (index, ancestor) in mineAncestors.enumerated() { if let ancestor { mineOf[ancestor] = mine[index] } }

        func merged(_ number: Int) -> Slot? {
            let original = base[number]
            let m = mineOf[number], t = theirsOf[number]
            if m == t { return m.map(Slot.element) }
            if m == original { return t.map(Slot.element) }
            if t == original { return m.map(Slot.element) }
            if let m, let t, let fields = Self.fieldMerge(original, m, t, order: fieldOrder) { return .element(fields) }
            return .conflict(ElementConflict(number: number + 1, base: original, mine: m, theirs: t))
        }

        // Mine's order; an element mine removed keeps its place after the one before it, in case
        // the conflict brings it back; then the copy's additions after the element they follow.
        var sequence: [(ancestor: Int?, slot: Slot?)] = []
        var placed = Set<Int>()
        func placeRemoved(upTo limit: Int) {
            for number in 0..<limit where !placed.contains(number) && mineOf[number] == nil {
                placed.insert(number)
                sequence.append((number, merged(number)))
            }
        }
        for (index, ancestor) in mineAncestors.enumerated() {
            if let ancestor {
                placeRemoved(upTo: ancestor)
                placed.insert(ancestor)
                sequence.append((ancestor, merged(ancestor)))
            } else {
                sequence.append((nil, .element(mine[index])))
            }
        }
        placeRemoved(upTo: base.count)
        let mineAdded = mine.enumerated().filter { mineAncestors[$0.offset] == nil }.map(\.element)
        var lastAnchor: Int? = nil
        var insertions: [(after: Int?, record: ListRecord)] = []
        for (index, ancestor) in theirAncestors.enumerated() {
            if let ancestor {
                lastAnchor = ancestor
            } else if !mineAdded.contains(theirs[index]) {
                insertions.append((lastAnchor, theirs[index]))
            }
        }
        for insertion in insertions {
            // After the element it follows in the copy, and after what was added behind that one
            // here or just before (mine's additions first, then the copy's, in its order).
            var position = 0
            if let anchor = insertion.after, let at = sequence.firstIndex(where: { $0.ancestor == anchor }) { position = at + 1 }
            while position < sequence.count && sequence[position].ancestor == nil { position += 1 }
            sequence.insert((nil, .element(insertion.record)), at: position)
        }
        slots = sequence.compactMap(\.slot)
    }

    /// Both edits of one element, when they touched different fields; nil when a field was set
    /// differently on the two sides.
    static func fieldMerge(_ base: ListRecord, _ mine: ListRecord, _ theirs: ListRecord, order: [String]) -> ListRecord? {
        var result = mine
        let keys = Set(base.fields.map(\.key) + mine.fields.map(\.key) + theirs.fields.map(\.key))
        let fieldOrder = order + (mine.fields + theirs.fields).map(\.key).filter { !order.contains($0) }
        for key in keys {
            let b = base[key], m = mine[key], t = theirs[key]
            if m == t || t == b { continue }
            if m != b { return nil }
            result = result.setting(key, to: t, order: fieldOrder)
        }
        return result
    }
}
