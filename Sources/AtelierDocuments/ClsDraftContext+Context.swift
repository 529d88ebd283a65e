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
            links = .given("Il s'articule avec les démarches de santé du territoire, en particulier : " + frenchList(picked) + ".")
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
        // A mid-term evaluation only for a contract of 3 years or more: it falls in its middle
        // year, the final one in its last full year, after it.
        let hasMidTerm = years >= 3
        var midTerm = "", final = ""
        if case .known(let start, let end) = dates {
            let finalYear = end.month >= 7 ? end.year : max(start.year, end.year - 1)
            final = String(finalYear)
            if hasMidTerm { midTerm = String(min(start.year + years / 2, finalYear - 1)) }
        }
        // The health part of the contrat de ville, where the territory has QPV or a contrat de ville.
        let qpv: Int = if case .integer(let n)? = input.answers["sante.qpv"]?.value { n } else { 0 }
        let picked: [String] = if case .choices(let p)? = input.answers["contrat.articulations"]?.value { p } else { [] }
        let inCityContract = qpv > 0 || picked.contains { $0.hasPrefix("contrat de ville") }
        return GovernanceView(
            links: links, cityContract: inCityContract, midTermEvaluation: hasMidTerm, users: users, assembly: assembly,
            workingGroups: axes, members: members, missingMembers: missingMembers,
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
            let named = namedFigure(typed)
            let baseline: String
            if let given = item["depart"]?.display, !given.trimmed.isEmpty {
                baseline = given
            } else if case .found(_, let value) = named {
                baseline = "\(value) (diagnostic)"
            } else {
                let why: String =
                    switch named {
                    case .ambiguous(let candidates):
                        "« \(typed) » désigne plusieurs indicateurs : " + frenchList(candidates.prefix(3).map { "« \($0) »" }, or: true)
                    default: "« \(typed) » n'est ni un indicateur de la synthèse ni une question du diagnostic"
                    }
                baseline =
                    gap(
                        "valeur de départ de l'indicateur \(index + 1) (\(why))",
                        command: "/modifier contrat.indicateurs.\(index + 1).depart VALEUR"
                    ).marker
            }
            let name: String = if case .found(let label, _) = named { label } else { typed }
            return ContractIndicatorView(
                name: .given(name), baseline: baseline, target: item["cible"]?.display ?? "—",
                deadline: item["echeance"]?.display ?? "fin du contrat")
        }
    }

    enum NamedFigure {
        case found(label: String, value: String)
        case ambiguous([String])
        case unknown
    }

    /// What a contract indicator names: an indicator of the synthèse (by key, any case, or by
    /// title), else a question of the diagnosis answered (by key, as /revoir shows them).
    func namedFigure(_ typed: String) -> NamedFigure {
        if let question = input.questionnaire.question(forKey: typed.trimmed.lowercased()),
            let answer = input.answers[question.key], input.synthesis.indicators[question.key] == nil
        {
            return .found(label: question.label, value: answer.value.display)
        }
        let (indicator, candidates) = synthesisIndicator(named: typed)
        if let indicator, indicator.isAvailable { return .found(label: indicator.label, value: indicator.formatted) }
        return candidates.count > 1 ? .ambiguous(candidates) : .unknown
    }

    /// The synthèse's indicator a user names: its key (any case), or its title (accents and
    /// case aside), whole or as the only title containing it; else the titles it could mean.
    func synthesisIndicator(named typed: String) -> (Indicator?, candidates: [String]) {
        let indicators = input.synthesis.indicators
        if let byKey = indicators[typed.trimmed.lowercased()] { return (byKey, []) }
        let folded = typed.folded.trimmed
        guard !folded.isEmpty else { return (nil, []) }
        let all = indicators.values.filter(\.isAvailable).sorted { $0.id < $1.id }
        if let exact = all.first(where: { $0.label.folded == folded }) { return (exact, []) }
        let containing = all.filter { $0.label.folded.contains(folded) }
        return containing.count == 1 ? (containing[0], []) : (nil, containing.map(\.label))
    }
}
