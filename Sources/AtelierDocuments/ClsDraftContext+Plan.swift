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
        let planned = plannedSheets()
        let sheets = planned.map { sheetView($0) }
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

    /// The findings of the synthèse that make the library's fiche proposed, quoted in its constat.
    func quotedFindings(_ sheet: ActionSheet) -> [String] {
        input.library.ranked(by: input.synthesis).first { $0.sheet.key == sheet.key }?.findingMessages ?? []
    }

    mutating func sheetView(_ planned: PlannedSheet) -> FicheView {
        let n = planned.number
        let sheet = planned.sheet
        let fix = "/modifier plan.fiches.\(n)"
        /// The user's adaptation, else the library's text, else a gap naming the field to fill.
        func field(_ key: String, library: String?, what: String) -> Field {
            if let value = planned.overrides[key], !value.isEmpty { return .given(value) }
            if let library { return .given(library) }
            return .missing(gap("\(what) de la fiche \(n)", command: "\(fix).\(key) TEXTE"))
        }
        /// The library's text; a fiche of the user's own has none, and no command writes it.
        func libraryOnly(_ value: String?, _ what: String) -> Field {
            value.map(Field.given) ?? .missing(Gap("\(what) de la fiche \(n)", note: "fiche à rédiger hors bibliothèque"))
        }
        func libraryList(_ values: [String]?, _ what: String) -> [Field] {
            values?.map(Field.given) ?? [libraryOnly(nil, what)]
        }
        let view = FicheView(
            number: n,
            title: field("intitule", library: sheet?.title, what: "intitulé"),
            axis: planned.axis.map(Field.given)
                ?? .missing(collected.note(planned.unknownAxis ?? Gap("axe de la fiche \(n)", command: "\(fix).axe NUMÉRO"))),
            lead: field("pilote", library: sheet?.lead, what: "pilote"),
            partners: field("partenaires", library: sheet?.partners.joined(separator: ", "), what: "partenaires"),
            schedule: field("calendrier", library: sheet?.schedule, what: "calendrier"),
            targetValue: field("valeur_cible", library: sheet?.indicators.target, what: "valeur cible"),
            finding: libraryOnly(sheet.map { $0.finding(quoting: quotedFindings($0)) }, "constat"),
            generalObjective: libraryOnly(sheet?.generalObjective, "objectif général"),
            operationalObjectives: libraryList(sheet?.operationalObjectives, "objectifs opérationnels"),
            actionDescription: libraryOnly(sheet?.description, "description"),
            audience: libraryOnly(sheet?.audience, "public cible"),
            area: libraryOnly(sheet?.area, "territoire concerné"),
            means: libraryOnly(sheet?.means, "moyens"),
            processIndicators: libraryList(sheet?.indicators.process, "indicateurs de processus"),
            resultIndicators: libraryList(sheet?.indicators.result, "indicateurs de résultat"),
            indicatorSource: libraryOnly(sheet?.indicators.source, "source des indicateurs"),
            prsLink: libraryOnly(sheet?.prsLink, "lien avec le PRS"),
            sources: sheet?.sources.joined(separator: " ; ") ?? "fiche rédigée par le territoire",
            libraryKey: planned.libraryKey ?? "nouvelle")
        // The checklist names the texts of a fiche to write outside the library; its lists
        // (objectives, indicators) are then written with them.
        for text in [
            view.finding, view.generalObjective, view.actionDescription, view.audience, view.area, view.means,
            view.indicatorSource, view.prsLink,
        ] {
            if let gap = text.gap { collected.note(gap) }
        }
        return view
    }
}
