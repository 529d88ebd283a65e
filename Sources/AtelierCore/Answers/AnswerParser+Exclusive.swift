// MARK: - Answers to a question, with what the question adds to its kind

extension AnswerParser {
    /// `input` as an answer to `question`: its kind and bounds, and its exclusive choices
    /// (« aucune » alone: `1, aucune` is refused rather than « aucune » silently dropped).
    public func parse(_ input: String, for question: Question) throws(InvalidAnswer) -> AnswerValue {
        let value = try parse(input, as: question.kind, bounds: question.bounds)
        if case .choices(let picked) = value, picked.count > 1,
            let exclusive = picked.first(where: question.exclusiveChoices.contains)
        {
            let others = picked.filter { $0 != exclusive }.map { "« \($0) »" }
            throw InvalidAnswer(
                reason: "« \(exclusive) » ne se combine pas avec \(frenchList(others))",
                expected: "« \(exclusive) » seul, ou un ou plusieurs des autres choix séparés par des virgules")
        }
        return value
    }
}
