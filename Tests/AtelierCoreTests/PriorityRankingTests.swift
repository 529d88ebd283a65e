import Testing

@testable import AtelierCore

/// The documented method (PriorityMethod), checked against rankings computed by hand.
@Suite struct PriorityRankingTests {
    static func round(_ items: [String], number: Int = 1) -> Concertation.Round {
        Concertation.Round(number: number, meeting: 1, scope: .findings, items: items)
    }

    /// Votes of voters A, B, C, D in that order, one list of scores per item.
    static func votes(_ scores: [String: [Int]], round: Int = 1) -> [Concertation.Vote] {
        let voters = ["A", "B", "C", "D"]
        return scores.sorted { $0.key < $1.key }.flatMap { item, notes in
            zip(voters, notes).map { Concertation.Vote(round: round, voter: $0, item: item, score: $1) }
        }
    }

    @Test func meanThenMedianThenFoursWithSharedRanks() throws {
        // By hand:
        //   a: 4 4 1 3 → mean 12/4 = 3, sorted 1 3 4 4, median (3+4)/2 = 3.5, two 4s, spread 4-1 = 3
        //   b: 3 3 3 3 → mean 3, median 3, no 4, spread 0
        //   c: 4 4 2 2 → mean 3, sorted 2 2 4 4, median (2+4)/2 = 3, two 4s, spread 2
        //   d: 4 3 3 2 → mean 3, sorted 2 3 3 4, median 3, one 4, spread 2
        //   e: 3 3 3 3 → exactly b: they share a rank
        //   g: 1 2 4 4 → mean 11/4 = 2.75, sorted 1 2 4 4, median 3, spread 3
        //   f: nobody scored it
        // All but g have mean 3: a first (median 3.5); then, median 3, c (two 4s), d (one 4),
        // b and e (none) sharing rank 4; g is 6th (rank 5 is taken by the tie); f unranked, last.
        let round = Self.round(["a", "b", "c", "d", "e", "f", "g"])
        let ranking = PriorityRanking(
            round: round,
            votes: Self.votes([
                "a": [4, 4, 1, 3], "b": [3, 3, 3, 3], "c": [4, 4, 2, 2], "d": [4, 3, 3, 2], "e": [3, 3, 3, 3], "g": [1, 2, 4, 4],
            ]))
        #expect(ranking.entries.map(\.item) == ["a", "c", "d", "b", "e", "g", "f"])
        #expect(ranking.entries.map(\.rank) == [1, 2, 3, 4, 4, 6, nil])
        #expect(ranking.entries.map(\.mean) == [3, 3, 3, 3, 3, 2.75, nil])
        #expect(ranking.entries.map(\.median) == [3.5, 3, 3, 3, 3, 3, nil])
        #expect(ranking.entries.map(\.fours) == [2, 2, 1, 0, 0, 2, 0])
        #expect(ranking.entries.map(\.spread) == [3, 2, 2, 0, 0, 3, nil])
        #expect(
            ranking.entries.map(\.agreement) == [.disagreement, .divided, .divided, .consensus, .consensus, .disagreement, nil])
        #expect(ranking.voters == ["A", "B", "C", "D"])
        #expect(ranking.rank(of: "e") == 4 && ranking.rank(of: "f") == nil)
    }

    @Test func oddAndEvenMedians() throws {
        // 1 3 4 → the middle one, 3; 1 2 → (1+2)/2 = 1.5; 2 2 3 4 → (2+3)/2 = 2.5; mean of 2 2 3 4 = 11/4 = 2.75.
        let ranking = PriorityRanking(
            round: Self.round(["x", "y", "z"]), votes: Self.votes(["x": [1, 3, 4], "y": [1, 2], "z": [2, 2, 3, 4]]))
        let byItem = Dictionary(uniqueKeysWithValues: ranking.entries.map { ($0.item, $0) })
        #expect(byItem["x"]?.median == 3)
        #expect(byItem["y"]?.median == 1.5)
        #expect(byItem["z"]?.median == 2.5)
        #expect(byItem["z"]?.mean == 2.75)
        // x: mean 8/3 ≈ 2.67 < z's 2.75; y: 1.5. Spread: x 3, y 1, z 2.
        #expect(ranking.entries.map(\.item) == ["z", "x", "y"])
        #expect(ranking.entries.map(\.agreement) == [.divided, .disagreement, .consensus])
    }

    @Test func scoringAgainReplacesTheVotersScore() throws {
        // A gives p 1, then 4: only the 4 counts. p: A 4, B 2 → mean 3, spread 2 (not 1 2 4: mean 7/3).
        // q: A 3, B 3 → mean 3, median 3, no 4; p has median 3 too, and one 4: p before q.
        let votes = [
            Concertation.Vote(round: 1, voter: "A", item: "p", score: 1), Concertation.Vote(round: 1, voter: "B", item: "p", score: 2),
            Concertation.Vote(round: 1, voter: "A", item: "q", score: 3), Concertation.Vote(round: 1, voter: "B", item: "q", score: 3),
            Concertation.Vote(round: 1, voter: "A", item: "p", score: 4),
            // Another round's vote is not counted.
            Concertation.Vote(round: 2, voter: "C", item: "q", score: 1),
        ]
        let ranking = PriorityRanking(round: Self.round(["q", "p"]), votes: votes)
        #expect(ranking.entries.map(\.item) == ["p", "q"])
        #expect(ranking.entries[0].scores == [2, 4])
        #expect(ranking.entries[0].mean == 3 && ranking.entries[0].spread == 2)
        #expect(ranking.entries[1].scores == [3, 3])
        #expect(ranking.entries.map(\.rank) == [1, 2])
        #expect(ranking.voters == ["A", "B"])
    }

    @Test func agreementBySpread() throws {
        // Spreads 0, 1, 2, 3 and a single score.
        let ranking = PriorityRanking(
            round: Self.round(["s0", "s1", "s2", "s3", "one"]),
            votes: Self.votes(["s0": [2, 2], "s1": [2, 3], "s2": [2, 4], "s3": [1, 4], "one": [3]]))
        let agreement = Dictionary(uniqueKeysWithValues: ranking.entries.map { ($0.item, $0.agreement) })
        #expect(agreement["s0"] == .consensus)
        #expect(agreement["s1"] == .consensus)
        #expect(agreement["s2"] == .divided)
        #expect(agreement["s3"] == .disagreement)
        #expect(agreement["one"] == .single)
        // The screen words: « avis partagés », « désaccord ».
        #expect(PriorityMethod.Agreement.divided.rawValue == "avis partagés")
        #expect(PriorityMethod.description.contains("à égalité la médiane, puis le nombre de notes 4"))
        #expect(PriorityMethod.description(of: .levers).hasPrefix("chaque participant présent note chaque levier de 1"))
        #expect(PriorityMethod.description(of: .findings) == PriorityMethod.description)
    }
}
