import AtelierCore

// MARK: - Contexte: the PRS, the collectivité's motives, the previous contract

extension ClsDraftContext {
    mutating func context() -> ContextView {
        let objectives = sentence(
            answerText("contrat.objectifs_prs", what: "objectifs du projet régional de santé auxquels répond le contrat"))
        let motives = sentence(answerText("contrat.motifs", what: "motivations de la collectivité"))
        return ContextView(regionalObjectives: objectives, motives: motives, previousContract: previousContract())
    }

    func sentence(_ field: Field) -> Field {
        if case .given(let text) = field { return .given(text.asSentence) }
        return field
    }

    /// What the workbook says of an earlier CLS: none, or when it ended and what came of it.
    mutating func previousContract() -> Field {
        switch input.answers["structures.cls_precedent"]?.value {
        case .bool(false)?:
            return .given("Le territoire n'a pas encore eu de contrat local de santé : celui-ci est le premier.")
        case .bool(true)?:
            let end: String =
                if case .date(let date)? = input.answers["structures.cls_precedent_fin"]?.value {
                    ", achevé le \(date.french)"
                } else {
                    ", dont la date de fin "
                        + gap("date de fin du précédent contrat", command: "/aller structures.cls_precedent_fin").marker
                }
            let outcome = answerText("structures.cls_precedent_bilan", what: "ce qu'a produit le précédent contrat")
            return .given(
                "Le territoire a déjà eu un contrat local de santé\(end). \(outcome.text.asSentence) Le présent contrat en prend la suite.")
        default:
            return .missing(gap("précédent contrat local de santé (oui ou non)", command: "/aller structures.cls_precedent"))
        }
    }
}

// MARK: - Articulation, gouvernance, évaluation

extension ClsDraftContext {
    mutating func governance(dates: ContractView.Dates, years: Int, axes: [String]) -> GovernanceView {
        let links: Field
        switch input.answers["contrat.articulations"]?.value {
        case .choices(let picked)? where picked == ["aucune"]:
            links = .given("Aucune autre démarche territoriale de santé n'est en cours sur le territoire à la signature.")
        case .choices(let picked)?:
            links = .given("Sur le territoire, il s'articule en particulier avec : " + frenchList(picked) + ".")
        default:
            links = .missing(
                gap(
                    "démarches avec lesquelles le contrat s'articule (CRTE, contrat de ville, CLSM…)",
                    command: "/aller contrat.articulations"))
        }
        let users: Field =
            switch input.answers["contrat.copil_usagers"]?.value {
            case .bool(true)?: .given("des représentants des usagers et des habitants y siègent")
            case .bool(false)?: .given("les représentants des usagers y seront invités à mesure que le contrat se déploie")
            default: .missing(gap("représentants des usagers au comité de pilotage (oui ou non)", command: "/aller contrat.copil_usagers"))
            }
        let assembly: Field =
            switch input.answers["contrat.assemblee"]?.value.display {
            case "aucune"?: .given("aucune rencontre ouverte aux habitants n'est prévue à ce stade.")
            case "forum des habitants"?:
                .given(
                    "un forum des habitants réunit chaque année les habitants, les élus et les acteurs du territoire pour faire le point du contrat."
                )
            case let kind?:
                .given(
                    "une \(kind.replacingOccurrences(of: " annuelle", with: "")) réunit chaque année les habitants, les élus et les acteurs du territoire pour faire le point du contrat."
                )
            case nil: .missing(gap("rencontre ouverte aux habitants (assemblée santé, forum)", command: "/aller contrat.assemblee"))
            }
        var members: [MemberView] = []
        if case .records(let items)? = input.answers["contrat.membres_instances"]?.value {
            members = items.map { item in
                MemberView(
                    body: item["instance"]?.display ?? "", name: item["nom"]?.display ?? "",
                    organisation: item["organisation"]?.display ?? "", quality: item["qualite"]?.display ?? "—")
            }
        }
        let missingMembers = members.isEmpty ? gap("membres des instances du contrat", command: "/aller contrat.membres_instances") : nil
        let evaluator = answerText("contrat.evaluateur", what: "qui évalue le contrat")
        var midTerm = "", final = ""
        if case .known(let start, let end) = dates {
            midTerm = String(start.year + max(1, years / 2))
            // The final evaluation falls in the last full year of the contract.
            final = String(end.month >= 7 ? end.year : max(start.year + 1, end.year - 1))
        }
        return GovernanceView(
            links: links, users: users, assembly: assembly, workingGroups: axes, members: members, missingMembers: missingMembers,
            evaluator: evaluator, midTermYear: midTerm, finalYear: final, indicators: contractIndicators())
    }

    /// `contrat.indicateurs`, each with its baseline: typed, else the diagnosis's value of the
    /// synthèse indicator it names (by key or title), else a gap.
    mutating func contractIndicators() -> [ContractIndicatorView] {
        guard case .records(let items)? = input.answers["contrat.indicateurs"]?.value, !items.isEmpty else {
            return [
                ContractIndicatorView(
                    name: .missing(gap("indicateurs du contrat, avec valeur de départ et cible", command: "/aller contrat.indicateurs")),
                    baseline: "—", target: "—", deadline: "—")
            ]
        }
        return items.enumerated().map { index, item in
            let typed = item["indicateur"]?.display ?? ""
            let found = synthesisIndicator(named: typed)
            let baseline: String
            if let given = item["depart"]?.display, !given.trimmed.isEmpty {
                baseline = given
            } else if let found, found.isAvailable {
                baseline = "\(found.formatted) (diagnostic)"
            } else {
                baseline =
                    gap(
                        "valeur de départ de l'indicateur \(index + 1) (« \(typed) » n'est pas un indicateur de la synthèse)",
                        command: "/modifier contrat.indicateurs.\(index + 1).depart VALEUR"
                    ).marker
            }
            return ContractIndicatorView(
                name: .given(found?.label ?? typed), baseline: baseline, target: item["cible"]?.display ?? "—",
                deadline: item["echeance"]?.display ?? "fin du contrat")
        }
    }

    /// The synthèse's indicator a user names: its key, or its title (accents and case aside),
    /// whole or as the only title containing it.
    func synthesisIndicator(named typed: String) -> Indicator? {
        let indicators = input.synthesis.indicators
        if let byKey = indicators[typed.trimmed] { return byKey }
        let folded = typed.folded.trimmed
        guard !folded.isEmpty else { return nil }
        let all = indicators.values.sorted { $0.id < $1.id }
        if let exact = all.first(where: { $0.label.folded == folded }) { return exact }
        let containing = all.filter { $0.label.folded.contains(folded) }
        return containing.count == 1 ? containing[0] : nil
    }
}
