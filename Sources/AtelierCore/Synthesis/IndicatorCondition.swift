import Yams

extension SynthesisReferences {
    /// The indicators a condition or a placeholder may cite, built once.
    static let knownIndicators = Set(SynthesisBuilder.indicatorIDs)

    /// A condition « indicateur opérateur valeur » on an indicator of the synthèse, as the rules
    /// (`regles.yaml`) and the fiches (`fiches.yaml`, « si » and « sauf_si ») write it. A value
    /// `ref.clé` is that reference's value, read once here; the reference named is returned so
    /// that the finding can cite it. `what` says where, for the error: « règle x », « fiche y ».
    static func indicatorCondition(
        _ node: Node, document: YAMLDocument, what: String, national: [String: NationalReference]
    ) throws(FileProblem) -> (condition: Condition, reference: String?) {
        guard let text = node.string, var condition = Condition(parsing: text) else {
            throw document.fail(node, "\(what) : condition illisible, attendu « indicateur opérateur valeur »")
        }
        var reference: String?
        if condition.operand.hasPrefix(referencePrefix) {
            let name = String(condition.operand.dropFirst(referencePrefix.count))
            guard let value = national[name] else { throw document.fail(node, unknownReference(name, in: what, national: national)) }
            condition.operand = String(value.value)
            reference = name
        }
        guard knownIndicators.contains(condition.key) else {
            // No hint for a name longer than any indicator: the edit distance grows with its length.
            let hint =
                condition.key.count > 80
                ? "" : closestMatch(to: condition.key, in: SynthesisBuilder.indicatorIDs).map { " (vouliez-vous dire « \($0) » ?)" } ?? ""
            throw document.fail(node, "\(what) : indicateur inconnu « \(condition.key) »\(hint)")
        }
        return (condition, reference)
    }

    static func unknownReference(_ name: String, in what: String, national: [String: NationalReference]) -> String {
        let hint =
            name.count > 80 ? "" : closestMatch(to: name, in: Array(national.keys)).map { " (vouliez-vous dire « ref.\($0) » ?)" } ?? ""
        return "\(what) : référence inconnue « ref.\(name) »\(hint) (références : templates/references/nationales.yaml)"
    }

    /// `text` with each `{ref.clé}` (value and source) or `{ref.clé.valeur}` (value alone)
    /// replaced; an unknown reference, or any other placeholder, is an error at its line.
    static func quoting(
        _ text: String, node: Node?, document: YAMLDocument, what: String, national: [String: NationalReference]
    ) throws(FileProblem) -> String {
        var result = text
        for placeholder in placeholders(in: text) {
            guard let name = referenceName(placeholder), let reference = national[name] else {
                let problem =
                    referenceName(placeholder).map { unknownReference($0, in: what, national: national) }
                    ?? "\(what) : « {\(placeholder)} » n'est pas une référence (attendu {ref.clé}, clé de templates/references/nationales.yaml)"
                throw document.fail(node, problem)
            }
            let quoted = placeholder.hasSuffix(valueSuffix) ? reference.formattedValue : reference.quoted
            result = result.replacingOccurrences(of: "{\(placeholder)}", with: quoted)
        }
        return result
    }
}
