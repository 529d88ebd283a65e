/// Why an answer was refused: what was wrong (when it can be said) and what was expected.
public struct InvalidAnswer: Error, Equatable, CustomStringConvertible {
    /// "le 31/02/2026 n'existe pas"; nil when the expectation says it all.
    public var reason: String?
    /// "une date au format JJ/MM/AAAA, comme 22/11/2026".
    public var expected: String

    public init(reason: String? = nil, expected: String) {
        self.reason = reason
        self.expected = expected
    }

    public var description: String {
        if let reason { return "Réponse refusée : \(reason). Attendu : \(expected)." }
        return "Réponse refusée. Attendu : \(expected)."
    }
}
