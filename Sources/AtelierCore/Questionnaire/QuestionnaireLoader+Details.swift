import Yams

extension QuestionnaireLoader.Reader {
    /// `details:` of a list question: more fields of its elements, written like `champs:`, all
    /// optional (an element typed on one line never has them), never sharing a key with them.
    func detailFields(_ fields: [String: Node], of kind: QuestionKind, key: String) throws(FileProblem) -> [ListField] {
        guard let node = fields["details"] else { return [] }
        guard case .list(let typed) = kind else { throw fail(node, "question \(key) : « details » ne s'applique qu'à une liste") }
        guard let nodes = node.sequence.map(Array.init), !nodes.isEmpty else {
            throw fail(node, "question \(key) : « details » demande une liste de champs")
        }
        let details = try listFields(nodes, what: "question \(key)")
        if let twice = details.first(where: { detail in typed.contains { $0.key == detail.key } }) {
            throw fail(node, "question \(key) : le champ « \(twice.key) » est à la fois dans « champs » et dans « details »")
        }
        return details.map { detail in
            var optional = detail
            optional.optional = true
            return optional
        }
    }
}
