import AtelierCore
import AtelierStore

// MARK: - Lists: one record per element, typed field by field or on one line with `;`

extension SessionController {
    func startList(_ question: Question, fields: [ListField]) {
        let items = currentRecords
        if !items.isEmpty {
            console.write("  Déjà saisis :")
            for (index, item) in items.enumerated() { console.write("    \(index + 1). \(item.labelled(fields))") }
        }
        if case .actionSheet? = fields.first?.kind { showActionSheets() }
        if fields.contains(where: { if case .fundingInstrument = $0.kind { true } else { false } }) { showFundingSuggestions() }
        console.write(
            style.dim(
                "  Saisie champ par champ, ou un élément par ligne : " + fields.map(\.label).joined(separator: " ; ")
                    + ". Ligne vide pour terminer la liste."))
        // An element left halfway in an earlier session goes on where it stopped.
        if let draft = session.draft, draft.index > 0 {
            let given = ListRecord(fields: draft.values).labelled(fields)
            console.write("  Élément \(draft.itemNumber) en cours, repris là où vous vous étiez arrêté : \(given)")
            console.write(
                style.dim("  (ligne vide au premier champ pour terminer la liste ; /aller \(question.key) pour recommencer l'élément)"))
        } else {
            session.startDraft(fields, for: question)
        }
        askField()
    }

    /// Keeps the element being typed in the workbook's state (or clears it), so that quitting
    /// halfway resumes at the same field.
    func saveDraft() {
        let state = session.draftState
        guard state != savedDraft else { return }
        do {
            try store.setState(Session.draftStateKey, state)
            savedDraft = state
        } catch {
            console.writeError(style.dim("  L'élément en cours n'a pas été enregistré (\(error.description)) ; les réponses le sont."))
        }
    }

    func askField() {
        saveDraft()
        guard let draft else { return }
        let field = draft.fields[draft.index]
        // On a terminal the prompt names the element and the field; a script has no prompt.
        var line = interactive ? "  " : "  Élément \(draft.itemNumber) — \(field.label)"
        if !field.kind.choices.isEmpty { line += (interactive ? "Choix : " : " : ") + AnswerParser.numbered(field.kind.choices) }
        if field.optional {
            line += style.dim(interactive ? "Facultatif : ligne vide pour passer." : " (facultatif : ligne vide pour passer)")
        }
        if line.trimmed.isEmpty { return }
        console.write(line)
    }

    /// Adds a record to the list and commits the whole list at once: the list as it is in the
    /// workbook when the write lock is held, so that another session's elements are kept.
    func append(_ record: ListRecord, to question: Question) -> Outcome {
        let before = currentInconsistencies()
        var added = record
        if let refusal = commit(
            question, origin: .typed, quiet: true, revisiting: false,
            decide: { () throws(Refusal) in
                // A voice typed during a meeting is attached to it.
                added = try self.checkedElement(record, for: question)
                return .records(self.records(of: question) + [added])
            })
        {
            // Typed field by field, the element starts again at its first field: its last one
            // is seldom what is wrong (an axis, a fiche number).
            guard let draft, draft.index > 0, case .refused(let message) = refusal else { return refusal }
            session.startDraft(draft.fields, for: question)
            return .refused(message + " L'élément est à ressaisir depuis son premier champ.")
        }
        let count = currentRecords.count
        console.write("  \(style.green("✓")) élément \(count) enregistré : \(added.labelled(draft?.fields ?? []))")
        reportRevisits(since: before)
        session.startDraft(draft?.fields ?? [], for: question)
        askField()
        return .accepted
    }

    /// An empty line at the start of an element ends the list; an empty list is an answer too.
    func finishList(_ question: Question) -> Outcome {
        // An empty list is recorded unless it has an answer, here or (seen when committing)
        // from another session; the commit confirms it, otherwise the count is said.
        var recorded = false
        if answers[question.key] == nil {
            let refusal = commit(
                question, origin: .typed,
                decide: {
                    recorded = self.answers[question.key] == nil
                    return recorded ? .records([]) : nil
                })
            if let refusal { return refusal }
        }
        if !recorded { console.write(style.dim("  Liste terminée : \(AtelierCore.counted(records(of: question).count, "élément")).")) }
        advance()
        return .accepted
    }

    func removeItem(_ number: Int) -> Outcome {
        guard let question = current, case .list(let fields) = question.kind else {
            return .refused("/retirer s'utilise pendant la saisie d'une liste (par exemple /aller structures.liste).")
        }
        let shown = currentRecords
        guard number >= 1, number <= shown.count else {
            return .refused("Numéro d'élément invalide : attendu un nombre entre 1 et \(shown.count).")
        }
        // A meeting that has rounds of prioritisation keeps them: it cannot be removed before them.
        let blocking = session.elements(naming: number, of: question.key).filter { $0.reference.whenRemoved == .blocksRemoval }
        if !blocking.isEmpty { return .refused(wording.removalBlocked(number, of: question.key, by: blocking)) }
        var renumbered: [AnswerChange] = []
        var following: [(reference: ListReference, index: Int, record: ListRecord)] = []
        var axisChanges: [AnswerChange] = []
        let before = currentInconsistencies()
        let refusal = commit(
            question, origin: .removed, quiet: true, positional: true, revisiting: false,
            also: {
                renumbered = self.session.referencesRenumbered(to: question.key, ListReferences.afterRemoving(number))
                following = self.session.elements(naming: number, of: question.key)
                axisChanges =
                    question.key == QuestionKeys.axes ? self.session.axisReferencesRenumbered(FinancingLines.afterRemoving(number)) : []
                return renumbered + axisChanges
            },
            decide: {
                var items = self.records(of: question)
                items.remove(at: number - 1)
                return .records(items)
            })
        if let refusal { return refusal }
        noteRenumbered(renumbered, of: question.key)
        console.write("  \(style.green("✓")) élément \(number) retiré : \(shown[number - 1].labelled(fields))")
        for line in wording.followedRemoval(number, of: question.key, following) { console.write(line) }
        if !axisChanges.isEmpty {
            console.write(style.dim("  Les fiches suivent leurs axes (\(QuestionKeys.actionSheets) mis à jour)."))
        }
        reportRevisits(since: before)
        startListAgain(question)
        return .accepted
    }

    func startListAgain(_ question: Question) {
        if case .list(let fields) = question.kind { startList(question, fields: fields) }
    }

    func noteRenumbered(_ changes: [AnswerChange], of target: String) {
        if let line = wording.renumbered(changes, of: target) { console.write(line) }
    }
}
