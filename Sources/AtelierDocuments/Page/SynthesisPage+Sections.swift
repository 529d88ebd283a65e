import AtelierCore

extension SynthesisPage {
    // MARK: - Structures

    static func structures(_ input: Input) -> String {
        let e = HTMLText.escape
        var out = "<section><h2>Structures existantes</h2>"
        let byType = input.synthesis.structures
        guard !byType.isEmpty || !input.structures.isEmpty else {
            return out + "<p>Aucune structure recensée : /aller structures.liste, ou /importer finess.</p></section>"
        }
        if !byType.isEmpty {
            out +=
                "<table><caption>Par type</caption><thead><tr><th scope=\"col\">Type</th><th scope=\"col\">En fonctionnement</th><th scope=\"col\">En projet</th><th scope=\"col\">En difficulté</th></tr></thead><tbody>"
            for row in byType {
                out +=
                    "<tr><th scope=\"row\">\(e(row.type))</th><td>\(row.operating)</td><td>\(row.planned)</td><td>\(row.struggling)</td></tr>"
            }
            out += "</tbody></table>"
        }
        let named = input.structures.map { record in
            ["type", "nom", "commune", "statut"].map { record[$0]?.display ?? "—" }
        }.sorted { ($0[2], $0[0], $0[1]) < ($1[2], $1[0], $1[1]) }
        if !named.isEmpty {
            out +=
                "<table><caption>Par commune</caption><thead><tr><th scope=\"col\">Commune</th><th scope=\"col\">Type</th><th scope=\"col\">Nom</th><th scope=\"col\">Statut</th></tr></thead><tbody>"
            for row in named {
                out +=
                    "<tr><td class=\"text\">\(e(row[2]))</td><td class=\"text\">\(e(row[0]))</td><td class=\"text\">\(e(row[1]))</td><td class=\"text\">\(e(row[3]))</td></tr>"
            }
            out += "</tbody></table>"
        }
        return out + "</section>"
    }

    // MARK: - Plan de financement

    static func financing(_ input: Input) -> String {
        let e = HTMLText.escape
        var out = "<section><h2>Plan de financement</h2>"
        guard let plan = input.plan, plan.hasLines else {
            return out + "<p>Aucune dépense ni recette saisie : /aller financement.</p></section>"
        }
        if let chart = SynthesisCharts.funders(plan) { out += "<figure>\(chart.svg)\(chart.table)</figure>" }
        if let stacked = SynthesisCharts.years(plan) { out += "<figure>\(stacked.svg)\(stacked.table)</figure>" }
        let errors = input.planProblems.filter { $0.severity == .error }, warnings = input.planProblems.filter { $0.severity == .warning }
        out += "<h3>Contrôles du plan</h3>"
        if errors.isEmpty && warnings.isEmpty && input.inconsistencies.isEmpty {
            out += "<p>Le plan respecte les règles contrôlées par l'outil.</p>"
        }
        if !errors.isEmpty || !warnings.isEmpty || !input.inconsistencies.isEmpty {
            out += "<ul>"
            for problem in errors { out += "<li class=\"error\">Erreur — \(e(place(problem)))\(e(problem.message))</li>" }
            for problem in warnings { out += "<li class=\"warning\">À vérifier — \(e(place(problem)))\(e(problem.message))</li>" }
            for item in input.inconsistencies { out += "<li class=\"warning\">Incohérence — \(e(item.shown)) : \(e(item.reason))</li>" }
            out += "</ul>"
        }
        return out + "</section>"
    }

    static func place(_ problem: FinancingProblem) -> String {
        let place = [problem.sheet.map { "fiche \($0)" }, problem.line].compactMap { $0 }.joined(separator: ", ")
        return place.isEmpty ? "" : place + " : "
    }

    // MARK: - Constats, leviers, chiffres

    static func findings(_ synthesis: Synthesis) -> String {
        let e = HTMLText.escape
        var out = "<section><h2>Constats</h2>"
        if synthesis.findings.isEmpty { out += "<p>Aucun constat ne ressort des réponses données.</p>" }
        out += "<ol>"
        for finding in synthesis.findings {
            out +=
                "<li>\(e(finding.message))\(finding.basis.isEmpty ? "" : "<br/><span class=\"source\">\(e(finding.basis.joined(separator: " ; ")))</span>")</li>"
        }
        out += "</ol><h2>Leviers proposés</h2><ul>"
        for lever in synthesis.levers {
            out +=
                "<li><strong>\(e(lever.title))</strong> — \(e(lever.explanation))\(lever.sources.isEmpty ? "" : "<br/><span class=\"source\">Sources : \(e(lever.sources.joined(separator: " ; "))) (confiance : \(e(lever.confidence)))</span>")</li>"
        }
        return out + "</ul></section>"
    }

    /// Every figure computed, with what it rests on (answers with their source and year,
    /// references with theirs).
    static func figures(_ synthesis: Synthesis) -> String {
        let e = HTMLText.escape
        var out =
            "<section><h2>Les chiffres et leurs sources</h2><table><thead><tr><th scope=\"col\">Indicateur</th><th scope=\"col\">Valeur</th><th scope=\"col\">Sources et références</th></tr></thead><tbody>"
        for section in synthesis.sections {
            let available = section.indicatorIDs.compactMap { synthesis.indicator($0) }.filter(\.isAvailable)
            guard !available.isEmpty else { continue }
            out += "<tr><th colspan=\"3\" scope=\"rowgroup\">\(e(section.title))</th></tr>"
            for indicator in available {
                out +=
                    "<tr><td class=\"text\">\(e(indicator.label))</td><td>\(e(indicator.formatted))</td><td class=\"text\">\(e(indicator.basis.joined(separator: " ; ")))</td></tr>"
            }
        }
        return out + "</tbody></table></section>"
    }
}
