import AtelierCore

/// The plan de financement on screen: per action, by funder, by year, then the checks.
struct FinancingRenderer {
    let plan: FinancingPlan
    let problems: [FinancingProblem]
    let style: Style
    /// The columns of the terminal (`Console.width`).
    let width: Int

    func money(_ cents: Int) -> String { FrenchFormat.amount(cents: cents) }

    /// A table indented by four spaces, fitting the terminal, with the columns it leaves out said under it.
    func table(_ header: [String], _ rows: [[String]], dropping: [Int] = []) -> [String] {
        let table = Table.render(header: header, rows: rows, width: width, indent: "    ", dropping: dropping)
        return table.lines + (table.omissionNote.map { Table.paragraph($0, indent: "    ", width: width).map(style.dim) } ?? [])
    }

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
            // The amounts and what they fund stay; nature, year and share go first on a narrow terminal.
            lines += table(["Ligne", "Poste ou dispositif", "Nature ou statut", "Année", "Montant", "Part"], rows, dropping: [2, 3, 5])
            // HT, TVA and TTC whatever the base, and the FCTVA apart: never a receipt of the plan.
            var vat = "    Dépenses : \(money(action.totalHT)) HT, \(money(action.totalVAT)) de TVA, \(money(action.totalTTC)) TTC"
            if let fctva = plan.fctvaEstimate(of: action) {
                vat += " ; FCTVA estimé : \(money(fctva)) (hors plan, pas une subvention)"
            }
            lines.append(style.dim(vat))
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
            lines += table(
                ["Financeur", "Dans le budget", "Hors budget"],
                funders.map { [$0.funder, money($0.inBudget), $0.outside == 0 ? "—" : money($0.outside)] })
        }
        let years = plan.byYear()
        if !years.isEmpty {
            lines.append("")
            lines.append(style.bold("  Par année"))
            lines += table(
                ["Année", "Dépenses", "Recettes"],
                years.map { [$0.year.map(String.init) ?? "sans année", money($0.expenses), money($0.receipts)] })
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
            lines += Table.wrap("\(place) : \(sentence)", width: min(width, Table.longestProse) - 4, indent: "    ").enumerated().map {
                index, line in
                index == 0 ? "  \(mark) " + line.dropFirst(4) : line
            }
            if let fix = problem.fix { lines.append(style.dim("      → \(fix)")) }
        }
        return lines
    }
}
