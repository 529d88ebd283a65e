import AtelierCore

/// The plan de financement as `plan.mustache` reads it (and the CLS draft's annex): typed
/// views, built by one pure function of the plan and its checks.
struct FinancingView: TemplateView {
    var territory: String
    var base: String
    var actions: [ActionView]
    var byFunder: [FunderView]
    var byYear: [YearView]
    var errors: [ProblemView]
    var warnings: [ProblemView]
    var vat: VATView

    var templateFields: [String: (any TemplateRepresentable)?] {
        [
            "territoire": territory, "base": base, "actions": actions, "a_des_lignes": !actions.isEmpty,
            "par_financeur": byFunder, "par_annee": byYear, "erreurs": errors, "avertissements": warnings,
            "nombre_erreurs": String(errors.count), "nombre_avertissements": String(warnings.count), "conforme": errors.isEmpty,
            "tva": vat,
        ]
    }

    /// HT, TVA and TTC of the plan's expenses, and the FCTVA estimated with its source.
    struct VATView: TemplateView {
        var totalHT: String, totalVAT: String, totalTTC: String
        /// Left out when the catalogue gives no rate.
        var fctva: FCTVAView?
        var templateFields: [String: (any TemplateRepresentable)?] {
            ["total_ht": totalHT, "total_tva": totalVAT, "total_ttc": totalTTC, "fctva": fctva]
        }
    }

    struct FCTVAView: TemplateView {
        var amount: String, rate: String, source: String, year: String, confidence: String
        var templateFields: [String: (any TemplateRepresentable)?] {
            ["montant": amount, "taux": rate, "source": source, "annee": year, "confiance": confidence]
        }
    }

    struct ActionView: TemplateView {
        var number: String, title: String
        var expenses: [ExpenseView], totalExpenses: String
        var receipts: [ReceiptView], totalReceipts: String, receiptsShare: String
        var outside: [OutsideView], funders: String
        /// Left out when absent: an empty string would still open {{#derogation}}.
        var derogation: String?
        var totalHT: String, totalVAT: String, totalTTC: String
        /// The FCTVA estimated on its investment expenses; left out when there are none.
        var fctva: String?

        var templateFields: [String: (any TemplateRepresentable)?] {
            [
                "numero": number, "intitule": title, "depenses": expenses, "total_depenses": totalExpenses,
                "recettes": receipts, "total_recettes": totalReceipts, "part_recettes": receiptsShare,
                "hors_budget": outside, "financeurs": funders, "derogation": derogation,
                "total_ht": totalHT, "total_tva": totalVAT, "total_ttc": totalTTC, "fctva": fctva,
            ]
        }
    }

    struct ExpenseView: TemplateView {
        var line: String, item: String, nature: String, year: String, amount: String
        var amountHT: String, vatRate: String, amountTTC: String
        var templateFields: [String: (any TemplateRepresentable)?] {
            [
                "ligne": line, "poste": item, "nature": nature, "annee": year, "montant": amount, "montant_ht": amountHT,
                "tva": vatRate, "montant_ttc": amountTTC,
            ]
        }
    }

    struct ReceiptView: TemplateView {
        var line: String, instrument: String, funder: String, status: String, amount: String, share: String, confidence: String
        var templateFields: [String: (any TemplateRepresentable)?] {
            [
                "ligne": line, "dispositif": instrument, "financeur": funder, "statut": status, "montant": amount,
                "part": share, "confiance": confidence,
            ]
        }
    }

    struct OutsideView: TemplateView {
        var instrument: String, funder: String, amount: String
        var templateFields: [String: (any TemplateRepresentable)?] { ["dispositif": instrument, "financeur": funder, "montant": amount] }
    }

    struct FunderView: TemplateView {
        var funder: String, inBudget: String, outside: String
        var templateFields: [String: (any TemplateRepresentable)?] {
            ["financeur": funder, "dans_budget": inBudget, "hors_budget": outside]
        }
    }

    struct YearView: TemplateView {
        var year: String, expenses: String, receipts: String
        var templateFields: [String: (any TemplateRepresentable)?] { ["annee": year, "depenses": expenses, "recettes": receipts] }
    }

    struct ProblemView: TemplateView {
        var place: String, message: String
        /// Left out when the check names no command.
        var fix: String?
        var templateFields: [String: (any TemplateRepresentable)?] { ["lieu": place, "message": message, "correction": fix] }
    }
}

extension FinancingView {
    init(_ plan: FinancingPlan, problems: [FinancingProblem], territory: String) {
        let money = FrenchFormat.amount(cents:)
        let actions = plan.actionsWithLines.map { action in
            let total = action.totalExpenses(base: plan.base)
            return ActionView(
                number: String(action.sheet), title: action.title,
                expenses: action.expenses.map {
                    ExpenseView(
                        line: String($0.line), item: $0.item, nature: $0.natureLabel, year: String($0.year),
                        amount: money($0.amount(base: plan.base)), amountHT: money($0.amountHT),
                        vatRate: FrenchFormat.percentage($0.vatRate), amountTTC: money($0.amountTTC))
                },
                totalExpenses: money(total),
                receipts: action.budgetReceipts.map { r in
                    ReceiptView(
                        line: String(r.line), instrument: r.name, funder: r.instrument?.funderName ?? "—", status: r.status,
                        amount: r.resolved.map(money) ?? "—", share: FrenchFormat.share(r.resolved ?? 0, of: total),
                        confidence: r.instrument?.confidence ?? "inconnue")
                },
                totalReceipts: money(action.totalBudgetReceipts),
                receiptsShare: FrenchFormat.share(action.totalBudgetReceipts, of: total),
                outside: action.outsideReceipts.map {
                    OutsideView(instrument: $0.name, funder: $0.instrument?.funderName ?? "—", amount: $0.resolved.map(money) ?? "—")
                },
                funders: action.budgetFunders.joined(separator: ", "), derogation: action.derogation,
                totalHT: money(action.totalHT), totalVAT: money(action.totalVAT), totalTTC: money(action.totalTTC),
                fctva: plan.fctvaEstimate(of: action).map(money))
        }
        func describe(_ problem: FinancingProblem) -> ProblemView {
            let place = [problem.sheet.map { "Fiche \($0)" }, problem.line].compactMap { $0 }.joined(separator: ", ")
            return ProblemView(place: place, message: problem.message, fix: problem.fix)
        }
        self.init(
            territory: territory, base: plan.base, actions: actions,
            byFunder: plan.byFunder().map {
                FunderView(funder: $0.funder, inBudget: money($0.inBudget), outside: $0.outside == 0 ? "—" : money($0.outside))
            },
            byYear: plan.byYear().map {
                YearView(year: $0.year.map(String.init) ?? "sans année", expenses: money($0.expenses), receipts: money($0.receipts))
            },
            errors: problems.filter { $0.severity == .error }.map(describe),
            warnings: problems.filter { $0.severity == .warning }.map(describe),
            vat: VATView(
                totalHT: money(plan.totalHT), totalVAT: money(plan.totalVAT), totalTTC: money(plan.totalTTC),
                fctva: plan.vatCompensation.map { rate in
                    FCTVAView(
                        amount: money(plan.fctvaEstimate ?? 0),
                        rate: FrenchFormat.decimal(rate.percent, maximumFractionDigits: 3) + "\u{00A0}%", source: rate.source,
                        year: String(rate.year), confidence: rate.confidence)
                }))
    }
}
