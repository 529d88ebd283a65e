// MARK: - Exclusive choices stored with another

extension ConsistencyChecks {
    /// The parser refuses `1, aucune` (`AnswerParser.parse(_:for:)`); a workbook written before
    /// `exclusifs:` existed, or edited by hand, may still hold it: /vérifier lists it.
    func combinedExclusiveChoices(_ answers: [String: AnswerValue]) -> [Inconsistency] {
        exclusiveChoices.compactMap { question in
            guard case .choices(let picked)? = answers[question.key], picked.count > 1,
                let exclusive = picked.first(where: question.choices.contains)
            else { return nil }
            let others = picked.filter { $0 != exclusive }
            return Inconsistency(
                rule: .combinedExclusiveChoice, target: question.key, shown: picked.joined(separator: ", "),
                reason: "« \(exclusive) » ne se combine pas avec \(frenchList(others.map { "« \($0) »" }))",
                expected: "« \(exclusive) » seul, ou les autres choix sans lui",
                fixes: ["/modifier \(question.key) \(exclusive)", "/modifier \(question.key) \(others.joined(separator: ", "))"],
                refusedWhenTyped: [question.key], identity: "exclusif|\(question.key)|\(picked.joined(separator: ","))")
        }
    }
}
