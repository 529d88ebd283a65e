/// What a round puts to the vote, read from the synthèse, and the round that orders the plan.
public struct PriorityItem: Sendable, Equatable {
    /// The finding's rule key or the lever's key: what the votes name.
    public var key: String
    /// The finding's message or the lever's title, as the screen shows it.
    public var label: String
}

extension Synthesis {
    /// The findings (each rule once, in the synthèse's order) or the levers of the synthèse.
    public func priorityItems(_ scope: PriorityScope) -> [PriorityItem] {
        switch scope {
        case .findings:
            var seen: Set<String> = []
            return findings.compactMap { finding in
                seen.insert(finding.ruleKey).inserted ? PriorityItem(key: finding.ruleKey, label: finding.message) : nil
            }
        case .levers:
            return levers.map { PriorityItem(key: $0.key, label: $0.title) }
        }
    }
}

extension Concertation {
    /// The ranking that orders the plan d'actions: the latest finished round, of either scope,
    /// with the meeting it was held in.
    public var planPriorities: (ranking: PriorityRanking, meeting: Meeting?)? {
        let latest = PriorityScope.allCases.compactMap { latestRound($0) }.max { $0.number < $1.number }
        guard let latest else { return nil }
        return (ranking(of: latest), meeting(latest.meeting))
    }
}
