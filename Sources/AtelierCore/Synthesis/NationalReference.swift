/// A national reference value or a threshold, from `templates/references/nationales.yaml`.
///
/// Rules quote them by name (`{ref.part_medecins_60_ans_et_plus}`) and compare with them
/// (`… >= ref.seuil_part_60_ans_et_plus`): a value is typed once, in one file.
public struct NationalReference: Sendable {
    /// How a value reads in a sentence (`unite` in the file).
    public enum Unit: String, Sendable, CaseIterable {
        case percent = "pourcentage"
        case number = "nombre"
        case ratio = "rapport"
        case minutes
        case inhabitants = "habitants"
        case consultations
        case per10000 = "pour_10000"
        case per100000 = "pour_100000"
        case euros
    }

    /// What a tool's own choice says instead of a publication: such values carry no year.
    public static let toolChoice = "choix de l'outil"

    public var key: String
    public var label: String
    public var value: Double
    public var unit: Unit
    public var year: Int
    public var source: String
    /// The source as a message quotes it: « CNOM », « DREES ».
    public var shortSource: String
    public var confidence: String
    public var note: String?

    public init(
        key: String, label: String, value: Double, unit: Unit, year: Int, source: String, shortSource: String, confidence: String,
        note: String? = nil
    ) {
        self.key = key
        self.label = label
        self.value = value
        self.unit = unit
        self.year = year
        self.source = source
        self.shortSource = shortSource
        self.confidence = confidence
        self.note = note
    }

    /// `11 % (CNAM, 2021)`-style citation used in bases and caveats.
    public var citation: String {
        source + (shortSource == Self.toolChoice ? "" : ", \(year)") + (confidence == "sûr" ? "" : ", confiance : \(confidence)")
    }

    /// `23 %`, `0,8`, `30 min`, `3,3`, `1 000 000`, `10 000 €`.
    public var formattedValue: String {
        switch unit {
        case .percent: FrenchFormat.percentage(value)
        case .number, .consultations, .ratio: FrenchFormat.decimal(value)
        case .minutes: FrenchFormat.integer(value) + "\u{00A0}min"
        case .inhabitants: FrenchFormat.integer(value)
        case .per10000, .per100000: FrenchFormat.decimal(value)
        case .euros: FrenchFormat.integer(value) + "\u{00A0}€"
        }
    }

    /// `23 % (CNOM, 2024)`, `0,8 (choix de l'outil)`, `11 % (CNAM, 2021, incertain)`: what
    /// `{ref.clé}` becomes in a message.
    public var quoted: String {
        var origin = shortSource
        if shortSource != Self.toolChoice { origin += ", \(year)" }
        if confidence != "sûr" { origin += ", \(confidence)" }
        return "\(formattedValue) (\(origin))"
    }

    /// The phrase a finding's basis cites: label, value, full source and, when uncertain, why.
    public var basisPhrase: String {
        let why = confidence == "sûr" ? nil : note
        return "\(label) : \(formattedValue) (\(citation)" + (why.map { " ; \($0)" } ?? "") + ")"
    }
}
