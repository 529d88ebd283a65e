import Testing

@testable import AtelierCore

/// Where a round stands, read from the stored votes; and the lines of scores.
@Suite struct PrioritizationProgressTests {
    static let round = Concertation.Round(number: 2, meeting: 1, scope: .findings, items: ["x", "y", "z"])

    @Test func theNextItemIsTheFirstSomeVoterHasNotScoredAndAbstentionsCount() throws {
        var records = PrioritizationProgress.records(round: 2, item: "x", scores: [("A", 4), ("B", nil), ("C", 2)])
        records += PrioritizationProgress.records(round: 2, item: "y", scores: [("A", 3)])
        // A vote of another round does not count for this one.
        records += PrioritizationProgress.records(round: 1, item: "y", scores: [("B", 3)])
        let votes = Concertation(answers: [QuestionKeys.votes: .records(records)]).votes
        let progress = PrioritizationProgress(round: Self.round, voters: ["A", "B", "C"], votes: votes)
        #expect(progress.next == PrioritizationProgress.Step(index: 1, item: "y", voters: ["B", "C"]))
        #expect(progress.completedCount == 1)
        #expect(!progress.isComplete)
        // The abstention is stored without a note, read as a vote without a score.
        #expect(records[1]["note"] == nil)
        #expect(votes.filter { $0.round == 2 && $0.item == "x" }.map(\.score) == [4, nil, 2])
        #expect(PriorityRanking(round: Self.round, votes: votes).entries.first { $0.item == "x" }?.scores == [4, 2])
    }

    @Test func aRoundIsCompleteWhenEveryVoterGaveEveryItem() throws {
        let records = ["x", "y", "z"].flatMap { PrioritizationProgress.records(round: 2, item: $0, scores: [("A", 1), ("B", nil)]) }
        let votes = Concertation(answers: [QuestionKeys.votes: .records(records)]).votes
        let progress = PrioritizationProgress(round: Self.round, voters: ["A", "B"], votes: votes)
        #expect(progress.isComplete && progress.next == nil && progress.completedCount == 3)
    }

    /// A round stopped halfway sets no priority: the plan and the contract keep the finished one.
    @Test func onlyAFinishedRoundIsInForce() throws {
        let meeting = ListRecord(fields: [
            ("type", .text("COPIL")), ("date", .date(try #require(CalendarDate(year: 2027, month: 3, day: 12)))),
            ("presents", .choices(["A", "B"])),
        ])
        let rounds = [1, 2].map { _ in PrioritizationProgress.roundRecord(meeting: 1, scope: .findings, items: ["x", "y"]) }
        var votes = ["x", "y"].flatMap { PrioritizationProgress.records(round: 1, item: $0, scores: [("A", 4), ("B", 3)]) }
        votes += PrioritizationProgress.records(round: 2, item: "y", scores: [("A", 4), ("B", 4)])
        func concertation(_ votes: [ListRecord]) -> Concertation {
            Concertation(answers: [
                QuestionKeys.meetings: .records([meeting]), QuestionKeys.priorityRounds: .records(rounds),
                QuestionKeys.votes: .records(votes),
            ])
        }
        #expect(concertation(votes).latestRound(.findings)?.number == 1)
        #expect(concertation(votes).planPriorities?.ranking.round.number == 1)
        // Round 2 finished, B saying « - » for x: it is in force, x scored by A alone.
        votes += PrioritizationProgress.records(round: 2, item: "x", scores: [("A", 1), ("B", nil)])
        let finished = try #require(concertation(votes).planPriorities)
        #expect(finished.ranking.round.number == 2)
        #expect(finished.ranking.entries.map(\.item) == ["y", "x"])
        #expect(finished.ranking.entries.last?.scores == [1] && finished.ranking.entries.last?.spreadText == "—")
        // « - » typed after a score withdraws it.
        votes += PrioritizationProgress.records(round: 2, item: "x", scores: [("A", nil)])
        #expect(concertation(votes).planPriorities?.ranking.entries.last?.rank == nil)
    }

    @Test func theRoundRecordReadsBack() throws {
        let record = PrioritizationProgress.roundRecord(meeting: 3, scope: .levers, items: ["transport", "cpts"])
        let concertation = Concertation(answers: [QuestionKeys.priorityRounds: .records([record])])
        #expect(concertation.rounds == [Concertation.Round(number: 1, meeting: 3, scope: .levers, items: ["transport", "cpts"])])
    }

    @Test func aLineGivesEveryVoterOrTheNextOne() throws {
        let voters = ["A", "B", "C", "D"]
        let all = try PriorityScoresLine.parse("4 3 - 2", voters: voters).get()
        #expect(all.map(\.voter) == voters)
        #expect(all.map(\.score) == [4, 3, nil, 2])
        let one = try PriorityScoresLine.parse("3", voters: voters).get()
        #expect(one.map(\.voter) == ["A"] && one.map(\.score) == [3])
    }

    @Test(arguments: ["5", "abc", "0", "4 3 4", "4 3 4 2 1", "3,5"])
    func aWrongLineSaysWhatWasExpected(_ line: String) throws {
        guard case .failure(let refusal) = PriorityScoresLine.parse(line, voters: ["A", "B", "C", "D"]) else {
            Issue.record("« \(line) » accepted")
            return
        }
        #expect(refusal.message.contains("Rien n'a été enregistré") || refusal.message.contains("rien n'a été enregistré"))
        #expect(refusal.message.contains("4 notes dans l'ordre (A, B, C, D), ou une seule pour A"))
    }
}
