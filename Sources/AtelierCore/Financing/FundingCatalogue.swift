/// A funding instrument of the catalogue (`templates/financement/catalogue.yaml`).
public struct FundingInstrument: Sendable, Equatable {
    public enum Nature: String, Sendable, CaseIterable {
        case investment = "investissement"
        case operating = "fonctionnement"
        case conventional = "remuneration_conventionnelle"
        case individualAid = "aide_individuelle"
        case loan = "pret"
        case vatCompensation = "compensation_tva"
        case ownFunds = "autofinancement"

        /// Money the collectivité puts in itself: its own funds and its loans (CGCT L1111-10).
        public var isOwnResource: Bool { self == .ownFunds || self == .loan }
    }

    public var key: String
    public var name: String
    public var funderKey: String
    public var funderName: String
    public var nature: Nature
    public var sheetKeys: [String]
    public var rateMin: Double?
    public var rateMax: Double?
    /// In cents.
    public var cap: Int?
    /// `HT` or `TTC`; nil when the instrument does not say.
    public var base: String?
    public var entersBudget: Bool
    /// DETR, DSIL, DSID, DPV: together between 20 % and 80 % (CGCT R2334-27).
    public var isStateDotation: Bool
    public var isPublic: Bool
    public var validFrom: CalendarDate?
    public var validTo: CalendarDate?
    public var source: String
    public var year: Int
    public var confidence: String
    public var note: String?
    /// The régions (names as in data/departements.tsv) and départements (codes) a regional or
    /// departmental instrument applies to; both empty for a national one.
    public var regions: [String] = []
    public var departments: [String] = []
    /// Typed by the territory in `financement.dispositifs`, not read from the catalogue.
    public var isLocal = false

    /// A public grant in the sense of CGCT L1111-10: public money other than the owner's own
    /// resources; never the FCTVA, which compensates VAT.
    public var isPublicGrant: Bool {
        isPublic && entersBudget && !nature.isOwnResource && nature != .vatCompensation
    }

    /// `20 à 80 %, plafond 150 000 €`-style summary of its terms.
    public var terms: String {
        var parts: [String] = []
        switch (rateMin, rateMax) {
        case (let min?, let max?): parts.append("\(FrenchFormat.decimal(min)) à \(FrenchFormat.percentage(max))")
        case (nil, let max?): parts.append("jusqu'à \(FrenchFormat.percentage(max))")
        default: break
        }
        if let cap { parts.append("plafond \(FrenchFormat.amount(cents: cap))") }
        if let validTo { parts.append("jusqu'au \(validTo.french)") }
        if let validFrom { parts.append("depuis le \(validFrom.french)") }
        if !entersBudget { parts.append("hors budget de la collectivité") }
        if isLocal { parts.append("saisi par le territoire") }
        if confidence != "sûr" { parts.append("à confirmer") }
        return parts.joined(separator: ", ")
    }
}

/// The catalogue: funders and their instruments.
public struct FundingCatalogue: Sendable {
    public var funders: [String: String]
    public var instruments: [FundingInstrument]
    /// Instruments of the catalogue that do not apply to this territory, by key: why, in a
    /// sentence (« ne s'applique qu'en région Pays de la Loire… »). Filled by `forTerritory`.
    public var unavailable: [String: String] = [:]
    /// What is wrong with the territory's own instruments (a key the catalogue already has).
    public var localProblems: [(line: Int, message: String)] = []

    public func instrument(_ key: String) -> FundingInstrument? { instruments.first { $0.key == key } }

    /// Instruments proposed for a fiche of the library, then the territory's own, then the
    /// owner's own resources.
    public func suggestions(forSheet sheetKey: String?) -> [FundingInstrument] {
        let specific = instruments.filter { instrument in sheetKey.map { instrument.sheetKeys.contains($0) } ?? false }
        let local = instruments.filter(\.isLocal)
        let own = instruments.filter { $0.nature.isOwnResource && $0.sheetKeys.isEmpty }
        return specific + local + own
    }
}
