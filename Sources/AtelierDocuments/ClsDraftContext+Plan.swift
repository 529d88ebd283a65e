import AtelierCore

// MARK: - Axes and fiches actions

extension ClsDraftContext {
    /// A fiche of the plan: the library's fiche with the user's adaptations, or the user's own.
    struct PlannedSheet {
        var number: Int
        var libraryKey: String?
        var title: String?
        var axis: String?
        /// Set when the axis typed designates none of the plan's: /vérifier's item, or a gap.
        var unknownAxis: Gap?
        var lead: String
        var sheet: ActionSheet?
        var overrides: [String: String]
    }

    /// Read once, by `init`, into `planned`.
    func plannedSheets() -> [PlannedSheet] {
        guard case .records(let items)? = input.answers[QuestionKeys.actionSheets]?.value else { return [] }
        return items.enumerated().map { index, record in
            var overrides: [String: String] = [:]
            for (key, value) in record.fields { overrides[key] = value.display }
            let key = overrides["fiche"]
            let sheet = key.flatMap { input.library.sheet($0) }
            let number = index + 1
            let typed = overrides["axe"].flatMap { $0.isEmpty ? nil : $0 }
            // An axis the plan does not have is not printed as a new axis « 7 »: the fiche's
            // axis is the gap of the inconsistency /vérifier lists.
            let unknown = inconsistency(.unknownAxis, at: "\(QuestionKeys.actionSheets).\(number).axe").map(Self.gap)
            let resolved = unknown == nil ? resolveAxis(typed) : nil
            var unresolved: Gap?
            if let typed, resolved == nil {
                unresolved =
                    unknown
                    ?? Gap(
                        "axe de la fiche \(number) (« \(typed) » n'est pas un axe du plan)",
                        command: "/modifier plan.fiches.\(number).axe NUMÉRO")
            }
            return PlannedSheet(
                number: number, libraryKey: sheet?.key, title: overrides["intitule"] ?? sheet?.title,
                axis: typed == nil ? sheet?.axis : resolved, unknownAxis: unresolved, lead: overrides["pilote"] ?? sheet?.lead ?? "",
                sheet: sheet, overrides: overrides)
        }
    }

    /// The user's axes, if given.
    var userAxes: [String] {
        guard case .records(let items)? = input.answers[QuestionKeys.axes]?.value else { return [] }
        return items.compactMap { $0["intitule"]?.display }
    }

    /// Axes a fiche may name by number: the user's, else the library's.
    var axes: [String] { userAxes.isEmpty ? input.library.axes : userAxes }

    /// An axis typed as a number or a name; an unknown name is a new axis only when the plan
    /// has no axis at all (`ConsistencyChecks` reports it otherwise); a number must designate one.
    func resolveAxis(_ typed: String?) -> String? {
        guard let typed, !typed.isEmpty else { return nil }
        if let number = Int(typed.trimmed) { return axes.indices.contains(number - 1) ? axes[number - 1] : nil }
        return axes.first { $0.folded == typed.trimmed.folded } ?? (axes.isEmpty ? typed : nil)
    }

    mutating func plan() -> PlanView {
        // The findings each library fiche quotes, ranked once for the whole plan.
        var quotes: [String: [String]] = [:]
        for suggestion in input.library.ranked(by: input.synthesis) where quotes[suggestion.sheet.key] == nil {
            quotes[suggestion.sheet.key] = suggestion.findingMessages
        }
        let sheets = planned.map { sheetView($0, quotes: quotes[$0.libraryKey ?? ""] ?? []) }
        // The user's axes in their order, else in the order of the plan's fiches; an axis
        // without fiche is left out.
        var axisNames = userAxes
        for sheet in planned { if let axis = sheet.axis, !axisNames.contains(axis) { axisNames.append(axis) } }
        var axes: [AxisView] = []
        for name in axisNames {
            let members = sheets.filter { if case .given(name) = $0.axis { true } else { false } }
            if members.isEmpty { continue }
            axes.append(AxisView(number: axes.count + 1, title: .given(name), sheets: members))
        }
        // The fiches without axis make one last axis, named by the first one's gap.
        let orphans = sheets.filter { $0.axis.gap != nil }
        if let first = orphans.first {
            axes.append(AxisView(number: axes.count + 1, title: first.axis, sheets: orphans))
        }
        return PlanView(
            axes: axes, sheets: sheets,
            missingPlan: sheets.isEmpty ? gap("fiches actions du contrat", command: "/aller plan.fiches") : nil)
    }

}
