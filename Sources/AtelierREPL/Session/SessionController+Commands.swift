import AtelierCore
import AtelierStore

// MARK: - Commands

extension SessionController {
    func run(_ command: Command) -> Outcome {
        // What reads the workbook reads it as it is now, so that one workbook never gives two
        // documents. (Commands that name an element by number catch up when they commit, against
        // what the user saw: not here.)
        if command.onlyReads { catchUpWithOtherSessions() }
        switch command {
        case .help(let topic): return help(topic)
        case .sections:
            printSections()
            remindCurrent()
            return .accepted
        case .goTo(let target): return goTo(target)
        case .back: return back()
        case .skip: return skip()
        case .review(let section): return review(section)
        case .modify(let key, let value): return modify(key: key, value: value)
        case .modifyField(let list, let number, let field, let value):
            return modifyField(list: list, number: number, field: field, value: value)
        case .history(let key): return history(key)
        case .undo: return undo()
        case .redo: return redo()
        case .participant(let name): return setParticipant(name)
        case .source(let text): return setSource(text)
        case .remove(let number): return removeItem(number)
        case .synthesis(let part): return synthesis(part)
        case .move(let from, let to): return moveItem(from: from, to: to)
        case .export(let request): return export(request)
        case .plan: return showPlan()
        case .importFile(let kind, let path): return importFile(kind: kind, path: path)
        case .confirm(let key): return confirm(key)
        case .verify: return verify()
        case .meeting(let action): return meeting(action)
        case .meetings: return listMeetings()
        case .voice(let fields): return addVoice(fields)
        case .prioritize(let action): return prioritize(action)
        case .priorities: return showPriorities()
        case .scenario(let action): return scenario(action)
        case .share(let path, let sections): return share(path, sections: sections)
        case .merge(let action): return merge(action)
        case .quit:
            console.write("Classeur enregistré : \(store.path). À bientôt.")
            return .quit
        }
    }

    func help(_ topic: CommandName?) -> Outcome {
        guard let topic, let spec = CommandCatalog.all.first(where: { $0.name == topic }) else {
            console.write(style.bold("Commandes") + " (les accents sont facultatifs ; Tab complète) :")
            let width = CommandCatalog.all.map(\.usage.count).max() ?? 0
            for spec in CommandCatalog.all {
                console.write("  " + spec.usage.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + spec.summary)
            }
            console.write("Toute autre ligne répond à la question posée. Ctrl-C abandonne la saisie, Ctrl-D quitte.")
            remindCurrent()
            return .accepted
        }
        console.write(style.bold(spec.usage) + " — " + spec.summary)
        console.write(spec.details)
        return .accepted
    }

    /// A question key or section key typed by the user, or a refusal that suggests the closest one.
    func resolve(_ argument: String, allowSections: Bool) -> Result<Question?, Refusal> {
        if let refusal = Self.keyTooLong(argument) { return .failure(refusal) }
        if allowSections, let section = questionnaire.section(forKey: argument) {
            return .success(navigator.entry(of: section, answers: values, skipped: skipped))
        }
        if let question = questionnaire.question(forKey: argument) ?? questionnaire.question(forKey: argument.folded) {
            return .success(question)
        }
        let candidates = (allowSections ? questionnaire.sections.map(\.key) : []) + questionnaire.questions.map(\.key)
        let hint = closestMatch(to: argument, in: candidates).map { " Vouliez-vous dire « \($0) » ?" } ?? ""
        let what = allowSections ? "section ou question" : "question"
        return .failure(Refusal(message: "Aucune \(what) « \(argument) ».\(hint) /sections liste les sections ; Tab complète les clés."))
    }

    struct Refusal: Error {
        var message: String
    }

    func goTo(_ argument: String) -> Outcome {
        switch resolve(argument, allowSections: true) {
        case .failure(let refusal): return .refused(refusal.message)
        case .success(let question):
            guard let question else { return .refused("Aucune question de cette section ne s'applique au territoire.") }
            if !navigator.isApplicable(question, answers: values), let condition = question.condition {
                console.write(style.yellow("  Remarque : cette question ne s'applique que si \(condition.description)."))
            }
            setCurrent(question)
            askCurrent()
            return .accepted
        }
    }

    func back() -> Outcome {
        guard let target = session.previousQuestion else {
            return .refused("Vous êtes à la première question : il n'y a pas de question précédente.")
        }
        setCurrent(target)
        askCurrent()
        return .accepted
    }

    func skip() -> Outcome {
        guard let question = current else { return .refused("Aucune question en cours à passer.") }
        if case .list = question.kind, answers[question.key] != nil {
            return finishList(question)
        }
        let skippedNow: Bool
        do {
            skippedNow = answers[question.key] == nil ? try store.skip(question.key, by: participant) : false
            try reload()
        } catch {
            return .refused(error.description)
        }
        if skippedNow {
            console.write(style.dim("  Question passée ; /aller \(question.key) pour y revenir."))
        } else {
            // Answered here before, or by another session just now: the answer stays.
            console.write(
                style.dim("  Réponse conservée : \(answers[question.key]?.value.display ?? "") ; /aller \(question.key) pour y revenir."))
        }
        advance()
        return .accepted
    }

    /// `/modifier LISTE.N.CHAMP [VALEUR]`: one field of one element of a list.
    func modifyField(list: String, number: Int, field: String, value: String) -> Outcome {
        if let problem = referenceProblem() { return problem }
        return modifyElement(listKey: list, number: number, field: field, value: value)
    }

    func modify(key: String, value: String?) -> Outcome {
        let valueText = value ?? ""
        let question: Question
        switch resolve(key, allowSections: false) {
        case .failure(let refusal): return .refused(refusal.message)
        case .success(let found):
            guard let found else { return .refused("Question introuvable : \(key).") }
            question = found
        }
        if !valueText.isEmpty, let problem = referenceProblem() { return problem }
        if valueText.isEmpty {
            setCurrent(question)
            askCurrent()
            return .accepted
        }
        let origin: AnswerChange.Origin = answers[question.key] == nil ? .typed : .modified
        let refusal = commit(
            question, origin: origin,
            decide: { () throws(Refusal) in
                guard case .list(let fields) = question.kind else { return try self.parsed(valueText, as: question) }
                do throws(InvalidAnswer) {
                    // One element added to the list as it is now.
                    return .records(self.records(of: question) + [try self.parser(for: question.kind).record(valueText, fields: fields)])
                } catch {
                    throw Refusal(message: error.description)
                }
            })
        if let refusal { return refusal }
        if current?.key == question.key {
            advance()
        } else if let current, answers[current.key] == nil, navigator.isApplicable(current, answers: values) {
            remindCurrent()
        } else {
            // The change may have opened or closed questions (conditions): find where to go on.
            advance()
        }
        return .accepted
    }

    func setParticipant(_ name: String) -> Outcome {
        if let refusal = Self.refusal(ofLabel: name, what: "Nom de participant refusé", limit: InputLimits.participantCharacters) {
            return refusal
        }
        let named = session.participant(named: name)
        do {
            try store.setState(Session.StateKey.participant, named.name)
        } catch {
            return .refused(error.description)
        }
        session.participant = named.name
        if named.isListed {
            console.write("Les réponses suivantes sont attribuées à \(named.name).")
        } else {
            console.write(
                "Les réponses suivantes sont attribuées à \(name). "
                    + style.dim(
                        "Ce nom n'est pas dans la liste des participants : /aller participants.liste pour l'y ajouter avec son organisation et son rôle."
                    ))
        }
        return .accepted
    }

    func setSource(_ text: String?) -> Outcome {
        let text = text ?? ""
        if let refusal = Self.refusal(ofLabel: text, what: "Source refusée", feminine: true, limit: InputLimits.sourceCharacters) {
            return refusal
        }
        let section = session.sectionForSource
        if !text.isEmpty, section == nil {
            let titles = questionnaire.sections.filter(\.takesSources).map { "« \($0.title) » (/aller \($0.key))" }
            return .refused(
                "Une source décrit les chiffres d'une section du diagnostic : "
                    + "placez-vous d'abord sur une question de \(frenchList(titles, or: true)). "
                    + "Le contrat, le plan d'actions et le financement n'en prennent pas.")
        }
        var next = session
        next.setSource(text, section: section?.key)
        do {
            try store.setState(Session.StateKey.source, next.source)
            try store.setState(Session.StateKey.sourceYear, next.sourceYear.map(String.init))
            try store.setState(Session.StateKey.sourceSection, next.sourceSection)
        } catch {
            return .refused(error.description)
        }
        session = next
        if let source, let section {
            let year =
                session.sourceYear.map { ", année \($0)" }
                ?? style.dim(" (aucune année repérée : ajoutez-la, par exemple « /source \(source) 2025 »)")
            console.write("Source des chiffres de la section « \(section.title) » : \(source)\(year).")
        } else {
            console.write("Source effacée : les réponses suivantes n'auront pas de source.")
        }
        return .accepted
    }
}
