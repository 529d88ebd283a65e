import AtelierCore

extension FinancingBook {
    /// Columns of « Par action »: one line per expense and per receipt, as in the CSV export.
    enum ActionColumn: Int, CaseIterable {
        case sheet, title, kind, line, item, funder, nature, year, amount, share, confidence
    }

    /// Every line of each fiche, then its totals: the expenses' sum, the sum of the receipts
    /// that enter the collectivité's budget (with their share of the expenses), then the
    /// money paid outside the budget, shown but left out of the balance. The plan's totals
    /// close the sheet, as sums of the fiches' totals.
    static func byAction(_ plan: FinancingPlan, territory: String) -> Sheet {
        var rows = heading("par action", territory: territory, base: plan.base)
        rows.append(
            headers([
                "Fiche", "Intitulé de la fiche", "Type", "Ligne", "Poste ou dispositif", "Financeur", "Nature ou statut", "Année",
                "Montant \(plan.base)", "Part des dépenses", "Confiance",
            ]))
        let width = ActionColumn.allCases.count, amount = ActionColumn.amount.rawValue
        func cells(_ values: [ActionColumn: Cell]) -> [Cell] { ActionColumn.allCases.map { values[$0] ?? .empty } }
        func share(_ row: Int, of total: Int, cents: Int?, totalCents: Int, bold: Bool = false) -> Cell {
            guard let cents, totalCents != 0 else { return .empty }
            return .formula(
                .ratio(CellReference(column: amount, row: row), CellReference(column: amount, row: total)),
                cached: .percent(Double(cents) / Double(totalCents), bold: bold))
        }
        var expenseTotals: [(row: Int, cents: Int)] = [], receiptTotals: [(row: Int, cents: Int)] = []

        for action in plan.actionsWithLines {
            let fiche: [ActionColumn: Cell] = [.sheet: .number(.integer(action.sheet)), .title: .text(action.title)]
            let firstExpense = rows.count + 1
            for expense in action.expenses {
                rows.append(
                    cells(
                        fiche.merging([
                            .kind: .text("dépense"), .line: .number(.integer(expense.line)), .item: .text(expense.item),
                            .nature: .text(expense.natureLabel), .year: .number(.integer(expense.year)),
                            .amount: .number(.euros(cents: expense.amount(base: plan.base))),
                        ]) { $1 }))
            }
            let totalExpenses = action.totalExpenses(base: plan.base)
            let expenseLines = action.expenses.isEmpty ? [] : [firstExpense...rows.count]
            rows.append(
                merged(
                    cells(fiche),
                    totalRow("Total des dépenses", width: width, labelColumn: 2, sums: [(amount, expenseLines, totalExpenses)])))
            let expenseTotal = rows.count
            expenseTotals.append((expenseTotal, totalExpenses))

            let firstReceipt = rows.count + 1
            for receipt in action.budgetReceipts {
                rows.append(cells(receiptCells(receipt, kind: "recette", fiche: fiche)))
                rows[rows.count - 1][ActionColumn.share.rawValue] = share(
                    rows.count, of: expenseTotal, cents: receipt.resolved, totalCents: totalExpenses)
            }
            let receiptLines = action.budgetReceipts.isEmpty ? [] : [firstReceipt...rows.count]
            var total = totalRow(
                "Total des recettes", width: width, labelColumn: 2, sums: [(amount, receiptLines, action.totalBudgetReceipts)])
            total[ActionColumn.share.rawValue] = share(
                rows.count + 1, of: expenseTotal, cents: action.totalBudgetReceipts, totalCents: totalExpenses, bold: true)
            rows.append(merged(cells(fiche), total))
            receiptTotals.append((rows.count, action.totalBudgetReceipts))

            for receipt in action.outsideReceipts {
                rows.append(cells(receiptCells(receipt, kind: "recette hors budget", fiche: fiche)))
            }
        }
        if plan.actionsWithLines.isEmpty {
            rows.append(cells([.title: .text("[À compléter : dépenses et recettes des fiches actions (/aller financement.depenses)]")]))
        } else {
            let expenses = expenseTotals.reduce(0) { $0 + $1.cents }
            rows.append(
                totalRow(
                    "Total des dépenses du plan", width: width, labelColumn: 2,
                    sums: [(amount, expenseTotals.map { $0.row...$0.row }, expenses)]))
            let planExpenses = rows.count
            var receipts = totalRow(
                "Total des recettes du plan", width: width, labelColumn: 2,
                sums: [(amount, receiptTotals.map { $0.row...$0.row }, receiptTotals.reduce(0) { $0 + $1.cents })])
            receipts[ActionColumn.share.rawValue] = share(
                rows.count + 1, of: planExpenses, cents: receiptTotals.reduce(0) { $0 + $1.cents }, totalCents: expenses, bold: true)
            rows.append(receipts)
        }
        let columns: [Sheet.Column] = ActionColumn.allCases.map { column in
            switch column {
            case .sheet, .line: .init(minimumWidth: 6)
            case .title, .item, .funder: .init(minimumWidth: 12, maximumWidth: 45)
            case .kind: .init(minimumWidth: 10, maximumWidth: 22)
            default: .init()
            }
        }
        return Sheet(name: "Par action", columns: columns, headerRow: 3, rows: rows)
    }

    static func receiptCells(
        _ receipt: FinancingPlan.Receipt, kind: String, fiche: [ActionColumn: Cell]
    ) -> [ActionColumn: Cell] {
        var values = fiche
        values[.kind] = .text(kind)
        values[.line] = .number(.integer(receipt.line))
        values[.item] = .text(receipt.name)
        values[.funder] = receipt.instrument.map { .text($0.funderName) } ?? .empty
        values[.nature] = .text(receipt.status)
        values[.year] = receipt.year.map { .number(.integer($0)) } ?? .empty
        values[.amount] = receipt.resolved.map { .number(.euros(cents: $0)) } ?? .empty
        values[.confidence] = .text(receipt.instrument?.confidence ?? "inconnue")
        return values
    }

    /// `base` with the non-empty cells of `overlay` written over it.
    static func merged(_ base: [Cell], _ overlay: [Cell]) -> [Cell] {
        zip(base, overlay).map { $1 == .empty ? $0 : $1 }
    }
}
