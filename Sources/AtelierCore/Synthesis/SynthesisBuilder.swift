/// Computes the synthèse from the answers: a pure function of the answers, the territorial
/// reference and the references of `templates/`.
///
/// Conventions: densities are per 10 000 inhabitants (C@rtoSanté's convention), inhabitants
/// are the *population municipale* of the INSEE populations légales; département and France
/// densities use the same population source, so that only the headcounts differ in origin.
public struct SynthesisBuilder: Sendable {
    public let references: SynthesisReferences
    public let territory: TerritoryReference

    public init(references: SynthesisReferences, territory: TerritoryReference) {
        self.references = references
        self.territory = territory
    }

    /// The professions of the démographie section; all have Assurance Maladie references.
    /// `of` is the complement with its elided article: « d'infirmiers », « de sages-femmes ».
    public static let professions: [(key: String, label: String, lowercase: String, of: String)] = [
        ("medecins_generalistes", "Médecins généralistes", "médecins généralistes", "de médecins généralistes"),
        ("infirmiers", "Infirmiers", "infirmiers", "d'infirmiers"),
        ("masseurs_kinesitherapeutes", "Masseurs-kinésithérapeutes", "masseurs-kinésithérapeutes", "de masseurs-kinésithérapeutes"),
        ("chirurgiens_dentistes", "Chirurgiens-dentistes", "chirurgiens-dentistes", "de chirurgiens-dentistes"),
        ("sages_femmes", "Sages-femmes", "sages-femmes", "de sages-femmes"),
    ]

    static let professionIndicators = [
        "effectif", "densite", "densite_comparee", "base_comparee", "densite_departement", "densite_france",
        "rapport_departement", "rapport_france", "part_60_plus", "effectif_5_ans",
        "densite_5_ans", "evolution_5_ans", "habitants_par_professionnel",
    ]
    static let territoryIndicators = ["territoire.population", "territoire.nombre_communes", "territoire.departement"]
    static let pharmacyIndicators = [
        "pharmacies.effectif", "pharmacies.densite", "pharmacies.effectif_5_ans",
        "pharmacies.densite_5_ans", "pharmacies.evolution_5_ans", "pharmacies.habitants_par_pharmacie",
    ]
    static let accessIndicators = [
        "acces.patients_sans_medecin_traitant", "acces.apl_medecins_generalistes", "acces.apl_france", "acces.apl_rapport_france",
        "acces.apl_parties", "acces.apl_parties_sous_repere", "acces.apl_partie_min", "acces.apl_partie_max", "acces.zonage",
    ]
    static let structureIndicators = [
        "structures.nombre", "structures.en_fonctionnement", "structures.en_projet",
        "structures.en_difficulte", "structures.exercice_coordonne", "structures.msp_pour_10000", "structures.msp_cds_pour_10000",
        "structures.hopital_proximite", "structures.cpts", "structures.sas", "structures.ptsm", "structures.ehpad_ide_nuit",
    ]
    static let mobilityIndicators = [
        "mobilites.temps_medecin", "mobilites.temps_pharmacie", "mobilites.temps_urgences",
        "mobilites.part_mg_plus_10_min", "mobilites.part_mg_plus_20_min", "mobilites.part_mg_plus_30_min",
        "mobilites.population_mg_plus_10_min", "mobilites.population_mg_plus_20_min", "mobilites.population_mg_plus_30_min",
        "mobilites.part_plus_30_min", "mobilites.population_plus_30_min",
        "mobilites.poles_exterieurs", "mobilites.modes_transport", "mobilites.points_teleconsultation",
    ]

    public static var accessIDs: [String] { accessIndicators }
    public static var structureIDs: [String] { structureIndicators }

    /// Every indicator id, for the rules that cite them.
    public static var indicatorIDs: [String] {
        territoryIndicators + professions.flatMap { p in professionIndicators.map { "\(p.key).\($0)" } }
            + pharmacyIndicators + accessIndicators + aplPartIndicators + structureIndicators + structureDetailIndicators
            + mobilityIndicators + healthIndicators
    }

    /// `mobility`: the distances computed from the imports' care sites, shown beside the answers.
    public func build(answers: [String: SourcedAnswer], mobility: MobilityAnalysis? = nil) -> Synthesis {
        let context = Context(answers: answers, territory: territory)
        var indicators: [String: Indicator] = [:]
        func add(_ list: [Indicator]) {
            for var indicator in list {
                // Without a value there is nothing to cite nor to warn about.
                if !indicator.isAvailable { indicator.basis = []; indicator.caveat = nil }
                indicators[indicator.id] = indicator
            }
        }

        var facts = context.territoryFacts()
        if let department = facts.summary.department {
            let name = references.liberal.values.lazy.compactMap { $0[department.code]?.departmentName }.first ?? department.code
            facts.summary.department = (department.code, name, department.populationShare)
        }
        add(territoryIndicators(facts, context))
        for profession in Self.professions { add(professionIndicators(profession, facts: facts, context: context)) }
        add(pharmacyIndicators(facts, context))
        let (accessList, aplParts) = accessIndicators(context)
        add(accessList)
        let (structureList, structureCounts) = structureIndicators(facts, context)
        add(structureList)
        let (mobilityList, poles, transport) = mobilityIndicators(facts, context)
        add(mobilityList)
        add(healthIndicators(context))

        let findings = evaluateRules(indicators, parts: aplParts)
        var levers: [Lever] = []
        for lever in findings.flatMap(\.levers) where !levers.contains(lever) { levers.append(lever) }

        let professionIDs = Self.professions.flatMap { p in Self.professionIndicators.map { "\(p.key).\($0)" } }
        return Synthesis(
            territory: facts.summary,
            sections: [
                .init(key: "territoire", title: "Territoire", indicatorIDs: Self.territoryIndicators),
                .init(
                    key: "demographie", title: "Démographie des professionnels de santé",
                    indicatorIDs: professionIDs + Self.pharmacyIndicators),
                .init(key: "acces", title: "Accès aux soins de premier recours", indicatorIDs: Self.accessIndicators),
                .init(key: "structures", title: "Structures existantes", indicatorIDs: Self.structureIndicators),
                .init(key: "mobilites", title: "Mobilités et parcours des patients", indicatorIDs: Self.mobilityIndicators),
                .init(key: "sante", title: "État de santé de la population", indicatorIDs: Self.healthIndicators),
            ],
            indicators: indicators,
            professions: Self.professions.map { .init(key: $0.key, label: $0.label, hasReferences: references.liberal[$0.key] != nil) },
            structures: structureCounts, poles: poles, transport: transport, aplParts: aplParts, nationalReferences: references.national,
            findings: findings,
            levers: levers, concertation: Concertation(answers: answers.mapValues(\.value)), mobility: mobility)
    }

    // MARK: - Findings

    /// A rule fires when every indicator it cites is available and every condition holds. A
    /// rule citing an indicator of a part of the territory (`acces.apl_partie.*`) is read once
    /// per part, and gives one finding per part where it holds.
    func evaluateRules(_ indicators: [String: Indicator], parts: [Synthesis.AplPart] = []) -> [Synthesis.Finding] {
        references.rules.flatMap { rule -> [Synthesis.Finding] in
            let cited = rule.conditions.map(\.key) + SynthesisReferences.placeholders(in: rule.message)
            guard cited.contains(where: { $0.hasPrefix(Self.aplPartPrefix) }) else {
                return evaluate(rule, indicators).map { [$0] } ?? []
            }
            return parts.compactMap { part in evaluate(rule, indicators.merging(part.indicators) { $1 }) }
        }
    }

    func evaluate(_ rule: FindingRule, _ indicators: [String: Indicator]) -> Synthesis.Finding? {
        let placeholders = SynthesisReferences.placeholders(in: rule.message)
        let cited = rule.conditions.map(\.key) + placeholders.filter { SynthesisReferences.referenceName($0) == nil }
        guard cited.allSatisfy({ indicators[$0]?.isAvailable == true }),
            rule.conditions.allSatisfy({ $0.holds(for: indicators[$0.key]?.conditionValue) })
        else { return nil }
        var message = rule.message
        for name in Set(placeholders) {
            let shown = references.quote(name) ?? indicators[name]!.formatted
            message = message.replacingOccurrences(of: "{\(name)}", with: shown)
        }
        // Each answer or reference the cited indicators rest on, once; then the references quoted.
        var basis: [String] = []
        for id in cited {
            let indicator = indicators[id]!
            for phrase in indicator.basis.isEmpty ? ["\(indicator.label) = \(indicator.formatted)"] : indicator.basis
            where !basis.contains(phrase) {
                basis.append(phrase)
            }
        }
        for phrase in rule.referenceKeys.compactMap({ references.national[$0]?.basisPhrase }) where !basis.contains(phrase) {
            basis.append(phrase)
        }
        return Synthesis.Finding(
            ruleKey: rule.key, message: message.trimmed, basis: basis, levers: rule.leverKeys.compactMap { references.levers[$0] },
            theme: rule.theme)
    }
}
