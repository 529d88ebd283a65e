import Foundation

// MARK: - The element being typed, kept between sessions

/// A list element typed field by field is not an answer until its last field: it lives in the
/// workbook's state, so that quitting (Ctrl-D, a closed terminal) halfway through resumes at
/// the same field with the fields already given.
extension Session {
    public static let draftStateKey = "element_en_cours"

    /// The state to save for the element being typed: nil when no field has been given yet.
    public var draftState: String? {
        guard let draft, draft.index > 0, let question = current else { return nil }
        let values = draft.values.map { ["cle": $0.key, "valeur": $0.value.json] }
        let object: [String: Any] = ["question": question.key, "champ": draft.index, "valeurs": values]
        // Cannot fail: strings and integers only.
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    /// Takes up the element saved by `draftState` if it belongs to the current list and every
    /// value still reads as its field expects (the state may have been edited by hand, or the
    /// questionnaire changed); returns whether it did.
    public mutating func restoreDraft(_ state: String) -> Bool {
        guard let question = current, case .list(let fields) = question.kind,
            let data = state.data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            object["question"] as? String == question.key,
            let index = object["champ"] as? Int, index >= 1, index < fields.count,
            let saved = object["valeurs"] as? [[String: String]]
        else { return false }
        var values: [(key: String, value: AnswerValue)] = []
        let parser = AnswerParser(reference: TerritoryReference(), answers: usableAnswers.mapValues(\.value))
        for entry in saved {
            // In the order of the fields, each once, before the one asked.
            let last = values.last.flatMap { previous in fields.firstIndex { $0.key == previous.key } } ?? -1
            guard let key = entry["cle"], let position = fields.firstIndex(where: { $0.key == key }), position < index, position > last,
                let json = entry["valeur"], let value = try? AnswerValue(json: json),
                StoredValueCheck.fault(value, kind: fields[position].kind, bounds: fields[position].bounds, parser: parser) == nil
            else { return false }
            values.append((key, value))
        }
        // Every required field before the one asked must be there.
        guard fields[..<index].allSatisfy({ field in field.optional || values.contains { $0.key == field.key } }) else { return false }
        var restored = newDraft(fields, for: question)
        restored.values = values
        restored.index = index
        draft = restored
        return true
    }
}
