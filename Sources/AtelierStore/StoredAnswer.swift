import AtelierCore
import Foundation

/// An answer as it stands in the workbook.
public struct StoredAnswer: Sendable, Equatable {
    public var key: String
    public var value: AnswerValue
    public var participant: String?
    public var source: String?
    public var sourceYear: Int?
    public var updatedAt: Date
}

/// A change to record: a new value for a question, with who and where it comes from.
public struct AnswerChange: Sendable {
    public enum Origin: String, Sendable {
        case typed = "saisie"
        case modified = "modification"
        case reference = "référentiel"
        case imported = "import"
        case removed = "retrait"
    }

    public var key: String
    public var value: AnswerValue
    public var participant: String?
    public var source: String?
    public var sourceYear: Int?
    public var origin: Origin

    public init(key: String, value: AnswerValue, participant: String?, source: String?, sourceYear: Int?, origin: Origin) {
        self.key = key
        self.value = value
        self.participant = participant
        self.source = source
        self.sourceYear = sourceYear
        self.origin = origin
    }
}

/// One line of an answer's history.
public struct AnswerEvent: Sendable, Equatable {
    public var key: String
    public var display: String?
    public var previousDisplay: String?
    public var participant: String?
    public var source: String?
    public var sourceYear: Int?
    public var origin: String
    public var recordedAt: Date
}

/// What the list of workbooks shows for each file.
public struct WorkbookSummary: Sendable {
    public var path: String
    public var territory: String?
    public var answers: [String: AnswerValue]
    public var lastChange: Date?
}
