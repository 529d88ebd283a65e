import Foundation

/// The three-way merge of a copy's answers into the workbook: what each side changed since the
/// fork point, what is taken, and what both changed differently.
///
/// Decided here once, for `/fusionner` and its tests: the store only reads the three states and
/// writes the outcome in one transaction.
public struct WorkbookMerge: Sendable {
    /// An answer changed in the copy only (or a list both changed without conflict): taken as
    /// the copy has it, with its provenance; a nil value removes it.
    public struct Taken: Sendable, Equatable {
        public var key: String
        public var value: AnswerValue?
        /// Who gave it, from which source and when, in the copy (nil: removed there).
        public var provenance: StoredAnswer?
    }

    /// What both sides changed differently: a whole answer, or one element of a list.
    public struct Conflict: Sendable, Equatable {
        public var key: String
        /// The list element's number at the fork; nil for a whole answer.
        public var element: Int?
        public var base: AnswerValue?
        public var mine: AnswerValue?
        public var theirs: AnswerValue?
        public var mineProvenance: StoredAnswer?
        public var theirProvenance: StoredAnswer?

        /// Names the conflict and both values, so that a resolution saved for later applies only
        /// while the two sides are still what the user saw.
        public var identity: String {
            [key, element.map(String.init) ?? "", mine?.json ?? "-", theirs?.json ?? "-"].joined(separator: "\u{1F}")
        }
    }

    /// How a conflict was settled.
    public enum Resolution: Sendable, Equatable {
        case mine
        case theirs
        /// A value typed instead of either (for an element: the element; nil removes it).
        case typed(AnswerValue?)
    }

    public var taken: [Taken]
    public var conflicts: [Conflict]
    /// The lists both sides changed, merged element by element: settled with the conflicts.
    public var lists: [String: (merge: ListMerge, provenance: StoredAnswer?)]

    public var isEmpty: Bool { taken.isEmpty && conflicts.isEmpty && lists.isEmpty }

    /// `keys` in the order answers are listed (the questionnaire's), the others after.
    public init(
        base: [String: StoredAnswer], mine: [String: StoredAnswer], theirs: [String: StoredAnswer],
        order: [String] = [], fieldOrder: (String) -> [String] = { _ in [] }
    ) {
        var keys = order.filter { base[$0] != nil || mine[$0] != nil || theirs[$0] != nil }
        let known = Set(keys)
        keys += Set(base.keys).union(mine.keys).union(theirs.keys).subtracting(known).sorted()
        var taken: [Taken] = []
        var conflicts: [Conflict] = []
        var lists: [String: (merge: ListMerge, provenance: StoredAnswer?)] = [:]
        for key in keys {
            let b = base[key]?.value, m = mine[key]?.value, t = theirs[key]?.value
            if m == t || t == b { continue }
            if m == b {
                taken.append(Taken(key: key, value: t, provenance: theirs[key]))
                continue
            }
            if case .records(let baseItems)? = b, case .records(let mineItems)? = m, case .records(let theirItems)? = t {
                let merge = ListMerge(base: baseItems, mine: mineItems, theirs: theirItems, fieldOrder: fieldOrder(key))
                lists[key] = (merge, theirs[key])
                conflicts += merge.conflicts.map { element in
                    Conflict(
                        key: key, element: element.number, base: .records([element.base]), mine: element.mine.map { .records([$0]) },
                        theirs: element.theirs.map { .records([$0]) }, mineProvenance: mine[key], theirProvenance: theirs[key])
                }
                continue
            }
            conflicts.append(
                Conflict(key: key, element: nil, base: b, mine: m, theirs: t, mineProvenance: mine[key], theirProvenance: theirs[key]))
        }
        self.taken = taken
        self.conflicts = conflicts
        self.lists = lists
    }

    /// What to write once every conflict is settled by `resolution` (nil: not settled yet, and
    /// then nothing is returned): the answers to set or remove, each with the provenance it
    /// takes. Nil while any conflict is unsettled.
    public func outcome(_ resolution: (Conflict) -> Resolution?) -> [Taken]? {
        var result = taken
        var settled: [String: Resolution] = [:]
        for conflict in conflicts {
            guard let chosen = resolution(conflict) else { return nil }
            settled[conflict.identity] = chosen
        }
        for conflict in conflicts where conflict.element == nil {
            switch settled[conflict.identity]! {
            case .mine: continue
            case .theirs: result.append(Taken(key: conflict.key, value: conflict.theirs, provenance: conflict.theirProvenance))
            case .typed(let value): result.append(Taken(key: conflict.key, value: value, provenance: nil))
            }
        }
        for (key, list) in lists.sorted(by: { $0.key < $1.key }) {
            var typedAny = false
            let items = list.merge.resolved { element in
                let conflict = conflicts.first { $0.key == key && $0.element == element.number }!
                switch settled[conflict.identity]! {
                case .mine: return element.mine
                case .theirs: return element.theirs
                case .typed(let value):
                    typedAny = true
                    if case .records(let records)? = value { return records.first }
                    return nil
                }
            }
            result.append(Taken(key: key, value: .records(items), provenance: typedAny ? nil : list.provenance))
        }
        return result
    }
}
