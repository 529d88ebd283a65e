// MARK: - Samples for template checking

extension FinancingPlan {
    /// A plan with one line of each kind (expense, receipt in and outside the budget,
    /// derogation), so that checking a template knows every key a document can have.
    public static func templateSample(base: String) -> FinancingPlan {
        let expense = Expense(line: 1, sheet: 1, item: "x", isInvestment: true, amountHT: 1, vatRate: 20, year: 2027)
        var instrument = FundingInstrument(
            key: "x", name: "x", funderKey: "x", funderName: "x", nature: .investment, sheetKeys: [],
            rateMin: nil, rateMax: nil, cap: nil, base: nil, entersBudget: true, isStateDotation: false,
            isPublic: true, validFrom: nil, validTo: nil, source: "x", year: 2026, confidence: "sûr", note: nil)
        let inBudget = Receipt(
            line: 1, sheet: 1, instrumentKey: "x", instrument: instrument, status: "x", amount: 1, rate: nil, year: 2027, base: 1)
        instrument.entersBudget = false
        let outside = Receipt(
            line: 2, sheet: 1, instrumentKey: "x", instrument: instrument, status: "x", amount: 1, rate: nil, year: 2027, base: 1)
        let action = Action(sheet: 1, title: "x", libraryKey: nil, expenses: [expense], receipts: [inBudget, outside], derogation: "x")
        var plan = FinancingPlan(base: base, actions: [action], orphanExpenses: [], orphanReceipts: [])
        plan.vatCompensation = VATCompensationRate(percent: 16.404, source: "x", year: 2026, confidence: "x")
        return plan
    }
}

extension FinancingProblem {
    public static let templateSample = FinancingProblem(severity: .error, sheet: 1, line: "x", message: "x", fix: "x")
}
