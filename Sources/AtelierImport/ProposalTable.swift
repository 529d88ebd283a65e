import AtelierCore

/// Which question each figure of a national file answers, in one place
/// (../shared/domain/diagnostic-et-cls.md §3): the readers count, this table names the keys.
public enum ProposalTable {
    /// The headcount questions of a profession counted in the Annuaire Santé: all the
    /// professionals of the territory, and the libéraux. Pharmaciens are not proposed from the
    /// RPPS: the questionnaire asks for pharmacies d'officine, counted in FINESS.
    public static func rppsKeys(_ profession: RPPSImport.Profession) -> (total: String, liberal: String)? {
        guard profession != .pharmaciens else { return nil }
        let base = "demographie.\(profession.rawValue)"
        return (base + ".effectif", base + ".liberaux")
    }

    /// FINESS catégorie → type of `structures.liste` (§3.2).
    public static let finessStructureTypes: [String: String] = [
        "603": "MSP", "124": "centre de santé polyvalent", "500": "EHPAD", "620": "pharmacie", "627": "pharmacie",
        "611": "laboratoire", "101": "centre hospitalier", "106": "centre hospitalier", "108": "centre hospitalier",
        "355": "centre hospitalier", "127": "HAD",
    ]

    /// FINESS catégories counted as the answer of a question: 620, pharmacie d'officine (627,
    /// mutualiste or minière, is listed as a structure but is not an officine).
    public static let finessCounts: [(category: String, key: String)] = [("620", "demographie.pharmacies.effectif")]

    /// FINESS catégorie → the kind of care whose distance is computed (mobilités): pharmacies
    /// d'officine, MSP and centres de santé, hospitals (the « centre hospitalier » types above).
    public static let finessCareKinds: [String: CareKind] = [
        "620": .pharmacie, "603": .mspCentreSante, "124": .mspCentreSante,
        "101": .hopital, "106": .hopital, "108": .hopital, "355": .hopital,
    ]

    /// Annuaire Santé profession → the kind of care whose distance is computed; pharmaciens are
    /// not (a pharmacist may work in a hospital or a laboratory: pharmacies come from FINESS).
    public static func careKind(_ profession: RPPSImport.Profession) -> CareKind? {
        switch profession {
        case .medecinsGeneralistes: .medecinGeneraliste
        case .infirmiers: .infirmier
        case .masseursKinesitherapeutes: .masseurKinesitherapeute
        case .chirurgiensDentistes: .chirurgienDentiste
        case .sagesFemmes: .sageFemme
        case .pharmaciens: nil
        }
    }

    /// The list FINESS structures are added to, and its record's fields.
    public static let structuresKey = "structures.liste"

    /// The territory's communes, whose populations the INSEE file updates.
    public static let communesKey = "territoire.communes"
}
