import AtelierCore

// MARK: - Contexte, articulation, gouvernance, évaluation

struct ContextView: TemplateView {
    var regionalObjectives: Field
    var motives: Field
    var previousContract: Field

    var templateFields: [String: (any TemplateRepresentable)?] {
        ["objectifs_prs": regionalObjectives, "motifs": motives, "cls_precedent": previousContract]
    }
}

struct GovernanceView: TemplateView {
    var links: Field
    /// Whether the CLS is the health part of a contrat de ville (QPV on the territory).
    var cityContract: Bool
    /// Whether the contract is long enough (3 years or more) for a mid-term evaluation.
    var midTermEvaluation: Bool
    /// Whether usagers sit in the COPIL, as a clause of its sentence.
    var users: Field
    var assembly: Field
    /// One working group per axis of the plan.
    var workingGroups: [String]
    var members: [MemberView]
    var missingMembers: Gap?
    var evaluator: Field
    /// Empty while the signature date is unknown (the template then prints the dates' gap).
    var midTermYear: String
    var finalYear: String
    var indicators: [ContractIndicatorView]

    var templateFields: [String: (any TemplateRepresentable)?] {
        [
            "articulations": links, "volet_contrat_de_ville": cityContract, "evaluation_mi_parcours": midTermEvaluation,
            "copil_usagers": users, "assemblee": assembly,
            "groupes_de_travail": workingGroups.isEmpty ? nil : frenchList(workingGroups.map { "« \($0) »" }),
            "membres_instances": members, "membres_notes": !members.isEmpty, "membres_manquants": missingMembers?.marker ?? "",
            "evaluateur": evaluator,
            "annee_mi_parcours": midTermYear.isEmpty ? nil : midTermYear, "annee_evaluation_finale": finalYear.isEmpty ? nil : finalYear,
            "indicateurs_contrat": indicators,
        ]
    }
}

struct MemberView: TemplateView {
    var body: String
    var name: String
    var organisation: String
    var quality: String

    var templateFields: [String: (any TemplateRepresentable)?] {
        ["instance": body, "nom": name, "organisation": organisation, "qualite": quality]
    }
}

struct ContractIndicatorView: TemplateView {
    var name: Field
    var baseline: String
    var target: String
    var deadline: String

    var templateFields: [String: (any TemplateRepresentable)?] {
        ["indicateur": name, "depart": baseline, "cible": target, "echeance": deadline]
    }
}
