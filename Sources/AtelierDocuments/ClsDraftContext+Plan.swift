import AtelierCore

// MARK: - Axes and fiches actions

extension ClsDraftContext {
    /// A fiche of the plan: the library's fiche with the user's adaptations, or the user's own.
    struct PlannedSheet {
        var number: Int
        var libraryKey: String?
        var title: String?
        var axis: String?
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
            return PlannedSheet(number: index + 1, libraryKey: sheet?.key, title: overrides["intitule"] ?? sheet?.title,
                                axis: resolveAxis(overrides["axe"]) ?? sheet?.axis, lead: overrides["pilote"] ?? sheet?.lead ?? "",
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

    /// An axis typed as a number or a name; an unknown name is a new axis.
    func resolveAxis(_ typed: String?) -> String? {
        guard let typed, !typed.isEmpty else { return nil }
        if let number = Int(typed), number >= 1, number <= axes.count { return axes[number - 1] }
        return axes.first { $0.folded == typed.folded } ?? typed
    }

    mutating func plan() -> [String: Any] {
        let sheets = plannedSheets()
        var fiches: [[String: Any]] = []
        for planned in sheets { fiches.append(sheetContext(planned)) }
        // The user's axes in their order, else in the order of the plan's fiches; an axis
        // without fiche is left out.
        var axisNames = userAxes
        for planned in sheets { if let axis = planned.axis, !axisNames.contains(axis) { axisNames.append(axis) } }
        var axisContexts: [[String: Any]] = []
        for name in axisNames {
            let members = fiches.filter { ($0["axe"] as? String) == name }
            if members.isEmpty { continue }
            axisContexts.append(["numero": String(axisContexts.count + 1), "intitule": name, "fiches": members])
        }
        let orphans = fiches.filter { ($0["axe"] as? String)?.hasPrefix("[À compléter") == true }
        if !orphans.isEmpty {
            axisContexts.append(["numero": String(axisContexts.count + 1), "intitule": orphans[0]["axe"] as! String, "fiches": orphans])
        }
        return [
            "axes": axisContexts,
            "fiches": fiches,
            "nombre_fiches": String(fiches.count),
            "plan_manquant": fiches.isEmpty ? gap("fiches actions du contrat", command: "/aller plan.fiches") : "",
        ]
    }

    mutating func sheetContext(_ planned: PlannedSheet) -> [String: Any] {
        let n = planned.number
        let sheet = planned.sheet
        let fix = "/modifier plan.fiches.\(n)"
        /// The user's adaptation, else the library's text, else a gap naming the field to fill.
        func field(_ key: String, library: String?, what: String) -> String {
            if let value = planned.overrides[key], !value.isEmpty { return value }
            if let library { return library }
            return gap("\(what) de la fiche \(n)", command: "\(fix).\(key) TEXTE")
        }
        let libraryOnly: (String?, String) -> String = { value, what in
            value ?? "[À compléter : \(what) de la fiche \(n), fiche à rédiger hors bibliothèque]"
        }
        let context: [String: Any] = [
            "numero": String(n),
            "intitule": field("intitule", library: sheet?.title, what: "intitulé"),
            "axe": planned.axis ?? gap("axe de la fiche \(n)", command: "\(fix).axe NUMÉRO"),
            "pilote": field("pilote", library: sheet?.lead, what: "pilote"),
            "partenaires": field("partenaires", library: sheet?.partners.joined(separator: ", "), what: "partenaires"),
            "calendrier": field("calendrier", library: sheet?.schedule, what: "calendrier"),
            "valeur_cible": field("valeur_cible", library: sheet?.indicators.target, what: "valeur cible"),
            "constat": libraryOnly(sheet?.finding, "constat"),
            "objectif_general": libraryOnly(sheet?.generalObjective, "objectif général"),
            "objectifs_operationnels": sheet?.operationalObjectives ?? [libraryOnly(nil, "objectifs opérationnels")],
            "description": libraryOnly(sheet?.description, "description"),
            "public": libraryOnly(sheet?.audience, "public cible"),
            "territoire_action": libraryOnly(sheet?.area, "territoire concerné"),
            "moyens": libraryOnly(sheet?.means, "moyens"),
            "indicateurs_processus": sheet?.indicators.process ?? [libraryOnly(nil, "indicateurs de processus")],
            "indicateurs_resultat": sheet?.indicators.result ?? [libraryOnly(nil, "indicateurs de résultat")],
            "source_indicateurs": libraryOnly(sheet?.indicators.source, "source des indicateurs"),
            "lien_prs": libraryOnly(sheet?.prsLink, "lien avec le PRS"),
            "sources": sheet?.sources.joined(separator: " ; ") ?? "fiche rédigée par le territoire",
            "bibliotheque": planned.libraryKey ?? "nouvelle",
        ]
        if sheet == nil {
            for key in ["constat", "objectif_general", "description", "public", "territoire_action", "moyens", "source_indicateurs", "lien_prs"] {
                if let marker = context[key] as? String, marker.hasPrefix("[À compléter") && !gaps.contains(marker) { gaps.append(marker) }
            }
        }
        return context
    }
}
