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
        let inForce = PriorityScope.allCases.map { concertation.latestRound($0)?.number }
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
            if prioritization == nil { sayWhichRoundsChanged(inForce: inForce) }
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

extension SessionController {
    /// After /annuler or /refaire outside a round: which round now sets the priorities, when that
    /// changed (a vote taken back leaves its round unfinished; the previous round, if any, counts again).
    fileprivate func sayWhichRoundsChanged(inForce before: [Int?]) {
        let concertation = self.concertation
        for (scope, was) in zip(PriorityScope.allCases, before) where concertation.latestRound(scope)?.number != was {
            let now = concertation.latestRound(scope)
            let subject = scope == .findings ? "des constats" : "des leviers"
            let unfinished = concertation.rounds.last { $0.scope == scope && !concertation.progress(of: $0).isComplete }
            var sentence =
                now.map { "Les priorités \(subject) sont désormais celles du tour n° \($0.number)" }
                ?? "Aucun tour achevé ne fixe plus les priorités \(subject)"
            if let unfinished {
                sentence +=
                    " ; le tour n° \(unfinished.number) est inachevé (\(counted(concertation.progress(of: unfinished), scope))), /prioriser"
                    + (scope == .levers ? " leviers" : "") + " le reprend pendant sa réunion"
            }
            for line in Table.paragraph(sentence + ".", indent: "  ", width: console.proseWidth) { console.write(style.dim(line)) }
        }
    }
}
