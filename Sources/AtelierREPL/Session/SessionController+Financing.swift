import AtelierCore
import AtelierStore

// MARK: - Plan de financement: suggestions, /plan, and its checks for /verifier

extension SessionController {
    /// The fiches of the plan d'actions, in order, as the financing plan names them.
    var plannedSheets: [(title: String, libraryKey: String?)] { session.plannedSheets(library: try? resources.library.get()) }

    func financingPlan() throws -> FinancingPlan {
        FinancingPlan(answers: usableValues, sheets: plannedSheets, catalogue: try fundingCatalogue())
    }

    /// The catalogue as this territory sees it: the national instruments, those of its région
    /// and département, and its own (`financement.dispositifs`).
    func fundingCatalogue() throws -> FundingCatalogue {
        try resources.catalogue.get().forTerritory(TerritoryPlace(answers: usableValues, reference: territory), answers: usableValues)
    }

    /// Before receipts are typed: for each fiche, the instruments the catalogue proposes.
    func showFundingSuggestions() {
        guard let catalogue = try? fundingCatalogue() else {
            resources.problem(.catalogue).map { console.writeError(style.red($0)) }
            return
        }
        let sheets = plannedSheets
        if sheets.isEmpty {
            console.write(style.yellow("  Le plan d'actions n'a pas encore de fiche : /aller plan.fiches d'abord."))
            return
        }
        console.write("  Dispositifs proposés par le catalogue (clé : conditions) :")
        for (index, sheet) in sheets.enumerated() {
            let keys = catalogue.suggestions(forSheet: sheet.libraryKey).map { instrument in
                instrument.terms.isEmpty ? instrument.key : "\(instrument.key) (\(instrument.terms))"
            }
            console.write("    Fiche \(index + 1) — \(sheet.title) : " + keys.joined(separator: " ; "))
        }
    }

    func showPlan() -> Outcome { printFinancing { $0.render() } }

    /// Prints what `lines` makes of the plan and its checks.
    func printFinancing(_ lines: (FinancingRenderer) -> [String]) -> Outcome {
        let plan: FinancingPlan
        do {
            plan = try financingPlan()
        } catch {
            return .refused("Le catalogue des financements est illisible : \(ErrorPresenter.sentence(error))")
        }
        let renderer = FinancingRenderer(plan: plan, problems: FinancingChecks.check(plan), style: style, width: console.width)
        // Lines built whole (a check's sentence, a receipt outside the budget) fold at spaces.
        for line in LineFitting.fit(lines(renderer), width: renderer.width) { console.write(line) }
        remindCurrent()
        return .accepted
    }
}
