// MARK: - Reading answers for the synthèse

extension SynthesisBuilder {
    /// The answers, read the way the formulas need them, each with the phrase that cites it.
    struct Context {
        let answers: [String: SourcedAnswer]
        let territory: TerritoryReference

        func number(_ key: String) -> Double? {
            switch answers[key]?.value {
            case .integer(let n)?: Double(n)
            case .decimal(let x)?, .percentage(let x)?: x
            default: nil
            }
        }

        func text(_ key: String) -> String? {
            switch answers[key]?.value {
            case .choice(let s)?: s
            case .bool(let b)?: b ? "oui" : "non"
            case .text(let s)?: s
            default: nil
            }
        }

        /// `demographie.x.effectif = 12 (C@rtoSanté 2025)`: an answer as a basis of a figure.
        /// Only figures carry a source; a figure given without one says so.
        func cite(_ key: String) -> String {
            guard let answer = answers[key] else { return key }
            let isFigure: Bool =
                switch answer.value {
                case .integer, .decimal, .percentage, .amount: true
                default: false
                }
            let source = answer.source ?? (isFigure ? "source non précisée" : nil)
            return "\(key) = \(answer.value.display)" + (source.map { " (\($0))" } ?? "")
        }

        struct TerritoryFacts {
            var summary: Synthesis.Territory
            var population: Double? { summary.population.map(Double.init) }
            var populationCitation: String
        }

        func territoryFacts() -> TerritoryFacts {
            var name: String?
            if case .text(let n)? = answers[QuestionKeys.territoryName]?.value { name = n }
            guard case .communes(let communes)? = answers[QuestionKeys.territoryCommunes]?.value, !communes.isEmpty else {
                return TerritoryFacts(
                    summary: .init(
                        name: name, communeCount: 0, population: nil, populationYears: [],
                        department: nil, otherDepartments: []), populationCitation: "")
            }
            let population = communes.map(\.population).saturatingSum()
            let years = Set(communes.map(\.populationYear)).sorted()
            var byDepartment: [String: Int] = [:]
            for commune in communes {
                let department =
                    territory.communes[commune.code]?.department ?? String(commune.code.prefix(commune.code.hasPrefix("97") ? 3 : 2))
                byDepartment[department] = [byDepartment[department] ?? 0, commune.population].saturatingSum()
            }
            let ranked = byDepartment.sorted { $0.value == $1.value ? $0.key < $1.key : $0.value > $1.value }
            let main = ranked[0]
            let share = population == 0 ? 1 : Double(main.value) / Double(population)
            let citation =
                "population municipale \(FrenchFormat.integer(population)) (INSEE, populations légales \(years.map(String.init).joined(separator: " et ")))"
            return TerritoryFacts(
                summary: .init(
                    name: name, communeCount: communes.count, population: population, populationYears: years,
                    department: (main.key, main.key, share), otherDepartments: ranked.dropFirst().map(\.key)),
                populationCitation: citation)
        }
    }

    func territoryIndicators(_ facts: Context.TerritoryFacts, _ context: Context) -> [Indicator] {
        let missing = facts.population == nil ? [QuestionKeys.territoryCommunes] : []
        return [
            Indicator(
                id: "territoire.population", label: "Population municipale", unit: .inhabitants, value: facts.population,
                formula: "somme des populations municipales des communes du périmètre",
                basis: facts.population == nil ? [] : [facts.populationCitation], missingKeys: missing),
            Indicator(
                id: "territoire.nombre_communes", label: "Nombre de communes", unit: .count,
                value: facts.population == nil ? nil : Double(facts.summary.communeCount),
                formula: "communes de territoire.communes", basis: [context.cite(QuestionKeys.territoryCommunes)], missingKeys: missing),
            // For messages: « 7,0 dans le département (Ain) ».
            Indicator(
                id: "territoire.departement", label: "Département de référence", unit: .text,
                text: facts.summary.department.map { "\($0.name)" },
                formula: "département qui réunit la plus grande part de la population du périmètre",
                basis: facts.summary.department.map {
                    ["\($0.name) (\($0.code)) : \(FrenchFormat.percentage($0.populationShare * 100)) de la \(facts.populationCitation)"]
                } ?? [], missingKeys: missing),
        ]
    }
}
