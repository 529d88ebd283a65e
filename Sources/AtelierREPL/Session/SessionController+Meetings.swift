import AtelierCore

// MARK: - Meetings: /réunion nouvelle, /réunion fin, /réunions

/// A meeting typed field by field after `/réunion nouvelle`: nothing is written before its
/// last field, so abandoning it (/annuler) leaves nothing.
struct MeetingEntry {
    var fields: [ListField]
    var values: [(key: String, value: AnswerValue)] = []
    var index = 0
}

extension SessionController {
    /// The meetings list of the questionnaire, with its fields.
    var meetingsQuestion: (question: Question, fields: [ListField])? {
        guard let question = questionnaire.question(forKey: QuestionKeys.meetings), case .list(let fields) = question.kind else {
            return nil
        }
        return (question, fields)
    }

    func meeting(_ action: MeetingAction) -> Outcome {
        guard let (question, fields) = meetingsQuestion else {
            return .refused("Ce questionnaire n'a pas de liste des réunions (\(QuestionKeys.meetings)) : /réunion n'y a pas de place.")
        }
        catchUpWithOtherSessions()
        switch action {
        case .start(let typed):
            if let open = session.openMeeting { return .refused(wording.meetingAlreadyOpen(open)) }
            let entryFields = fields.filter { Concertation.meetingEntryFields.contains($0.key) }
            guard let typed else {
                meetingEntry = MeetingEntry(fields: entryFields)
                console.write(
                    style.dim("  Nouvelle réunion : " + entryFields.map(\.label).joined(separator: ", ") + ". /annuler abandonne."))
                _ = askMeetingField()
                return .accepted
            }
            do {
                return openMeeting(try parser(for: question.kind).record(typed, fields: entryFields), question, fields)
            } catch {
                return .refused(error.description)
            }
        case .end(let decisions):
            guard let open = session.openMeeting else { return .refused(wording.noMeetingOpen) }
            var closed: Concertation.Meeting?
            let refusal = commit(
                question, origin: .modified, quiet: true,
                decide: { () throws(Refusal) in
                    // The meeting open as the workbook is now (another session may have closed it).
                    guard let now = self.session.openMeeting,
                        let items = self.session.closingMeeting(now.number, decisions: decisions, fields: fields)
                    else { throw Refusal(message: self.wording.noMeetingOpen) }
                    closed = now
                    return .records(items)
                })
            if let refusal { return refusal }
            let meeting = closed ?? open
            let record = records(of: question).indices.contains(meeting.number - 1) ? records(of: question)[meeting.number - 1] : nil
            console.write(wording.meetingClosed(meeting, decisions: record?["decisions"]?.words))
            if prioritization != nil {
                // Scores are given in a meeting: its end ends the round being scored.
                interruptRound(then: "il ne fixe aucune priorité tant qu'il n'est pas fini, dans une réunion ouverte")
                return .accepted
            }
            remindCurrent()
            return .accepted
        }
    }

    /// Appends the meeting, open, to the list: one change.
    private func openMeeting(_ entry: ListRecord, _ question: Question, _ fields: [ListField]) -> Outcome {
        let record = entry.setting(Concertation.statusField, to: .choice(Concertation.openStatus), order: fields.map(\.key))
        let refusal = commit(
            question, origin: .typed, quiet: true,
            decide: { () throws(Refusal) in
                if let open = self.session.openMeeting { throw Refusal(message: self.wording.meetingAlreadyOpen(open)) }
                return .records(self.records(of: question) + [record])
            })
        if let refusal { return refusal }
        if let opened = session.openMeeting { console.write(wording.meetingOpened(opened)) }
        if let current { session.alignDraft(with: current) }
        reask()
        return .accepted
    }

    func listMeetings() -> Outcome {
        catchUpWithOtherSessions()
        let concertation = Concertation(answers: usableValues)
        guard !concertation.meetings.isEmpty else {
            console.write("Aucune réunion n'est encore notée. /réunion nouvelle en ouvre une.")
            return .accepted
        }
        let concertationKeys = Set(ListReferences.all.flatMap { [$0.list, $0.target] })
        for meeting in concertation.meetings {
            let answered = answers.values.filter { $0.meeting == meeting.attribution && !concertationKeys.contains($0.key) }.count
            let voices = concertation.voices.filter { $0.meeting == meeting.number }.count
            let rounds = concertation.rounds.filter { $0.meeting == meeting.number }
            let votes = rounds.reduce(0) { $0 + concertation.votes(of: $1).count }
            for line in wording.meetingSummary(
                meeting, answers: answered, voices: voices, rounds: rounds.count, votes: votes, width: console.proseWidth)
            {
                console.write(line)
            }
        }
        remindCurrent()
        return .accepted
    }

    /// The line, when a meeting is being typed field by field (nil: not this mode's line).
    func meetingLine(_ line: String) -> Outcome? {
        guard var entry = meetingEntry, let (question, fields) = meetingsQuestion else { return nil }
        let field = entry.fields[entry.index]
        if line.isEmpty {
            guard field.optional else {
                let expected = parser(for: field.kind).expectation(for: field.kind, bounds: field.bounds)
                return .refused(wording.message(for: .fieldRequired(field, expectation: expected)))
            }
        } else {
            do {
                entry.values.append((field.key, try parser(for: field.kind).parse(line, as: field.kind, bounds: field.bounds)))
            } catch {
                return .refused(wording.message(for: .invalidField(field, error)))
            }
        }
        entry.index += 1
        guard entry.index == entry.fields.count else {
            meetingEntry = entry
            _ = askMeetingField()
            return .accepted
        }
        meetingEntry = nil
        if let open = session.openMeeting { return .refused(wording.meetingAlreadyOpen(open)) }
        return openMeeting(ListRecord(fields: entry.values), question, fields)
    }

    /// Asks the next field of the meeting being typed; false when none is.
    func askMeetingField() -> Bool {
        guard let entry = meetingEntry else { return false }
        let field = entry.fields[entry.index]
        var line = "  Réunion — \(field.label)"
        if !field.kind.choices.isEmpty { line += " : " + AnswerParser.numbered(field.kind.choices) }
        if case .participantNames = field.kind, !session.participantNames.isEmpty {
            line += style.dim(" (parmi : " + session.participantNames.joined(separator: ", ") + ")")
        }
        if field.optional { line += style.dim(" (facultatif : ligne vide pour passer)") }
        console.write(line)
        return true
    }

    /// `/annuler` while a meeting is typed: the entry is dropped, nothing was written.
    func abandonMeetingEntry() -> Outcome? {
        guard meetingEntry != nil else { return nil }
        meetingEntry = nil
        console.write(style.yellow("  Saisie de la réunion abandonnée : rien n'a été enregistré."))
        reask()
        return .accepted
    }

    /// Asks again what was being asked: the field of the element being typed, else the question.
    func reask() {
        if session.draft != nil, meetingEntry == nil {
            askField()
        } else {
            askCurrent()
        }
    }
}
