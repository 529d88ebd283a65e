// MARK: - Lists: the elements as the session has them, and the edits made by number

extension Session {
    /// The elements of a list question as the session's copy of the workbook has them.
    public func records(of question: Question) -> [ListRecord] {
        records(ofKey: question.key)
    }

    public func records(ofKey key: String) -> [ListRecord] {
        guard case .records(let items)? = answers[key]?.value else { return [] }
        return items
    }

    public var currentRecords: [ListRecord] { current.map(records(of:)) ?? [] }

    /// The names in the list of participants, as typed.
    public var participantNames: [String] {
        records(ofKey: QuestionKeys.participants).compactMap { record in
            if case .text(let name)? = record["nom"] { name } else { nil }
        }
    }

    /// The participant a name designates: the one of the list it matches (accents and case
    /// aside), else the name as typed; and whether it is in the list.
    public func participant(named name: String) -> (name: String, isListed: Bool) {
        if let known = participantNames.first(where: { $0.folded == name.folded }) { return (known, true) }
        return (name, false)
    }

    /// Starts typing a new element of `fields`, numbered after the list as it is.
    public mutating func startDraft(_ fields: [ListField], for question: Question) {
        draft = newDraft(fields, for: question)
    }

    /// A new element of `fields`, numbered after the list as it is.
    func newDraft(_ fields: [ListField], for question: Question) -> ListDraft {
        ListDraft(fields: fields, itemNumber: records(of: question).count + 1)
    }

    /// The element being typed keeps the number it will have in the list as it is now.
    public mutating func alignDraft(with question: Question) {
        guard draft != nil, current?.key == question.key else { return }
        let number = records(of: question).count + 1
        draft?.itemNumber = number
    }

    /// The answers a commit relies on by number: the list itself for /retirer, /déplacer and
    /// /modifier LISTE.N.CHAMP; the plan d'actions for a line that names its fiche by number.
    public func keysThatMustNotChange(_ question: Question, positional: Bool) -> [String] {
        var keys = positional ? [question.key] : []
        if case .list(let fields) = question.kind,
            fields.contains(where: { if case .integer = $0.kind { $0.key == FinancingLines.ficheField } else { false } })
        {
            keys.append(QuestionKeys.actionSheets)
        }
        return keys
    }

    /// The financing lines with their fiche numbers mapped by `map` (nil: the fiche is gone and
    /// so is the line), as changes to commit with the plan d'actions.
    public func financingRenumbered(_ map: (Int) -> Int?) -> [AnswerChange] {
        referencesRenumbered(to: QuestionKeys.actionSheets, map)
    }
}

extension Session {
    /// The fiches of the plan d'actions with the axes they name by number following them, `map`
    /// giving where each axis goes (nil: removed). A fiche on the axis removed names it by its
    /// title instead, so that it is not silently moved to the next axis: it is then reported
    /// as on an axis the plan does not have. Nil when no fiche names an axis by number.
    public func axisReferencesRenumbered(_ map: (Int) -> Int?) -> [AnswerChange] {
        let titles = records(ofKey: QuestionKeys.axes).map { record in if case .text(let t)? = record["intitule"] { t } else { "" } }
        guard let answer = answers[QuestionKeys.actionSheets], case .records(let items) = answer.value else { return [] }
        var changed = false
        let renumbered = items.map { record -> ListRecord in
            guard case .text(let typed)? = record["axe"], let old = Int(typed.trimmed), titles.indices.contains(old - 1) else {
                return record
            }
            let new: String = map(old).map(String.init) ?? titles[old - 1]
            if new == typed { return record }
            changed = true
            var copy = record
            copy.fields = copy.fields.map { $0.key == "axe" ? ($0.key, AnswerValue.text(new)) : $0 }
            return copy
        }
        guard changed else { return [] }
        return [
            AnswerChange(
                key: QuestionKeys.actionSheets, value: .records(renumbered), participant: participant, source: answer.source,
                sourceYear: answer.sourceYear, origin: .modified)
        ]
    }
}

/// The lists of the plan de financement name their fiche by its number in the plan d'actions:
/// when a fiche moves or goes, its lines follow it.
public enum FinancingLines {
    public static let keys = [QuestionKeys.expenses, QuestionKeys.receipts, QuestionKeys.derogations]
    public static let ficheField = "fiche"

    /// `items` with each fiche number mapped; nil when nothing changes.
    public static func renumbered(_ items: [ListRecord], _ map: (Int) -> Int?) -> [ListRecord]? {
        ListReferences.renumbered(items, field: ficheField, whenRemoved: .goesWith, map)
    }

    /// Where each fiche goes when element `number` is removed (nil: its lines go with it).
    public static func afterRemoving(_ number: Int) -> (Int) -> Int? { ListReferences.afterRemoving(number) }

    /// Where each fiche goes when element `from` moves to position `to` among `count`.
    public static func afterMoving(_ from: Int, to: Int, count: Int) -> (Int) -> Int? {
        ListReferences.afterMoving(from, to: to, count: count)
    }
}

extension ListRecord {
    /// The record with one field set (or, for nil, removed), in the questionnaire's field order.
    public func setting(_ key: String, to value: AnswerValue?, order: [String]) -> ListRecord {
        var record = self
        guard let value else {
            record.fields.removeAll { $0.key == key }
            return record
        }
        if let index = record.fields.firstIndex(where: { $0.key == key }) {
            record.fields[index].value = value
        } else {
            record.fields.append((key, value))
            record.fields.sort { (order.firstIndex(of: $0.key) ?? 0) < (order.firstIndex(of: $1.key) ?? 0) }
        }
        return record
    }
}
