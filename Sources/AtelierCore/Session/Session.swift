/// Where a diagnosis session stands, held as one value: the session's copy of the workbook,
/// the question being asked, the list element being typed, who speaks and from which source.
///
/// No I/O and no words: the terminal loop reads a line, asks this value what it means and what
/// to write, writes it, then says what happened (as linenoise-swift's `EditState` sits beside
/// its terminal loop).
public struct Session: Sendable {
    public let questionnaire: Questionnaire
    public let navigator: Navigator

    /// The answers as this session last read or wrote them.
    public private(set) var answers: [String: StoredAnswer] = [:] {
        didSet {
            checked = Self.check(answers, questionnaire)
            revision += 1
        }
    }
    /// Counts the changes of `answers`: what is computed from them (the synthèse, a document)
    /// is computed again only when it changed.
    public private(set) var revision = 0
    public private(set) var skipped: Set<String> = []
    /// Answers proposed by imports, waiting for /confirmer.
    public private(set) var proposals: [String: Proposal] = [:]
    /// The answers the workbook holds but that cannot be read: treated as not answered.
    public private(set) var unreadable: [String] = []
    /// The stored answers' problems and the answers usable despite them, computed once for each
    /// state of `answers` (the parser asks at every line typed).
    public private(set) var checked: CheckedAnswers

    /// The question being asked; nil once every applicable question is answered or skipped.
    public private(set) var current: Question?
    /// The record being typed field by field, in a `liste` question.
    public var draft: ListDraft?
    /// Whether the current question already had an answer (Enter on an empty line keeps it).
    public private(set) var reAsking = false
    public var participant: String?
    public private(set) var source: String?
    public private(set) var sourceYear: Int?
    /// The section where `/source` was typed: the source applies to its figures only.
    public private(set) var sourceSection: String?
    /// The fiches in the order last shown to the user, for answers by number.
    public var shownActionSheets: [(key: String, title: String)]?
    /// The section whose title was shown last, so that it is shown once.
    public var lastSectionShown: String?

    /// The names under which the session's state is kept in the workbook.
    public enum StateKey {
        public static let currentQuestion = "question_courante"
        public static let participant = "participant"
        public static let source = "source"
        public static let sourceYear = "source_annee"
        public static let sourceSection = "source_section"
    }

    public init(questionnaire: Questionnaire, content: WorkbookContent, state: [String: String]) {
        self.questionnaire = questionnaire
        self.navigator = Navigator(questionnaire: questionnaire)
        self.checked = Self.check([:], questionnaire)
        adopt(content)
        participant = state[StateKey.participant]
        source = state[StateKey.source]
        sourceYear = state[StateKey.sourceYear].flatMap { Int($0) }
        // A workbook of a version that did not record the section: the section of the
        // question the session stood at, as the user saw it.
        sourceSection =
            state[StateKey.sourceSection]
            ?? state[StateKey.currentQuestion].flatMap { questionnaire.question(forKey: $0) }.flatMap {
                questionnaire.section(containing: $0)?.key
            }
        if source == nil { sourceSection = nil }
    }

    public var values: [String: AnswerValue] { answers.mapValues(\.value) }
    /// The answers the synthèse, the documents, the financing plan and dependent bounds rest
    /// on: the stored ones without their problems (treated as not answered).
    public var usableAnswers: [String: StoredAnswer] { checked.usable }
    public var usableValues: [String: AnswerValue] { checked.usable.mapValues(\.value) }
    /// What the questionnaire would refuse among the stored answers (a workbook edited by hand,
    /// an answer that bounded another and changed since).
    public var storedValueProblems: [StoredValueProblem] {
        unreadable.map { StoredValueProblem(key: $0, shown: "valeur illisible", expected: "", kind: .unreadable) } + checked.problems
    }

    // MARK: - The workbook's content

    /// Takes the workbook's content as the session's copy; returns the keys whose answer or
    /// import proposal changed, in questionnaire order.
    @discardableResult
    public mutating func adopt(_ content: WorkbookContent) -> [String] {
        let changed = Set(answers.keys).union(content.answers.keys).filter { answers[$0]?.value != content.answers[$0]?.value }
            .union(Set(proposals.keys).union(content.proposals.keys).filter { proposals[$0] != content.proposals[$0] })
        answers = content.answers
        skipped = content.skipped
        proposals = content.proposals
        unreadable = content.unreadable
        return questionnaire.questions.map(\.key).filter(changed.contains)
    }

    /// The answers a transaction wrote, as it read them back: no longer skipped nor proposed.
    public mutating func apply(written: [String: StoredAnswer], settled: [String] = []) {
        if !written.isEmpty { answers.merge(written) { $1 } }
        unreadable.removeAll { written[$0] != nil }
        skipped.subtract(written.keys)
        for key in Array(written.keys) + settled { proposals.removeValue(forKey: key) }
    }

    public mutating func addProposals(_ new: [Proposal]) {
        for proposal in new { proposals[proposal.key] = proposal }
    }

    // MARK: - Position

    /// Asks `question` next (nil: nothing left to ask); the element being typed is dropped.
    public mutating func setCurrent(_ question: Question?) {
        current = question
        draft = nil
        reAsking = question.map { answers[$0.key] != nil } ?? false
    }

    /// Where a session starts: the question saved in the workbook, where the user stood (even
    /// answered: a list reached by /aller, an answer being reconsidered), if it still applies;
    /// else the first open one.
    public func startingQuestion(saved: String?) -> Question? {
        if let saved, let question = questionnaire.question(forKey: saved), question.isTypedWhenReached,
            navigator.isApplicable(question, answers: values)
        {
            return question
        }
        return navigator.nextQuestion(after: nil, answers: values, skipped: skipped)
    }

    /// The next open question after the current one.
    public var nextQuestion: Question? { questionAfter([]) }

    /// The question before the current one (the last applicable one at the end); nil at the first.
    public var previousQuestion: Question? {
        guard let current else { return questionnaire.questions.last { navigator.isApplicable($0, answers: values) } }
        return navigator.previousQuestion(before: current.key, answers: values)
    }

    /// The source of the figures typed next in `section`, and its year (the last plausible
    /// year in it).
    public mutating func setSource(_ text: String?, section: String?) {
        source = text.flatMap { $0.isEmpty ? nil : $0 }
        sourceYear = source.flatMap(Self.year(in:))
        sourceSection = source == nil ? nil : section
    }

    /// The section whose figures a `/source` typed now would describe: the current question's,
    /// when its section takes sources.
    public var sectionForSource: Section? {
        current.flatMap { questionnaire.section(containing: $0) }.flatMap { $0.takesSources ? $0 : nil }
    }

    /// The source recorded with an answer to `question` typed now: the active source, when the
    /// question is a figure of the section where it was given; never a contract or a text.
    public func appliedSource(to question: Question) -> (source: String, year: Int?)? {
        guard question.expectsSource, let source, let sourceSection,
            questionnaire.section(containing: question).map({ $0.key == sourceSection && $0.takesSources }) == true
        else { return nil }
        return (source, sourceYear)
    }

    /// The last plausible year (1990–2100) written in a source, as the year of the figure.
    public static func year(in text: String) -> Int? {
        let tokens = text.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        return tokens.last { (1990...2100).contains($0) }
    }

    static func check(_ answers: [String: StoredAnswer], _ questionnaire: Questionnaire) -> CheckedAnswers {
        let problems = StoredValueCheck.problems(in: answers.mapValues(\.value), questionnaire: questionnaire)
        var usable = answers
        for key in Set(problems.map(\.key)) {
            guard let stored = answers[key] else { continue }
            usable[key] = StoredValueCheck.usable(stored.value, key: key, problems: problems).map {
                var copy = stored
                copy.value = $0
                return copy
            }
        }
        return CheckedAnswers(problems: problems, usable: usable)
    }
}

public struct CheckedAnswers: Sendable {
    public var problems: [StoredValueProblem]
    public var usable: [String: StoredAnswer]
}

/// A record of a `liste` question being typed, one field per line.
public struct ListDraft: Sendable {
    public var fields: [ListField]
    public var values: [(key: String, value: AnswerValue)] = []
    public var index = 0
    public var itemNumber: Int

    public init(fields: [ListField], itemNumber: Int) {
        self.fields = fields
        self.itemNumber = itemNumber
    }
}
