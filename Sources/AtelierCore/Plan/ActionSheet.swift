/// A fiche action of the library (`templates/plan/fiches.yaml`), with the rubriques of the
/// fiches actions of real contrats locaux de santé.
public struct ActionSheet: Sendable, Equatable {
    public struct Indicators: Sendable, Equatable {
        public var process: [String]
        public var result: [String]
        public var target: String
        public var source: String
    }

    public var key: String
    public var title: String
    public var axis: String
    public var leverKeys: [String]
    public var alwaysSuggested: Bool
    public var finding: String
    public var generalObjective: String
    public var operationalObjectives: [String]
    public var description: String
    public var lead: String
    public var partners: [String]
    public var audience: String
    public var area: String
    public var schedule: String
    public var means: String
    public var indicators: Indicators
    public var prsLink: String
    public var sources: [String]
}

/// The library: default axes and fiches, in file order.
public struct ActionSheetLibrary: Sendable {
    public var axes: [String]
    public var sheets: [ActionSheet]

    public func sheet(_ key: String) -> ActionSheet? { sheets.first { $0.key == key } }

    /// A fiche suggested by the synthèse, and why.
    public struct Suggestion: Sendable {
        public var sheet: ActionSheet
        /// Findings whose levers the fiche answers (empty for fiches always suggested).
        public var findings: [String]
        public var isSuggested: Bool { !findings.isEmpty || sheet.alwaysSuggested }
    }

    /// Every fiche, suggested ones first: those answering the most findings, then those always
    /// suggested (pilotage), then the others; library order within each group.
    public func ranked(by synthesis: Synthesis?) -> [Suggestion] {
        let suggestions = sheets.map { sheet in
            Suggestion(
                sheet: sheet,
                findings: (synthesis?.findings ?? []).filter { finding in
                    finding.levers.contains { sheet.leverKeys.contains($0.key) }
                }.map(\.ruleKey))
        }
        func rank(_ s: Suggestion) -> Int { s.findings.isEmpty ? (s.sheet.alwaysSuggested ? 0 : -1) : s.findings.count }
        return suggestions.enumerated().sorted { a, b in
            rank(a.element) != rank(b.element) ? rank(a.element) > rank(b.element) : a.offset < b.offset
        }.map(\.element)
    }
}
