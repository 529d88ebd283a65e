import AtelierCore
import AtelierStore

// MARK: - /annuler and /refaire

extension SessionController {
    /// `/annuler`: takes back the last confirmed change, whichever session made it.
    /// While a meeting is typed field by field, it abandons that entry (nothing is written yet).
    func undo() -> Outcome { abandonMeetingEntry() ?? revert(.undo) }

    /// `/refaire`: replays what /annuler took back, until another change is made.
    func redo() -> Outcome { revert(.redo) }

    private func revert(_ direction: ChangeReversal.Direction) -> Outcome {
        catchUpWithOtherSessions()
        let before = currentInconsistencies()
        let outcome: RevertOutcome
        do {
            outcome = direction == .undo ? try store.undo(by: participant) : try store.redo(by: participant)
        } catch {
            return .refused(error.description)
        }
        switch outcome {
        case .nothing:
            return .refused(
                direction == .undo
                    ? "Rien à annuler : ce classeur n'a aucune modification confirmée à reprendre (celles faites avec une version de l'outil antérieure à /annuler ne peuvent pas l'être)."
                    : "Rien à refaire : /refaire rétablit ce que /annuler vient d'annuler, tant qu'aucune autre modification n'a été faite depuis."
            )
        case .changedSince(let keys):
            let what =
                keys.count == 1 ? "la réponse \(keys[0]) a été modifiée" : "les réponses \(keys.joined(separator: ", ")) ont été modifiées"
            return .refused(
                "\(direction == .undo ? "Annulation" : "Rétablissement") impossible : \(what) hors de l'outil depuis (valeur, source ou participant) ; rien n'a été changé. /historique \(keys[0]) montre ses valeurs successives."
            )
        case .reverted(let change):
            do {
                adopt(try store.content())
            } catch {
                return .refused(error.description)
            }
            for line in wording.reverted(change, direction) { console.write(line) }
            reportRevisits(since: before)
            // Back to the question the change was about, as an editor goes back to the text
            // undone: asked again with its value as it is now.
            // Saved as the position only when it is left without an answer (there is work to do
            // there); otherwise quitting now resumes where the user was.
            // A meeting, a voice, a vote are recorded by command from any question: the session stays.
            let main = (change.restored.first?.key ?? change.skipped).flatMap { questionnaire.question(forKey: $0) }
            let byCommand = main.map { Concertation.listKeys.contains($0.key) && $0.key != current?.key } ?? false
            if let main, !byCommand, navigator.isApplicable(main, answers: values) {
                setCurrent(main, saving: answers[main.key] == nil)
            } else {
                setCurrent(current, saving: false)
            }
            askCurrent()
            return .accepted
        }
    }
}
