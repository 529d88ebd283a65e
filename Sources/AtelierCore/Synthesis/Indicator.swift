/// One computed figure of the synthèse, with what it rests on, or what it lacks.
///
/// An indicator without its answers has no value: it never shows a number it cannot justify,
/// and names the questions to answer instead.
public struct Indicator: Sendable {
    public enum Unit: Sendable {
        case count, per10000, per100000, percent, ratio, minutes, inhabitants, consultations, evolution, text
    }

    public var id: String
    public var label: String
    public var unit: Unit
    public var value: Double?
    public var text: String?
    /// The formula, in French, as shown to a user who asks how the figure was made.
    public var formula: String
    /// The answers and references the value rests on, as French phrases.
    public var basis: [String]
    /// Question keys to answer for the value to exist (empty when it exists).
    public var missingKeys: [String]
    /// A caveat a careful reader needs (different scopes compared, uncertain reference…).
    public var caveat: String?

    public init(
        id: String, label: String, unit: Unit, value: Double? = nil, text: String? = nil, formula: String,
        basis: [String] = [], missingKeys: [String] = [], caveat: String? = nil
    ) {
        self.id = id
        self.label = label
        self.unit = unit
        self.value = value
        self.text = text
        self.formula = formula
        self.basis = basis
        self.missingKeys = missingKeys
        self.caveat = caveat
    }

    public var isAvailable: Bool { value != nil || text != nil }

    /// `4,3`, `25,8 %`, `0,47`, `45 min`, `2 343`, `−11,7 %`; `—` when missing.
    public var formatted: String {
        if let text { return text }
        guard let value else { return "—" }
        switch unit {
        // Values come from answers that a hand-edited workbook can make as large as 2⁶³:
        // formatted from the double, never converted to `Int`.
        case .count, .inhabitants: return FrenchFormat.integer(value)
        case .per10000, .per100000: return FrenchFormat.fixed(value, fractionDigits: 1)
        case .percent: return FrenchFormat.percentage(value)
        case .ratio: return FrenchFormat.fixed(value, fractionDigits: 2)
        case .minutes: return FrenchFormat.integer(value) + "\u{00A0}min"
        case .consultations: return FrenchFormat.decimal(value, maximumFractionDigits: 2)
        case .evolution: return (value > 0 && value.isFinite ? "+" : "") + FrenchFormat.percentage(value)
        case .text: return "—"
        }
    }

    /// The value as a condition of a rule reads it.
    var conditionValue: AnswerValue? {
        if let text { return .text(text) }
        return value.map { .decimal($0) }
    }
}

/// An answer with its provenance, as the synthèse needs it.
public struct SourcedAnswer: Sendable, Equatable {
    public var value: AnswerValue
    public var source: String?
    public var sourceYear: Int?

    public init(value: AnswerValue, source: String? = nil, sourceYear: Int? = nil) {
        self.value = value
        self.source = source
        self.sourceYear = sourceYear
    }
}
