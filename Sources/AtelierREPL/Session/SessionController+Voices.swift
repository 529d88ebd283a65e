import AtelierCore

// MARK: - Voices: /voix from any question

extension SessionController {
    /// `/voix THÈME ; QUI ; PROPOS [; NOM [; RÉUNION]]`: a voice appended to concertation.voix,
    /// attached to the open meeting unless it names one; then what was asked is asked again.
    func addVoice(_ fields: String) -> Outcome {
        guard let question = questionnaire.question(forKey: QuestionKeys.voices), case .list(let listFields) = question.kind else {
            return .refused("Ce questionnaire n'a pas de liste des propos (\(QuestionKeys.voices)) : /voix n'y a pas de place.")
        }
        catchUpWithOtherSessions()
        let typed: ListRecord
        do {
            typed = try parser(for: question.kind).record(fields, fields: listFields)
        } catch {
            return .refused(error.description + " Par exemple : /voix mobilités ; habitants ; Pas de bus le mardi.")
        }
        var added: ListRecord?
        let refusal = commit(
            question, origin: .typed, quiet: true,
            decide: { () throws(Refusal) in
                // Attached to the meeting open as the workbook is now.
                let record = try self.checkedElement(typed, for: question)
                added = record
                return .records(self.records(of: question) + [record])
            })
        if let refusal { return refusal }
        if let current { session.alignDraft(with: current) }
        let number = records(of: question).count
        let meeting: Concertation.Meeting? =
            if case .integer(let n)? = added?[Concertation.meetingField] { Concertation(answers: usableValues).meeting(n) } else { nil }
        console.write(wording.voiceAdded(number: number, added ?? typed, fields: listFields, meeting: meeting))
        reask()
        return .accepted
    }

    /// `record` completed from where the session stands (a voice attached to the open meeting),
    /// refused when it names a meeting the list does not have.
    func checkedElement(_ record: ListRecord, for question: Question) throws(Refusal) -> ListRecord {
        let completed = session.completed(record, for: question)
        if let number = session.unknownMeeting(in: completed, for: question) {
            throw Refusal(message: wording.unknownMeeting(number, count: session.records(ofKey: QuestionKeys.meetings).count))
        }
        return completed
    }
}
