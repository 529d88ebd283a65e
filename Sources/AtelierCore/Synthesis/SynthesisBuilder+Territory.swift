// MARK: - Mobilités

extension SynthesisBuilder {
    /// Access times as answered; population au-delà de 30 minutes = part × population / 100.
    func mobilityIndicators(_ facts: Context.TerritoryFacts, _ context: Context) -> ([Indicator], [String], [String]) {
        var indicators: [Indicator] = []
        for (id, key, label) in [
            ("mobilites.temps_medecin", QuestionKeys.accessTimeDoctor, "Temps d'accès au médecin généraliste"),
            ("mobilites.temps_pharmacie", QuestionKeys.accessTimePharmacy, "Temps d'accès à la pharmacie"),
            ("mobilites.temps_urgences", QuestionKeys.accessTimeEmergency, "Temps d'accès aux urgences"),
        ] {
            let value = context.number(key)
            indicators.append(
                Indicator(
                    id: id, label: label, unit: .minutes, value: value, formula: "réponse à \(key)",
                    // The reference (30 minutes) is quoted by the rule that compares with it.
                    basis: [context.cite(key)],
                    missingKeys: value == nil ? [key] : []))
        }
        for threshold in MobilityAnalysis.thresholds {
            let key = QuestionKeys.doctorShareBeyond(threshold)
            let share = context.number(key)
            indicators.append(
                Indicator(
                    id: "mobilites.part_mg_plus_\(threshold)_min",
                    label: "Part de la population à plus de \(threshold) minutes d'un médecin généraliste", unit: .percent, value: share,
                    formula: "réponse à \(key)", basis: [context.cite(key)], missingKeys: share == nil ? [key] : []))
            indicators.append(
                Indicator(
                    id: "mobilites.population_mg_plus_\(threshold)_min",
                    label: "Habitants à plus de \(threshold) minutes d'un médecin généraliste", unit: .inhabitants,
                    value: share.flatMap { s in facts.population.map { (s * $0 / 100).rounded() } }, formula: "part × population / 100",
                    basis: [context.cite(key), facts.populationCitation],
                    missingKeys: [share == nil ? key : nil, facts.population == nil ? QuestionKeys.territoryCommunes : nil].compactMap {
                        $0
                    }))
        }
        let shareKey = QuestionKeys.emergencyOver30Minutes
        let share = context.number(shareKey)
        indicators.append(
            Indicator(
                id: "mobilites.part_plus_30_min", label: "Part de la population à plus de 30 minutes de soins urgents",
                unit: .percent, value: share, formula: "réponse à \(shareKey)", basis: [context.cite(shareKey)],
                missingKeys: share == nil ? [shareKey] : []))
        let beyond = share.flatMap { s in facts.population.map { s * $0 / 100 } }
        indicators.append(
            Indicator(
                id: "mobilites.population_plus_30_min", label: "Habitants à plus de 30 minutes de soins urgents",
                unit: .inhabitants, value: beyond, formula: "part × population / 100",
                basis: [context.cite(shareKey), facts.populationCitation],
                missingKeys: [share == nil ? shareKey : nil, facts.population == nil ? QuestionKeys.territoryCommunes : nil].compactMap {
                    $0
                }))
        var poles: [String] = []
        let polesKey = QuestionKeys.outsidePoles
        if case .records(let items)? = context.answers[polesKey]?.value { poles = items.map(\.display) }
        let hasPoles = context.answers[polesKey] != nil
        indicators.append(
            Indicator(
                id: "mobilites.poles_exterieurs", label: "Pôles de soins hors du territoire", unit: .count,
                value: hasPoles ? Double(poles.count) : nil, formula: "éléments de \(polesKey)",
                basis: [context.cite(polesKey)], missingKeys: hasPoles ? [] : [polesKey]))
        let transportKey = QuestionKeys.transport
        var transport: [String] = []
        if case .choices(let items)? = context.answers[transportKey]?.value { transport = items.filter { $0 != "aucune" } }
        let hasTransport = context.answers[transportKey] != nil
        indicators.append(
            Indicator(
                id: "mobilites.modes_transport", label: "Modes de transport vers les soins", unit: .count,
                value: hasTransport ? Double(transport.count) : nil, formula: "choix de \(transportKey) hors « aucune »",
                basis: [context.cite(transportKey)], missingKeys: hasTransport ? [] : [transportKey]))
        let pointsKey = QuestionKeys.teleconsultationPoints
        indicators.append(
            Indicator(
                id: "mobilites.points_teleconsultation", label: "Points de téléconsultation", unit: .count,
                value: context.number(pointsKey), formula: "réponse à \(pointsKey)", basis: [context.cite(pointsKey)],
                missingKeys: context.number(pointsKey) == nil ? [pointsKey] : []))
        return (indicators, poles, transport)
    }
}
