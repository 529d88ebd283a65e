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
    /// `si:` — the fiche fits the territory only when every condition holds (an indicator that
    /// cannot be computed makes it not hold), in the syntax of `regles.yaml`.
    public var conditions: [Condition] = []
    /// `sauf_si:` — the fiche does not fit when every one of these conditions holds.
    public var exclusions: [Condition] = []
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
        /// The same findings' messages, with the territory's figures.
        public var findingMessages: [String] = []
        /// Whether the fiche's `si:` conditions hold: it starts from the territory's situation
        /// (existing structures, aids already paid), and is proposed before the generic ones.
        public var isTailored = false
        /// False when its `si:` conditions fail or its `sauf_si:` conditions hold: listed last,
        /// never suggested (the user may still choose it).
        public var fits = true
        /// Whether its `sauf_si:` conditions hold: a fiche that starts from what exists replaces it.
        public var isReplaced = false
        public var isSuggested: Bool { fits && (!findings.isEmpty || isTailored || sheet.alwaysSuggested) }
    }

    /// Every fiche, suggested ones first: those fitted to the territory (`si:`), then those
    /// answering the most findings, then those always suggested (pilotage), then the others,
    /// then those whose `si:` fails, then those replaced (`sauf_si:`); library order within
    /// each group.
    public func ranked(by synthesis: Synthesis?) -> [Suggestion] {
        let suggestions = sheets.map { sheet in
            guard let synthesis else { return Suggestion(sheet: sheet, findings: [], fits: sheet.conditions.isEmpty) }
            let fits = sheet.fits(synthesis)
            let findings =
                fits ? synthesis.findings.filter { finding in finding.levers.contains { sheet.leverKeys.contains($0.key) } } : []
            return Suggestion(
                sheet: sheet, findings: findings.map(\.ruleKey), findingMessages: findings.map(\.message),
                isTailored: fits && !sheet.conditions.isEmpty, fits: fits, isReplaced: sheet.isReplaced(in: synthesis))
        }
        func rank(_ s: Suggestion) -> Int {
            guard s.fits else { return s.isReplaced ? -3 : -2 }
            if s.isTailored { return 10_000 + s.findings.count }
            return s.findings.isEmpty ? (s.sheet.alwaysSuggested ? 0 : -1) : s.findings.count
        }
        return suggestions.enumerated().sorted { a, b in
            rank(a.element) != rank(b.element) ? rank(a.element) > rank(b.element) : a.offset < b.offset
        }.map(\.element)
    }
}

extension ActionSheet {
    /// Whether the fiche fits the territory the synthèse describes (`si:` and `sauf_si:`).
    public func fits(_ synthesis: Synthesis) -> Bool {
        conditions.allSatisfy { $0.holds(in: synthesis) } && !isReplaced(in: synthesis)
    }

    /// Whether every `sauf_si:` condition holds (never for a fiche without any).
    public func isReplaced(in synthesis: Synthesis) -> Bool {
        !exclusions.isEmpty && exclusions.allSatisfy { $0.holds(in: synthesis) }
    }

    /// The fiche's constat for this territory: the library's text, then the findings of the
    /// synthèse that made it proposed, with their figures.
    public func finding(quoting messages: [String]) -> String {
        messages.isEmpty ? finding : finding + " Diagnostic du territoire : " + messages.joined(separator: " ")
    }
}

extension Condition {
    /// A condition of a fiche on an indicator of the synthèse; false when it cannot be computed.
    func holds(in synthesis: Synthesis) -> Bool { holds(for: synthesis.indicators[key]?.conditionValue) }
}
