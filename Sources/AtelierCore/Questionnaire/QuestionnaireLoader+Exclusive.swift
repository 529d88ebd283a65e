import Yams

extension QuestionnaireLoader.Reader {
    /// `exclusifs: [aucune]` on a `choix_multiples`: the choices that cannot be combined with
    /// another. Each must be one of the question's choices, spelt as there (accents and case
    /// aside), so that a typo in the file does not silently disable the check.
    func exclusiveChoices(_ node: Node?, kind: QuestionKind, what key: String) throws(FileProblem) -> [String] {
        guard let node else { return [] }
        guard case .multipleChoice(let choices) = kind else {
            throw fail(node, "question \(key) : « exclusifs » ne s'applique qu'à une question de type choix_multiples")
        }
        guard let items = node.sequence?.map({ $0.string?.trimmed ?? "" }), !items.isEmpty, items.allSatisfy({ !$0.isEmpty }) else {
            throw fail(node, "question \(key) : « exclusifs » doit être une liste non vide de choix, comme « exclusifs: [aucune] »")
        }
        var result: [String] = []
        for item in items {
            guard let choice = choices.first(where: { $0.folded == item.folded }) else {
                throw fail(
                    node, "question \(key) : « \(item) » (dans « exclusifs ») n'est pas un des choix (\(choices.joined(separator: ", ")))")
            }
            if !result.contains(choice) { result.append(choice) }
        }
        return result
    }
}
