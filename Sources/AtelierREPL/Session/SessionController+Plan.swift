import AtelierCore
import AtelierStore

// MARK: - Plan d'actions: suggested fiches, order, element fields

extension SessionController {
    /// The library ranked by the current synthèse (library order if it cannot be computed).
    func rankedActionSheets() -> [ActionSheetLibrary.Suggestion] { rankedActionSheets(by: try? currentSynthesis()) }

    func rankedActionSheets(by synthesis: Synthesis?) -> [ActionSheetLibrary.Suggestion] {
        guard let library = try? resources.library.get() else { return [] }
        return library.ranked(by: synthesis, priorities: concertation.planPriorities?.ranking)
    }

    /// Before the first field of a fiche: the findings the proposed fiches answer, numbered as
    /// `/synthèse constats` numbers them, then the library, suggested fiches first, each with
    /// the numbers of its findings.
    func showActionSheets() {
        let synthesis = try? currentSynthesis()
        let ranked = rankedActionSheets(by: synthesis)
        guard !ranked.isEmpty else {
            console.writeError(
                style.red(resources.problem(.library) ?? "La bibliothèque de fiches actions (templates/plan/fiches.yaml) est vide."))
            return
        }
        session.shownActionSheets = ranked.map { ($0.sheet.key, $0.sheet.title) }
        let chosen: Set<String> = Set(currentRecords.compactMap { if case .choice(let key)? = $0["fiche"] { key } else { nil } })
        let answered = Set(ranked.flatMap(\.findings))
        let numbered = (synthesis?.findings ?? []).enumerated().filter { answered.contains($0.element.ruleKey) }
        if !numbered.isEmpty {
            console.write("  Constats de la synthèse auxquels répondent les fiches proposées :")
            for (index, finding) in numbered {
                for line in Table.wrap("\(index + 1). \(finding.message)", width: 100, indent: "    ") { console.write(line) }
            }
        }
        let priorities = concertation.planPriorities
        let order = priorities.map { p in
            ", classées selon les priorités fixées " + (p.meeting?.attribution ?? "au tour n° \(p.ranking.round.number)")
        }
        console.write("  Bibliothèque (★ proposée par la synthèse ; ✓ déjà retenue\(order ?? "")) :")
        for (index, suggestion) in ranked.enumerated() {
            let mark = chosen.contains(suggestion.sheet.key) ? "✓" : (suggestion.isSuggested ? "★" : " ")
            var line = "  \(mark) \(index + 1). \(suggestion.sheet.title) " + style.dim("[\(suggestion.sheet.key)]")
            let numbers = numbered.filter { suggestion.findings.contains($0.element.ruleKey) }.map { String($0.offset + 1) }
            if let priorities, let rank = ActionSheetLibrary.priorityRank(of: suggestion, in: priorities.ranking) {
                line += style.dim(" — priorité \(rank)")
            }
            if !numbers.isEmpty {
                line += style.dim(" — constat\(numbers.count > 1 ? "s" : "") " + numbers.joined(separator: ", "))
            } else if suggestion.isTailored {
                line += style.dim(" — part des structures existantes")
            } else if suggestion.isReplaced, !chosen.contains(suggestion.sheet.key) {
                line += style.dim(" — écartée : une fiche qui part des structures existantes la remplace")
            }
            console.write(line)
        }
        console.write(style.dim("  « \(ActionSheetLibrary.customKey) » pour une fiche à vous."))
    }

    /// `/deplacer N M`: moves element N of the current list to position M.
    func moveItem(from: Int, to: Int) -> Outcome {
        guard let question = current, case .list = question.kind else {
            return .refused("/deplacer s'utilise pendant la saisie d'une liste (par exemple /aller plan.fiches).")
        }
        let count = currentRecords.count
        let numbers = [from, to]
        guard count >= 2 else { return .refused("Il faut au moins deux éléments dans la liste pour en déplacer un.") }
        guard numbers.allSatisfy({ $0 >= 1 && $0 <= count }) else {
            return .refused("Usage : /deplacer N M, avec N et M entre 1 et \(count) (numéros des éléments).")
        }
        var renumbered: [AnswerChange] = []
        var axisChanges: [AnswerChange] = []
        let refusal = commit(
            question, origin: .moved, quiet: true, positional: true,
            also: {
                // The financing lines follow their fiche, and the fiches their axis.
                let map = FinancingLines.afterMoving(numbers[0], to: numbers[1], count: count)
                renumbered = self.session.referencesRenumbered(to: question.key, map)
                axisChanges = question.key == QuestionKeys.axes ? self.session.axisReferencesRenumbered(map) : []
                return renumbered + axisChanges
            },
            decide: {
                var items = self.records(of: question)
                items.insert(items.remove(at: numbers[0] - 1), at: numbers[1] - 1)
                return .records(items)
            })
        if let refusal { return refusal }
        noteRenumbered(renumbered, of: question.key)
        console.write("  \(style.green("✓")) élément \(numbers[0]) placé en position \(numbers[1]).")
        if !axisChanges.isEmpty {
            console.write(style.dim("  Les fiches suivent leurs axes (\(QuestionKeys.actionSheets) mis à jour)."))
        }
        startListAgain(question)
        return .accepted
    }

    /// `/modifier LISTE.N.CHAMP VALEUR`: changes one field of one element of a list.
    func modifyElement(listKey: String, number: Int, field: String, value text: String) -> Outcome {
        guard let question = questionnaire.question(forKey: listKey), case .list = question.kind else {
            return .refused("« \(listKey) » n'est pas une liste.")
        }
        let fields = question.allListFields
        guard let spec = fields.first(where: { $0.key == field }) else {
            return .refused("Champ inconnu « \(field) » ; champs de \(listKey) : \(fields.map(\.key).joined(separator: ", ")).")
        }
        var record: ListRecord?
        var unchanged = false
        let refusal = commit(
            question, origin: .modified, quiet: true, positional: true,
            decide: { () throws(Refusal) -> AnswerValue? in
                var items = self.records(of: question)
                guard number >= 1, number <= items.count else { throw Refusal(message: "La liste \(listKey) n'a pas d'élément \(number).") }
                let changed = try self.record(items[number - 1], setting: spec, to: text, order: fields.map(\.key))
                // Nothing to record: a ✓ here would make the next /annuler undo the change before.
                if changed == items[number - 1] {
                    unchanged = true
                    return nil
                }
                items[number - 1] = changed
                record = changed
                return .records(items)
            })
        if let refusal { return refusal }
        if unchanged {
            console.write(style.dim("  \(listKey) élément \(number) : « \(spec.shortLabel) » inchangé, rien n'est enregistré."))
            remindCurrent()
            return .accepted
        }
        // A detail (a fiche's text) is confirmed alone: the whole element would be a page.
        let confirmed =
            question.detailFields.contains { $0.key == spec.key }
            ? "\(spec.shortLabel) : " + (record?[spec.key]?.display ?? "(effacé)") : record?.labelled(fields) ?? ""
        console.write("  \(style.green("✓")) \(listKey) élément \(number) : \(confirmed)")
        remindCurrent()
        return .accepted
    }

    /// `record` with one field set to what the user typed (or removed, for an optional field
    /// left empty), the questionnaire's field order kept.
    private func record(_ record: ListRecord, setting spec: ListField, to text: String, order: [String]) throws(Refusal) -> ListRecord {
        if text.isEmpty {
            guard spec.optional else { throw Refusal(message: "Le champ « \(spec.label) » est obligatoire.") }
            return record.setting(spec.key, to: nil, order: order)
        }
        do {
            return record.setting(spec.key, to: try parser(for: spec.kind).parse(text, as: spec.kind, bounds: spec.bounds), order: order)
        } catch {
            throw Refusal(message: error.description)
        }
    }
}
