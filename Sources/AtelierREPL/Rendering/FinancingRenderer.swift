import AtelierCore

/// The plan de financement on screen: per action, by funder, by year, then the checks.
struct FinancingRenderer {
    let plan: FinancingPlan
    let problems: [FinancingProblem]
    let style: Style

    func money(_ cents: Int) -> String { FrenchFormat.amount(cents: cents) }

    func render() -> [String] {
        var lines = ["", style.bold("Plan de financement (montants \(plan.base))")]
        guard plan.hasLines else {
            return lines + [style.dim("  Aucune dépense ni recette : /aller financement.depenses pour commencer.")]
        }
        for action in plan.actionsWithLines {
            lines.append("")
            lines.append(style.bold("  Fiche \(action.sheet) — \(action.title)"))
            let total = action.totalExpenses(base: plan.base)
            var rows = action.expenses.map { e in
                ["dépense \(e.line)", e.item, e.natureLabel, String(e.year), money(e.amount(base: plan.base)), ""]
            }
            rows.append(["", "Total des dépenses", "", "", money(total), "100\u{00A0}%"])
            for r in action.budgetReceipts {
                rows.append([
                    "recette \(r.line)", r.name, r.status, r.year.map(String.init) ?? "", r.resolved.map(money) ?? "—",
                    FrenchFormat.share(r.resolved ?? 0, of: total),
                ])
            }
            rows.append([
                "", "Total des recettes", "", "", money(action.totalBudgetReceipts),
                FrenchFormat.share(action.totalBudgetReceipts, of: total),
            ])
            let table = Table.render(header: ["Ligne", "Poste ou dispositif", "Nature ou statut", "Année", "Montant", "Part"], rows: rows)
            lines += table.map { "    " + $0 }
            if !action.outsideReceipts.isEmpty {
                lines.append(style.dim("    Versé aux professionnels ou aux structures, hors budget de la collectivité :"))
                for r in action.outsideReceipts {
                    lines.append(style.dim("      recette \(r.line) : \(r.name) — \(r.resolved.map(money) ?? "—")"))
                }
            }
        }
        let funders = plan.byFunder()
        if !funders.isEmpty {
            lines.append("")
            lines.append(style.bold("  Par financeur"))
            let table = Table.render(
                header: ["Financeur", "Dans le budget", "Hors budget"],
                rows: funders.map { [$0.funder, money($0.inBudget), $0.outside == 0 ? "—" : money($0.outside)] })
            lines += table.map { "    " + $0 }
        }
        let years = plan.byYear()
        if !years.isEmpty {
            lines.append("")
            lines.append(style.bold("  Par année"))
            let table = Table.render(
                header: ["Année", "Dépenses", "Recettes"], rows: years.map { [String($0.year), money($0.expenses), money($0.receipts)] })
            lines += table.map { "    " + $0 }
        }
        return lines + problemLines()
    }

    func problemLines() -> [String] {
        let errors = problems.filter { $0.severity == .error }, warnings = problems.filter { $0.severity == .warning }
        var lines = ["", style.bold("Contrôles : \(counted(errors.count, "erreur")), \(counted(warnings.count, "avertissement"))")]
        if problems.isEmpty {
            lines.append(
                style.green(
                    "  ✓ Le plan respecte l'équilibre, la participation minimale du maître d'ouvrage (CGCT L1111-10), les bornes des dotations de l'État (R2334-27), les taux, plafonds et dates de validité du catalogue."
                ))
        }
        for problem in errors + warnings {
            let mark = problem.severity == .error ? style.red("✗") : style.yellow("⚠")
            let place = [
                problem.sheet.map { sheet in
                    "Fiche \(sheet)" + (plan.actions.first { $0.sheet == sheet }.map { " (\($0.title))" } ?? "")
                }, problem.line,
            ].compactMap { $0 }.joined(separator: ", ")
            let sentence = problem.message.asSentence
            lines += Table.wrap("\(place) : \(sentence)", width: 100, indent: "    ").enumerated().map { index, line in
                index == 0 ? "  \(mark) " + line.dropFirst(4) : line
            }
            if let fix = problem.fix { lines.append(style.dim("      → \(fix)")) }
        }
        return lines
    }
}
