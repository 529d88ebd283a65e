import AtelierCore

/// The whole CLS draft as `contrat.mustache` reads it. Built by `ClsDraftContext.view(of:fingerprint:)`,
/// a pure function of the input; `gaps` are the gaps met while building, in document order.
public struct ClsView {
    var parties: PartiesView
    var context: ContextView
    var approach: ApproachView
    var diagnostic: DiagnosticView
    var priorities: PrioritiesView
    var plan: PlanView
    var contract: ContractView
    var governance: GovernanceView
    var financing: FinancingSummaryView
    /// Drawn from the synthèse and the plan; the template places them by `graphique_…`.
    var charts: [DocumentChart]
    var fingerprint: String
    public var gaps: [Gap]
}

extension ClsView: TemplateView {
    var templateFields: [String: (any TemplateRepresentable)?] {
        // The template sees one flat context: each section adds its own names (none shared).
        var fields: [String: (any TemplateRepresentable)?] = [:]
        for section in [parties, context, approach, diagnostic, priorities, plan, contract, governance, financing] as [any TemplateView] {
            fields.merge(section.templateFields) { $1 }
        }
        // `![titre](graphique:densites)` where the chart exists, nothing where it has nothing to
        // draw: the office writers put the image there, the Markdown export leaves the line out.
        for id in DocumentChart.ids {
            fields["graphique_" + id] = charts.first { $0.id == id }.map { "![\($0.title)](graphique:\($0.id))" } ?? ""
        }
        fields["empreinte"] = fingerprint
        fields["version_outil"] = "Atelier Santé"
        fields["a_completer"] = gaps.map(\.marker)
        fields["nombre_a_completer"] = String(gaps.count)
        return fields
    }
}

// MARK: - Territoire, parties, signataires

struct PartiesView: TemplateView {
    var territory: Field
    /// The holder as a party: the EPCI's legal name and SIREN, else the territory's name.
    var holder: String
    var holderKind: Field
    var ars: Field
    var region: Field
    var signatories: [SignatoryView]

    var templateFields: [String: (any TemplateRepresentable)?] {
        [
            "titre": "Contrat local de santé — \(territory.text)", "territoire": territory, "porteur": holder,
            "nature_porteur": holderKind, "ars": ars, "region": region, "signataires": signatories,
            "deliberations_signataires": signatories.filter { $0.deliberation != nil },
        ]
    }
}

struct SignatoryView: TemplateView {
    var number: Int
    var organisation: String
    /// « représentée », « représenté », agreed with the organisation's name.
    var represented: String
    var representative: String
    /// The délibération or decision authorising the signature, for the visas.
    var deliberation: String?
    var commitment: String

    var templateFields: [String: (any TemplateRepresentable)?] {
        [
            "numero": String(number), "organisation": organisation, "represente": represented, "representant": representative,
            "deliberation": deliberation, "engagement": commitment,
        ]
    }
}

// MARK: - Visas, durée, gouvernance

struct ContractView: TemplateView {
    enum Dates {
        case known(start: CalendarDate, end: CalendarDate)
        /// Every date of the contract prints the same gap.
        case missing(Gap)
    }

    var prs: Field
    var deliberation: Field
    /// The conseil territorial de santé's opinion, for the visas; nil when it was not consulted.
    var territorialCouncil: Field?
    var years: Int
    var yearsByDefault: Bool
    var dates: Dates
    var regionalPlan: RegionalPlanFit
    var coordinator: Field
    var signingPlace: Field
    var steeringFrequency: Field

    var templateFields: [String: (any TemplateRepresentable)?] {
        var fields: [String: (any TemplateRepresentable)?] = [
            "prs": prs, "deliberation": deliberation, "duree_par_defaut": yearsByDefault, "duree_annees": String(years),
            "duree": years == 1 ? "1 an" : "\(years) ans", "coordinateur": coordinator, "lieu_signature": signingPlace,
            "frequence_copil": steeringFrequency, "avis_cts": territorialCouncil,
        ]
        // One of the four sentences of Article 7 on the PRS opens; `prs_fin` is its year or its gap.
        let flags = ["contrat_dans_prs", "contrat_depasse_prs", "prs_fin_sans_dates", "prs_fin_manquante"]
        let (open, end): (String, String) =
            switch regionalPlan {
            case .within(let year): (flags[0], String(year))
            case .past(let year): (flags[1], String(year))
            case .undated(let year): (flags[2], String(year))
            case .unknown(let gap): (flags[3], gap.marker)
            }
        for flag in flags { fields[flag] = flag == open }
        fields["prs_fin"] = end
        switch dates {
        case .known(let start, let end):
            fields["date_signature"] = start.french
            fields["date_debut"] = start.french
            fields["date_fin"] = end.french
            fields["periode"] = "\(start.year)-\(end.year)"
        case .missing(let gap):
            for key in ["date_signature", "date_debut", "date_fin", "periode"] { fields[key] = gap.marker }
        }
        return fields
    }
}
