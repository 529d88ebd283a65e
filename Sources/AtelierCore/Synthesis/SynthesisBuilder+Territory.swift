// MARK: - Accès, structures, mobilités

extension SynthesisBuilder {
    /// Counts of `structures.liste` by type and status. Exercice coordonné = MSP, centres de santé
    /// and ESP in operation; MSP et centres de santé pour 10 000 = (MSP + centres en
    /// fonctionnement) / population × 10 000.
    func structureIndicators(_ facts: Context.TerritoryFacts, _ context: Context) -> ([Indicator], [Synthesis.StructureCount]) {
        let listKey = QuestionKeys.structures
        var indicators: [Indicator] = []
        var counts: [Synthesis.StructureCount] = []
        let records: [ListRecord]? = if case .records(let items)? = context.answers[listKey]?.value { items } else { nil }
        func choice(_ record: ListRecord, _ field: String) -> String? {
            if case .choice(let value)? = record[field] { return value } else { return nil }
        }
        if let records {
            for record in records {
                guard let type = choice(record, "type") else { continue }
                let status = choice(record, "statut")
                if !counts.contains(where: { $0.type == type }) {
                    counts.append(.init(type: type, operating: 0, planned: 0, struggling: 0))
                }
                let index = counts.firstIndex { $0.type == type }!
                switch status {
                case "en fonctionnement": counts[index].operating += 1
                case "en projet": counts[index].planned += 1
                case "en difficulté": counts[index].struggling += 1
                default: break
                }
            }
        }
        let missing = records == nil ? [listKey] : []
        let total = records.map { Double($0.count) }
        func sum(_ types: (String) -> Bool, _ status: (Synthesis.StructureCount) -> Int) -> Double? {
            records == nil ? nil : Double(counts.filter { types($0.type) }.reduce(0) { $0 + status($1) })
        }
        let coordinated: (String) -> Bool = { $0 == "MSP" || $0.hasPrefix("centre de santé") || $0 == "ESP" }
        let mspOrCentre: (String) -> Bool = { $0 == "MSP" || $0.hasPrefix("centre de santé") }
        let listBasis =
            records.map { ["\(listKey) : \($0.count) structure(s) (\(context.answers[listKey]?.source ?? "source non précisée"))"] } ?? []
        indicators += [
            Indicator(
                id: "structures.nombre", label: "Structures recensées", unit: .count, value: total,
                formula: "éléments de \(listKey)", basis: listBasis, missingKeys: missing),
            Indicator(
                id: "structures.en_fonctionnement", label: "Structures en fonctionnement", unit: .count,
                value: sum({ _ in true }, \.operating), formula: "statut « en fonctionnement »", basis: listBasis, missingKeys: missing),
            Indicator(
                id: "structures.en_projet", label: "Structures en projet", unit: .count,
                value: sum({ _ in true }, \.planned), formula: "statut « en projet »", basis: listBasis, missingKeys: missing),
            Indicator(
                id: "structures.en_difficulte", label: "Structures en difficulté", unit: .count,
                value: sum({ _ in true }, \.struggling), formula: "statut « en difficulté »", basis: listBasis, missingKeys: missing),
            Indicator(
                id: "structures.exercice_coordonne", label: "MSP, centres de santé et ESP en fonctionnement", unit: .count,
                value: sum(coordinated, \.operating), formula: "MSP + centres de santé + ESP en fonctionnement",
                basis: listBasis, missingKeys: missing),
        ]
        let perTenThousand = ratio(sum(mspOrCentre, \.operating), facts.population).map { $0 * 10_000 }
        let nationalMSP = references.national["msp_pour_10000"]
        indicators.append(
            Indicator(
                id: "structures.msp_cds_pour_10000", label: "MSP et centres de santé pour 10 000 habitants", unit: .per10000,
                value: perTenThousand, formula: "(MSP + centres de santé en fonctionnement) / population × 10 000",
                basis: listBasis + [facts.populationCitation]
                    + (nationalMSP.map { ["France : \(FrenchFormat.decimal($0.value)) MSP pour 10 000 habitants (\($0.citation))"] } ?? []),
                missingKeys: missing + (facts.population == nil ? [QuestionKeys.territoryCommunes] : []),
                caveat: nationalMSP?.confidence == "incertain" ? "la référence nationale est incertaine : \(nationalMSP?.note ?? "")" : nil)
        )
        indicators.append(
            Indicator(
                id: "structures.hopital_proximite", label: "Hôpitaux de proximité en fonctionnement", unit: .count,
                value: sum({ $0 == "hôpital de proximité" }, \.operating), formula: "type « hôpital de proximité » en fonctionnement",
                basis: listBasis, missingKeys: missing))
        for (id, key, label) in [
            ("structures.cpts", QuestionKeys.cptsCoverage, "Couverture par une CPTS"),
            ("structures.sas", QuestionKeys.sas, "Service d'accès aux soins"),
            ("structures.ptsm", QuestionKeys.ptsm, "Projet territorial de santé mentale"),
        ] {
            indicators.append(
                Indicator(
                    id: id, label: label, unit: .text, text: context.text(key), formula: "réponse à \(key)",
                    basis: [context.cite(key)], missingKeys: context.text(key) == nil ? [key] : []))
        }
        return (indicators, counts)
    }

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
                    basis: [context.cite(key)]
                        + (id == "mobilites.temps_urgences" ? ["référence : 30 minutes (Pacte territoire santé, 2012)"] : []),
                    missingKeys: value == nil ? [key] : []))
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
