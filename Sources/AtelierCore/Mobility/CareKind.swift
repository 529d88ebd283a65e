/// What a resident travels to: a professional of the Annuaire Santé (RPPS) or a structure of
/// FINESS. The raw values are stored in the workbook (table care_site): never renamed.
public enum CareKind: String, CaseIterable, Sendable {
    case medecinGeneraliste = "medecin_generaliste"
    case infirmier
    case masseurKinesitherapeute = "masseur_kinesitherapeute"
    case chirurgienDentiste = "chirurgien_dentiste"
    case sageFemme = "sage_femme"
    case pharmacie
    case mspCentreSante = "msp_centre_sante"
    case hopital

    /// « médecin généraliste », as in « le médecin généraliste le plus proche ».
    public var label: String {
        switch self {
        case .medecinGeneraliste: "médecin généraliste"
        case .infirmier: "infirmier"
        case .masseurKinesitherapeute: "masseur-kinésithérapeute"
        case .chirurgienDentiste: "chirurgien-dentiste"
        case .sageFemme: "sage-femme"
        case .pharmacie: "pharmacie d'officine"
        case .mspCentreSante: "MSP ou centre de santé"
        case .hopital: "hôpital"
        }
    }

    /// The file that places it: RPPS professionals, FINESS structures.
    public var fromFINESS: Bool { [.pharmacie, .mspCentreSante, .hopital].contains(self) }

    /// The file's name as the method cites it.
    public var sourceName: String { fromFINESS ? "FINESS" : "Annuaire Santé (RPPS)" }
}
