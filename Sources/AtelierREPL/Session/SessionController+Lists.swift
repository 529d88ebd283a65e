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
    var currentRecords: [ListRecord] {
        guard let key = current?.key, case .records(let items)? = answers[key]?.value else { return [] }
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

    /// Adds a record to the list and commits the whole list at once.
    func append(_ record: ListRecord, to question: Question) -> Outcome {
        let items = currentRecords + [record]
        if let refusal = commit(question, .records(items), origin: .typed, quiet: true) { return refusal }
        console.write("  \(style.green("✓")) élément \(items.count) enregistré : \(record.display(expecting: draft?.fields.map(\.key) ?? []))")
        draft = ListDraft(fields: draft?.fields ?? [], itemNumber: items.count + 1)
        askField()
        return .accepted
    }

    /// An empty line at the start of an element ends the list; an empty list is an answer too.
    func finishList(_ question: Question) -> Outcome {
        if answers[question.key] == nil {
            if let refusal = commit(question, .records([]), origin: .typed) { return refusal }
        } else {
            console.write(style.dim("  Liste terminée : \(currentRecords.count) élément(s)."))
        }
        advance()
        return .accepted
    }

    func removeItem(_ argument: String) -> Outcome {
        guard let question = current, case .list = question.kind else {
            return .refused("/retirer s'utilise pendant la saisie d'une liste (par exemple /aller structures.liste).")
        }
        var items = currentRecords
        guard let number = Int(argument), number >= 1, number <= items.count else {
            return .refused("Numéro d'élément invalide : attendu un nombre entre 1 et \(items.count).")
        }
        let removed = items.remove(at: number - 1)
        let renumbered = question.key == "plan.fiches"
            ? financingRenumbered { old in old == number ? nil : (old > number ? old - 1 : old) } : []
        if let refusal = commit(question, .records(items), origin: .removed, quiet: true, also: renumbered) { return refusal }
        console.write("  \(style.green("✓")) élément \(number) retiré : \(removed.display)")
        startListAgain(question)
        return .accepted
    }

    func startListAgain(_ question: Question) {
        if case .list(let fields) = question.kind { startList(question, fields: fields) }
    }
}
