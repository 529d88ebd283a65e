import Yams

extension QuestionnaireLoader {
    /// The widest bound a question may have. Every formatter of an expectation must print it:
    /// amounts become cents in an `Int` (10¹² € = 10¹⁴ cents, far from `Int.max`), counts and
    /// years an `Int`.
    public static let boundLimit = 1_000_000_000_000.0

    /// `min` and `max` of a question or a list field, checked where they are read so that a
    /// hand-edited file cannot make a question impossible to answer, nor trap when its
    /// expectation is printed: finite, within ±`boundLimit`, whole for counts and years,
    /// `min` ≤ `max`, and only on numeric types.
    static func bounds(_ fields: [String: Node], kind: QuestionKind, what: String, document: YAMLDocument) throws(FileProblem) -> Bounds {
        var values: [String: Double] = [:]
        for name in ["min", "max"] {
            guard let node = fields[name] else { continue }
            guard kind.isBounded else {
                throw document.fail(node, "\(what) : « \(name) » ne s'applique qu'aux types entier, annee, decimal, pourcentage et montant")
            }
            guard let text = node.string, let value = Double(text.replacingOccurrences(of: ",", with: ".")) else {
                throw document.fail(node, "\(what) : « \(name) » doit être un nombre")
            }
            guard value.isFinite, abs(value) <= boundLimit else {
                throw document.fail(
                    node, "\(what) : « \(name) » doit être un nombre entre −1 000 000 000 000 et 1 000 000 000 000 (lu : \(text))")
            }
            if kind.isWhole, value != value.rounded() {
                throw document.fail(node, "\(what) : « \(name) » doit être un nombre entier (lu : \(text))")
            }
            values[name] = value
        }
        if let minimum = values["min"], let maximum = values["max"], minimum > maximum {
            throw document.fail(
                fields["max"],
                "\(what) : « min » (\(FrenchFormat.decimal(minimum, maximumFractionDigits: 6))) dépasse « max » (\(FrenchFormat.decimal(maximum, maximumFractionDigits: 6))) : aucune réponse ne serait acceptée"
            )
        }
        var unit: String?
        if let node = fields["unite"] {
            guard kind.isNumeric || kind.isBounded else {
                throw document.fail(node, "\(what) : « unite » ne s'applique qu'aux types entier, decimal, pourcentage et montant")
            }
            guard let text = node.string?.trimmed, !text.isEmpty, text.count <= 20, text.allSatisfy({ $0.isLetter || $0 == "." }) else {
                throw document.fail(node, "\(what) : « unite » doit être un mot, comme « ans » ou « minutes »")
            }
            unit = text
        }
        return Bounds(minimum: values["min"], maximum: values["max"], unit: unit)
    }
}

extension QuestionKind {
    /// The types whose answers are compared with `min` and `max` (years too, unlike `isNumeric`).
    var isBounded: Bool {
        if case .year = self { return true }
        return isNumeric
    }

    /// Answers that are whole numbers: a fractional bound would print rounded, and mislead.
    var isWhole: Bool {
        switch self {
        case .integer, .year: return true
        default: return false
        }
    }
}
