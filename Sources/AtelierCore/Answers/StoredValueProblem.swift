/// A stored answer that its question would not accept today: edited by hand with `sqlite3`,
/// written by another version of the questionnaire, or bounded by an answer that changed since.
public struct StoredValueProblem: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The right type, outside the question's bounds (or past what can be typed).
        case outOfBounds
        /// Not the type of the question, or not one of its choices.
        case invalid
        /// Not a value at all: the workbook's JSON was edited into something unreadable.
        case unreadable
    }

    public var key: String
    /// For a `liste` question: the element (from 1) and the field that is wrong.
    public var element: Int?
    public var field: String?
    public var fieldLabel: String?
    /// The stored value as it is displayed, shortened.
    public var shown: String
    /// What the question expects, as the refusal of a typed answer says it.
    public var expected: String
    public var kind: Kind

    public init(
        key: String, element: Int? = nil, field: String? = nil, fieldLabel: String? = nil,
        shown: String, expected: String, kind: Kind
    ) {
        self.key = key
        self.element = element
        self.field = field
        self.fieldLabel = fieldLabel
        self.shown = shown
        self.expected = expected
        self.kind = kind
    }

    /// What to type after `/modifier` to correct it: `CLÉ`, or `LISTE.N.CHAMP`.
    public var correctionKey: String {
        if let element, let field { return "\(key).\(element).\(field)" }
        return key
    }

    /// « La réponse à CLÉ (−5) est hors des bornes attendues (…) : elle n'est pas utilisée ;
    /// /modifier CLÉ pour la corriger. »
    public var message: String {
        let fault =
            switch kind {
            case .outOfBounds: "est hors des bornes attendues (\(expected))"
            case .invalid: "n'est pas valide (attendu : \(expected))"
            case .unreadable: "est illisible dans le classeur (modifiée hors de l'outil ?)"
            }
        if kind == .unreadable {
            return "La réponse à \(key) \(fault) : elle n'est pas utilisée ; /modifier \(key) pour la remplacer."
        }
        if let element, let fieldLabel {
            return
                "Le champ « \(fieldLabel) » de l'élément \(element) de \(key) (\(shown)) \(fault) : il n'est pas utilisé ; /modifier \(correctionKey) pour le corriger."
        }
        return "La réponse à \(key) (\(shown)) \(fault) : elle n'est pas utilisée ; /modifier \(correctionKey) pour la corriger."
    }
}
