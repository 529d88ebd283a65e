/// The question keys the session's rules rely on (to be merged with `QuestionKeys`).
public enum SessionQuestionKeys {
    public static let participants = "participants.liste"
    public static let actionSheets = "plan.fiches"
    public static let expenses = "financement.depenses"
    public static let receipts = "financement.recettes"
    public static let derogations = "financement.derogations"
    public static let territoryName = "territoire.nom"
    public static let communes = "territoire.communes"
}
