import Yams

extension SynthesisReferences {
    /// A rule's `theme:`, one of the voice themes of the questionnaire (`concertation.voix.theme`)
    /// when they are given; nil when the rule names none.
    static func ruleTheme(
        _ fields: [String: Node], in node: Node, document: YAMLDocument, rule key: String, voiceThemes: [String]?
    ) throws(FileProblem) -> String? {
        guard fields["theme"] != nil else { return nil }
        let theme = try document.string(fields, "theme", in: node, what: "règle \(key)")
        guard let voiceThemes else { return theme }
        guard let known = voiceThemes.first(where: { $0.folded == theme.folded }) else {
            let list =
                voiceThemes.isEmpty
                ? "le questionnaire n'en propose aucun (concertation.voix.theme)"
                : "thèmes des propos : " + voiceThemes.joined(separator: ", ")
            throw document.fail(fields["theme"], "règle \(key) : thème inconnu « \(theme) » (\(list))")
        }
        return known
    }
}

extension Questionnaire {
    /// The themes a voice can have: the choices of `concertation.voix.theme`, in their order.
    public var voiceThemes: [String] {
        guard case .list(let fields)? = question(forKey: QuestionKeys.voices)?.kind else { return [] }
        return fields.first { $0.key == "theme" }?.kind.choices ?? []
    }
}
