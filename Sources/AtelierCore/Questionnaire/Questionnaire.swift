/// The diagnosis questionnaire: sections of questions, loaded from `templates/questionnaire.yaml`.
///
/// Question keys (`demographie.medecins_generalistes.effectif`) are part of the interface:
/// workbooks, scripts and documents refer to them, so they never change once shipped.
public struct Questionnaire: Sendable {
    public let version: Int
    public let sections: [Section]
    /// Every question in questionnaire order.
    public let questions: [Question]
    /// Asked for at every line typed (and many times per line): found by key, not by a scan.
    private let indexByKey: [String: Int]

    public init(version: Int, sections: [Section]) {
        self.version = version
        self.sections = sections
        questions = sections.flatMap(\.questions)
        indexByKey = Dictionary(questions.enumerated().map { ($1.key, $0) }) { first, _ in first }
    }

    public func question(forKey key: String) -> Question? {
        indexByKey[key].map { questions[$0] }
    }

    /// The fields of the list question `key`; empty for any other key.
    public func listFields(ofKey key: String) -> [ListField] {
        if case .list(let fields)? = question(forKey: key)?.kind { return fields }
        return []
    }

    public func section(forKey key: String) -> Section? {
        sections.first { $0.key == key || $0.key.folded == key.folded }
    }

    public func section(containing question: Question) -> Section? {
        sections.first { $0.questions.contains { $0.key == question.key } }
    }
}

public struct Section: Sendable {
    public var key: String
    public var title: String
    public var introduction: String?
    public var questions: [Question]
    /// Whether `/source` applies to the figures of this section (`sources: oui`): the
    /// diagnosis' figures come from a source; the contract's and the plan's are decisions.
    public var takesSources: Bool

    public init(key: String, title: String, introduction: String? = nil, questions: [Question], takesSources: Bool = false) {
        self.key = key
        self.title = title
        self.introduction = introduction
        self.questions = questions
        self.takesSources = takesSources
    }
}

public struct Question: Sendable {
    public var key: String
    public var label: String
    public var help: String?
    public var kind: QuestionKind
    public var bounds: Bounds
    /// Ask this question only when the condition holds.
    public var condition: Condition?
    /// Choices of a `choix_multiples` that cannot be combined with another (« aucune »).
    public var exclusiveChoices: [String]
    /// The command that fills this answer (`commande: /prioriser`): never asked in the flow of
    /// questions, still reviewed, checked and undone like any answer.
    public var filledByCommand: String?
    /// A question an import fills (`commande: /importer`) is asked when reached (its
    /// proposal shown, or a figure typed from another source); one /prioriser fills is not: its
    /// lists are the votes of a round.
    public var isTypedWhenReached: Bool { filledByCommand == nil || filledByCommand == "/importer" }
    /// `details:` of a list: fields of its elements never asked while typing an element (field
    /// by field or on one line), filled with `/modifier LISTE.N.CHAMP` — the long texts of a
    /// fiche action, which a library fiche already has and a new fiche needs.
    public var detailFields: [ListField]
    /// The fields an element can hold: those typed, then the details.
    public var allListFields: [ListField] {
        if case .list(let fields) = kind { return fields + detailFields }
        return []
    }
    /// Whether a source (`/source`) is worth recording for this answer: figures, not opinions.
    public var expectsSource: Bool {
        if case .list = kind { return true }  // structures, aids, APL by part: facts from a source
        return kind.isNumeric
    }

    public init(
        key: String, label: String, help: String? = nil, kind: QuestionKind,
        bounds: Bounds = Bounds(), condition: Condition? = nil, exclusiveChoices: [String] = [], filledByCommand: String? = nil,
        detailFields: [ListField] = []
    ) {
        self.key = key
        self.label = label
        self.help = help
        self.kind = kind
        self.bounds = bounds
        self.condition = condition
        self.exclusiveChoices = exclusiveChoices
        self.filledByCommand = filledByCommand
        self.detailFields = detailFields
    }
}

/// Numeric bounds of an answer. `maximumKey` bounds a count by another answer, as
/// "dont 60 ans et plus" is bounded by the effectif.
public struct Bounds: Sendable, Equatable {
    public var minimum: Double?
    public var maximum: Double?
    public var maximumKey: String?
    /// The unit a number may be followed by (`unite: ans` accepts « 5 ans », « 1 an »).
    public var unit: String?

    public init(minimum: Double? = nil, maximum: Double? = nil, maximumKey: String? = nil, unit: String? = nil) {
        self.minimum = minimum
        self.maximum = maximum
        self.maximumKey = maximumKey
        self.unit = unit
    }
}

/// One field of a record in a `liste` question.
public struct ListField: Sendable {
    public var key: String
    public var label: String
    /// The label without its explanation in brackets, for the one-line confirmations:
    /// « Qui le dit », not « Qui le dit (en quelle qualité) ».
    public var shortLabel: String {
        guard let open = label.range(of: " (") else { return label }
        let short = label[..<open.lowerBound]
        return short.isEmpty ? label : String(short)
    }
    public var kind: QuestionKind
    public var bounds: Bounds
    public var optional: Bool

    public init(key: String, label: String, kind: QuestionKind, bounds: Bounds = Bounds(), optional: Bool = false) {
        self.key = key
        self.label = label
        self.kind = kind
        self.bounds = bounds
        self.optional = optional
    }
}

/// What kind of answer a question takes. The YAML names are French, the names a project lead
/// editing the questionnaire reads.
public indirect enum QuestionKind: Sendable {
    case text
    case integer
    case year
    case decimal
    case percentage
    case amount
    case yesNo
    case choice([String])
    case multipleChoice([String])
    case date
    case communeCode
    /// Several INSEE codes on one line, expanded to names and populations from the reference.
    case communeList
    /// The SIREN of an EPCI à fiscalité propre; fills the communes from the DGCL list.
    case epciSiren
    /// Names of the participants list (`participants.liste`), separated by commas: who was
    /// present at a meeting. Stored as the names the list spells.
    case participantNames
    /// A fiche of the action library (`templates/plan/fiches.yaml`), or a new one.
    case actionSheet
    /// An instrument of the funding catalogue (`templates/financement/catalogue.yaml`).
    case fundingInstrument
    case list([ListField])

    /// The name used in `questionnaire.yaml`.
    public var yamlName: String {
        switch self {
        case .text: "texte"
        case .integer: "entier"
        case .year: "annee"
        case .decimal: "decimal"
        case .percentage: "pourcentage"
        case .amount: "montant"
        case .yesNo: "oui_non"
        case .choice: "choix"
        case .multipleChoice: "choix_multiples"
        case .date: "date"
        case .communeCode: "code_commune"
        case .communeList: "communes"
        case .epciSiren: "siren_epci"
        case .participantNames: "participants"
        case .actionSheet: "fiche_action"
        case .fundingInstrument: "dispositif"
        case .list: "liste"
        }
    }

    public var isNumeric: Bool {
        switch self {
        case .integer, .decimal, .percentage, .amount: true
        default: false
        }
    }

    /// The fixed choices offered, for completion and numbered answers.
    public var choices: [String] {
        switch self {
        case .choice(let values), .multipleChoice(let values): values
        case .yesNo: ["oui", "non"]
        default: []
        }
    }
}

extension QuestionKind {
    /// The kinds an answer of this kind is typed as: a list's fields', else itself.
    public var partKinds: [QuestionKind] {
        if case .list(let fields) = self { fields.map(\.kind) } else { [self] }
    }

    /// Whether an answer names a fiche of the library (its parser, and a refusal, need it).
    public var namesActionSheet: Bool { partKinds.contains { if case .actionSheet = $0 { true } else { false } } }

    /// Whether an answer names a dispositif of the funding catalogue.
    public var namesFundingInstrument: Bool { partKinds.contains { if case .fundingInstrument = $0 { true } else { false } } }
}
