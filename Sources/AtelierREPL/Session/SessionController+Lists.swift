import AtelierCore
import AtelierStore

/// A record of a `liste` question being typed, one field per line.
struct ListDraft {
    var fields: [ListField]
    var values: [(key: String, value: AnswerValue)] = []
    var index = 0
    var itemNumber: Int
}

// MARK: - Lists: one record per element, typed field by field or on one line with `;`

extension SessionController {
    var currentRecords: [ListRecord] { current.map(records(of:)) ?? [] }

    /// The elements of a list question as the session's copy of the workbook has them.
    func records(of question: Question) -> [ListRecord] {
        guard case .records(let items)? = answers[question.key]?.value else { return [] }
        return items
    }

    func startList(_ question: Question, fields: [ListField]) {
        let items = currentRecords
        if !items.isEmpty {
            console.write("  Déjà saisis :")
            for (index, item) in items.enumerated() { console.write("    \(index + 1). \(item.display(expecting: fields.map(\.key)))") }
        }
        if case .actionSheet? = fields.first?.kind { showActionSheets() }
        if fields.contains(where: { if case .fundingInstrument = $0.kind { true } else { false } }) { showFundingSuggestions() }
        console.write(style.dim("  Saisie champ par champ, ou un élément par ligne : " +
                                fields.map(\.label).joined(separator: " ; ") + ". Ligne vide pour terminer la liste."))
        draft = ListDraft(fields: fields, itemNumber: items.count + 1)
        askField()
    }

    func askField() {
        guard let draft else { return }
        let field = draft.fields[draft.index]
        // On a terminal the prompt names the element and the field; a script has no prompt.
        var line = interactive ? "  " : "  Élément \(draft.itemNumber) — \(field.label)"
        if !field.kind.choices.isEmpty { line += (interactive ? "Choix : " : " : ") + AnswerParser.numbered(field.kind.choices) }
        if field.optional { line += style.dim(interactive ? "Facultatif : ligne vide pour passer." : " (facultatif : ligne vide pour passer)") }
        if line.trimmed.isEmpty { return }
        console.write(line)
    }

    func listLine(_ line: String, question: Question, fields: [ListField]) -> Outcome {
        if draft == nil { draft = ListDraft(fields: fields, itemNumber: currentRecords.count + 1) }
        guard var draft else { return .accepted }
        if draft.index == 0 {
            if line.isEmpty { return finishList(question) }
            if line.contains(";") {
                do {
                    return append(try parser(for: question.kind).record(line, fields: fields), to: question)
                } catch {
                    return .refused(error.description)
                }
            }
        }
        let field = fields[draft.index]
        if line.isEmpty {
            guard field.optional else {
                return .refused("Le champ « \(field.label) » est obligatoire. Attendu : \(parser(for: field.kind).expectation(for: field.kind, bounds: field.bounds)).")
            }
        } else {
            do {
                draft.values.append((field.key, try parser(for: field.kind).parse(line, as: field.kind, bounds: field.bounds)))
            } catch {
                return .refused("\(field.label) : \(error.description)")
            }
        }
        draft.index += 1
        if draft.index == fields.count {
            return append(ListRecord(fields: draft.values), to: question)
        }
        self.draft = draft
        askField()
        return .accepted
    }

    /// Adds a record to the list and commits the whole list at once: the list as it is in the
    /// workbook when the write lock is held, so that another session's elements are kept.
    func append(_ record: ListRecord, to question: Question) -> Outcome {
        if let refusal = commit(question, origin: .typed, quiet: true, decide: { .records(self.records(of: question) + [record]) }) {
            return refusal
        }
        let count = currentRecords.count
        console.write("  \(style.green("✓")) élément \(count) enregistré : \(record.display(expecting: draft?.fields.map(\.key) ?? []))")
        draft = ListDraft(fields: draft?.fields ?? [], itemNumber: count + 1)
        askField()
        return .accepted
    }

    /// An empty line at the start of an element ends the list; an empty list is an answer too.
    func finishList(_ question: Question) -> Outcome {
        // An empty list is recorded unless it has an answer, here or (seen when committing)
        // from another session; the commit confirms it, otherwise the count is said.
        var recorded = false
        if answers[question.key] == nil {
            let refusal = commit(question, origin: .typed, decide: {
                recorded = self.answers[question.key] == nil
                return recorded ? .records([]) : nil
            })
            if let refusal { return refusal }
        }
        if !recorded { console.write(style.dim("  Liste terminée : \(records(of: question).count) élément(s).")) }
        advance()
        return .accepted
    }

    func removeItem(_ argument: String) -> Outcome {
        guard let question = current, case .list = question.kind else {
            return .refused("/retirer s'utilise pendant la saisie d'une liste (par exemple /aller structures.liste).")
        }
        let shown = currentRecords
        guard let number = Int(argument), number >= 1, number <= shown.count else {
            return .refused("Numéro d'élément invalide : attendu un nombre entre 1 et \(shown.count).")
        }
        var renumbered: [AnswerChange] = []
        let refusal = commit(question, origin: .removed, quiet: true, positional: true, also: {
            renumbered = question.key == QuestionKeys.actionSheets
                ? self.financingRenumbered { old in old == number ? nil : (old > number ? old - 1 : old) } : []
            return renumbered
        }, decide: {
            var items = self.records(of: question)
            items.remove(at: number - 1)
            return .records(items)
        })
        if let refusal { return refusal }
        noteRenumbered(renumbered)
        console.write("  \(style.green("✓")) élément \(number) retiré : \(shown[number - 1].display)")
        startListAgain(question)
        return .accepted
    }

    func startListAgain(_ question: Question) {
        if case .list(let fields) = question.kind { startList(question, fields: fields) }
    }
}
