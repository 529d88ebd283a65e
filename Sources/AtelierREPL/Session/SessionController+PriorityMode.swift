import AtelierCore

// MARK: - The scoring mode of /prioriser: each line is the scores of one item

extension SessionController {
    /// The round being scored, its meeting and what is left, read from the workbook now.
    func roundInProgress() -> (round: Concertation.Round, meeting: Concertation.Meeting, progress: PrioritizationProgress)? {
        guard let state = prioritization else { return nil }
        let concertation = self.concertation
        guard let round = concertation.rounds.first(where: { $0.number == state.round }), round.scope == state.scope,
            let meeting = concertation.meeting(round.meeting)
        else { return nil }
        return (round, meeting, concertation.progress(of: round))
    }

    /// The line, when a round is being scored (nil: not this mode's line).
    func priorityLine(_ line: String) -> Outcome? {
        guard prioritization != nil else { return nil }
        catchUpWithOtherSessions()
        guard let (round, _, progress) = roundInProgress(), let step = progress.next else {
            // Taken back by /annuler, or finished by another session: the mode ends.
            let number = prioritization?.round ?? 0
            let finished = roundInProgress()
            leaveRound()
            return finished == nil
                ? .refused("Le tour n° \(number) n'existe plus : rien n'a été enregistré ; /prioriser en commence un autre.") : .accepted
        }
        if let shown = prioritization?.shown, shown != step {
            console.write(style.yellow("  Une autre session a noté ce tour entre-temps : la note attendue a changé."))
            askCurrent()
            return .refused(
                "Rien n'a été enregistré : la ligne visait ce qui était affiché avant ; tapez les notes de ce qui est demandé maintenant.")
        }
        if line.isEmpty {
            askCurrent()
            return .accepted
        }
        let scores: [(voter: String, score: Int?)]
        switch PriorityScoresLine.parse(line, voters: step.voters) {
        case .failure(let refusal): return .refused(refusal.message)
        case .success(let read): scores = read
        }
        guard let question = questionnaire.question(forKey: QuestionKeys.votes) else {
            return .refused("Le questionnaire n'a pas de liste \(QuestionKeys.votes) : réinstallez le dossier templates/ de l'outil.")
        }
        let records = PrioritizationProgress.records(round: round.number, item: step.item, scores: scores)
        if let refusal = commit(
            question, origin: .typed, quiet: true, revisiting: false,
            decide: { () throws(Refusal) in
                // Decided again on the workbook as it is now: another session may have scored meanwhile.
                guard let now = self.roundInProgress()?.progress.next, now.item == step.item, now.voters.starts(with: scores.map(\.voter))
                else {
                    throw Refusal(
                        message: "Une autre session a noté ce tour entre-temps : rien n'a été enregistré ; la note attendue est reposée.")
                }
                return .records(self.records(of: question) + records)
            })
        {
            return refusal
        }
        let given = scores.map { "\($0.voter) \($0.score.map(String.init) ?? "-")" }.joined(separator: ", ")
        console.write("  \(style.green("✓")) \(given)")
        if let (_, _, now) = roundInProgress(), now.isComplete {
            leaveRound()
        } else {
            askCurrent()
        }
        return .accepted
    }

    /// Asks the next score of the round in progress; false when none is.
    func askPriority() -> Bool {
        guard prioritization != nil else {
            // /annuler or /refaire of a vote goes back to these lists, which are never asked.
            if let question = current, !question.isTypedWhenReached {
                console.write(
                    style.dim(
                        "  \(question.key) se remplit avec \(question.filledByCommand ?? "/prioriser") (il reprend un tour inachevé)."))
                setCurrent(session.nextQuestion, saving: false)
            }
            return false
        }
        guard let (round, _, progress) = roundInProgress(), let step = progress.next else {
            leaveRound()
            return true
        }
        // /annuler of a vote made the votes list current: the question after the round stays the one before it.
        if let question = current, !question.isTypedWhenReached {
            setCurrent(prioritization?.returnTo ?? session.nextQuestion, saving: false)
        }
        prioritization?.shown = step
        let what = round.scope == .findings ? "Constat" : "Levier"
        let label = priorityLabels()[step.item] ?? "\(step.item) (ne ressort plus de la synthèse actuelle)"
        console.write("")
        let heading = "\(what) \(step.index + 1)/\(round.items.count) :"
        for (index, line) in Table.paragraph("\(heading) \(label)", indent: "", hanging: "  ", width: console.proseWidth).enumerated() {
            console.write(index == 0 ? style.bold(heading) + line.dropFirst(heading.count) : line)
        }
        let waiting = step.voters.count == 1 ? "Note attendue de" : "Notes attendues, dans l'ordre, de"
        let voters = step.voters.joined(separator: ", ")
        for line in Table.paragraph(
            "\(waiting) : \(voters) (1 à 4, « - » pour qui ne note pas).", indent: "  ", hanging: "    ", width: console.proseWidth)
        {
            console.write(style.dim(line))
        }
        return true
    }

    /// `prioriser · constat 3/12 · Paul Martin › `, while a round is scored.
    var priorityPrompt: String? {
        guard let (round, _, progress) = roundInProgress(), let step = progress.next else { return nil }
        let what = round.scope == .findings ? "constat" : "levier"
        return "prioriser · \(what) \(step.index + 1)/\(round.items.count) · \(step.voters[0]) › "
    }

    /// After a command printed something: what the round waits for.
    func remindPriority() -> Bool {
        guard let (round, _, progress) = roundInProgress(), let step = progress.next else { return false }
        let what = round.scope == .findings ? "constat" : "levier"
        console.write(
            style.dim(
                "Priorisation en cours : \(what) \(step.index + 1)/\(round.items.count), note attendue de \(step.voters[0]) (/prioriser fin pour s'arrêter)."
            ))
        return true
    }

    /// Leaves the mode: with the ranking when the round is complete (or saying it was taken
    /// back), then asks the question again.
    func leaveRound() {
        let state = prioritization
        let finished = roundInProgress()
        prioritization = nil
        if let finished, finished.progress.isComplete {
            let ranking = concertation.ranking(of: finished.round)
            console.write("")
            console.write(style.bold("Tour n° \(finished.round.number) terminé : classement \(finished.meeting.attribution)."))
            for line in PriorityRenderer(style: style, labels: priorityLabels(), width: console.proseWidth).table(ranking) {
                console.write(line)
            }
            console.write(style.dim("  /priorités le redonne ; il ordonne désormais les fiches proposées au plan d'actions."))
        } else if finished == nil, let state {
            console.write(
                style.yellow("  Le tour n° \(state.round) a été retiré (/annuler ou une autre session) : la priorisation s'arrête."))
        }
        if let question = current, question.filledByCommand != nil { setCurrent(state?.returnTo ?? session.nextQuestion, saving: false) }
        askCurrent()
    }
}
