import AtelierCore

/// Builds what the CLS templates lay out: nested dictionaries with French keys (the names a
/// project lead sees in `templates/cls/`), every value already formatted. A missing answer
/// becomes `[À compléter : … (/aller clé)]`, never an empty or silently dropped section.
public struct ClsDraftContext {
    public struct Input {
        public var answers: [String: SourcedAnswer]
        public var questionnaire: Questionnaire
        public var synthesis: Synthesis
        public var library: ActionSheetLibrary
        public var territory: TerritoryReference
        /// The plan de financement, summarised in the annex when it has lines.
        public var financing: FinancingPlan?

        public init(answers: [String: SourcedAnswer], questionnaire: Questionnaire, synthesis: Synthesis,
                    library: ActionSheetLibrary, territory: TerritoryReference, financing: FinancingPlan? = nil) {
            self.answers = answers
            self.questionnaire = questionnaire
            self.synthesis = synthesis
            self.library = library
            self.territory = territory
            self.financing = financing
        }
    }

    let input: Input
    /// Every `[À compléter]` marker emitted, in document order, for the closing checklist.
    var gaps: [String] = []

    public init(_ input: Input) {
        self.input = input
    }

    /// `[À compléter : nom du territoire (/aller territoire.nom)]`, remembered for the checklist.
    mutating func gap(_ what: String, command: String) -> String {
        let marker = "[À compléter : \(what) (\(command))]"
        if !gaps.contains(marker) { gaps.append(marker) }
        return marker
    }

    mutating func answerText(_ key: String, what: String? = nil) -> String {
        if let answer = input.answers[key] { return answer.value.display }
        return gap(what ?? label(key), command: "/aller \(key)")
    }

    func label(_ key: String) -> String {
        input.questionnaire.question(forKey: key).map { Self.midSentence($0.label) } ?? key
    }

    /// A label as it reads inside a sentence: « Nombre de… » → « nombre de… », but « APL… » stays.
    static func midSentence(_ label: String) -> String {
        let start = label.prefix(2)
        return start.count == 2 && start.allSatisfy(\.isUppercase) ? label : label.prefix(1).lowercased() + label.dropFirst()
    }

    func text(_ key: String) -> String? {
        if case .text(let value)? = input.answers[key]?.value { return value }
        return nil
    }

    /// The whole context of `contrat.mustache`.
    public mutating func build(fingerprint: String) -> [String: Any] {
        var context: [String: Any] = [:]
        context.merge(parties()) { $1 }
        context.merge(diagnostic()) { $1 }
        context.merge(plan()) { $1 }
        context.merge(contract()) { $1 }
        context.merge(financingSummary()) { $1 }
        context["empreinte"] = fingerprint
        context["version_outil"] = "Atelier Santé"
        context["a_completer"] = gaps
        context["nombre_a_completer"] = String(gaps.count)
        return context
    }
}
