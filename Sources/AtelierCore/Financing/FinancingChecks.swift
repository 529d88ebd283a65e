/// A problem a préfecture or an ARS would raise, naming the action and the line to fix.
public struct FinancingProblem: Sendable, Equatable {
    public enum Severity: Sendable { case error, warning }
    public var severity: Severity
    public var sheet: Int?
    /// `recette 2 (DETR)`, `dépenses`…
    public var line: String?
    public var message: String
    /// The command that fixes it.
    public var fix: String?
}

/// The checks of `/verifier`, also run before export.
public enum FinancingChecks {
    /// Share of public funding the maître d'ouvrage must bring itself (CGCT L1111-10 III).
    public static let minimumOwnShare = 0.20
    /// Bounds of DETR + DSIL (+ DSID, DPV) on the subsidised base (CGCT R2334-27).
    public static let stateDotationRange = 0.20...0.80

    /// How a line of each financing list is named: « dépense 2 ».
    static let lineNouns = ["depenses": "dépense", "recettes": "recette", "derogations": "dérogation"]

    /// A receipt without a year (typed before the year was asked, or edited by hand) is an
    /// error of its own: its validity is checked once it has one.
    public static func check(_ plan: FinancingPlan) -> [FinancingProblem] {
        var problems: [FinancingProblem] = []
        // Found by `ConsistencyChecks` (/vérifier lists them here, with the financing).
        for item in plan.inconsistencies {
            let parts = item.target.split(separator: ".")
            let noun = parts.count > 1 ? lineNouns[String(parts[1])] ?? String(parts[1]) : item.target
            let line = parts.count > 2 ? "\(noun) \(parts[2])" : noun
            problems.append(.init(severity: .error, sheet: nil, line: line, message: item.reason, fix: item.fixLine))
        }
        for (line, message) in plan.localInstrumentProblems {
            problems.append(
                .init(
                    severity: .error, sheet: nil, line: "dispositif du territoire \(line)", message: message,
                    fix: "/modifier \(QuestionKeys.localInstruments).\(line).cle CLÉ"))
        }
        for action in plan.actionsWithLines where !action.isMissingSheet {
            problems += check(action, base: plan.base)
        }
        // Once the plan has begun, a fiche left without any line is a fiche without a budget.
        if plan.hasLines {
            for action in plan.actions where !action.hasLines && !action.isMissingSheet {
                problems.append(
                    .init(
                        severity: .warning, sheet: action.sheet, line: "budget",
                        message: "aucune dépense ni recette : la fiche n'a pas de budget dans le plan de financement",
                        fix: "/aller financement.depenses"))
            }
        }
        return problems
    }

    static func check(_ action: FinancingPlan.Action, base: String) -> [FinancingProblem] {
        var problems: [FinancingProblem] = []
        func problem(_ severity: FinancingProblem.Severity, _ line: String?, _ message: String, fix: String? = nil) {
            problems.append(.init(severity: severity, sheet: action.sheet, line: line, message: message, fix: fix))
        }
        let money = FrenchFormat.amount(cents:)
        func percent(_ x: Double) -> String { FrenchFormat.percentage(x * 100) }

        // Each receipt on its own: amount, rate and cap, validity, confidence.
        for receipt in action.receipts {
            let line = "recette \(receipt.line) (\(receipt.instrument.map { $0.key } ?? receipt.instrumentKey))"
            guard let instrument = receipt.instrument else {
                if let unavailable = receipt.unavailable {
                    problem(.error, line, unavailable, fix: "/modifier financement.recettes.\(receipt.line).dispositif CLÉ")
                    continue
                }
                problem(
                    .error, line, "dispositif inconnu du catalogue « \(receipt.instrumentKey) »",
                    fix: "/modifier financement.recettes.\(receipt.line).dispositif CLÉ")
                continue
            }
            guard let amount = receipt.resolved else {
                problem(
                    .error, line, "ni montant ni taux : indiquez l'un des deux",
                    fix: "/modifier financement.recettes.\(receipt.line).montant MONTANT")
                continue
            }
            let shareOfBase = receipt.base == 0 ? nil : Double(amount) / Double(receipt.base)
            if let max = instrument.rateMax, let share = shareOfBase, share > max / 100 + 1e-9 {
                problem(
                    .error, line,
                    "\(money(amount)), soit \(percent(share)) de sa base de \(money(receipt.base)) \(instrument.base ?? base) : au-delà du taux maximal de \(FrenchFormat.percentage(max)) (\(instrument.source))",
                    fix: "/modifier financement.recettes.\(receipt.line).montant MONTANT")
            }
            if let min = instrument.rateMin, !instrument.isStateDotation, let share = shareOfBase, share < min / 100 - 1e-9 {
                problem(
                    .error, line,
                    "\(percent(share)) de sa base \(instrument.base ?? base) : en dessous du taux minimal de \(FrenchFormat.percentage(min))"
                )
            }
            if let cap = instrument.cap, amount > cap {
                problem(
                    .error, line, "\(money(amount)) dépasse le plafond de \(money(cap)) (\(instrument.source))",
                    fix:
                        "/modifier financement.recettes.\(receipt.line).montant \(FrenchFormat.amount(cents: cap).replacingOccurrences(of: "\u{00A0}€", with: ""))"
                )
            }
            if let year = receipt.year {
                if let end = instrument.validTo, year > end.year {
                    problem(
                        .error, line,
                        "« \(instrument.name) » n'existe plus après le \(end.french) : l'aide est prévue en \(year)"
                            + (instrument.note.map { ". \($0)" } ?? ""),
                        fix: "/modifier financement.recettes.\(receipt.line).dispositif CLÉ")
                }
                if let start = instrument.validFrom, year < start.year {
                    problem(
                        .error, line, "« \(instrument.name) » n'existe qu'à partir du \(start.french) : l'aide est prévue en \(year)",
                        fix: "/modifier financement.recettes.\(receipt.line).annee ANNÉE")
                }
            } else {
                problem(
                    .error, line, "sans année de versement : le plan par année ne peut pas la placer",
                    fix: "/modifier financement.recettes.\(receipt.line).annee ANNÉE")
            }
            if instrument.nature == .vatCompensation {
                problem(
                    .warning, line,
                    "le FCTVA compense la TVA et n'est pas une subvention : il est compté à part, versé en N, N+1 ou N+2"
                        + (base == "HT" ? " ; sur un plan en HT, la TVA n'est pas dans les dépenses" : ""))
            }
            if instrument.confidence != "sûr" {
                problem(
                    .warning, line,
                    "donnée du catalogue incertaine : faites confirmer taux, plafond et éligibilité par le financeur"
                        + (instrument.note.map { " (\($0))" } ?? ""))
            }
        }

        // The collectivité's budget balances: receipts = expenses.
        let expenses = action.totalExpenses(base: base)
        let receipts = action.totalBudgetReceipts
        if receipts != expenses {
            let gap = receipts - expenses
            problem(
                .error, "équilibre",
                "recettes \(money(receipts)) pour \(money(expenses)) de dépenses (\(base)) : "
                    + (gap < 0 ? "il manque \(money(-gap))" : "\(money(gap)) de trop"),
                fix: "/aller financement.recettes")
        }

        // CGCT L1111-10: for investment, the owner brings at least 20 % of the public funding.
        if action.investmentHT > 0 {
            let own = action.budgetReceipts.filter { $0.instrument?.nature.isOwnResource == true }.reduce(0) { $0 + ($1.resolved ?? 0) }
            let grants = action.budgetReceipts.filter { $0.instrument?.isPublicGrant == true }.reduce(0) { $0 + ($1.resolved ?? 0) }
            let total = own + grants
            if total > 0, Double(own) < minimumOwnShare * Double(total) - 0.5 {
                let required = Int((minimumOwnShare * Double(total)).rounded(.up))
                if let derogation = action.derogation {
                    problem(
                        .warning, "participation du maître d'ouvrage",
                        "\(percent(Double(own) / Double(total))) des financements publics, sous les 20\u{00A0}% : dérogation enregistrée (\(derogation))"
                    )
                } else {
                    problem(
                        .error, "participation du maître d'ouvrage",
                        "\(money(own)), soit \(percent(Double(own) / Double(total))) des financements publics (\(money(total))) : au moins 20\u{00A0}% exigés par l'article L1111-10 du CGCT, soit \(money(required)). Augmentez l'autofinancement ou l'emprunt, ou enregistrez une dérogation prévue par la loi",
                        fix: "/aller financement.derogations")
                }
            }
            // CGCT R2334-27: DETR + DSIL + DSID + DPV between 20 % and 80 % of the subsidised base.
            let dotations = action.receipts.filter { $0.instrument?.isStateDotation == true }
            if !dotations.isEmpty {
                let sum = dotations.reduce(0) { $0 + ($1.resolved ?? 0) }
                let share = Double(sum) / Double(action.investmentHT)
                if !stateDotationRange.contains(share) {
                    let names = dotations.compactMap { $0.instrument?.key.uppercased() }.joined(separator: " + ")
                    problem(
                        .error, "dotations de l'État",
                        "\(names) = \(money(sum)), soit \(percent(share)) de la dépense subventionnable HT (\(money(action.investmentHT))) : l'article R2334-27 du CGCT impose entre 20\u{00A0}% et 80\u{00A0}%",
                        fix: "/modifier financement.recettes.\(dotations[0].line).montant MONTANT")
                }
            }
        }
        return problems
    }
}
