/// Bounds between answers, checked on the values about to be recorded: « dont 60 ans et plus »
/// at most the effectif, and a new effectif not below the answers it bounds, so the pair stays
/// consistent whichever is typed last, by whichever session, typed or confirmed from an import.
extension Questionnaire {
    /// Why `value` cannot be the answer to `key` given the answers it bounds, or nil.
    public func violationOfDependentBounds(key: String, value: AnswerValue, answers: [String: AnswerValue]) -> InvalidAnswer? {
        guard case .integer(let number) = value else { return nil }
        if let boundKey = question(forKey: key)?.bounds.maximumKey, case .integer(let bound)? = answers[boundKey], number > bound {
            return InvalidAnswer(
                reason: "\(FrenchFormat.integer(number)) est supérieur à la réponse donnée à \(boundKey) (\(FrenchFormat.integer(bound)))",
                expected: "un nombre entier d'au plus \(FrenchFormat.integer(bound))")
        }
        for question in questions where question.bounds.maximumKey == key {
            guard case .integer(let bounded)? = answers[question.key], bounded > number else { continue }
            return InvalidAnswer(
                reason:
                    "\(FrenchFormat.integer(number)) est inférieur à la réponse déjà donnée à \(question.key) (\(FrenchFormat.integer(bounded)))",
                expected: "un nombre entier d'au moins \(FrenchFormat.integer(bounded)), ou corrigez d'abord \(question.key)")
        }
        return nil
    }
}
