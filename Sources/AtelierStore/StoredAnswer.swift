import AtelierCore
import Foundation

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
    /// Who recorded the line, when it differs from the author of the value (an undo).
    public var actedBy: String? = nil
    /// The meeting the value was given in (« en COPIL le 12/03/2027 »).
    public var meeting: String? = nil
}

/// What the list of workbooks shows for each file.
public struct WorkbookSummary: Sendable {
    public var path: String
    public var territory: String?
    public var answers: [String: AnswerValue]
    public var lastChange: Date?
}
