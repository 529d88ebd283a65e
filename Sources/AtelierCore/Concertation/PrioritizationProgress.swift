/// Where a round of prioritisation stands, read from the votes in the workbook (never from
/// what a session remembers): the item to score next and who has still to score it.
///
/// A vote without a note is a participant who does not score that item (« - »): it counts as
/// given, so that the round can end, but not in the ranking.
public struct PrioritizationProgress: Sendable, Equatable {
    public struct Step: Sendable, Equatable {
        /// Its position in the round, from 0.
        public var index: Int
        public var item: String
        /// The voters still to score it, in the order of the présents.
        public var voters: [String]
    }

    public var round: Concertation.Round
    public var voters: [String]
    /// For each item of the round, the voters who scored it or said they would not.
    public var given: [String: Set<String>]

    /// `votes`: those of the round, abstentions included.
    public init(round: Concertation.Round, voters: [String], votes: [Concertation.Vote]) {
        self.round = round
        self.voters = voters
        var given: [String: Set<String>] = [:]
        for vote in votes where vote.round == round.number { given[vote.item, default: []].insert(vote.voter) }
        self.given = given
    }

    /// The first item some voter has not scored yet; nil when the round is complete.
    public var next: Step? {
        for (index, item) in round.items.enumerated() {
            let missing = voters.filter { !(given[item] ?? []).contains($0) }
            if !missing.isEmpty { return Step(index: index, item: item, voters: missing) }
        }
        return nil
    }

    public var isComplete: Bool { next == nil }

    /// The items every voter has scored.
    public var completedCount: Int {
        round.items.filter { item in voters.allSatisfy { (given[item] ?? []).contains($0) } }.count
    }

    /// The records of `concertation.votes` for one line of scores (nil: does not score).
    public static func records(round: Int, item: String, scores: [(voter: String, score: Int?)]) -> [ListRecord] {
        scores.map { voter, score in
            var fields: [(key: String, value: AnswerValue)] = [
                ("tour", .integer(round)), ("votant", .text(voter)), ("element", .text(item)),
            ]
            if let score { fields.append(("note", .integer(score))) }
            return ListRecord(fields: fields)
        }
    }

    /// The record of `concertation.priorisations` for a new round.
    public static func roundRecord(meeting: Int, scope: PriorityScope, items: [String]) -> ListRecord {
        ListRecord(fields: [
            ("reunion", .integer(meeting)), ("portee", .choice(scope.rawValue)),
            ("elements", .text(items.joined(separator: Concertation.itemSeparator))),
        ])
    }
}

/// One line typed during a round: the scores of the voters still to score the item, in order,
/// or one score for the next of them.
public enum PriorityScoresLine {
    /// The scores read, one per voter it names (nil: « - », does not score); or the French
    /// sentence saying what was expected.
    public static func parse(_ line: String, voters: [String]) -> Result<[(voter: String, score: Int?)], PriorityLineRefusal> {
        let tokens = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == ";" || $0 == "," }).map(String.init)
        let expected =
            voters.count == 1
            ? "une note pour \(voters[0])"
            : "\(voters.count) notes dans l'ordre (\(voters.joined(separator: ", "))), ou une seule pour \(voters[0])"
        guard tokens.count == voters.count || tokens.count == 1 else {
            return .failure(
                PriorityLineRefusal(
                    message:
                        "\(tokens.count) notes pour \(voters.count) votant\(voters.count > 1 ? "s" : "") : attendu \(expected) ; rien n'a été enregistré."
                ))
        }
        var scores: [(voter: String, score: Int?)] = []
        for (voter, token) in zip(voters, tokens) {
            if token == "-" || token == "—" || token == "–" {
                scores.append((voter, nil))
            } else if let score = Int(token), PriorityMethod.scores.contains(score) {
                scores.append((voter, score))
            } else {
                return .failure(
                    PriorityLineRefusal(
                        message:
                            "Note refusée : « \(token.shortened()) » pour \(voter). Attendu une note de 1 (pas prioritaire) à 4 (très prioritaire), ou « - » pour qui ne note pas ; \(expected). Rien n'a été enregistré."
                    ))
            }
        }
        return .success(scores)
    }
}

public struct PriorityLineRefusal: Error, Sendable, Equatable {
    public var message: String
}
