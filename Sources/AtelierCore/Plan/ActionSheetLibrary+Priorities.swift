extension ActionSheetLibrary {
    /// As `ranked(by:)`, then the suggested fiches answering a finding (or a lever) the partners
    /// ranked come first, the one answering the best-ranked first; library ranking within an
    /// equal rank and for all the others, which keep their order after them.
    public func ranked(by synthesis: Synthesis?, priorities: PriorityRanking?) -> [Suggestion] {
        let base = ranked(by: synthesis)
        guard let priorities else { return base }
        let best = base.map { Self.priorityRank(of: $0, in: priorities) }
        return base.indices.sorted { a, b in
            switch (best[a], best[b]) {
            case (let x?, let y?): x != y ? x < y : a < b
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): a < b
            }
        }.map { base[$0] }
    }

    /// The best rank among the items a fiche answers (nil: it answers none of the ranked ones).
    public static func priorityRank(of suggestion: Suggestion, in priorities: PriorityRanking) -> Int? {
        guard suggestion.isSuggested else { return nil }
        let keys = priorities.round.scope == .findings ? suggestion.findings : suggestion.sheet.leverKeys
        return keys.compactMap { priorities.rank(of: $0) }.min()
    }
}
