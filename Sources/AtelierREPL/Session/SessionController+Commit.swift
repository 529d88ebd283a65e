import AtelierCore
import AtelierStore

// MARK: - Committing, against the workbook as it is now

extension SessionController {
    /// Decides the value of an answer from the session's copy of the workbook (`answers`,
    /// `currentRecords`…); nil when there is nothing left to write.
    typealias Decision = () throws(Refusal) -> AnswerValue?

    /// Records the answer `decide` gives (and what it fills in automatically) in one
    /// transaction, then confirms it. Returns a refusal when the answer does not hold or the
    /// workbook could not be written.
    ///
    /// `decide` runs first on the session's copy, so that a typing mistake is refused at once;
    /// then, if another session wrote to the workbook meanwhile, again inside the write
    /// transaction on the file's current content: an element is appended to the list as it is
    /// now, a bound is checked against the other answer as it is now. `positional` refuses
    /// when the answer itself changed meanwhile: the user named an element by its number.
    func commit(_ question: Question, origin: AnswerChange.Origin, quiet: Bool = false, positional: Bool = false,
                provenance: (source: String?, year: Int?)? = nil, settling extraSettled: [String] = [],
                also extra: () -> [AnswerChange] = { [] }, decide: Decision) -> Outcome? {
        var value: AnswerValue?
        do {
            value = try decide()
        } catch {
            return .refused(error.message)
        }
        guard value != nil else { return nil }
        var refusal: Refusal?
        var change: AnswerChange?
        var elsewhere: [String] = [], derivedNotes: [String] = []
        do throws(WorkbookError) {
            let outcome = try store.record { refreshed in
                if let refreshed {
                    let before = answers[question.key]?.value
                    elsewhere = changedElsewhereNotes(adopt(refreshed))
                    if positional && answers[question.key]?.value != before {
                        refusal = Refusal(message: "La liste \(question.key) a été modifiée par une autre session pendant votre saisie : rien n'a été enregistré. Revoyez-la (/revoir \(question.key)) et recommencez.")
                        return .abandon
                    }
                    do throws(Refusal) {
                        value = try decide()
                    } catch {
                        refusal = error
                        return .abandon
                    }
                }
                guard let value else { return .abandon }
                let decided = decision(question, value, origin: origin, provenance: provenance, extra: extra())
                if let violation = decided.violation {
                    refusal = Refusal(message: violation.description)
                    return .abandon
                }
                change = decided.changes.first
                derivedNotes = decided.notes
                let keys = decided.changes.map(\.key) + extraSettled
                return .record(decided.changes, settling: keys.filter { proposals[$0] != nil })
            }
            answers.merge(outcome.written) { $1 }
            skipped.subtract(outcome.written.keys)
            for key in outcome.written.keys { proposals.removeValue(forKey: key) }
        } catch {
            return .refused(error.description)
        }
        for note in elsewhere { console.write(note) }
        if let refusal { return .refused(refusal.message) }
        guard let change else { return nil }
        if !quiet { console.write(confirmation(change)) }
        for note in derivedNotes { console.write(note) }
        return nil
    }

    /// The changes to record for `value`, or the answer it contradicts.
    private func decision(_ question: Question, _ value: AnswerValue, origin: AnswerChange.Origin,
                          provenance: (source: String?, year: Int?)?, extra: [AnswerChange])
        -> (changes: [AnswerChange], notes: [String], violation: InvalidAnswer?) {
        let change = AnswerChange(key: question.key, value: value, participant: participant,
                                  source: provenance.map(\.source) ?? (question.expectsSource ? source : nil),
                                  sourceYear: provenance.map(\.year) ?? (question.expectsSource ? sourceYear : nil), origin: origin)
        let derived = derivedChanges(for: question, value: value)
        let all = [change] + derived.changes + extra
        var after = usableValues
        for item in all { after[item.key] = item.value }
        for item in all {
            if let violation = questionnaire.violationOfDependentBounds(key: item.key, value: item.value, answers: after) {
                return ([], [], violation)
            }
        }
        return (all, derived.notes, nil)
    }

    /// Before the next question: what another session changed since this one last looked.
    func catchUpWithOtherSessions() {
        guard let content = try? store.contentIfChangedElsewhere() else { return }
        let changed = adopt(content)
        for note in changedElsewhereNotes(changed) { console.write(note) }
        if let draft, draft.index == 0, let key = current?.key, changed.contains(key) {
            self.draft?.itemNumber = currentRecords.count + 1
        }
    }

    func changedElsewhereNotes(_ keys: [String]) -> [String] {
        guard !keys.isEmpty else { return [] }
        let shown = keys.prefix(5).joined(separator: ", ") + (keys.count > 5 ? " et \(keys.count - 5) autre(s)" : "")
        return [style.yellow("  Une autre session a modifié ce classeur entre-temps : \(shown).")]
    }

    /// What a typed line means for `question`, checked against the session's answers.
    func parsed(_ line: String, as question: Question) throws(Refusal) -> AnswerValue {
        do {
            return try parser(for: question.kind).parse(line, as: question.kind, bounds: question.bounds)
        } catch {
            throw Refusal(message: error.description)
        }
    }
}
