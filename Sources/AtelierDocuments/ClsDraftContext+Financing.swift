import AtelierCore

// MARK: - Annex: the plan de financement in short

extension ClsDraftContext {
    mutating func financingSummary() -> [String: Any] {
        guard let plan = input.financing, plan.hasLines else {
            return ["plan_financement": gap("plan de financement prévisionnel des fiches actions", command: "/aller financement.depenses"),
                    "financement": [[String: Any]](), "a_un_plan_de_financement": false]
        }
        let money = FrenchFormat.amount(cents:)
        let rows: [[String: Any]] = plan.actionsWithLines.map { action in
            ["numero": String(action.sheet), "intitule": action.title, "depenses": money(action.totalExpenses(base: plan.base)),
             "recettes": money(action.totalBudgetReceipts),
             "financeurs": action.budgetFunders.joined(separator: ", ")]
        }
        let errors = FinancingChecks.check(plan).filter { $0.severity == .error }.count
        if errors > 0 { _ = gap("\(errors) erreur(s) au contrôle du plan de financement", command: "/verifier") }
        let total = plan.actions.reduce(0) { $0 + $1.totalExpenses(base: plan.base) }
        return ["plan_financement": "", "financement": rows, "a_un_plan_de_financement": true,
                "financement_base": plan.base, "financement_total": money(total),
                "financement_controle": errors == 0 ? "Le plan respecte les règles contrôlées par l'outil (équilibre, CGCT L1111-10 et R2334-27, taux, plafonds, validité)."
                    : "[À compléter : \(errors) erreur(s) au contrôle du plan de financement (/verifier)]"]
    }
}
