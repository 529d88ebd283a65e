import AtelierCore
import AtelierStore

// MARK: - Asking questions

extension SessionController {
    /// The prompt readline shows: where the user is, then `›`.
    public var prompt: String {
        guard interactive else { return "" }
        if merging != nil { return style.prompt("fusion › ") }
        if let entry = meetingEntry { return style.prompt("réunion · \(entry.fields[entry.index].label) › ") }
        if let priority = priorityPrompt { return style.prompt(priority) }
        if let draft, let question = current {
            let field = draft.fields[draft.index]
            return style.prompt("\(question.key) · élément \(draft.itemNumber) · \(field.label) › ")
        }
        return style.prompt((current?.key ?? "atelier-santé") + " › ")
    }

    /// Completion for what is being typed now: the current question's (or field's) choices.
    public var completer: Completer {
        let kind = meetingEntry.map { $0.fields[$0.index].kind } ?? draft.map { $0.fields[$0.index].kind } ?? current?.kind
        var instrumentKeys: [String] = []
        if case .fundingInstrument? = kind { instrumentKeys = ((try? fundingCatalogue())?.instruments ?? []).map(\.key) }
        return Completer(
            questionnaire: questionnaire, currentKind: kind, participantNames: session.participantNames,
            instrumentKeys: instrumentKeys, territory: resources.territory)
    }

    func askCurrent() {
        catchUpWithOtherSessions()
        // While a meeting is typed or a round scored, its prompt replaces the question's.
        if merging != nil {
            _ = askConflict()
            return
        }
        if askMeetingField() || askPriority() { return }
        guard let question = current else {
            printCompletion()
            return
        }
        let section = questionnaire.section(containing: question)
        if let section, section.key != session.lastSectionShown {
            session.lastSectionShown = section.key
            let index = (questionnaire.sections.firstIndex { $0.key == section.key } ?? 0) + 1
            console.write("")
            console.write(style.bold("── \(section.title) (section \(index)/\(questionnaire.sections.count)) ──"))
            if let introduction = section.introduction { console.write(style.dim(introduction)) }
            if section.takesSources, let source, let other = session.sourceSection, other != section.key,
                let otherTitle = questionnaire.section(forKey: other)?.title
            {
                console.write(
                    style.dim("La source « \(source) » vaut pour la section « \(otherTitle) » : /source pour donner celle de ces chiffres.")
                )
            }
        }
        console.write("")
        console.write(style.bold(question.label) + " " + style.dim("[\(question.key)]"))
        if let help = question.help { console.write(style.dim("  " + help)) }
        if case .list(let fields) = question.kind {
            if let applied = session.appliedSource(to: question) {
                console.write(style.dim("  Source appliquée : \(applied.source) (/source pour la changer)."))
            }
            startList(question, fields: fields)
            return
        }
        if !question.kind.choices.isEmpty, question.kind.choices != ["oui", "non"] {
            let alone = question.exclusiveChoices.map { " ; « \($0) » seul" }.joined()
            let multiple =
                if case .multipleChoice = question.kind { " (plusieurs possibles, séparés par des virgules\(alone))" } else { "" }
            console.write("  Choix\(multiple) : " + AnswerParser.numbered(question.kind.choices))
        } else if case .yesNo = question.kind {
            console.write(style.dim("  Répondez oui ou non."))
        }
        if let existing = answers[question.key] {
            console.write("  Réponse actuelle : \(existing.value.display) — Entrée pour la garder.")
            if case .communes(let communes) = existing.value, communes.count > AnswerValue.shownCommunes {
                console.write(style.dim("  La liste entière : /revoir \(question.key)."))
            }
        }
        if let proposal = proposals[question.key] {
            console.write(
                "  " + style.cyan("Proposition de l'import : \(proposal.value.display)") + style.dim(" (\(proposal.source))")
                    + " — /confirmer pour l'accepter, ou tapez une autre valeur.")
        }
        if let applied = session.appliedSource(to: question) {
            console.write(style.dim("  Source appliquée : \(applied.source) (/source pour la changer)."))
        }
    }

    func printCompletion() {
        let open = skipped.filter { key in
            questionnaire.question(forKey: key).map { navigator.isApplicable($0, answers: values) && answers[key] == nil } ?? false
        }
        console.write("")
        if open.isEmpty {
            console.write(
                style.green("Toutes les questions applicables ont une réponse.")
                    + " /revoir pour relire le diagnostic, /quitter pour sortir.")
        } else {
            console.write(
                "Fin du questionnaire. \(AtelierCore.counted(open.count, "question passée", "questions passées")) \(open.count > 1 ? "restent" : "reste") à remplir : /sections pour \(open.count > 1 ? "les" : "la") voir, /aller CLÉ pour y revenir."
            )
        }
    }

    /// After a command that printed something long, recall what is being asked.
    func remindCurrent() {
        if remindPriority() { return }
        if let conflict = merging?.pending.first {
            console.write(style.dim("Fusion en cours : conflit sur \(conflict.key) (1 garde le vôtre, 2 prend le leur)."))
            return
        }
        guard let question = current else { return }
        console.write(style.dim("Question en cours : \(question.label) [\(question.key)]"))
    }

    func printResumeSummary() {
        let territory = answers[QuestionKeys.territoryName]?.value.display ?? "territoire sans nom"
        let last = answers.values.map(\.updatedAt).max().map { context.timestamp($0) } ?? "—"
        console.write(style.bold("Reprise du classeur « \(territory) »") + " (\(store.path))")
        console.write(
            "\(AtelierCore.counted(answers.count, "réponse enregistrée", "réponses enregistrées")) ; dernière modification le \(last).")
        let sections = navigator.progress(answers: values, skipped: skipped)
        let parts = sections.map { p in
            p.isComplete ? "\(p.title) \(p.answered)/\(p.applicable) ✓" : "\(p.title) \(p.answered)/\(p.applicable)"
        }
        console.write("Fait : " + parts.joined(separator: " · "))
        let remaining = sections.reduce(0) { $0 + $1.applicable - $1.answered }
        console.write(
            remaining == 0
                ? "Il ne reste aucune question."
                : "Reste : \(AtelierCore.counted(remaining, "question applicable", "questions applicables")) sans réponse.")
        if let meeting = session.openMeeting {
            console.write(style.yellow(wording.meetingInProgress(meeting)))
            // A round left unfinished (Ctrl-D, a cut) is resumed by the user, never silently.
            let concertation = self.concertation
            if let round = concertation.rounds.last(where: { $0.meeting == meeting.number }),
                case let left = concertation.progress(of: round), !left.isComplete
            {
                console.write(
                    style.yellow(
                        "Tour de priorisation n° \(round.number) inachevé (\(counted(left, round.scope))) : /prioriser le reprend."))
            }
        }
    }
}
