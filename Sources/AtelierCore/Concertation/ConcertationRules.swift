// MARK: - What a change to the concertation lists must respect

extension Concertation {
    /// The refusal of a change that would leave the concertation lists saying something false:
    /// a second meeting open at once (answers would go to either), or an element added or
    /// changed that names a meeting or a round the lists do not have. Checked on every change,
    /// whatever the command (/réunion, /voix, a list line, /modifier LISTE.N.CHAMP); what was
    /// already there (a workbook edited by hand) is not held against an unrelated change.
    public static func violation(key: String, before: [String: AnswerValue], after: [String: AnswerValue]) -> InvalidAnswer? {
        guard listKeys.contains(key) else { return nil }
        func records(_ answers: [String: AnswerValue], _ key: String) -> [ListRecord] {
            if case .records(let items)? = answers[key] { items } else { [] }
        }
        if key == QuestionKeys.meetings {
            func open(_ answers: [String: AnswerValue]) -> Int {
                records(answers, key).filter { $0[statusField]?.words?.folded == openStatus }.count
            }
            if open(after) > 1, open(after) > open(before) {
                return InvalidAnswer(
                    reason: "une autre réunion est déjà ouverte : une seule réunion est en cours à la fois",
                    expected: "le statut « \(closedStatus) », ou /réunion fin pour clore la réunion ouverte avant d'en ouvrir une autre")
            }
        }
        let unchanged = records(before, key)
        for reference in ListReferences.all where reference.list == key {
            let count = records(after, reference.target).count
            for (index, record) in records(after, key).enumerated() {
                // The number first: only a wrong one costs the search among the elements before.
                guard case .integer(let number)? = record[reference.field], number < 1 || number > count, !unchanged.contains(record)
                else { continue }
                let meeting = reference.target == QuestionKeys.meetings
                let named = meeting ? "la réunion \(number)" : "le tour de priorisation \(number)"
                let held = count == 0 ? "aucun élément" : counted(count, "élément")
                return InvalidAnswer(
                    reason: "l'élément \(index + 1) de \(key) nomme \(named), que \(reference.target) n'a pas (\(held))",
                    expected: count > 0
                        ? "un numéro de \(meeting ? "réunion" : "tour") entre 1 et \(count) (/réunions, /priorités pour les voir)"
                        : (meeting ? "une réunion notée d'abord (/réunion nouvelle)" : "un tour lancé d'abord (/prioriser)"))
            }
        }
        return nil
    }
}
