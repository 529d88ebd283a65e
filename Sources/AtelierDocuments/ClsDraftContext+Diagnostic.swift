import AtelierCore

// MARK: - Diagnostic: the synthèse as tables

extension ClsDraftContext {
    static let mobilityIDs = [
        "mobilites.temps_medecin", "mobilites.temps_pharmacie", "mobilites.temps_urgences", "mobilites.part_mg_plus_20_min",
        "mobilites.population_mg_plus_20_min", "mobilites.part_mg_plus_30_min", "mobilites.population_mg_plus_30_min",
        "mobilites.part_plus_30_min", "mobilites.population_plus_30_min", "mobilites.points_teleconsultation",
    ]

    mutating func diagnostic() -> DiagnosticView {
        let synthesis = input.synthesis
        var communes: [CommuneView] = []
        if case .communes(let list)? = input.answers["territoire.communes"]?.value {
            communes = list.map { CommuneView(code: $0.code, name: $0.name, population: FrenchFormat.integer($0.population)) }
        }
        let missingPerimeter = communes.isEmpty ? gap("communes du périmètre", command: "/aller territoire.communes") : nil

        func value(_ id: String) -> String { synthesis.indicator(id)?.formatted ?? "—" }
        /// A figure of profession `p` on every mode where the references count libéraux (libéraux
        /// unknown) is starred; the reserve follows the table.
        func compared(_ p: String, _ name: String) -> String {
            guard let indicator = synthesis.indicator("\(p).\(name)") else { return "—" }
            let onEveryMode = synthesis.indicator("\(p).densite_comparee")?.caveat != nil
            return indicator.formatted + (onEveryMode && indicator.isAvailable ? "*" : "")
        }
        let professions = synthesis.professions.filter { synthesis.indicator("\($0.key).effectif")?.isAvailable == true }.map {
            profession in
            let p = profession.key
            return ProfessionView(
                profession: profession.label, headcount: value("\(p).effectif"), density: compared(p, "densite_comparee"),
                departmentDensity: value("\(p).densite_departement"), franceDensity: value("\(p).densite_france"),
                departmentRatio: compared(p, "rapport_departement"), franceRatio: compared(p, "rapport_france"),
                over60: value("\(p).part_60_plus"), headcountIn5Years: value("\(p).effectif_5_ans"),
                changeIn5Years: value("\(p).evolution_5_ans"), densityIn5Years: compared(p, "densite_5_ans"))
        }
        let missingDemography = professions.isEmpty ? gap("effectifs des professionnels de santé", command: "/aller demographie") : nil
        let caveats = synthesis.professions.compactMap { p in
            synthesis.indicator("\(p.key).densite_comparee")?.caveat.map { "* \(p.label) : \($0)." }
        }
        let access = indicatorRows(SynthesisBuilder.accessIDs, section: "demographie")
        let structures = indicatorRows(SynthesisBuilder.structureIDs, section: "structures")
        let mobility = indicatorRows(Self.mobilityIDs, section: "mobilites")
        let cross = synthesis.crossAnalysis
        let findings = cross.findings.enumerated().map { index, item in
            FindingView(number: index + 1, text: item.finding.message, voices: cross.sentence(for: item))
        }
        let missingFindings =
            findings.isEmpty
            ? gap("constats : aucun constat ne ressort des réponses ; complétez le diagnostic", command: "/synthèse manquants") : nil
        // The levers of the fiches the plan retains; before there is a plan, those the findings propose.
        let plannedLevers = Set(planned.flatMap { $0.sheet?.leverKeys ?? [] })
        let retained = plannedLevers.isEmpty ? synthesis.levers : synthesis.levers.filter { plannedLevers.contains($0.key) }
        let obstacles: Field =
            input.answers["mobilites.obstacles"].map { .given($0.value.display) }
            ?? .missing(gap("obstacles à l'accès aux soins", command: "/aller mobilites.obstacles"))
        return DiagnosticView(
            communes: communes, missingPerimeter: missingPerimeter,
            population: synthesis.indicator("territoire.population")?.formatted ?? "—",
            populationYears: synthesis.territory.populationYears.map(String.init).joined(separator: " et "),
            referenceDepartment: synthesis.territory.department.map { "\($0.name) (\($0.code))" } ?? "—",
            professions: professions, missingDemography: missingDemography, demographyCaveats: caveats, access: access,
            structuresByType: synthesis.structures.map {
                StructureTypeView(type: $0.type, operating: $0.operating, planned: $0.planned, struggling: $0.struggling)
            },
            structures: structures, mobility: mobility, outsidePoles: synthesis.poles,
            transport: synthesis.transport.isEmpty ? "aucune offre déclarée" : synthesis.transport.joined(separator: ", "),
            findings: findings, missingFindings: missingFindings,
            levers: retained.map { LeverView(title: $0.title, explanation: $0.explanation, sources: $0.sources) },
            leversRetained: !plannedLevers.isEmpty, obstacles: obstacles, structureList: structureList(),
            health: indicatorRows(SynthesisBuilder.healthIDs, section: "sante"), detail: detailRows(),
            distances: synthesis.mobility.map { [MobilityAnnexView($0)] } ?? [])
    }

    /// The rows of the indicators that exist; when none does, one gap naming them and the
    /// first question to answer.
    mutating func indicatorRows(_ ids: [String], section: String) -> [IndicatorRowView] {
        let indicators = ids.compactMap { input.synthesis.indicator($0) }
        guard !indicators.isEmpty else { return [] }
        let rows = indicators.filter(\.isAvailable).map { indicator in
            IndicatorRowView(indicator: .given(indicator.label), value: indicator.formatted, basis: readableBasis(indicator))
        }
        guard rows.isEmpty else { return rows }
        let labels = indicators.prefix(3).map { Self.midSentence($0.label) }.joined(separator: ", ")
        let key = indicators.first { !$0.missingKeys.isEmpty }?.missingKeys.first ?? section
        return [
            IndicatorRowView(indicator: .missing(gap(labels + (indicators.count > 3 ? "…" : ""), command: "/aller \(key)")), value: "—")
        ]
    }

    /// The indicators of the synthèse shown in the body, with their sources, for the annex.
    func detailRows() -> [IndicatorRowView] {
        let ids =
            synthesisDemographyIDs() + SynthesisBuilder.accessIDs + SynthesisBuilder.structureIDs + Self.mobilityIDs
            + SynthesisBuilder.healthIDs
        return ids.compactMap { input.synthesis.indicator($0) }.filter(\.isAvailable).map { indicator in
            IndicatorRowView(indicator: .given(indicator.label), value: indicator.formatted, basis: readableBasis(indicator) ?? "—")
        }
    }

    /// The effectif and the compared density of each profession counted.
    func synthesisDemographyIDs() -> [String] {
        input.synthesis.professions.flatMap { ["\($0.key).effectif", "\($0.key).densite_comparee"] }
    }

    /// An indicator's basis as a reader reads it: « demographie.x = 13,5 % (source) » names its
    /// question by its label, not its key.
    func readableBasis(_ indicator: Indicator) -> String? {
        guard !indicator.basis.isEmpty else { return nil }
        return indicator.basis.map { item in
            for separator in [" = ", " : "] {
                guard let range = item.range(of: separator),
                    let question = input.questionnaire.question(forKey: String(item[..<range.lowerBound]))
                else { continue }
                // « Le territoire est-il couvert par une CPTS ? — en partie », not « ? : ».
                return question.label + (question.label.hasSuffix("?") ? " — " : " : ") + item[range.upperBound...]
            }
            return item
        }.joined(separator: " ; ")
    }

    /// The structures of `structures.liste` by name, with their commune's name.
    func structureList() -> [StructureView] {
        guard case .records(let items)? = input.answers["structures.liste"]?.value else { return [] }
        return items.map { item in
            var commune = "—"
            if case .commune(let ref)? = item["commune"] {
                commune = input.territory.communes[ref.code]?.name ?? ref.name
            } else if let typed = item["commune"]?.display {
                commune = typed
            }
            return StructureView(
                type: item["type"]?.display ?? "—", name: item["nom"]?.display ?? "—", commune: commune,
                status: item["statut"]?.display ?? "—", professionals: item["professionnels"]?.display ?? "—")
        }
    }
}
