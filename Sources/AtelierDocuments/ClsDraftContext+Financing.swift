import AtelierCore

// MARK: - Annex: the plan de financement in short

extension ClsDraftContext {
    mutating func financingSummary() -> FinancingSummaryView {
        guard let plan = input.financing, plan.hasLines else {
            return FinancingSummaryView(
                content: .missing(
                    gap("plan de financement prévisionnel des fiches actions", command: "/aller financement.depenses")))
        }
        let money = FrenchFormat.amount(cents:)
        let rows = plan.actionsWithLines.map { action in
            FinancingRowView(
                sheet: action.sheet, title: action.title, expenses: money(action.totalExpenses(base: plan.base)),
                receipts: money(action.totalBudgetReceipts), funders: action.budgetFunders)
        }
        let errors = FinancingChecks.check(plan).filter { $0.severity == .error }.count
        let control: Field =
            errors == 0
            ? .given("Le plan respecte les règles contrôlées par l'outil (équilibre, CGCT L1111-10 et R2334-27, taux, plafonds, validité).")
            : .missing(gap("\(errors == 1 ? "1 erreur" : "\(errors) erreurs") au contrôle du plan de financement", command: "/verifier"))
        let total = plan.actions.reduce(0) { $0 + $1.totalExpenses(base: plan.base) }
        return FinancingSummaryView(content: .plan(.init(base: plan.base, total: money(total), rows: rows, control: control)))
    }
}
