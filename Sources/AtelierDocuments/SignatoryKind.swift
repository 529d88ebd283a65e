import AtelierCore

/// What kind of partner a signatory is, read from its name: what it commits to by default,
/// which funder of the catalogue it is, and how its name agrees (« représentée »).
enum SignatoryKind: CaseIterable {
    // Checked in this order: a « Conseil départemental de l'Ordre » is an order, a « Centre
    // hospitalier régional » a hospital, before the words of a Département or a Région.
    case professionalOrder, observatory, ars, hospital, state, department, region, healthInsurance, agriculturalInsurance
    case coordinatedCare, education, family
    case other

    init(organisation: String) {
        let words = Set(organisation.folded.split { !$0.isLetter && !$0.isNumber }.map(String.init))
        let folded = organisation.folded
        func has(_ phrase: String) -> Bool { phrase.contains(" ") ? folded.contains(phrase) : words.contains(phrase) }
        self =
            Self.allCases.first { kind in kind.markers.contains(where: has) } ?? .other
    }

    /// Words or phrases of the name that tell the kind (folded: no accents, lower case).
    private var markers: [String] {
        switch self {
        case .professionalOrder: ["ordre", "urps", "union regionale des professionnels"]
        case .observatory: ["observatoire", "ors", "ireps", "universite"]
        case .ars: ["ars", "agence regionale de sante"]
        case .state: ["prefecture", "prefet", "sous-prefecture", "etat"]
        case .department: ["departement", "conseil departemental"]
        case .region: ["region", "conseil regional"]
        case .agriculturalInsurance: ["msa", "mutualite sociale agricole"]
        case .healthInsurance: ["cpam", "assurance maladie", "caisse primaire"]
        case .hospital: ["hopital", "hospitalier", "hospitaliere", "ght", "ch", "chu", "chru", "clinique"]
        case .coordinatedCare: ["cpts", "msp", "maison de sante", "centre de sante", "esp", "sisa"]
        case .education: ["education nationale", "rectorat", "academie", "dsden"]
        case .family: ["caf", "allocations familiales"]
        case .other: []
        }
    }

    /// Whether it signs on a délibération of its assembly (a collectivité territoriale).
    var deliberates: Bool { self == .department || self == .region }

    /// The funders of the catalogue (`financeur:` keys) whose lines are this signatory's money.
    var funderKeys: [String] {
        switch self {
        case .ars: ["ars"]
        case .state: ["etat"]
        case .department: ["departement"]
        case .region: ["region"]
        case .healthInsurance, .agriculturalInsurance: ["assurance_maladie"]
        default: []
        }
    }

    /// The commitment written when the user gives none: what such partners bring to real
    /// contracts (Terres de Lorraine 2018-2023, Mont-Saint-Michel 2022-2027).
    var defaultCommitment: String {
        switch self {
        case .ars:
            "accompagne la mise en œuvre du contrat, mobilise le fonds d'intervention régional (FIR) pour les actions qui en relèvent, notamment la coordination du contrat, et copréside le comité de pilotage"
        case .state:
            "mobilise les services de l'État et ses dotations d'investissement (DETR, DSIL, FNADT) pour les actions qui en relèvent, et veille à l'articulation du contrat avec les autres contrats que l'État signe sur le territoire"
        case .department:
            "mobilise ses politiques de solidarité (autonomie, protection maternelle et infantile, insertion) et ses aides aux professionnels de santé, et articule le contrat avec ses schémas départementaux"
        case .region:
            "mobilise ses aides à l'exercice coordonné et aux formations sanitaires et sociales, et articule le contrat avec ses politiques de mobilité"
        case .healthInsurance:
            "mobilise ses dispositifs (accords conventionnels interprofessionnels, aides conventionnelles à l'installation, prévention, accès aux droits et aux soins) et partage ses données sur le recours aux soins"
        case .agriculturalInsurance:
            "mobilise ses actions de prévention et d'accès aux droits auprès de la population agricole et partage ses données sur le recours aux soins de ses assurés"
        case .hospital:
            "ouvre ses consultations avancées aux habitants du territoire et organise avec les professionnels de ville les entrées et sorties d'hospitalisation"
        case .coordinatedCare:
            "associe ses professionnels aux actions qui relèvent de son projet de santé et partage ses constats sur l'accès aux soins"
        case .education:
            "contribue aux actions de promotion de la santé en milieu scolaire"
        case .family:
            "contribue aux actions qui touchent les familles (parentalité, logement, accès aux droits)"
        case .professionalOrder:
            "relaie les actions du contrat auprès des professionnels de santé et participe à leur accueil sur le territoire"
        case .observatory:
            "apporte son expertise à l'observation de la santé du territoire et à l'évaluation du contrat"
        case .other:
            "participe aux instances du contrat et contribue aux actions de son ressort"
        }
    }
}

/// « représentée » or « représenté », agreeing with the organisation's first noun; « représenté·e »
/// when the name starts with a word the tool does not know.
func represented(_ organisation: String) -> String {
    let words = organisation.folded.split { !$0.isLetter }.map(String.init)
    var first = words.first ?? ""
    if first == "la" { return "représentée" }
    if first == "le" { return "représenté" }
    if first == "l", words.count > 1 { first = words[1] }
    let feminine: Set = [
        "agence", "ars", "communaute", "commune", "ville", "metropole", "prefecture", "sous", "region", "caisse", "cpam", "msa",
        "caf", "mutualite", "association", "federation", "maison", "msp", "cpts", "universite", "direction", "delegation",
        "union", "collectivite", "clinique", "equipe", "esp", "fondation", "mairie",
    ]
    let masculine: Set = [
        "conseil", "departement", "pays", "petr", "centre", "ch", "chu", "groupement", "ght", "syndicat", "etablissement",
        "hopital", "service", "pole", "office", "ordre", "etat", "ehpad", "dac", "ccas", "cias", "rectorat", "sivom", "sivu",
    ]
    if feminine.contains(first) { return "représentée" }
    if masculine.contains(first) { return "représenté" }
    return "représenté·e"
}
