// MARK: - The catalogue as one territory sees it: its région's and département's instruments, and its own

/// Where the territory lies, from the communes of `territoire.communes`: the départements
/// (code → name) and régions an instrument must name to be offered.
public struct TerritoryPlace: Sendable, Equatable {
    public var departments: [String: String]
    public var regions: Set<String>

    public init(departments: [String: String], regions: Set<String>) {
        self.departments = departments
        self.regions = regions
    }

    /// From the answers: the départements and régions of the territory's communes (empty while
    /// they are not given).
    public init(answers: [String: AnswerValue], reference: TerritoryReference) {
        var departments: [String: String] = [:]
        var regions: Set<String> = []
        let communes: [CommuneRef] =
            switch answers[QuestionKeys.territoryCommunes] {
            case .communes(let list)?: list
            case .commune(let one)?: [one]
            default: []
            }
        for commune in communes {
            guard let code = reference.communes[commune.code]?.department else { continue }
            let known = reference.departments[code]
            departments[code] = known?.name ?? code
            if let region = known?.region { regions.insert(region) }
        }
        self.init(departments: departments, regions: regions)
    }

    /// « en Auvergne-Rhône-Alpes (Ain, Rhône) »: where the territory lies, for a refusal.
    var description: String {
        guard !departments.isEmpty else { return "sans commune encore (territoire.communes)" }
        let names = departments.keys.sorted().map { departments[$0]! }.joined(separator: ", ")
        return "en " + regions.sorted().joined(separator: " et ") + " (" + names + ")"
    }
}

extension FundingInstrument {
    public var isNational: Bool { regions.isEmpty && departments.isEmpty }

    /// Whether the territory may ask for it: national, or naming one of its régions or départements.
    public func applies(in place: TerritoryPlace) -> Bool {
        isNational || !place.regions.isDisjoint(with: regions) || departments.contains { place.departments[$0] != nil }
    }

    /// « la région Pays de la Loire », « le département 41 » : where it applies.
    var area: String {
        let regions = self.regions.map { "la région \($0)" }
        let departments = self.departments.map { "le département \($0)" }
        return (regions + departments).joined(separator: ", ")
    }
}

extension FundingCatalogue {
    /// The instruments the territory can ask for — the national ones, those of its région or
    /// département — and its own (`financement.dispositifs`); the others are kept aside with
    /// the sentence that refuses them.
    public func forTerritory(_ place: TerritoryPlace, answers: [String: AnswerValue]) -> FundingCatalogue {
        var result = self
        result.instruments = instruments.filter { $0.applies(in: place) }
        for instrument in instruments where !instrument.applies(in: place) {
            result.unavailable[instrument.key] =
                "« \(instrument.key) » (\(instrument.name)) ne s'applique qu'à \(instrument.area) ; le territoire est \(place.description). "
                + "Ajoutez le dispositif de votre territoire avec /aller \(QuestionKeys.localInstruments)"
        }
        for (index, record) in ConsistencyChecks.records(answers, QuestionKeys.localInstruments).enumerated() {
            guard let instrument = FundingInstrument(local: record) else { continue }
            if self.instrument(instrument.key) != nil || result.instruments.contains(where: { $0.key == instrument.key }) {
                result.localProblems.append(
                    (
                        index + 1,
                        "la clé « \(instrument.key) » est déjà celle d'un dispositif du catalogue ou du territoire : choisissez-en une autre"
                    ))
                continue
            }
            result.instruments.append(instrument)
        }
        return result
    }
}

extension FundingInstrument {
    /// A line of `financement.dispositifs`: the territory's own instrument, public money entering
    /// the collectivité's budget unless it says otherwise, checked like the catalogue's.
    init?(local record: ListRecord) {
        func text(_ key: String) -> String? { record[key]?.words }
        // Lowercased as the answers that cite it are matched (`AnswerParser.pick`).
        guard let key = text("cle")?.lowercased(), !key.isEmpty, let name = text("nom"), let funder = text("financeur") else { return nil }
        let nature: Nature = text("nature") == "fonctionnement" ? .operating : .investment
        func date(_ key: String) -> CalendarDate? { if case .date(let d)? = record[key] { d } else { nil } }
        let rate: Double? = if case .percentage(let p)? = record["taux_max"] { p } else { nil }
        let cap: Int? = if case .amount(let c)? = record["plafond"] { c } else { nil }
        let isPublic: Bool = if case .bool(let b)? = record["public"] { b } else { true }
        let year: Int? = if case .year(let y)? = record["annee"] { y } else { nil }
        self.init(
            key: key, name: name, funderKey: "territoire:" + funder.folded, funderName: funder, nature: nature, sheetKeys: [],
            rateMin: nil, rateMax: rate, cap: cap, base: nil, entersBudget: true, isStateDotation: false, isPublic: isPublic,
            validFrom: date("valide_du"), validTo: date("valide_au"), source: text("source") ?? "saisi par le territoire",
            year: year ?? date("valide_du")?.year ?? 0, confidence: text("confiance") ?? "incertain", note: nil, isLocal: true)
    }
}
