import Testing

@testable import AtelierCore

/// The latest round of priorities orders the fiches proposed for the plan d'actions.
@Suite struct PlanPriorityOrderTests {
    static let synthesis = ExistingStructuresTests.synthesis(structures: [])
    static let base = Project.library.ranked(by: synthesis)

    /// A round over the synthèse's findings (or levers), with the given scores of two voters.
    static func ranking(_ scope: PriorityScope, scores: [String: Int]) -> PriorityRanking {
        let items = synthesis.priorityItems(scope).map(\.key)
        let round = Concertation.Round(number: 1, meeting: 1, scope: scope, items: items)
        let votes = items.flatMap { item in
            ["A", "B"].map { Concertation.Vote(round: 1, voter: $0, item: item, score: scores[item] ?? 1) }
        }
        return PriorityRanking(round: round, votes: votes)
    }

    @Test func withoutARoundTheOrderIsTheSynthèsesOne() throws {
        #expect(Project.library.ranked(by: Self.synthesis, priorities: nil).map(\.sheet.key) == Self.base.map(\.sheet.key))
    }

    @Test func theFichesAnsweringTheBestRankedFindingComeFirst() throws {
        // The finding answered by the last suggested fiche with findings, and by few others, ranked first.
        let answering = Self.base.filter { $0.isSuggested && !$0.findings.isEmpty }
        let last = try #require(answering.last)
        let finding = try #require(
            last.findings.min { a, b in
                Self.base.filter { $0.findings.contains(a) }.count < Self.base.filter { $0.findings.contains(b) }.count
            })
        let ranking = Self.ranking(.findings, scores: [finding: 4])
        let ordered = Project.library.ranked(by: Self.synthesis, priorities: ranking)
        let first = Self.base.filter { $0.isSuggested && $0.findings.contains(finding) }.map(\.sheet.key)
        // Rank 1 for that finding (4 and 4: mean 4), rank 2 shared by every other (1 and 1).
        #expect(ranking.rank(of: finding) == 1)
        #expect(Array(ordered.map(\.sheet.key).prefix(first.count)) == first)
        #expect(first.contains(last.sheet.key))
        // The order changed: that fiche came after others before the round.
        #expect(ordered.map(\.sheet.key) != Self.base.map(\.sheet.key))
        // Then the other fiches answering a finding, in the synthèse's order; then the rest as before.
        let rest = Self.base.map(\.sheet.key).filter { !first.contains($0) }
        #expect(Array(ordered.map(\.sheet.key).dropFirst(first.count)) == rest)
        #expect(ordered.count == Project.library.sheets.count)
        #expect(ordered.map { ActionSheetLibrary.priorityRank(of: $0, in: ranking) }.prefix(first.count).allSatisfy { $0 == 1 })
    }

    @Test func aRoundOnLeversOrdersByTheFichesLevers() throws {
        let levers = Self.synthesis.priorityItems(.levers).map(\.key)
        #expect(levers.contains("transport"))
        let ranking = Self.ranking(.levers, scores: ["transport": 4])
        let ordered = Project.library.ranked(by: Self.synthesis, priorities: ranking)
        let first = try #require(ordered.first)
        #expect(first.sheet.leverKeys.contains("transport"))
        #expect(first.isSuggested)
        // A fiche that is not proposed keeps its place after the proposed ones, whatever its levers.
        let notSuggested = ordered.drop { $0.isSuggested }
        #expect(notSuggested.allSatisfy { !$0.isSuggested })
    }

    @Test func theItemsOfARoundAreTheFindingsEachRuleOnceAndTheLevers() throws {
        let findings = Self.synthesis.priorityItems(.findings)
        #expect(Set(findings.map(\.key)).count == findings.count)
        #expect(findings.map(\.key) == Self.synthesis.findings.map(\.ruleKey).reduce(into: []) { if !$0.contains($1) { $0.append($1) } })
        #expect(Self.synthesis.priorityItems(.levers).map(\.key) == Self.synthesis.levers.map(\.key))
    }
}
