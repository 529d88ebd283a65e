/// The shared part of the diagnosis, read from its four lists (`concertation.*`): the meetings
/// held, what people said, the rounds of prioritisation and their votes.
///
/// A meeting, a round, is designated by its number in its list, as a financing line names its
/// fiche: when one moves or goes, what refers to it follows (`ListReferences`). Elements whose
/// fields cannot be read (a workbook edited by hand) are left out, never guessed.
public struct Concertation: Sendable, Equatable {
    public struct Meeting: Sendable, Equatable {
        /// Its number in `concertation.reunions`, from 1.
        public var number: Int
        public var kind: String
        public var date: CalendarDate
        public var place: String?
        public var present: [String]
        public var decisions: String?
        public var isOpen: Bool

        /// `COPIL du 12/03/2027`.
        public var label: String { "\(kind) du \(date.french)" }
    }

    public struct Voice: Sendable, Equatable {
        public var number: Int
        public var theme: String
        /// In what capacity: habitants, professionnels, élus, partenaires.
        public var speaker: String
        public var text: String
        /// Only when the person agreed to be named.
        public var name: String?
        public var meeting: Int?
    }

    public struct Round: Sendable, Equatable {
        /// Its number in `concertation.priorisations`, from 1.
        public var number: Int
        public var meeting: Int
        public var scope: PriorityScope
        /// The keys of the findings (rule keys) or levers put to the vote, in the order shown.
        public var items: [String]
    }

    public struct Vote: Sendable, Equatable {
        public var round: Int
        public var voter: String
        public var item: String
        /// nil: the voter said they would not score this item (« - »).
        public var score: Int?
    }

    public var meetings: [Meeting]
    public var voices: [Voice]
    public var rounds: [Round]
    public var votes: [Vote]

    public init(meetings: [Meeting] = [], voices: [Voice] = [], rounds: [Round] = [], votes: [Vote] = []) {
        self.meetings = meetings
        self.voices = voices
        self.rounds = rounds
        self.votes = votes
    }

    /// The meeting in progress: the last one marked « ouverte ».
    public var openMeeting: Meeting? { meetings.last { $0.isOpen } }

    public func meeting(_ number: Int?) -> Meeting? {
        guard let number, meetings.indices.contains(number - 1) else { return nil }
        return meetings[number - 1]
    }

    public func votes(of round: Round) -> [Vote] { votes.filter { $0.round == round.number } }

    /// Who is asked to score a round: the présents of its meeting, in their order; when the
    /// meeting lost them, who took part in it, in the order they first did.
    public func voters(of round: Round) -> [String] {
        if let present = meeting(round.meeting)?.present, !present.isEmpty { return present }
        var voters: [String] = []
        for vote in votes(of: round) where !voters.contains(vote.voter) { voters.append(vote.voter) }
        return voters
    }

    /// The ranking of a round from its voters' votes alone: a vote of someone not present (a
    /// workbook edited by hand, a présent removed since) is not counted.
    public func ranking(of round: Round) -> PriorityRanking {
        let voters = Set(voters(of: round))
        return PriorityRanking(round: round, votes: votes(of: round).filter { voters.contains($0.voter) })
    }

    public func progress(of round: Round) -> PrioritizationProgress {
        PrioritizationProgress(round: round, voters: voters(of: round), votes: votes(of: round))
    }

    /// Whether `round` sets priorities: every voter finished it, with at least one score. A round
    /// stopped halfway sets none.
    public func isSettled(_ round: Round) -> Bool {
        progress(of: round).isComplete && votes(of: round).contains { $0.score != nil }
    }

    /// The latest settled round of `scope`: the one that orders the plan and the contract.
    public func latestRound(_ scope: PriorityScope) -> Round? {
        rounds.last { $0.scope == scope && isSettled($0) }
    }
}

extension Concertation {
    /// The separator of `elements` in a round: keys never contain it.
    public static let itemSeparator = ", "

    /// Reads the four lists from the answers (usable values: a field found wrong is already out).
    public init(answers: [String: AnswerValue]) {
        func records(_ key: String) -> [ListRecord] {
            if case .records(let items)? = answers[key] { items } else { [] }
        }
        func text(_ record: ListRecord, _ key: String) -> String? {
            guard let words = record[key]?.words?.trimmed, !words.isEmpty else { return nil }
            return words
        }
        func integer(_ record: ListRecord, _ key: String) -> Int? {
            if case .integer(let n)? = record[key] { n } else { nil }
        }
        meetings = records(QuestionKeys.meetings).enumerated().compactMap { index, record in
            guard let kind = text(record, "type"), case .date(let date)? = record["date"] else { return nil }
            let present: [String] = if case .choices(let names)? = record["presents"] { names } else { [] }
            return Meeting(
                number: index + 1, kind: kind, date: date, place: text(record, "lieu"), present: present,
                decisions: text(record, "decisions"), isOpen: text(record, "statut")?.folded == "ouverte")
        }
        voices = records(QuestionKeys.voices).enumerated().compactMap { index, record in
            guard let theme = text(record, "theme"), let speaker = text(record, "qui"), let said = text(record, "propos") else {
                return nil
            }
            return Voice(
                number: index + 1, theme: theme, speaker: speaker, text: said, name: text(record, "nom"),
                meeting: integer(record, "reunion"))
        }
        rounds = records(QuestionKeys.priorityRounds).enumerated().compactMap { index, record in
            guard let meeting = integer(record, "reunion"), let scope = text(record, "portee").flatMap(PriorityScope.init(rawValue:))
            else { return nil }
            let items = (text(record, "elements") ?? "").split(separator: ",").map { $0.trimmed }.filter { !$0.isEmpty }
            return Round(number: index + 1, meeting: meeting, scope: scope, items: items)
        }
        votes = records(QuestionKeys.votes).compactMap { record in
            // No note: the voter does not score the item; a note outside 1…4: the vote is left out.
            let score = integer(record, "note")
            guard let round = integer(record, "tour"), let voter = text(record, "votant"), let item = text(record, "element"),
                score.map(PriorityMethod.scores.contains) ?? true
            else { return nil }
            return Vote(round: round, voter: voter, item: item, score: score)
        }
    }
}
