import AtelierCore

// MARK: - One fiche action: the library's texts, the user's own, its budget

extension ClsDraftContext {
    /// - Parameter quotes: the findings of the synthèse that make the library's fiche proposed,
    ///   quoted in its constat.
    mutating func sheetView(_ planned: PlannedSheet, quotes: [String]) -> FicheView {
        let n = planned.number
        let sheet = planned.sheet
        let fix = "/modifier plan.fiches.\(n)"
        /// The user's text, else the library's, else a gap naming the command that writes it.
        func field(_ key: String, library: String?, what: String) -> Field {
            if let value = planned.overrides[key], !value.isEmpty { return .given(value) }
            if let library { return .given(library) }
            return .missing(gap("\(what) de la fiche \(n)", command: "\(fix).\(key) TEXTE"))
        }
        /// A list typed as one text, items separated by « ; », else the library's items.
        func list(_ key: String, library: [String]?, what: String) -> [Field] {
            if let value = planned.overrides[key], !value.isEmpty {
                let items = value.split(separator: ";").map { String($0).trimmed }.filter { !$0.isEmpty }
                if !items.isEmpty { return items.map(Field.given) }
            }
            if let library, !library.isEmpty { return library.map(Field.given) }
            return [.missing(gap("\(what) de la fiche \(n)", command: "\(fix).\(key) TEXTE ; TEXTE"))]
        }
        let constat = sheet.map { $0.finding(quoting: quotes) }
        return FicheView(
            number: n,
            title: field("intitule", library: sheet?.title, what: "intitulé"),
            axis: planned.axis.map(Field.given)
                ?? .missing(collected.note(planned.unknownAxis ?? Gap("axe de la fiche \(n)", command: "\(fix).axe NUMÉRO"))),
            lead: field("pilote", library: sheet?.lead, what: "pilote"),
            partners: field("partenaires", library: sheet?.partners.joined(separator: ", "), what: "partenaires"),
            schedule: field("calendrier", library: sheet?.schedule, what: "calendrier"),
            finding: field("constat", library: constat, what: "constat"),
            generalObjective: field("objectif_general", library: sheet?.generalObjective, what: "objectif général"),
            operationalObjectives: list("objectifs_operationnels", library: sheet?.operationalObjectives, what: "objectifs opérationnels"),
            actionDescription: field("description", library: sheet?.description, what: "description"),
            audience: field("public", library: sheet?.audience, what: "public visé"),
            area: field("territoire", library: sheet?.area, what: "territoire concerné"),
            means: field("moyens", library: sheet?.means, what: "moyens"),
            processIndicators: list("indicateurs_processus", library: sheet?.indicators.process, what: "indicateurs de processus"),
            resultIndicators: list("indicateurs_resultat", library: sheet?.indicators.result, what: "indicateurs de résultat"),
            baseline: planned.overrides["valeur_depart"].flatMap { $0.isEmpty ? nil : $0 },
            targetValue: field("valeur_cible", library: sheet?.indicators.target, what: "valeur cible"),
            indicatorSource: field("source_indicateurs", library: sheet?.indicators.source, what: "source des indicateurs"),
            prsLink: field("lien_prs", library: sheet?.prsLink, what: "lien avec le PRS"),
            budget: sheetBudget(n),
            sources: sheet?.sources.joined(separator: " ; ") ?? "fiche rédigée par le territoire",
            libraryKey: planned.libraryKey ?? "nouvelle")
    }

    /// The fiche's lines of the plan de financement: its expenses and who pays them. A fiche
    /// without any line has a gap, not an empty budget: an action that costs nothing says so
    /// with a line of 0 €.
    mutating func sheetBudget(_ number: Int) -> SheetBudgetView {
        guard let plan = input.financing, let action = plan.actions.first(where: { $0.sheet == number && !$0.isMissingSheet }),
            action.hasLines
        else {
            return SheetBudgetView(
                base: input.financing?.base ?? "HT", expenses: [], receipts: [], total: "",
                missing: gap("budget de la fiche \(number)", command: "/aller financement.depenses"))
        }
        let money = FrenchFormat.amount(cents:)
        let expenses = action.expenses.map { expense in
            SheetBudgetView.Line(
                item: expense.item, detail: "\(expense.natureLabel), \(expense.year)", amount: money(expense.amount(base: plan.base)))
        }
        let receipts = action.receipts.map { receipt in
            let funder = receipt.instrument?.funderName
            let name = funder.map { receipt.name == $0 ? $0 : "\($0) — \(receipt.name)" } ?? receipt.name
            let outside = receipt.instrument?.entersBudget == false ? ", hors budget de la collectivité" : ""
            return SheetBudgetView.Line(
                item: name, detail: receipt.status + outside, amount: receipt.resolved.map(money) ?? "montant à fixer")
        }
        // The fiche's years, computed as the plan's table by year is.
        let byYear = plan.byYear(only: action).compactMap { year in
            guard let number = year.year else { return year.receipts == 0 ? nil : "sans année : \(money(year.receipts)) de recettes" }
            return "\(number) : \(money(year.expenses)) de dépenses, \(money(year.receipts)) de recettes"
        }
        return SheetBudgetView(
            base: plan.base, expenses: expenses, receipts: receipts, total: money(action.totalExpenses(base: plan.base)), missing: nil,
            vat: "\(money(action.totalHT)) HT, \(money(action.totalVAT)) de TVA, \(money(action.totalTTC)) TTC",
            fctva: plan.fctvaEstimate(of: action).map(money),
            byYear: byYear.joined(separator: " ; "))
    }
}
