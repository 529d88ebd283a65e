import AtelierCore

/// The plan de financement as documents: Markdown through `templates/financement/plan.mustache`,
/// and CSV for a French spreadsheet. Pure functions of the plan and its checks.
public enum FinancingDocument {
    public static let mainTemplate = "plan"

    /// The context of `plan.mustache` (and of the CLS draft's annex).
    public static func context(_ plan: FinancingPlan, problems: [FinancingProblem], territory: String) -> [String: Any] {
        let money = FrenchFormat.amount(cents:)
        let actions: [[String: Any]] = plan.actionsWithLines.map { action in
            let total = action.totalExpenses(base: plan.base)
            var context: [String: Any] = [
                "numero": String(action.sheet), "intitule": action.title,
                "depenses": action.expenses.map {
                    [
                        "ligne": String($0.line), "poste": $0.item, "nature": $0.natureLabel,
                        "annee": String($0.year), "montant": money($0.amount(base: plan.base)),
                    ]
                },
                "total_depenses": money(total),
                "recettes": action.budgetReceipts.map { r -> [String: Any] in
                    [
                        "ligne": String(r.line), "dispositif": r.name, "financeur": r.instrument?.funderName ?? "—", "statut": r.status,
                        "montant": r.resolved.map(money) ?? "—", "part": FrenchFormat.share(r.resolved ?? 0, of: total),
                        "confiance": r.instrument?.confidence ?? "inconnue",
                    ]
                },
                "total_recettes": money(action.totalBudgetReceipts),
                "part_recettes": FrenchFormat.share(action.totalBudgetReceipts, of: total),
                "hors_budget": action.outsideReceipts.map {
                    ["dispositif": $0.name, "financeur": $0.instrument?.funderName ?? "—", "montant": $0.resolved.map(money) ?? "—"]
                },
                "financeurs": action.budgetFunders.joined(separator: ", "),
            ]
            // Left out when absent: an empty string would still open {{#derogation}}.
            if let derogation = action.derogation { context["derogation"] = derogation }
            return context
        }
        let errors = problems.filter { $0.severity == .error }, warnings = problems.filter { $0.severity == .warning }
        func describe(_ problem: FinancingProblem) -> [String: Any] {
            let place = [problem.sheet.map { "Fiche \($0)" }, problem.line].compactMap { $0 }.joined(separator: ", ")
            var context: [String: Any] = ["lieu": place, "message": problem.message]
            if let fix = problem.fix { context["correction"] = fix }
            return context
        }
        return [
            "territoire": territory, "base": plan.base, "actions": actions, "a_des_lignes": !actions.isEmpty,
            "par_financeur": plan.byFunder().map {
                ["financeur": $0.funder, "dans_budget": money($0.inBudget), "hors_budget": $0.outside == 0 ? "—" : money($0.outside)]
            },
            "par_annee": plan.byYear().map { ["annee": String($0.year), "depenses": money($0.expenses), "recettes": money($0.receipts)] },
            "erreurs": errors.map(describe), "avertissements": warnings.map(describe),
            "nombre_erreurs": String(errors.count), "nombre_avertissements": String(warnings.count), "conforme": errors.isEmpty,
        ]
    }

    public static func markdown(
        _ plan: FinancingPlan, problems: [FinancingProblem], territory: String,
        templates: DocumentTemplates
    ) throws(FileProblem) -> String {
        let context = context(plan, problems: problems, territory: territory)
        try templates.check(against: [
            context, Self.context(.templateSample(base: plan.base), problems: [.templateSample], territory: territory),
        ])
        return try templates.render(context, template: mainTemplate)
    }

    /// One line per expense and per receipt: `;` separator, decimal comma, no thousands separator,
    /// UTF-8 with a byte-order mark so that spreadsheets read the accents right. Every cell goes
    /// through `CSVCell`, so that nothing typed becomes a formula.
    public static func csv(_ plan: FinancingPlan) -> String {
        let cell = CSVCell.text
        func euros(_ cents: Int) -> String {
            let sign = cents < 0 ? "-" : ""
            let value = cents.magnitude
            return sign + String(value / 100) + "," + (value % 100 < 10 ? "0" : "") + String(value % 100)
        }
        var rows = [
            [
                "fiche", "intitule_fiche", "type", "ligne", "poste_ou_dispositif", "financeur", "nature_ou_statut", "annee",
                "montant_\(plan.base.lowercased())_euros", "dans_budget_collectivite", "confiance",
            ]
        ]
        for action in plan.actions {
            for e in action.expenses {
                rows.append([
                    String(action.sheet), action.title, "dépense", String(e.line), e.item, "", e.natureLabel,
                    String(e.year), euros(e.amount(base: plan.base)), "oui", "",
                ])
            }
            for r in action.receipts {
                rows.append([
                    String(action.sheet), action.title, "recette", String(r.line), r.name, r.instrument?.funderName ?? "", r.status,
                    r.year.map(String.init) ?? "", r.resolved.map(euros) ?? "", (r.instrument?.entersBudget ?? true) ? "oui" : "non",
                    r.instrument?.confidence ?? "",
                ])
            }
        }
        return "\u{FEFF}" + rows.map { $0.map(cell).joined(separator: ";") }.joined(separator: "\r\n") + "\r\n"
    }
}
