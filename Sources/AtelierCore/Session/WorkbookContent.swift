import Foundation

/// What a session holds of its workbook: every answer, the skipped questions and the
/// proposals waiting for confirmation, as they were at one moment.
public struct WorkbookContent: Sendable, Equatable {
    public var answers: [String: StoredAnswer]
    public var skipped: Set<String>
    public var proposals: [String: Proposal]
    /// The answers whose stored value cannot be read (edited by hand): not used, warned about.
    public var unreadable: [String]

    public init(
        answers: [String: StoredAnswer] = [:], skipped: Set<String> = [], proposals: [String: Proposal] = [:],
        unreadable: [String] = []
    ) {
        self.answers = answers
        self.skipped = skipped
        self.proposals = proposals
        self.unreadable = unreadable
    }
}

/// An answer as it stands in the workbook.
public struct StoredAnswer: Sendable, Equatable {
    public var key: String
    public var value: AnswerValue
    public var participant: String?
    public var source: String?
    public var sourceYear: Int?
    public var updatedAt: Date
    /// The meeting it was given in, as its attribution reads (`Concertation.Meeting.attribution`).
    public var meeting: String?

    public init(
        key: String, value: AnswerValue, participant: String?, source: String?, sourceYear: Int?, updatedAt: Date,
        meeting: String? = nil
    ) {
        self.key = key
        self.value = value
        self.participant = participant
        self.source = source
        self.sourceYear = sourceYear
        self.updatedAt = updatedAt
        self.meeting = meeting
    }
}

/// A change to record: a new value for a question, with who and where it comes from.
public struct AnswerChange: Sendable {
    public enum Origin: String, Sendable {
        case typed = "saisie"
        case modified = "modification"
        case reference = "référentiel"
        case imported = "import"
        case removed = "retrait"
        /// `/déplacer`: an element moved in its list.
        case moved = "déplacement"
        /// `/annuler`: the answer as it was before the change undone.
        case undone = "annulation"
        /// `/refaire`: the change undone, made again.
        case redone = "rétablissement"
        /// `/fusionner`: taken from a partner's copy or a scenario.
        case merged = "fusion"
    }

    public var key: String
    public var value: AnswerValue
    public var participant: String?
    public var source: String?
    public var sourceYear: Int?
    public var origin: Origin
    /// The meeting open when it was decided, as its attribution reads (« en COPIL le 12/03/2027 »).
    public var meeting: String?

    public init(
        key: String, value: AnswerValue, participant: String?, source: String?, sourceYear: Int?, origin: Origin,
        meeting: String? = nil
    ) {
        self.key = key
        self.value = value
        self.participant = participant
        self.source = source
        self.sourceYear = sourceYear
        self.origin = origin
        self.meeting = meeting
    }
}

/// An answer proposed by an import, waiting to be confirmed.
public struct Proposal: Sendable, Equatable {
    public var key: String
    public var value: AnswerValue
    public var source: String
    public var sourceYear: Int?
    public var file: String

    public init(key: String, value: AnswerValue, source: String, sourceYear: Int?, file: String) {
        self.key = key
        self.value = value
        self.source = source
        self.sourceYear = sourceYear
        self.file = file
    }
}
