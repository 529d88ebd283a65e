import AtelierCore

// MARK: - Prioritisation: /prioriser, /priorités

/// Where a round of `/prioriser` stands in this session: which round is being scored. What is
/// left to score is read from the workbook each time (`roundInProgress`), never remembered.
struct PrioritizationState {
    var round: Int
    var scope: PriorityScope
    /// The question asked before the round, asked again after it.
    var returnTo: Question?
    /// What was last asked: a line typed for it is refused if another session scored it meanwhile.
    var shown: PrioritizationProgress.Step?
}

extension SessionController {
    /// The four lists of the shared diagnosis, as the answers hold them now.
    var concertation: Concertation { Concertation(answers: usableValues) }

    func prioritize(_ action: PrioritizeAction) -> Outcome {
        switch action {
        case .start(let scope): return startRound(scope)
        case .stop:
            guard prioritization != nil else {
                return .refused("Aucun tour de priorisation en cours : /prioriser en commence un (ou reprend le dernier).")
            }
            interruptRound(then: "/prioriser le reprend")
            return .accepted
        }
    }

    /// Leaves the round being scored, saying how far it went and `then` what can be done.
    func interruptRound(then: String) {
        if let step = roundInProgress(), !step.progress.isComplete {
            console.write("Tour n° \(step.round.number) interrompu : \(counted(step.progress, step.round.scope)) ; \(then).")
        }
        leaveRound()
    }

    /// Starts a round of `scope` in the open meeting, or resumes its latest one if some present
    /// voter has not scored some item.
    private func startRound(_ scope: PriorityScope) -> Outcome {
        catchUpWithOtherSessions()
        if let state = prioritization, state.scope != scope {
            // `/prioriser leviers` during a round of the findings: that one stops first, and says so.
            interruptRound(then: state.scope == .findings ? "/prioriser le reprend" : "/prioriser leviers le reprend")
        }
        let concertation = self.concertation
        guard let meeting = concertation.openMeeting else {
            return .refused(
                "Aucune réunion ouverte : les priorités se fixent pendant une réunion. Ouvrez-la avec /réunion nouvelle (ou notez-la dans concertation.reunions avec le statut « ouverte »), puis /prioriser."
            )
        }
        guard !meeting.present.isEmpty else {
            return .refused(
                "La réunion \(meeting.label) n'a aucun présent pour noter : donnez-les avec /modifier concertation.reunions.\(meeting.number).presents suivi de leurs noms (pris dans participants.liste), puis /prioriser."
            )
        }
        let returnTo = prioritization?.returnTo ?? current
        if let round = unfinishedRound(of: meeting, scope) { return resume(round, of: meeting, returnTo: returnTo) }
        if let problem = resources.problem(.synthesis) { return .refused(problem) }
        let items = ((try? currentSynthesis())?.priorityItems(scope)) ?? []
        guard !items.isEmpty else {
            return .refused(
                scope == .findings
                    ? "La synthèse n'a encore aucun constat à prioriser : répondez aux questions du diagnostic (/synthèse constats montre ce qui en ressort), puis /prioriser."
                    : "La synthèse ne propose encore aucun levier à prioriser : répondez aux questions du diagnostic (/synthèse constats montre les constats et leurs leviers), puis /prioriser leviers."
            )
        }
        guard let question = questionnaire.question(forKey: QuestionKeys.priorityRounds) else {
            return .refused(
                "Le questionnaire n'a pas de liste \(QuestionKeys.priorityRounds) : réinstallez le dossier templates/ de l'outil.")
        }
        let record = PrioritizationProgress.roundRecord(meeting: meeting.number, scope: scope, items: items.map(\.key))
        if let refusal = commit(
            question, origin: .typed, quiet: true, revisiting: false,
            decide: { () throws(Refusal) in
                // Another session may have started this very round meanwhile: join it, not a second one.
                if self.unfinishedRound(of: meeting, scope) != nil { throw Refusal(message: "") }
                return .records(self.records(of: question) + [record])
            })
        {
            if let round = unfinishedRound(of: meeting, scope) {
                console.write(style.yellow("  Une autre session vient de commencer ce tour : vous le notez avec elle."))
                return resume(round, of: meeting, returnTo: returnTo)
            }
            return refusal
        }
        let number = records(of: question).count
        prioritization = PrioritizationState(round: number, scope: scope, returnTo: returnTo)
        let what = scope == .findings ? "constat" : "levier"
        console.write(
            style.bold("Tour n° \(number) de priorisation, \(meeting.attribution)")
                + " : \(items.count) \(what)\(items.count > 1 ? "s" : "") de la synthèse.")
        for line in Table.paragraph(
            "Méthode : \(PriorityMethod.description(of: scope)).", indent: "", hanging: "  ", width: console.proseWidth)
        {
            console.write(line)
        }
        printVoters(meeting.present)
        let how =
            "Pour chaque \(what) : les notes de tous d'un coup, dans cet ordre (« 4 3 4 2 » ; « - » pour qui ne note pas), ou une note pour le prochain votant. /annuler reprend toute la dernière ligne ; /prioriser fin s'arrête (/prioriser reprend le tour)."
        for line in Table.paragraph(how, indent: "  ", hanging: "  ", width: console.proseWidth) { console.write(style.dim(line)) }
        askCurrent()
        return .accepted
    }

    /// The latest round of `scope` in `meeting` some présent has still to score.
    private func unfinishedRound(of meeting: Concertation.Meeting, _ scope: PriorityScope) -> Concertation.Round? {
        let concertation = self.concertation
        guard let round = concertation.rounds.last(where: { $0.meeting == meeting.number && $0.scope == scope }),
            !concertation.progress(of: round).isComplete
        else { return nil }
        return round
    }

    private func resume(_ round: Concertation.Round, of meeting: Concertation.Meeting, returnTo: Question?) -> Outcome {
        prioritization = PrioritizationState(round: round.number, scope: round.scope, returnTo: returnTo)
        console.write("Reprise du tour n° \(round.number) : \(counted(concertation.progress(of: round), round.scope)).")
        printVoters(meeting.present)
        askCurrent()
        return .accepted
    }

    private func printVoters(_ voters: [String]) {
        for line in Table.paragraph(
            "Votants, dans l'ordre : " + voters.joined(separator: ", ") + ".", indent: "", hanging: "  ", width: console.proseWidth)
        {
            console.write(line)
        }
    }

    /// `5 constats notés sur 12`.
    func counted(_ progress: PrioritizationProgress, _ scope: PriorityScope) -> String {
        let done = progress.completedCount
        let what = scope == .findings ? "constat" : "levier"
        return "\(done) \(what)\(done > 1 ? "s" : "") noté\(done > 1 ? "s" : "") sur \(progress.round.items.count)"
    }

    /// `/priorités`: every round, the latest finished of each scope marked « en vigueur », a round
    /// stopped halfway « inachevé ».
    func showPriorities() -> Outcome {
        let concertation = self.concertation
        let rounds = concertation.rounds
        guard !rounds.isEmpty else {
            console.write("Aucun tour de priorisation : pendant une réunion ouverte, /prioriser fait noter les constats par les présents.")
            remindCurrent()
            return .accepted
        }
        let renderer = PriorityRenderer(style: style, labels: priorityLabels(), width: console.proseWidth)
        let inForce = Set(PriorityScope.allCases.compactMap { concertation.latestRound($0)?.number })
        for round in rounds {
            let ranking = concertation.ranking(of: round)
            let progress = concertation.progress(of: round)
            let status: PriorityRenderer.Status =
                inForce.contains(round.number) ? .inForce : (progress.isComplete ? .earlier : .unfinished(counted(progress, round.scope)))
            console.write("")
            for line in renderer.round(ranking, meeting: concertation.meeting(round.meeting), voters: progress.voters, status: status) {
                console.write(line)
            }
        }
        console.write("")
        let note =
            "Le dernier tour achevé ordonne les fiches proposées au plan d'actions (/aller plan.fiches) ; un tour inachevé ne compte pas tant qu'il n'est pas fini (/prioriser le reprend, pendant sa réunion)."
        for line in Table.paragraph(note, indent: "", width: console.proseWidth) { console.write(style.dim(line)) }
        remindCurrent()
        return .accepted
    }

    /// The label of every key a round may name, from the current synthèse.
    func priorityLabels() -> [String: String] {
        guard let synthesis = try? currentSynthesis() else { return [:] }
        var labels: [String: String] = [:]
        for item in PriorityScope.allCases.flatMap({ synthesis.priorityItems($0) }) where labels[item.key] == nil {
            labels[item.key] = item.label
        }
        return labels
    }
}
