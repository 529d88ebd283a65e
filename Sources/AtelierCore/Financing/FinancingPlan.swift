/// The plan de financement of the contract, computed from the answers
/// `financement.depenses`, `financement.recettes` and `financement.derogations`.
/// Amounts are in cents.
public struct FinancingPlan: Sendable {
    public struct Expense: Sendable {
        public var line: Int
        public var sheet: Int
        public var item: String
        public var isInvestment: Bool
        public var amountHT: Int
        public var vatRate: Double
        public var year: Int
        public var amountTTC: Int { amountHT + Int((Double(amountHT) * vatRate / 100).rounded()) }
        public func amount(base: String) -> Int { base == "TTC" ? amountTTC : amountHT }
        public var natureLabel: String { isInvestment ? "investissement" : "fonctionnement" }
    }

    public struct Receipt: Sendable {
        public var line: Int
        public var sheet: Int
        public var instrumentKey: String
        public var instrument: FundingInstrument?
        public var status: String
        public var amount: Int?
        public var rate: Double?
        public var year: Int?
        /// The base the instrument applies to (expenses of its nature), in cents.
        public var base: Int
        /// Why the catalogue's instrument of that key does not apply to this territory.
        public var unavailable: String? = nil
        /// The amount given, or rate × base.
        public var resolved: Int? { amount ?? rate.map { Int((Double(base) * $0 / 100).rounded()) } }
        public var name: String { instrument?.name ?? instrumentKey }
    }

    public struct Action: Sendable {
        public var sheet: Int
        public var title: String
        public var libraryKey: String?
        public var expenses: [Expense]
        public var receipts: [Receipt]
        public var derogation: String?
        /// Lines on a fiche number the plan d'actions does not have: kept as an action of their
        /// own, so that they stay in /plan, the CSV and the annex (and are checked) rather
        /// than silently missing.
        public var isMissingSheet = false

        public func totalExpenses(base: String) -> Int { expenses.reduce(0) { $0 + $1.amount(base: base) } }
        public var investmentHT: Int { expenses.filter(\.isInvestment).reduce(0) { $0 + $1.amountHT } }
        /// Receipts that enter the collectivité's budget (the ones that must balance the expenses).
        public var budgetReceipts: [Receipt] { receipts.filter { $0.instrument?.entersBudget ?? true } }
        /// Money paid to professionals or structures: shown apart, not in the balance.
        public var outsideReceipts: [Receipt] { receipts.filter { $0.instrument?.entersBudget == false } }
        public var totalBudgetReceipts: Int { budgetReceipts.reduce(0) { $0 + ($1.resolved ?? 0) } }
        /// The funders of the budget receipts, each once, in alphabetical order.
        public var budgetFunders: [String] { Array(Set(budgetReceipts.compactMap { $0.instrument?.funderName })).sorted() }
        public var hasLines: Bool { !expenses.isEmpty || !receipts.isEmpty }
    }

    public var base: String
    public var actions: [Action]
    /// Lines that name a fiche the plan does not have.
    public var orphanExpenses: [Expense]
    public var orphanReceipts: [Receipt]
    /// What the financing lines contradict (a fiche that does not exist, a montant and a taux),
    /// as `ConsistencyChecks` finds it: `FinancingChecks` reports it with the other checks.
    public var inconsistencies: [Inconsistency] = []
    /// The rate the FCTVA is estimated at, from the catalogue (nil when it has none).
    public var vatCompensation: VATCompensationRate? = nil
    /// What is wrong with the territory's own instruments (`FundingCatalogue.localProblems`).
    public var localInstrumentProblems: [(line: Int, message: String)] = []

    /// The actions the plan says something about: the ones shown and checked.
    public var actionsWithLines: [Action] { actions.filter(\.hasLines) }

    public var hasLines: Bool { !actionsWithLines.isEmpty || !orphanExpenses.isEmpty || !orphanReceipts.isEmpty }

    /// Amounts by funder, for the receipts in the collectivité's budget and apart.
    public func byFunder() -> [(funder: String, inBudget: Int, outside: Int)] {
        var order: [String] = []
        var totals: [String: (Int, Int)] = [:]
        for receipt in actions.flatMap(\.receipts) {
            let funder = receipt.instrument?.funderName ?? receipt.instrumentKey
            if totals[funder] == nil { order.append(funder); totals[funder] = (0, 0) }
            if receipt.instrument?.entersBudget ?? true {
                totals[funder]!.0 += receipt.resolved ?? 0
            } else {
                totals[funder]!.1 += receipt.resolved ?? 0
            }
        }
        return order.map { ($0, totals[$0]!.0, totals[$0]!.1) }
    }

    /// Expenses and receipts by year. A receipt without a year (typed before the year was
    /// asked, or edited by hand) is counted under `nil`, last: never moved into a year it
    /// was not given; `FinancingChecks` asks for its year.
    /// `only` one fiche's, for its own budget; the whole plan's by default.
    public func byYear(only: Action? = nil) -> [(year: Int?, expenses: Int, receipts: Int)] {
        var totals: [Int?: (Int, Int)] = [:]
        for action in only.map({ [$0] }) ?? actions {
            for expense in action.expenses { totals[expense.year, default: (0, 0)].0 += expense.amount(base: base) }
            for receipt in action.budgetReceipts { totals[receipt.year, default: (0, 0)].1 += receipt.resolved ?? 0 }
        }
        let years = totals.keys.compactMap { $0 }.sorted() + (totals[nil] == nil ? [] : [nil])
        return years.map { ($0, totals[$0]!.0, totals[$0]!.1) }
    }
}

extension FinancingPlan {
    /// Builds the plan from the answers; `sheets` are the fiches of `plan.fiches`, in order
    /// (title and library key).
    public init(answers: [String: AnswerValue], sheets: [(title: String, libraryKey: String?)], catalogue: FundingCatalogue) {
        base = if case .choice(let b)? = answers[QuestionKeys.financingBase] { b } else { "HT" }
        func records(_ key: String) -> [ListRecord] {
            if case .records(let items)? = answers[key] { return items } else { return [] }
        }
        func int(_ value: AnswerValue?) -> Int? {
            switch value {
            case .integer(let n)?, .year(let n)?: n
            default: nil
            }
        }
        func text(_ value: AnswerValue?) -> String? { value?.words }
        let expenses = records(QuestionKeys.expenses).enumerated().map { index, r in
            Expense(
                line: index + 1, sheet: int(r["fiche"]) ?? 0, item: text(r["poste"]) ?? "",
                isInvestment: text(r["nature"]) != "fonctionnement",
                amountHT: { if case .amount(let c)? = r["montant_ht"] { c } else { 0 } }(),
                vatRate: { if case .percentage(let p)? = r["tva"] { p } else { 20 } }(), year: int(r["annee"]) ?? 0)
        }
        let base = self.base
        let receipts = records(QuestionKeys.receipts).enumerated().map { index, r in
            let key = text(r["dispositif"]) ?? ""
            let instrument = catalogue.instrument(key)
            let sheet = int(r["fiche"]) ?? 0
            // An investment grant applies to investment expenses, an operating grant to operating
            // ones; the FCTVA (as the plan estimates it) to investment expenses.
            let relevant = expenses.filter { $0.sheet == sheet }.filter { expense in
                switch instrument?.nature {
                case .investment?, .vatCompensation?: expense.isInvestment
                case .operating?: !expense.isInvestment
                default: true
                }
            }
            return Receipt(
                line: index + 1, sheet: sheet, instrumentKey: key, instrument: instrument, status: text(r["statut"]) ?? "",
                amount: { if case .amount(let c)? = r["montant"] { c } else { nil } }(),
                rate: { if case .percentage(let p)? = r["taux"] { p } else { nil } }(), year: int(r["annee"]),
                base: relevant.reduce(0) { $0 + $1.amount(base: instrument?.base ?? base) }, unavailable: catalogue.unavailable[key])
        }
        var derogations: [Int: String] = [:]
        for r in records(QuestionKeys.derogations) {
            if let sheet = int(r["fiche"]) {
                derogations[sheet] = [text(r["motif"]), text(r["reference"])].compactMap { $0 }.joined(separator: " — ")
            }
        }
        actions = sheets.enumerated().map { index, sheet in
            Action(
                sheet: index + 1, title: sheet.title, libraryKey: sheet.libraryKey,
                expenses: expenses.filter { $0.sheet == index + 1 }, receipts: receipts.filter { $0.sheet == index + 1 },
                derogation: derogations[index + 1])
        }
        orphanExpenses = expenses.filter { $0.sheet < 1 || $0.sheet > sheets.count }
        orphanReceipts = receipts.filter { $0.sheet < 1 || $0.sheet > sheets.count }
        let lostExpenses = orphanExpenses, lostReceipts = orphanReceipts
        actions += Set(lostExpenses.map(\.sheet) + lostReceipts.map(\.sheet)).sorted().map { sheet in
            Action(
                sheet: sheet, title: "(fiche absente du plan d'actions)", libraryKey: nil,
                expenses: lostExpenses.filter { $0.sheet == sheet }, receipts: lostReceipts.filter { $0.sheet == sheet },
                derogation: derogations[sheet], isMissingSheet: true)
        }
        inconsistencies = ConsistencyChecks.financingInconsistencies(answers, sheetCount: sheets.count)
        localInstrumentProblems = catalogue.localProblems
        vatCompensation = VATCompensationRate(catalogue: catalogue)
    }
}
