import AtelierCore

/// Builds the view of the CLS draft (`ClsView`) from the answers: every value already
/// formatted, under the names a project lead sees in `templates/cls/`. A missing answer
/// becomes a `Gap`, printed `[À compléter : … (/aller clé)]`, never an empty or silently
/// dropped section; the gaps met while building make the closing checklist.
public struct ClsDraftContext {
    public struct Input {
        public var answers: [String: SourcedAnswer]
        public var questionnaire: Questionnaire
        public var synthesis: Synthesis
        public var library: ActionSheetLibrary
        public var territory: TerritoryReference
        /// The plan de financement, summarised in the annex when it has lines.
        public var financing: FinancingPlan?
        /// What /vérifier lists, as the core found it (`ConsistencyChecks.inconsistencies(in:)`
        /// and the session's stored value problems): each one is a point to complete.
        public var revisits: Revisits

        public init(
            answers: [String: SourcedAnswer], questionnaire: Questionnaire, synthesis: Synthesis,
            library: ActionSheetLibrary, territory: TerritoryReference, financing: FinancingPlan? = nil,
            revisits: Revisits = Revisits()
        ) {
            self.answers = answers
            self.questionnaire = questionnaire
            self.synthesis = synthesis
            self.library = library
            self.territory = territory
            self.financing = financing
            self.revisits = revisits
        }
    }

    /// The answers to revisit: those that contradict each other, and the stored values their
    /// questions refuse (not used, so the draft prints their gaps instead).
    public struct Revisits {
        public var inconsistencies: [Inconsistency]
        public var storedProblems: [StoredValueProblem]

        public init(inconsistencies: [Inconsistency] = [], storedProblems: [StoredValueProblem] = []) {
            self.inconsistencies = inconsistencies
            self.storedProblems = storedProblems
        }
    }

    let input: Input
    /// The gaps met so far, in document order.
    var collected = GapList()
    /// The fiches of the plan, read once: the plan, the levers retained and every signatory's
    /// fiches led all start from them.
    private(set) var planned: [PlannedSheet] = []

    public init(_ input: Input) {
        self.input = input
        planned = plannedSheets()
    }

    /// The view of the whole draft.
    public static func view(of input: Input, fingerprint: String) -> ClsView {
        var builder = ClsDraftContext(input)
        // Sections in this order: it is the order of the checklist.
        let parties = builder.parties()
        let context = builder.context()
        let approach = builder.approach()
        let diagnostic = builder.diagnostic()
        let priorities = builder.priorities()
        let plan = builder.plan()
        let contract = builder.contract()
        let governance = builder.governance(
            dates: contract.dates, years: contract.years, axes: plan.axes.compactMap { $0.title.gap == nil ? $0.title.text : nil })
        let financing = builder.financingSummary()
        builder.noteRevisits()
        let communes: [CommuneRef] =
            if case .communes(let list)? = input.answers[QuestionKeys.territoryCommunes]?.value { list } else { [] }
        return ClsView(
            parties: parties, context: context, approach: approach, diagnostic: diagnostic, priorities: priorities, plan: plan,
            contract: contract, governance: governance, financing: financing,
            charts: SynthesisCharts.all(input.synthesis, communes: communes, points: input.territory.points, plan: input.financing),
            fingerprint: fingerprint, gaps: builder.collected.all)
    }

    /// The context of `contrat.mustache`; `gaps` then holds the markers of its checklist.
    public mutating func build(fingerprint: String) -> [String: Any] {
        let view = Self.view(of: input, fingerprint: fingerprint)
        charts = view.charts
        collected = GapList()
        for gap in view.gaps { collected.note(gap) }
        return view.templateContext
    }

    /// The charts `build` found to draw, for the office documents to embed.
    public private(set) var charts: [DocumentChart] = []

    /// The markers of the gaps met by `build`, for the closing checklist.
    public var gaps: [String] { collected.all.map(\.marker) }

    /// A gap remembered for the checklist: `nom du territoire`, `/aller territoire.nom`.
    @discardableResult
    mutating func gap(_ what: String, command: String) -> Gap {
        collected.note(Gap(what, command: command))
    }

    /// The answer as text, else a gap sending to its question.
    mutating func answerText(_ key: String, what: String? = nil) -> Field {
        if let answer = input.answers[key] { return .given(answer.value.display) }
        return .missing(gap(what ?? label(key), command: "/aller \(key)"))
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
}
