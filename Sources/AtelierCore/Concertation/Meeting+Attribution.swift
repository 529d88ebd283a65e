// MARK: - Meetings: what an answer given during one carries, and what is filled in from it

extension Concertation.Meeting {
    /// How an answer given in this meeting is attributed: `en COPIL le 12/03/2027`.
    public var attribution: String { Self.attribution(kind: kind, date: date) }

    /// `en COPIL le 12/03/2027`, `en groupe de travail le …`, `par questionnaire habitants le …`.
    public static func attribution(kind: String, date: CalendarDate) -> String {
        let preposition = kind.folded.hasPrefix("questionnaire") ? "par" : "en"
        return "\(preposition) \(kind) le \(date.french)"
    }
}

extension Concertation {
    /// The four lists of the concertation section.
    public static let listKeys = [QuestionKeys.meetings, QuestionKeys.voices, QuestionKeys.priorityRounds, QuestionKeys.votes]
    /// The meetings field that says a meeting is open or closed, and its two values.
    public static let statusField = "statut"
    public static let openStatus = "ouverte"
    public static let closedStatus = "close"
    /// The field of a voice (and of a round) naming its meeting by number.
    public static let meetingField = "reunion"
    /// The fields `/réunion nouvelle` asks: the others (decisions, status) are set by the tool.
    public static let meetingEntryFields = ["type", "date", "lieu", "presents"]
    /// The vote field whose absence says « ne note pas ».
    public static let scoreField = "note"

    /// Whether an empty `field` of `list` says something (a vote without a note is an abstention).
    public static func absenceMeans(list: String, field: String) -> Bool { list == QuestionKeys.votes && field == scoreField }

    /// The fields `/voix` takes: the meeting is the open one unless given.
    public static let voiceFields = ["theme", "qui", "propos", "nom", "reunion"]

    /// The meeting open in `answers` (only the meetings list is read).
    public static func openMeeting(in answers: [String: AnswerValue]) -> Meeting? {
        guard let meetings = answers[QuestionKeys.meetings] else { return nil }
        return Concertation(answers: [QuestionKeys.meetings: meetings]).openMeeting
    }
}

extension Session {
    /// The meeting in progress, as the session's copy of the workbook has it.
    public var openMeeting: Concertation.Meeting? {
        guard let stored = usableAnswers[QuestionKeys.meetings] else { return nil }
        return Concertation.openMeeting(in: [QuestionKeys.meetings: stored.value])
    }

    /// The attribution every change decided now carries: the open meeting's, if any.
    public var meetingAttribution: String? { openMeeting?.attribution }

    /// An element added to `question`, completed from where the session stands: a voice
    /// typed during a meeting is attached to it, unless it names its meeting itself.
    public func completed(_ record: ListRecord, for question: Question) -> ListRecord {
        guard question.key == QuestionKeys.voices, record[Concertation.meetingField] == nil, let meeting = openMeeting,
            case .list(let fields) = question.kind
        else { return record }
        return record.setting(Concertation.meetingField, to: .integer(meeting.number), order: fields.map(\.key))
    }

    /// The meeting number an element of `question` names when the meetings list has no such
    /// meeting (a voice or a round typed with a wrong number); nil when it is fine.
    public func unknownMeeting(in record: ListRecord, for question: Question) -> Int? {
        guard ListReferences.all.contains(where: { $0.list == question.key && $0.target == QuestionKeys.meetings }),
            case .integer(let number)? = record[Concertation.meetingField]
        else { return nil }
        return number <= records(ofKey: QuestionKeys.meetings).count ? nil : number
    }

    /// The meetings list with meeting `number` closed, what was decided appended (« ; ») to
    /// what was typed before; nil when it is not an open meeting.
    public func closingMeeting(_ number: Int, decisions: String?, fields: [ListField]) -> [ListRecord]? {
        var items = records(ofKey: QuestionKeys.meetings)
        guard items.indices.contains(number - 1),
            items[number - 1][Concertation.statusField]?.words?.folded == Concertation.openStatus
        else { return nil }
        let order = fields.map(\.key)
        var record = items[number - 1].setting(Concertation.statusField, to: .choice(Concertation.closedStatus), order: order)
        if let decisions = decisions?.trimmed, !decisions.isEmpty {
            let before = record["decisions"]?.words?.trimmed ?? ""
            record = record.setting("decisions", to: .text(before.isEmpty ? decisions : before + " ; " + decisions), order: order)
        }
        items[number - 1] = record
        return items
    }
}
