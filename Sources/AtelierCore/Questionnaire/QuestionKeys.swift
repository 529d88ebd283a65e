/// The question keys the code reads by name, listed once. `templates/questionnaire.yaml` is
/// editable: a question renamed or removed there would otherwise make a document, a synthesis
/// or an import silently lose what it needs, so the loader refuses a questionnaire lacking one
/// of `required` (`QuestionnaireLoader.load(yaml:file:required:)`).
public enum QuestionKeys {
    // MARK: - territoire
    public static let territoryName = "territoire.nom"
    public static let territoryHolder = "territoire.porteur"
    public static let territoryEPCI = "territoire.siren_epci"
    public static let territoryCommunes = "territoire.communes"

    // MARK: - participants
    public static let participants = "participants.liste"

    // MARK: - demographie
    /// `demographie.<profession>.<field>`, as the synthesis and the RPPS import name them.
    public static func demography(_ profession: String, _ field: String) -> String { "demographie.\(profession).\(field)" }
    public static let professionFields = ["effectif", "liberaux", "age_60_plus", "departs_5_ans", "installations_prevues"]
    public static let pharmacies = "demographie.pharmacies.effectif"
    public static let pharmacyClosings = "demographie.pharmacies.fermetures_5_ans"
    public static let pharmacyOpenings = "demographie.pharmacies.ouvertures_prevues"
    public static let patientsWithoutDoctor = "demographie.patients_sans_medecin_traitant"
    public static let apl = "demographie.apl_medecins_generalistes"
    public static let doctorZoning = "demographie.zonage_medecins"

    // MARK: - structures
    public static let structures = "structures.liste"
    public static let cptsCoverage = "structures.cpts_couverture"
    public static let sas = "structures.sas"
    public static let ptsm = "structures.ptsm"
    public static let nursingHomesNightNurse = "structures.ehpad_ide_nuit"

    // MARK: - mobilites
    public static let accessTimeDoctor = "mobilites.temps_acces.medecin_generaliste"
    public static let accessTimePharmacy = "mobilites.temps_acces.pharmacie"
    /// `mobilites.medecin_generaliste.plus_10_min`…: the share of the population beyond each
    /// threshold of `MobilityAnalysis.thresholds`.
    public static func doctorShareBeyond(_ minutes: Int) -> String { "mobilites.medecin_generaliste.plus_\(minutes)_min" }
    public static let accessTimeEmergency = "mobilites.temps_acces.urgences"
    public static let emergencyOver30Minutes = "mobilites.population_urgences_plus_30_min"
    public static let outsidePoles = "mobilites.poles_exterieurs"
    public static let transport = "mobilites.offre_transport"
    public static let teleconsultationPoints = "mobilites.points_teleconsultation"
    public static let obstacles = "mobilites.obstacles"

    // MARK: - sante
    public static let healthOver75 = "sante.part_75_ans_plus"
    public static let healthALD = "sante.part_ald"
    public static let healthC2S = "sante.part_c2s"
    public static let healthPrematureMortality = "sante.mortalite_prematuree"
    public static let healthColorectalScreening = "sante.depistage_colorectal"
    public static let healthBreastScreening = "sante.depistage_sein"
    public static let healthPriorityDistricts = "sante.qpv"
    public static let healthIssues = "sante.problematiques"

    // MARK: - concertation
    public static let meetings = "concertation.reunions"
    public static let voices = "concertation.voix"
    public static let priorityRounds = "concertation.priorisations"
    public static let votes = "concertation.votes"

    // MARK: - plan
    public static let axes = "plan.axes"
    public static let actionSheets = "plan.fiches"
    public static let contractIndicators = "contrat.indicateurs"

    // MARK: - contrat
    public static let prs = "contrat.prs"
    public static let deliberation = "contrat.deliberation"
    public static let plannedSignature = "contrat.signature_prevue"
    public static let durationYears = "contrat.duree_annees"
    public static let signatories = "contrat.signataires"
    public static let signaturePlace = "contrat.lieu_signature"
    public static let coordinator = "contrat.coordinateur"
    public static let steeringFrequency = "contrat.copil_frequence"

    // MARK: - financement
    public static let financingBase = "financement.base"
    public static let expenses = "financement.depenses"
    public static let localInstruments = "financement.dispositifs"
    public static let receipts = "financement.recettes"
    public static let derogations = "financement.derogations"

    /// The professions of the démographie section (`SynthesisBuilder.professions`), each with
    /// the fields the synthesis and the RPPS import read.
    static var demographyKeys: [String] {
        SynthesisBuilder.professions.flatMap { profession in professionFields.map { demography(profession.key, $0) } }
    }

    /// Every key above, in questionnaire order: the loader refuses a questionnaire lacking one.
    public static var required: [String] {
        [territoryName, territoryHolder, territoryEPCI, territoryCommunes, participants]
            + demographyKeys
            + [
                pharmacies, pharmacyClosings, pharmacyOpenings, patientsWithoutDoctor, apl, doctorZoning,
                structures, cptsCoverage, sas, ptsm,
                nursingHomesNightNurse,
                accessTimeDoctor, accessTimePharmacy, accessTimeEmergency, emergencyOver30Minutes, outsidePoles, transport,
                teleconsultationPoints, obstacles,
                healthOver75, healthALD, healthC2S, healthPrematureMortality, healthColorectalScreening, healthBreastScreening,
                healthPriorityDistricts, healthIssues,
                meetings, voices, priorityRounds, votes,
                axes, actionSheets,
                prs, deliberation, plannedSignature, durationYears, signatories, signaturePlace, coordinator, steeringFrequency,
                financingBase, expenses, localInstruments, receipts, derogations,
            ]
    }
}
