// MARK: - État de santé de la population

extension SynthesisBuilder {
    /// The indicators of the `sante` section, each an answer of the ORS-style portrait beside
    /// the national figure of the references it is compared with (nil: no sourced national
    /// figure, as for the number of QPV). Ordered as the CLS draft and `/synthèse` print them.
    static let healthMeasures: [(id: String, key: String, label: String, unit: Indicator.Unit, reference: String?)] = [
        (
            "sante.part_75_ans_plus", QuestionKeys.healthOver75, "Part de la population âgée de 75 ans et plus", .percent,
            "part_75_ans_et_plus_france"
        ),
        ("sante.part_ald", QuestionKeys.healthALD, "Part des patients en affection de longue durée (ALD)", .percent, "part_ald_france"),
        (
            "sante.part_c2s", QuestionKeys.healthC2S, "Part des bénéficiaires de la complémentaire santé solidaire (C2S)", .percent,
            "part_c2s_france"
        ),
        (
            "sante.mortalite_prematuree", QuestionKeys.healthPrematureMortality,
            "Mortalité prématurée (avant 65 ans, taux standardisé pour 100 000 habitants)", .per100000, "mortalite_prematuree_france"
        ),
        (
            "sante.depistage_colorectal", QuestionKeys.healthColorectalScreening,
            "Participation au dépistage organisé du cancer colorectal", .percent, "depistage_colorectal_france"
        ),
        (
            "sante.depistage_sein", QuestionKeys.healthBreastScreening, "Participation au dépistage organisé du cancer du sein",
            .percent, "depistage_sein_france"
        ),
        ("sante.qpv", QuestionKeys.healthPriorityDistricts, "Quartiers prioritaires de la politique de la ville (QPV)", .count, nil),
    ]

    static var healthIndicators: [String] { healthMeasures.map(\.id) }

    /// The état de santé rows, in order: the CLS draft prints them as its « état de santé » block.
    public static var healthIDs: [String] { healthIndicators }

    /// Each indicator is the answer itself: a local portrait is already a rate, and recomputing
    /// it from counts would need denominators the portrait does not give. The national figure
    /// goes into the basis, and its doubts into the caveat, so that a reader sees both sides.
    func healthIndicators(_ context: Context) -> [Indicator] {
        Self.healthMeasures.map { measure in
            let value = context.number(measure.key)
            let national = measure.reference.flatMap { references.national[$0] }
            let compared = national.map { " ; comparée à la référence \($0.key)" } ?? " (sans référence nationale)"
            return Indicator(
                id: measure.id, label: measure.label, unit: measure.unit, value: value,
                formula: "réponse à \(measure.key)" + compared,
                basis: [context.cite(measure.key)] + (national.map { [$0.basisPhrase] } ?? []),
                missingKeys: value == nil ? [measure.key] : [],
                caveat: national?.confidence == "incertain" ? "la référence nationale est incertaine : \(national?.note ?? "")" : nil)
        }
    }
}
