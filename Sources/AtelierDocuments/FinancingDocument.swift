import AtelierCore

/// The plan de financement as documents: Markdown through `templates/financement/plan.mustache`,
/// and CSV for a French spreadsheet. Pure functions of the plan and its checks.
public enum FinancingDocument {
    public static let mainTemplate = "plan"

    /// The context of `plan.mustache` (and of the CLS draft's annex).
    public static func context(_ plan: FinancingPlan, problems: [FinancingProblem], territory: String) -> [String: Any] {
        FinancingView(plan, problems: problems, territory: territory).templateContext
    }

    public static func markdown(
        _ plan: FinancingPlan, problems: [FinancingProblem], territory: String,
        templates: DocumentTemplates
    ) throws(FileProblem) -> String {
        let context = context(plan, problems: problems, territory: territory)
        try templates.check(against: [
            context, Self.context(.templateSample(base: plan.base), problems: [.templateSample], territory: territory),
        ])
        return FrenchTypography.apply(try templates.render(context, template: mainTemplate))
    }

    /// One line per expense and per receipt: `;` separator, decimal comma, no thousands separator,
    /// UTF-8 with a byte-order mark so that spreadsheets read the accents right. Every cell goes
    /// through `CSVCell`, so that nothing typed becomes a formula.
    public static func csv(_ plan: FinancingPlan) -> String {
        let cell = CSVCell.text
        func euros(_ cents: Int) -> String {
            let sign = cents < 0 ? "-" : ""
            let value = cents.magnitude
            return sign + String(value / 100) + "," + (value % 100 < 10 ? "0" : "") + String(value % 100)
        }
        var rows = [
            [
                "fiche", "intitule_fiche", "type", "ligne", "poste_ou_dispositif", "financeur", "nature_ou_statut", "annee",
                "montant_\(plan.base.lowercased())_euros", "dans_budget_collectivite", "confiance",
                // HT, TVA and TTC of each expense whatever the plan's base; added last, so that the
                // columns above keep their place for the spreadsheets already reading them.
                "ht_euros", "tva_pourcent", "tva_euros", "ttc_euros",
            ]
        ]
        for action in plan.actions {
            for e in action.expenses {
                rows.append([
                    String(action.sheet), action.title, "dépense", String(e.line), e.item, "", e.natureLabel,
                    String(e.year), euros(e.amount(base: plan.base)), "oui", "",
                    euros(e.amountHT), FrenchFormat.decimal(e.vatRate, maximumFractionDigits: 3), euros(e.vat), euros(e.amountTTC),
                ])
            }
            for r in action.receipts {
                rows.append([
                    String(action.sheet), action.title, "recette", String(r.line), r.name, r.instrument?.funderName ?? "", r.status,
                    r.year.map(String.init) ?? "", r.resolved.map(euros) ?? "", (r.instrument?.entersBudget ?? true) ? "oui" : "non",
                    r.instrument?.confidence ?? "", "", "", "", "",
                ])
            }
            // An estimate of the VAT the State gives back, shown apart: never a receipt of the plan.
            if let rate = plan.vatCompensation, let fctva = plan.fctvaEstimate(of: action) {
                rows.append([
                    String(action.sheet), action.title, "FCTVA estimé", "",
                    "FCTVA estimé : \(FrenchFormat.decimal(rate.percent, maximumFractionDigits: 3)) % du TTC des investissements, s'ils y ouvrent droit",
                    "",
                    "estimation", "", euros(fctva), "non", rate.confidence, "", "", "", "",
                ])
            }
        }
        return "\u{FEFF}" + rows.map { $0.map(cell).joined(separator: ";") }.joined(separator: "\r\n") + "\r\n"
    }
}
