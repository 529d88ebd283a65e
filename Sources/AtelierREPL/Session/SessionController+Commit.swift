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
    /// `decide` runs first on the session's copy, brought up to date, so that a typing mistake
    /// is refused at once; then, if another session wrote to the workbook meanwhile, again
    /// inside the write transaction on the file's current content: an element is appended to
    /// the list as it is now, a bound is checked against the other answer as it is now.
    /// `positional` refuses when the answer itself changed meanwhile: the user named an element
    /// by its number. A financing line names its fiche by number too: it is refused when the
    /// plan d'actions changed meanwhile.
    ///
    /// `advancing`: the caller goes on to the next question; it is saved in the same transaction.
    /// `revisiting`: the answers the change made inconsistent are reported after its
    /// confirmation (a caller that confirms it itself passes false and reports them after).
    func commit(
        _ question: Question, origin: AnswerChange.Origin, quiet: Bool = false, positional: Bool = false, revisiting: Bool = true,
        advancing: Bool = false, provenance: (source: String?, year: Int?)? = nil, settling extraSettled: [String] = [],
        also extra: () -> [AnswerChange] = { [] }, decide: Decision
    ) -> Outcome? {
        // What the user saw of the answers they name by number, before catching up.
        let guarded = session.keysThatMustNotChange(question, positional: positional)
        let seen = guarded.map { answers[$0]?.value }
        catchUpWithOtherSessions()
        if let refusal = refusalIfChanged(guarded, since: seen, question) { return .refused(refusal.message) }
        // What was already inconsistent: only what this change makes inconsistent is reported.
        let before = currentInconsistencies()
        let previous = answers[question.key]
        let checks = consistencyChecks
        let first: AnswerValue?
        do {
            first = try decide()
        } catch {
            return .refused(error.message)
        }
        guard let first else { return nil }
        var attempt = Attempt(value: first)
        do throws(WorkbookError) {
            let outcome = try store.record { refreshed in
                if let refreshed { attempt = redecide(attempt, question, on: refreshed, guarded: guarded, seen: seen, decide: decide) }
                guard let value = attempt.value, attempt.refusal == nil else { return .abandon }
                let decided: Decided
                // Unless another session wrote meanwhile, the answers are those `before` was computed on.
                switch session.decision(
                    question, value, origin: origin, provenance: provenance, extra: extra(), reference: territory, checks: checks,
                    inconsistentBefore: refreshed == nil ? before.between : nil)
                {
                case .failure(let violation):
                    attempt.refusal = Refusal(message: violation.description)
                    return .abandon
                case .success(let success): decided = success
                }
                attempt.change = decided.changes.first
                attempt.notes = wording.notes(for: decided.events)
                let keys = decided.changes.map(\.key) + extraSettled
                var state: [String: String?] = [:]
                if advancing {
                    attempt.position = session.questionAfter(decided.changes)?.key
                    state[Session.StateKey.currentQuestion] = attempt.position
                }
                return .record(decided.changes, settling: keys.filter { proposals[$0] != nil }, state: state)
            }
            session.apply(written: outcome.written, settled: outcome.settled)
            if advancing, attempt.change != nil { savedPosition = attempt.position }  // written with the answer
        } catch {
            return .refused(error.description)
        }
        for note in attempt.elsewhere { console.write(note) }
        if let refusal = attempt.refusal { return .refused(refusal.message) }
        guard let change = attempt.change else { return nil }
        if !quiet { console.write(wording.confirmation(change)) }
        // A figure typed again outside the section of the active source loses its old source:
        // say so, rather than let it go without a word.
        if !quiet, change.source == nil, let previous, let old = previous.source, previous.value != change.value,
            let section = questionnaire.section(containing: question), section.takesSources
        {
            console.write(
                style.dim(
                    "  La source de l'ancienne valeur (\(old)) n'est pas reprise : /source dans la section « \(section.title) » (/aller \(section.key)) pour en donner une."
                ))
        }
        if case .list = question.kind, let old = previous?.source, let new = change.source, old != new {
            console.write(
                style.dim("  La source de la liste devient « \(new) » (elle était « \(old) ») : elle vaut pour tous ses éléments."))
        }
        for note in attempt.notes { console.write(note) }
        if revisiting { reportRevisits(since: before) }
        return nil
    }

    /// Where a commit stands while it is decided: the value, or why it is refused, and what to print.
    private struct Attempt {
        var value: AnswerValue?
        var refusal: Refusal?
        var change: AnswerChange?
        /// What another session changed, said before the confirmation.
        var elsewhere: [String] = []
        /// What the answer filled in by itself, said after it.
        var notes: [String] = []
        /// The question saved as the next one, with the answer.
        var position: String?
    }

    /// On the content another session left: adopt it, refuse if an answer the user relied on by
    /// number changed, else decide again.
    private func redecide(
        _ attempt: Attempt, _ question: Question, on content: WorkbookContent, guarded: [String],
        seen: [AnswerValue?], decide: Decision
    ) -> Attempt {
        var attempt = attempt
        attempt.elsewhere = changedElsewhereNotes(adopt(content))
        session.alignDraft(with: question)
        if let refusal = refusalIfChanged(guarded, since: seen, question) {
            attempt.refusal = refusal
            return attempt
        }
        do throws(Refusal) {
            attempt.value = try decide()  // nil: nothing left to write
        } catch {
            attempt.refusal = error
        }
        return attempt
    }

    /// Why an answer named by number no longer means what the user saw, if it changed.
    private func refusalIfChanged(_ guarded: [String], since seen: [AnswerValue?], _ question: Question) -> Refusal? {
        guard let changed = zip(guarded, seen).first(where: { answers[$0.0]?.value != $0.1 })?.0 else { return nil }
        return Refusal(
            message: changed == question.key
                ? "La liste \(question.key) a été modifiée par une autre session pendant votre saisie : rien n'a été enregistré. Revoyez-la (/revoir \(question.key)) et recommencez."
                : "Le plan d'actions (\(changed)) a été modifié par une autre session pendant votre saisie : les numéros des fiches ont pu changer, rien n'a été enregistré. Revoyez-le (/revoir \(changed)) et recommencez."
        )
    }

    /// Before the next question (and before deciding an answer): what another session changed
    /// since this one last looked.
    func catchUpWithOtherSessions() {
        guard let content = try? store.contentIfChangedElsewhere() else { return }
        for note in changedElsewhereNotes(adopt(content)) { console.write(note) }
        if let question = current { session.alignDraft(with: question) }
    }

    func changedElsewhereNotes(_ keys: [String]) -> [String] {
        guard !keys.isEmpty else { return [] }
        let shown = keys.prefix(5).joined(separator: ", ") + (keys.count > 5 ? " et " + AtelierCore.counted(keys.count - 5, "autre") : "")
        return [style.yellow("  Une autre session a modifié ce classeur entre-temps : \(shown).")]
    }

    /// What a typed line means for `question`, checked against the session's answers (and its
    /// exclusive choices).
    func parsed(_ line: String, as question: Question) throws(Refusal) -> AnswerValue {
        do {
            return try parser(for: question.kind).parse(line, for: question)
        } catch {
            throw Refusal(message: error.description)
        }
    }
}
