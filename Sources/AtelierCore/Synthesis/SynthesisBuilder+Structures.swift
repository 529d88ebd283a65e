// MARK: - Structures existantes

extension SynthesisBuilder {
    /// The coordinated structures counted by type and status, for the rules and the fiches of
    /// the library (`si:`): `structures.msp_en_fonctionnement`, `structures.cpts_en_projet`…
    /// Not shown one by one: the table of the structures section gives the same counts.
    static let structureTypes: [(key: String, label: String, matches: @Sendable (String) -> Bool)] = [
        ("msp", "MSP", { $0 == "MSP" }),
        ("centres_sante", "centres de santé", { $0.hasPrefix("centre de santé") }),
        ("esp", "ESP", { $0 == "ESP" }),
        ("cpts", "CPTS", { $0 == "CPTS" }),
        // The systems the fiches of the library check before proposing one (`si:`, `sauf_si:`).
        ("ehpad", "EHPAD", { $0 == "EHPAD" }),
        ("had", "HAD", { $0 == "HAD" }),
        ("pass", "PASS", { $0 == "PASS" }),
        ("lhss", "LHSS", { $0 == "LHSS" }),
        ("equipe_mobile_geriatrie", "équipes mobiles de gériatrie", { $0 == "équipe mobile de gériatrie" }),
        ("empp", "EMPP", { $0 == "équipe mobile psychiatrie-précarité (EMPP)" }),
        ("habitat_inclusif", "habitats inclusifs", { $0 == "habitat inclusif" }),
        ("dac", "DAC", { $0 == "DAC" }),
        ("clsm", "CLSM", { $0 == "CLSM" }),
    ]
    static let structureStatuses: [(suffix: String, status: String, count: @Sendable (Synthesis.StructureCount) -> Int)] = [
        ("en_fonctionnement", "en fonctionnement", { $0.operating }),
        ("en_projet", "en projet", { $0.planned }),
        ("en_difficulte", "en difficulté", { $0.struggling }),
    ]

    /// Every indicator id of this file that the structures section does not list.
    static var structureDetailIndicators: [String] {
        structureTypes.flatMap { type in ["structures.nombre_\(type.key)"] + structureStatuses.map { "structures.\(type.key)_\($0.suffix)" }
        }
            + ["structures.exercice_coordonne_en_projet", "structures.exercice_coordonne_en_difficulte"]
            + installationAidIndicators
    }

    /// Counts of `structures.liste` by type and status. Exercice coordonné = MSP, centres de santé
    /// and ESP in operation; MSP pour 10 000 = MSP en fonctionnement / population × 10 000
    /// (compared with France); MSP et centres de santé pour 10 000 likewise, without reference.
    func structureIndicators(_ facts: Context.TerritoryFacts, _ context: Context) -> ([Indicator], [Synthesis.StructureCount]) {
        let listKey = QuestionKeys.structures
        var indicators: [Indicator] = []
        var counts: [Synthesis.StructureCount] = []
        let records: [ListRecord]? = if case .records(let items)? = context.answers[listKey]?.value { items } else { nil }
        if let records {
            for record in records {
                guard let type = Self.choice(record, "type") else { continue }
                if !counts.contains(where: { $0.type == type }) {
                    counts.append(.init(type: type, operating: 0, planned: 0, struggling: 0))
                }
                let index = counts.firstIndex { $0.type == type }!
                switch Self.choice(record, "statut") {
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
            records.map {
                ["\(listKey) : \(counted($0.count, "structure")) (\(context.answers[listKey]?.source ?? "source non précisée"))"]
            } ?? []
        func count(_ id: String, _ label: String, _ value: Double?, _ formula: String) -> Indicator {
            Indicator(id: id, label: label, unit: .count, value: value, formula: formula, basis: listBasis, missingKeys: missing)
        }
        indicators += [
            count("structures.nombre", "Structures recensées", total, "éléments de \(listKey)"),
            count(
                "structures.en_fonctionnement", "Structures en fonctionnement", sum({ _ in true }, \.operating),
                "statut « en fonctionnement »"),
            count("structures.en_projet", "Structures en projet", sum({ _ in true }, \.planned), "statut « en projet »"),
            count("structures.en_difficulte", "Structures en difficulté", sum({ _ in true }, \.struggling), "statut « en difficulté »"),
            count(
                "structures.exercice_coordonne", "MSP, centres de santé et ESP en fonctionnement", sum(coordinated, \.operating),
                "MSP + centres de santé + ESP en fonctionnement"),
            count(
                "structures.exercice_coordonne_en_projet", "MSP, centres de santé et ESP en projet", sum(coordinated, \.planned),
                "MSP + centres de santé + ESP au statut « en projet »"),
            count(
                "structures.exercice_coordonne_en_difficulte", "MSP, centres de santé et ESP en difficulté", sum(coordinated, \.struggling),
                "MSP + centres de santé + ESP au statut « en difficulté »"),
        ]
        for type in Self.structureTypes {
            indicators.append(
                count(
                    "structures.nombre_\(type.key)", "\(type.label.prefix(1).uppercased() + type.label.dropFirst()) (tout statut)",
                    sum(type.matches, { $0.operating + $0.planned + $0.struggling }), "\(type.label) de \(listKey), tout statut"))
            for status in Self.structureStatuses {
                indicators.append(
                    count(
                        "structures.\(type.key)_\(status.suffix)",
                        "\(type.label.prefix(1).uppercased() + type.label.dropFirst()) \(status.status)",
                        sum(type.matches, status.count), "\(type.label) au statut « \(status.status) »"))
            }
        }
        // Like with like: MSP alone against the national count of MSP; MSP and centres together
        // have no national reference (the count of centres de santé is not in the references).
        let populationMissing = missing + (facts.population == nil ? [QuestionKeys.territoryCommunes] : [])
        let nationalMSP = references.national["msp_pour_10000"]
        indicators.append(
            Indicator(
                id: "structures.msp_pour_10000", label: "MSP pour 10 000 habitants", unit: .per10000,
                value: ratio(sum(Self.structureTypes[0].matches, \.operating), facts.population).map { $0 * 10_000 },
                formula: "MSP en fonctionnement / population × 10 000",
                basis: listBasis + [facts.populationCitation]
                    + (nationalMSP.map { ["France : \(FrenchFormat.decimal($0.value)) MSP pour 10 000 habitants (\($0.citation))"] } ?? []),
                missingKeys: populationMissing,
                caveat: nationalMSP?.confidence == "incertain" ? "la référence nationale est incertaine : \(nationalMSP?.note ?? "")" : nil)
        )
        indicators.append(
            Indicator(
                id: "structures.msp_cds_pour_10000", label: "MSP et centres de santé pour 10 000 habitants", unit: .per10000,
                value: ratio(sum(mspOrCentre, \.operating), facts.population).map { $0 * 10_000 },
                formula: "(MSP + centres de santé en fonctionnement) / population × 10 000 (sans référence nationale)",
                basis: listBasis + [facts.populationCitation], missingKeys: populationMissing))
        indicators.append(
            count(
                "structures.hopital_proximite", "Hôpitaux de proximité en fonctionnement",
                sum({ $0 == "hôpital de proximité" }, \.operating),
                "type « hôpital de proximité » en fonctionnement"))
        for (id, key, label) in [
            ("structures.cpts", QuestionKeys.cptsCoverage, "Couverture par une CPTS"),
            ("structures.sas", QuestionKeys.sas, "Service d'accès aux soins"),
            ("structures.ptsm", QuestionKeys.ptsm, "Projet territorial de santé mentale"),
            ("structures.ehpad_ide_nuit", QuestionKeys.nursingHomesNightNurse, "EHPAD avec une infirmière ou un infirmier la nuit"),
        ] {
            indicators.append(
                Indicator(
                    id: id, label: label, unit: .text, text: context.text(key), formula: "réponse à \(key)",
                    basis: [context.cite(key)], missingKeys: context.text(key) == nil ? [key] : []))
        }
        return (indicators + installationAidIndicators(context), counts)
    }

    static func choice(_ record: ListRecord, _ field: String) -> String? {
        if case .choice(let value)? = record[field] { return value } else { return nil }
    }
}
