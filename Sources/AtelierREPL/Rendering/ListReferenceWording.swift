import AtelierCore

// MARK: - What follows an element moved or removed: financing lines, voices, rounds, votes

extension SessionWording {
    /// What element `number` of `target` is called in a sentence: « la fiche 2 », « la réunion 2 ».
    func element(_ number: Int, of target: String) -> String {
        switch target {
        case QuestionKeys.actionSheets: "la fiche \(number)"
        case QuestionKeys.meetings: "la réunion \(number)"
        case QuestionKeys.priorityRounds: "le tour \(number)"
        default: "l'élément \(number)"
        }
    }

    /// The lists updated because they name elements of `target` by number.
    func renumbered(_ changes: [AnswerChange], of target: String) -> String? {
        guard !changes.isEmpty else { return nil }
        let keys = changes.map(\.key).joined(separator: ", ")
        return switch target {
        case QuestionKeys.actionSheets: style.dim("  Les lignes du plan de financement suivent leurs fiches (\(keys) mis à jour).")
        case QuestionKeys.meetings: style.dim("  Les propos et les tours suivent leurs réunions (\(keys) mis à jour).")
        case QuestionKeys.priorityRounds: style.dim("  Les notes suivent leurs tours (\(keys) mis à jour).")
        default: style.dim("  Les éléments qui le désignent par son numéro suivent (\(keys) mis à jour).")
        }
    }

    /// What went with element `number` of `target`, or lost its number.
    func followedRemoval(
        _ number: Int, of target: String, _ elements: [(reference: ListReference, index: Int, record: ListRecord)]
    ) -> [String] {
        var lines: [String] = []
        let gone = elements.filter { $0.reference.whenRemoved == .goesWith }
        if !gone.isEmpty {
            let what =
                target == QuestionKeys.priorityRounds
                ? "\(gone.count) note\(gone.count > 1 ? "s" : "") (\(QuestionKeys.votes))"
                : gone.map { "\($0.reference.list).\($0.index) (\(TerminalText.plainLine($0.record.display).shortened(to: 80)))" }
                    .joined(separator: " ; ")
            let with = element(number, of: target)
            lines.append(style.yellow("  Retirées avec \(with) : \(what). /annuler pour les rétablir."))
        }
        let unattached = elements.filter { $0.reference.whenRemoved == .losesNumber }
        if !unattached.isEmpty {
            let keys = unattached.map { "\($0.reference.list).\($0.index)" }.joined(separator: ", ")
            lines.append(
                style.yellow(
                    "  \(unattached.count) propos (\(keys)) ne sont plus rattachés à aucune réunion : ils sont gardés, sans numéro de réunion. /annuler pour les rattacher de nouveau."
                ))
        }
        return lines
    }

    /// Why element `number` of `target` cannot be removed: what names it.
    func removalBlocked(
        _ number: Int, of target: String, by elements: [(reference: ListReference, index: Int, record: ListRecord)]
    ) -> String {
        let keys = elements.map { "\($0.reference.list).\($0.index)" }
        let rounds = keys.count > 1 ? "les tours de priorisation \(frenchList(keys))" : "le tour de priorisation \(keys[0])"
        // A round scored stays in the record of the concertation: the meeting can be corrected, not removed.
        return
            "La réunion \(number) a \(rounds) : ses votes en dépendent, elle n'est pas retirée (un tour noté reste dans l'historique de la concertation). Pour la corriger : /modifier \(target).\(number).CHAMP (type, date, lieu, presents) ; un tour qui vient d'être lancé par erreur se reprend avec /annuler."
    }
}
