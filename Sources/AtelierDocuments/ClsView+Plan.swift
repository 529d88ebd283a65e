import AtelierCore

// MARK: - Axes, fiches actions, plan de financement

struct PlanView: TemplateView {
    var axes: [AxisView]
    var sheets: [FicheView]
    /// Set when the plan has no fiche.
    var missingPlan: Gap?

    var templateFields: [String: (any TemplateRepresentable)?] {
        [
            "axes": axes, "fiches": sheets, "nombre_fiches": String(sheets.count),
            "fiches_texte": sheets.isEmpty ? "aucune fiche action" : counted(sheets.count, "fiche action", "fiches actions"),
            "plan_manquant": missingPlan?.marker ?? "",
        ]
    }
}

struct AxisView: TemplateView {
    var number: Int
    /// The axis's name; for the fiches without axis, the gap they share.
    var title: Field
    var sheets: [FicheView]

    var templateFields: [String: (any TemplateRepresentable)?] { ["numero": String(number), "intitule": title, "fiches": sheets] }
}

/// A fiche action as `fiche.mustache` reads it.
struct FicheView: TemplateView {
    var number: Int
    var title: Field
    var axis: Field
    var lead: Field
    var partners: Field
    var schedule: Field
    var finding: Field
    var generalObjective: Field
    var operationalObjectives: [Field]
    var actionDescription: Field
    var audience: Field
    var area: Field
    var means: Field
    var processIndicators: [Field]
    var resultIndicators: [Field]
    /// The user's baseline of the result indicator; without it the fiche says it is measured
    /// at the start of the action (a library fiche cannot know it).
    var baseline: String?
    var targetValue: Field
    var indicatorSource: Field
    var prsLink: Field
    var budget: SheetBudgetView
    var sources: String
    /// The library's key of the fiche, or « nouvelle ».
    var libraryKey: String

    var templateFields: [String: (any TemplateRepresentable)?] {
        [
            "numero": String(number), "intitule": title, "axe": axis, "pilote": lead, "partenaires": partners,
            "calendrier": schedule, "valeur_cible": targetValue, "constat": finding, "objectif_general": generalObjective,
            "objectifs_operationnels": operationalObjectives, "description": actionDescription, "public": audience,
            "territoire_action": area, "moyens": means, "indicateurs_processus": processIndicators,
            "indicateurs_resultat": resultIndicators, "valeur_depart": baseline ?? "à mesurer au lancement de l'action",
            "source_indicateurs": indicatorSource, "lien_prs": prsLink, "budget": budget, "sources": sources,
            "bibliotheque": libraryKey,
        ]
    }
}

/// A fiche's own lines of the plan de financement.
struct SheetBudgetView: TemplateView {
    struct Line: TemplateView {
        var item: String
        var detail: String
        var amount: String

        var templateFields: [String: (any TemplateRepresentable)?] { ["poste": item, "detail": detail, "montant": amount] }
    }

    var base: String
    var expenses: [Line]
    var receipts: [Line]
    var total: String
    /// Set when the plan de financement has no line for the fiche.
    var missing: Gap?
    /// « 1 200 000,00 € HT, 240 000,00 € de TVA, 1 440 000,00 € TTC ».
    var vat = ""
    /// The FCTVA estimated on the fiche's investments; left out when there is none.
    var fctva: String?
    /// « 2027 : 600 000,00 € de dépenses, 640 000,00 € de recettes ; 2028 : … ».
    var byYear = ""

    var templateFields: [String: (any TemplateRepresentable)?] {
        [
            "base": base, "depenses": expenses, "recettes": receipts, "total": total, "a_un_budget": missing == nil,
            "budget_manquant": missing?.marker ?? "", "a_des_recettes": !receipts.isEmpty, "tva": vat, "fctva": fctva,
            "par_annee": byYear,
        ]
    }
}

/// The annex: the plan de financement in short, or the gap saying there is none.
struct FinancingSummaryView: TemplateView {
    struct Plan {
        var base: String
        var total: String
        var rows: [FinancingRowView]
        /// What the checks say: the plan respects the rules, or the gap of its errors.
        var control: Field
    }

    enum Content {
        case missing(Gap)
        case plan(Plan)
    }

    var content: Content

    var templateFields: [String: (any TemplateRepresentable)?] {
        switch content {
        case .missing(let gap):
            ["plan_financement": gap.marker, "financement": [FinancingRowView](), "a_un_plan_de_financement": false]
        case .plan(let plan):
            [
                "plan_financement": "", "financement": plan.rows, "a_un_plan_de_financement": true,
                "financement_base": plan.base, "financement_total": plan.total, "financement_controle": plan.control,
            ]
        }
    }
}

struct FinancingRowView: TemplateView {
    var sheet: Int
    var title: String
    var expenses: String
    var receipts: String
    var funders: [String]

    var templateFields: [String: (any TemplateRepresentable)?] {
        [
            "numero": String(sheet), "intitule": title, "depenses": expenses, "recettes": receipts,
            "financeurs": funders.joined(separator: ", "),
        ]
    }
}
