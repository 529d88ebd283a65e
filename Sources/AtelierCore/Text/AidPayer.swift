/// The payers of `structures.aides_versees` with their article, for the sentences of the
/// synthèse and of the checks: « par la commune », « du département », « de l'État ».
enum AidPayer {
    static func withArticle(_ payer: String) -> String? {
        switch payer {
        case "commune", "région": "la \(payer)"
        case "département": "le département"
        case "EPCI", "Assurance Maladie", "ARS", "État": "l'\(payer)"
        default: nil
        }
    }

    /// « par la commune », « par le département », « par l'État ».
    static func by(_ payer: String) -> String { withArticle(payer).map { "par \($0)" } ?? "par « \(payer) »" }

    /// « de la commune », « du département », « de l'EPCI ».
    static func of(_ payer: String) -> String {
        guard let phrase = withArticle(payer) else { return "(\(payer))" }
        return phrase.hasPrefix("le ") ? "du " + phrase.dropFirst(3) : "de " + phrase
    }
}
