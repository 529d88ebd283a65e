import AtelierCore

/// The plan de financement as a workbook: the views of `plan.mustache` (par action, par
/// financeur, par année, contrôles), one sheet each, with amounts as numbers and totals as
/// formulas over the lines above them.
enum FinancingBook {
    static func book(_ plan: FinancingPlan, problems: [FinancingProblem], territory: String) -> Book {
        Book(
            title: "Plan de financement prévisionnel — \(territory)",
            sheets: [
                byAction(plan, territory: territory), byFunder(plan, territory: territory), byYear(plan, territory: territory),
                checks(problems, territory: territory, base: plan.base),
            ])
    }

    /// The title and the note above each table; the column headers come on the row after.
    static func heading(_ view: String, territory: String, base: String) -> [[Cell]] {
        [
            [.text("Plan de financement prévisionnel — \(territory) — \(view)", style: .title)],
            [
                .text(
                    "Montants \(base) en euros. Établi avec Atelier Santé à partir des réponses du classeur et du catalogue des financements ; "
                        + "les taux et plafonds marqués «\u{00A0}à confirmer\u{00A0}» doivent être validés auprès de chaque financeur.")
            ],
        ]
    }

    static func headers(_ names: [String]) -> [Cell] { names.map { .text($0, style: .header) } }

    /// A total row: `label` in `labelColumn`, then the sum of `rows` in each of `columns`.
    static func totalRow(
        _ label: String, width: Int, labelColumn: Int = 0, sums: [(column: Int, rows: [ClosedRange<Int>], cents: Int)]
    ) -> [Cell] {
        var row = [Cell](repeating: .empty, count: width)
        row[labelColumn] = .text(label, style: .bold)
        for sum in sums {
            row[sum.column] =
                sum.rows.isEmpty
                ? .number(.euros(cents: 0, bold: true))
                : .formula(.sum(sum.rows, column: sum.column), cached: .euros(cents: sum.cents, bold: true))
        }
        return row
    }

    // MARK: - Par financeur, par année

    static func byFunder(_ plan: FinancingPlan, territory: String) -> Sheet {
        var rows = heading("par financeur", territory: territory, base: plan.base)
        rows.append(headers(["Financeur", "Dans le budget de la collectivité", "Hors budget"]))
        let funders = plan.byFunder()
        for funder in funders {
            rows.append([.text(funder.funder), .number(.euros(cents: funder.inBudget)), .number(.euros(cents: funder.outside))])
        }
        let lines = funders.isEmpty ? [] : [4...rows.count]
        rows.append(
            totalRow(
                "Total", width: 3,
                sums: [(1, lines, funders.reduce(0) { $0 + $1.inBudget }), (2, lines, funders.reduce(0) { $0 + $1.outside })]))
        return Sheet(
            name: "Par financeur", columns: [.init(minimumWidth: 12, maximumWidth: 45), .init(), .init()], headerRow: 3, rows: rows)
    }

    static func byYear(_ plan: FinancingPlan, territory: String) -> Sheet {
        var rows = heading("par année", territory: territory, base: plan.base)
        rows.append(headers(["Année", "Dépenses", "Recettes (budget de la collectivité)"]))
        let years = plan.byYear()
        for year in years {
            rows.append([
                year.year.map { .number(.integer($0)) } ?? .text("sans année"), .number(.euros(cents: year.expenses)),
                .number(.euros(cents: year.receipts)),
            ])
        }
        let lines = years.isEmpty ? [] : [4...rows.count]
        rows.append(
            totalRow(
                "Total", width: 3,
                sums: [(1, lines, years.reduce(0) { $0 + $1.expenses }), (2, lines, years.reduce(0) { $0 + $1.receipts })]))
        return Sheet(name: "Par année", columns: [.init(), .init(), .init()], headerRow: 3, rows: rows)
    }

    // MARK: - Contrôles

    /// The sentence of `plan.mustache` when no check fails.
    static let compliant =
        "Le plan respecte l'équilibre des recettes et des dépenses, la participation minimale du maître d'ouvrage (CGCT L1111-10), "
        + "les bornes des dotations de l'État (CGCT R2334-27), les taux, plafonds et dates de validité du catalogue."

    static func checks(_ problems: [FinancingProblem], territory: String, base: String) -> Sheet {
        var rows = heading("contrôles", territory: territory, base: base)
        rows.append(headers(["Gravité", "Lieu", "Message", "Correction"]))
        let errors = problems.filter { $0.severity == .error }
        if errors.isEmpty { rows.append([.text("Conforme"), .empty, .text(compliant, style: .wrapped), .empty]) }
        for problem in errors + problems.filter({ $0.severity == .warning }) {
            let place = [problem.sheet.map { "Fiche \($0)" }, problem.line].compactMap { $0 }.joined(separator: ", ")
            rows.append([
                .text(problem.severity == .error ? "Erreur" : "À vérifier"), .text(place), .text(problem.message, style: .wrapped),
                problem.fix.map { .text($0) } ?? .empty,
            ])
        }
        return Sheet(
            name: "Contrôles",
            columns: [.init(), .init(maximumWidth: 40), .init(minimumWidth: 40, maximumWidth: 70), .init(maximumWidth: 50)],
            headerRow: 3, rows: rows)
    }
}
