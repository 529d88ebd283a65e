// MARK: - TVA, TTC and the FCTVA the collectivité may expect back

extension FinancingPlan.Expense {
    /// The VAT of the line, in cents (its rate applied to the HT amount).
    public var vat: Int { amountTTC - amountHT }
}

/// How the FCTVA is estimated: the rate of the catalogue's `compensation_tva` instrument, with
/// its source, year and confidence, applied to the TTC of the investment expenses.
public struct VATCompensationRate: Sendable, Equatable {
    public var percent: Double
    public var source: String
    public var year: Int
    public var confidence: String

    /// From the catalogue, when it has a `compensation_tva` instrument with a rate.
    public init?(catalogue: FundingCatalogue) {
        guard let instrument = catalogue.instruments.first(where: { $0.nature == .vatCompensation }), let rate = instrument.rateMax else {
            return nil
        }
        self.init(percent: rate, source: instrument.source, year: instrument.year, confidence: instrument.confidence)
    }

    public init(percent: Double, source: String, year: Int, confidence: String) {
        self.percent = percent
        self.source = source
        self.year = year
        self.confidence = confidence
    }
}

extension FinancingPlan.Action {
    public var totalHT: Int { expenses.reduce(0) { $0 + $1.amountHT } }
    public var totalVAT: Int { expenses.reduce(0) { $0 + $1.vat } }
    public var totalTTC: Int { expenses.reduce(0) { $0 + $1.amountTTC } }
    /// The TTC of the investment expenses: the base of the FCTVA.
    public var investmentTTC: Int { expenses.filter(\.isInvestment).reduce(0) { $0 + $1.amountTTC } }

    /// The FCTVA at `rate` on the investment expenses, if the collectivité and the expense are
    /// eligible (a building let to professionals often is not: CGCT L1615-7, L1511-8): an
    /// estimate, never a receipt of the plan and never a grant.
    public func fctvaEstimate(_ rate: VATCompensationRate) -> Int {
        Int((Double(investmentTTC) * rate.percent / 100).rounded())
    }
}

extension FinancingPlan {
    public var totalHT: Int { actions.reduce(0) { $0 + $1.totalHT } }
    public var totalVAT: Int { actions.reduce(0) { $0 + $1.totalVAT } }
    public var totalTTC: Int { actions.reduce(0) { $0 + $1.totalTTC } }
    public var fctvaEstimate: Int? { vatCompensation.map { rate in actions.reduce(0) { $0 + $1.fctvaEstimate(rate) } } }

    /// The FCTVA estimated for one fiche: nil without a rate in the catalogue or without an
    /// investment expense, so that every view shows it (or not) alike.
    public func fctvaEstimate(of action: Action) -> Int? {
        guard let rate = vatCompensation, action.investmentTTC > 0 else { return nil }
        return action.fctvaEstimate(rate)
    }
}
