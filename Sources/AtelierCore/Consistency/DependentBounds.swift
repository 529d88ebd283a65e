/// Bounds between answers, checked on the values about to be recorded: « dont 60 ans et plus »
/// at most the effectif, « plus de 30 minutes » at most « plus de 20 minutes », and a new
/// bounding answer not below the answers it bounds, so the pair stays consistent whichever is
/// typed last, by whichever session, typed or confirmed from an import.
extension Questionnaire {
    /// Why `value` cannot be the answer to `key` given the answers it bounds, or nil.
    public func violationOfDependentBounds(key: String, value: AnswerValue, answers: [String: AnswerValue]) -> InvalidAnswer? {
        guard let number = value.boundingNumber else { return nil }
        let kind = value.boundingKind
        if let boundKey = question(forKey: key)?.bounds.maximumKey, let bound = answers[boundKey]?.boundingNumber, number > bound {
            return InvalidAnswer(
                reason: "\(value.display) est supérieur à la réponse donnée à \(boundKey) (\(answers[boundKey]!.display))",
                expected: "\(kind) d'au plus \(answers[boundKey]!.display)")
        }
        for question in questions where question.bounds.maximumKey == key {
            guard let bounded = answers[question.key], let other = bounded.boundingNumber, other > number else { continue }
            return InvalidAnswer(
                reason: "\(value.display) est inférieur à la réponse déjà donnée à \(question.key) (\(bounded.display))",
                expected: "\(kind) d'au moins \(bounded.display), ou corrigez d'abord \(question.key)")
        }
        return nil
    }
}

extension AnswerValue {
    /// The number a bound between answers compares: a count or a percentage (`max_reponse`).
    var boundingNumber: Double? {
        switch self {
        case .integer(let n): Double(n)
        case .percentage(let x): x
        default: nil
        }
    }

    var boundingKind: String {
        if case .percentage = self { return "un pourcentage" }
        return "un nombre entier"
    }
}
