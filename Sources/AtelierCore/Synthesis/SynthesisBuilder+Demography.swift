// MARK: - Démographie professionnelle

extension SynthesisBuilder {
    /// For one profession, with P the population municipale, E the effectif, L the libéraux:
    /// - densité = E / P × 10 000; densité comparée = L / P × 10 000 (E when L is unknown);
    /// - densité du département (de la France) = libéraux 2024 du département / sa population × 10 000;
    /// - rapport = densité comparée / densité de référence;
    /// - part des 60 ans et plus = E60 / E × 100;
    /// - effectif à 5 ans = E − départs prévus + installations prévues, évolution = (effectif à
    ///   5 ans − E) / E × 100;
    /// - densité à 5 ans = densité comparée × effectif à 5 ans / E, on the base of the compared
    ///   density (libéraux), population constant; when nobody works today, effectif à 5 ans / P;
    /// - habitants par professionnel = P / E.
    func professionIndicators(
        _ profession: (key: String, label: String, lowercase: String, of: String),
        facts: Context.TerritoryFacts, context: Context
    ) -> [Indicator] {
        let p = profession.key, base = "demographie.\(p)"
        let keys = (
            effectif: base + ".effectif", liberal: base + ".liberaux", age: base + ".age_60_plus",
            departures: base + ".departs_5_ans", arrivals: base + ".installations_prevues"
        )
        let population = facts.population
        let effectif = context.number(keys.effectif)
        let noneWorking = effectif == 0
        func id(_ name: String) -> String { "\(p).\(name)" }
        func needs(_ list: [String?]) -> [String] { list.compactMap { $0 } }
        let populationKey: String? = population == nil ? QuestionKeys.territoryCommunes : nil
        let effectifKey: String? = effectif == nil ? keys.effectif : nil
        var result: [Indicator] = []

        result.append(
            Indicator(
                id: id("effectif"), label: "Effectif \(profession.of)", unit: .count, value: effectif,
                formula: "réponse à \(keys.effectif)", basis: effectif == nil ? [] : [context.cite(keys.effectif)],
                missingKeys: needs([effectifKey])))

        let density = ratio(effectif, population).map { $0 * 10_000 }
        result.append(
            Indicator(
                id: id("densite"), label: "Densité \(profession.of) (tous modes)", unit: .per10000, value: density,
                formula: "effectif / population × 10 000",
                basis: density == nil ? [] : [context.cite(keys.effectif), facts.populationCitation],
                missingKeys: needs([effectifKey, populationKey])))

        // Compared with libéral references: libéraux when known, else every mode (flagged).
        let liberal = noneWorking ? 0 : context.number(keys.liberal)
        let compared = ratio(liberal ?? effectif, population).map { $0 * 10_000 }
        let comparedCaveat =
            liberal == nil && effectif != nil
            ? "effectif tous modes d'exercice comparé à des densités de libéraux : l'écart est sous-estimé ; renseignez \(keys.liberal)"
            : nil
        // The base every compared figure states: the references count libéraux.
        let comparedBase = liberal == nil && !noneWorking ? "tous modes, à défaut de libéraux" : Self.liberal(profession.key)
        // Quoted by the rules' messages (« Densité de … ({X.base_comparee}) »), so that a finding
        // on every mode never reads « libéraux ».
        result.append(
            Indicator(
                id: id("base_comparee"), label: "Base de la densité comparée \(profession.of)", unit: .text,
                text: compared == nil ? nil : comparedBase, formula: "libéraux, à défaut effectif tous modes",
                missingKeys: needs([effectifKey, populationKey])))
        result.append(
            Indicator(
                id: id("densite_comparee"), label: "Densité \(profession.of) (\(comparedBase))",
                unit: .per10000, value: compared,
                formula: "libéraux / population × 10 000 (à défaut de libéraux : effectif tous modes, signalé)",
                basis: compared == nil ? [] : [context.cite(liberal == nil ? keys.effectif : keys.liberal), facts.populationCitation],
                missingKeys: needs([effectifKey, populationKey]), caveat: comparedCaveat))

        for (scope, code) in [("departement", facts.summary.department?.code), ("france", "999")] {
            let reference = code.flatMap { references.liberal[p]?[$0] }
            let referencePopulation = code.map(populationOfReference) ?? 0
            let value = reference.flatMap { ratio(Double($0.count), Double(referencePopulation)) }.map { $0 * 10_000 }
            let name = reference?.departmentName ?? (scope == "france" ? "France" : "département")
            let basis =
                reference.map {
                    [
                        "\(name) : \(FrenchFormat.integer($0.count)) \(profession.lowercase) \(Self.liberal(profession.key)) (\(SynthesisReferences.liberalSource)) pour \(FrenchFormat.integer(referencePopulation)) habitants (INSEE, populations légales 2023)"
                    ]
                } ?? []
            result.append(
                Indicator(
                    id: id("densite_\(scope)"),
                    label: "Densité \(profession.of) \(Self.liberal(profession.key)), \(scope == "france" ? "France" : name)",
                    unit: .per10000, value: value, formula: "libéraux 2024 / population municipale 2023 × 10 000",
                    basis: basis, missingKeys: scope == "departement" ? needs([populationKey]) : []))
            let ratioValue = ratio(compared, value)
            result.append(
                Indicator(
                    id: id("rapport_\(scope)"),
                    label: "Rapport à la densité \(scope == "france" ? "nationale" : "départementale") (\(profession.lowercase))",
                    unit: .ratio, value: ratioValue, formula: "densité comparée / densité de référence",
                    basis: ratioValue == nil ? [] : basis, missingKeys: needs([effectifKey, populationKey]), caveat: comparedCaveat))
        }

        let ageKey: String? = context.number(keys.age) == nil ? keys.age : nil
        result.append(
            notApplicableIf(
                noneWorking,
                Indicator(
                    id: id("part_60_plus"), label: "Part des \(profession.lowercase) de 60 ans et plus", unit: .percent,
                    value: ratio(context.number(keys.age), effectif).map { $0 * 100 }, formula: "60 ans et plus / effectif × 100",
                    basis: [context.cite(keys.age), context.cite(keys.effectif)], missingKeys: needs([effectifKey, ageKey]))))

        // Departures are not asked when nobody works: they are then zero.
        let departures = noneWorking ? 0 : context.number(keys.departures), arrivals = context.number(keys.arrivals)
        let projected = effectif.flatMap { e in departures.flatMap { d in arrivals.map { e - d + $0 } } }
        let projectionNeeds = needs([effectifKey, departures == nil ? keys.departures : nil, arrivals == nil ? keys.arrivals : nil])
        let projectionBasis = [context.cite(keys.effectif), context.cite(keys.departures), context.cite(keys.arrivals)]
        result.append(
            Indicator(
                id: id("effectif_5_ans"), label: "Effectif \(profession.of) projeté à 5 ans", unit: .count,
                value: projected, formula: "effectif − départs prévus + installations prévues",
                basis: projected == nil ? [] : projectionBasis, missingKeys: projectionNeeds))
        // On the base of the compared density, so that the bars and the evolution agree.
        let projectedDensity =
            noneWorking
            ? ratio(projected, population).map { $0 * 10_000 }
            : compared.flatMap { d in projected.flatMap { p in ratio(p, effectif).map { d * $0 } } }
        let comparedBasis = liberal == nil || noneWorking ? [] : [context.cite(keys.liberal)]
        result.append(
            Indicator(
                id: id("densite_5_ans"), label: "Densité \(profession.of) à 5 ans (\(comparedBase), population constante)", unit: .per10000,
                value: projectedDensity,
                formula: noneWorking
                    ? "effectif à 5 ans / population × 10 000 (aucun professionnel aujourd'hui)"
                    : "densité comparée × effectif à 5 ans / effectif (même base que la densité comparée, population constante)",
                basis: projectedDensity == nil ? [] : comparedBasis + projectionBasis + [facts.populationCitation],
                missingKeys: projectionNeeds + needs([populationKey])))
        result.append(
            notApplicableIf(
                noneWorking,
                Indicator(
                    id: id("evolution_5_ans"), label: "Évolution de l'effectif \(profession.of) à 5 ans", unit: .evolution,
                    value: projected.flatMap { ratio($0 - (effectif ?? 0), effectif) }.map { $0 * 100 },
                    formula: "(effectif à 5 ans − effectif) / effectif × 100", basis: projectionBasis, missingKeys: projectionNeeds)))
        result.append(
            notApplicableIf(
                noneWorking,
                Indicator(
                    id: id("habitants_par_professionnel"), label: "Habitants par professionnel (\(profession.lowercase))",
                    unit: .inhabitants,
                    value: ratio(population, effectif), formula: "population / effectif",
                    basis: [facts.populationCitation, context.cite(keys.effectif)], missingKeys: needs([effectifKey, populationKey]))))
        return result
    }

    /// « libéraux », agreeing with the profession: « sages-femmes libérales ».
    public static func liberal(_ profession: String) -> String { profession == "sages_femmes" ? "libérales" : "libéraux" }

    /// Pharmacies d'officine: same formulas, without Assurance Maladie references.
    func pharmacyIndicators(_ facts: Context.TerritoryFacts, _ context: Context) -> [Indicator] {
        let keys = (
            count: QuestionKeys.pharmacies, closing: QuestionKeys.pharmacyClosings,
            opening: QuestionKeys.pharmacyOpenings
        )
        let count = context.number(keys.count), population = facts.population
        let populationKey: String? = population == nil ? QuestionKeys.territoryCommunes : nil
        let countKey: String? = count == nil ? keys.count : nil
        let closing = count == 0 ? 0 : context.number(keys.closing), opening = context.number(keys.opening)
        let projected = count.flatMap { c in closing.flatMap { f in opening.map { c - f + $0 } } }
        let projectionNeeds = [countKey, closing == nil ? keys.closing : nil, opening == nil ? keys.opening : nil].compactMap { $0 }
        let basis = [context.cite(keys.count), context.cite(keys.closing), context.cite(keys.opening)]
        return [
            Indicator(
                id: "pharmacies.effectif", label: "Pharmacies d'officine", unit: .count, value: count,
                formula: "réponse à \(keys.count)", basis: count == nil ? [] : [context.cite(keys.count)],
                missingKeys: [countKey].compactMap { $0 }),
            Indicator(
                id: "pharmacies.densite", label: "Pharmacies pour 10 000 habitants", unit: .per10000,
                value: ratio(count, population).map { $0 * 10_000 }, formula: "pharmacies / population × 10 000",
                basis: [context.cite(keys.count), facts.populationCitation], missingKeys: [countKey, populationKey].compactMap { $0 }),
            Indicator(
                id: "pharmacies.effectif_5_ans", label: "Pharmacies à 5 ans", unit: .count, value: projected,
                formula: "pharmacies − fermetures prévues + ouvertures prévues", basis: basis, missingKeys: projectionNeeds),
            Indicator(
                id: "pharmacies.densite_5_ans", label: "Pharmacies pour 10 000 habitants à 5 ans", unit: .per10000,
                value: ratio(projected, population).map { $0 * 10_000 }, formula: "pharmacies à 5 ans / population × 10 000",
                basis: basis, missingKeys: projectionNeeds + [populationKey].compactMap { $0 }),
            notApplicableIf(
                count == 0,
                Indicator(
                    id: "pharmacies.evolution_5_ans", label: "Évolution du nombre de pharmacies à 5 ans", unit: .evolution,
                    value: projected.flatMap { ratio($0 - (count ?? 0), count) }.map { $0 * 100 },
                    formula: "(pharmacies à 5 ans − pharmacies) / pharmacies × 100", basis: basis, missingKeys: projectionNeeds)),
            notApplicableIf(
                count == 0,
                Indicator(
                    id: "pharmacies.habitants_par_pharmacie", label: "Habitants par pharmacie", unit: .inhabitants,
                    value: ratio(population, count), formula: "population / pharmacies",
                    basis: [facts.populationCitation, context.cite(keys.count)], missingKeys: [countKey, populationKey].compactMap { $0 })),
        ]
    }

    /// Population municipale of a département of the bundled communes, or of France for the
    /// Assurance Maladie's code `999`.
    func populationOfReference(_ code: String) -> Int {
        code == "999" ? territory.departmentPopulations.values.saturatingSum() : territory.departmentPopulations[code] ?? 0
    }

    /// a / b, or nil when either is missing or b is zero.
    func ratio(_ a: Double?, _ b: Double?) -> Double? {
        guard let a, let b, b != 0 else { return nil }
        return a / b
    }

    /// A share of zero professionals means nothing: say so instead of a number or a gap.
    func notApplicableIf(_ condition: Bool, _ indicator: Indicator) -> Indicator {
        guard condition else { return indicator }
        var result = indicator
        result.value = nil
        result.text = "sans objet"
        result.missingKeys = []
        result.basis = []
        return result
    }
}
