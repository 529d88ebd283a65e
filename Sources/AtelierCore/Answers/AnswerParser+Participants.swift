// MARK: - Names of the participants list

extension AnswerParser {
    /// The names of `participants.liste`, as typed there.
    static func listedParticipants(in answers: [String: AnswerValue]) -> [String] {
        guard case .records(let items)? = answers[QuestionKeys.participants] else { return [] }
        return items.compactMap { record in
            if case .text(let name)? = record["nom"], !name.trimmed.isEmpty { name } else { nil }
        }
    }

    /// `Marie Dupont, paul martin`: each name must be one of the list (accents and case aside),
    /// so that a meeting's present are the people whose answers and votes it records.
    func participantNames(_ text: String, expected: String) throws(InvalidAnswer) -> [String] {
        let listed = Self.listedParticipants(in: answers)
        var picked: [String] = []
        for item in text.split(separator: ",").map({ $0.trimmed }) where !item.isEmpty {
            guard let name = listed.first(where: { $0.folded == item.folded }) else {
                throw InvalidAnswer(
                    reason: "« \(item.shortened()) » n'est pas dans la liste des participants (participants.liste : ajoutez-le d'abord)",
                    expected: expected)
            }
            if !picked.contains(name) { picked.append(name) }
        }
        guard !picked.isEmpty else { throw InvalidAnswer(reason: "aucun nom", expected: expected) }
        return picked
    }
}
