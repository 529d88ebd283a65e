/// What the answers mean for the territory: indicators by section, findings with their
/// levers, and what is missing. A structured value: the screen and the CLS draft both lay it
/// out, neither re-parses the other's text.
public struct Synthesis: Sendable {
    public struct Territory: Sendable {
        public var name: String?
        public var communeCount: Int
        public var population: Int?
        public var populationYears: [Int]
        /// The département holding most of the population, whose figures serve as reference.
        public var department: (code: String, name: String, populationShare: Double)?
        public var otherDepartments: [String]
    }

    public struct Section: Sendable {
        public var key: String
        public var title: String
        public var indicatorIDs: [String]
    }

    public struct Profession: Sendable {
        public var key: String
        public var label: String
        /// Whether Assurance Maladie publishes département references for it.
        public var hasReferences: Bool
    }

    public struct StructureCount: Sendable, Equatable {
        public var type: String
        public var operating: Int
        public var planned: Int
        public var struggling: Int

        public init(type: String, operating: Int, planned: Int, struggling: Int) {
            self.type = type
            self.operating = operating
            self.planned = planned
            self.struggling = struggling
        }
    }

    public struct Finding: Sendable {
        public var ruleKey: String
        public var message: String
        /// The answers and references it rests on.
        public var basis: [String]
        public var levers: [Lever]
        /// The voice theme of its rule (`theme:`), for the analyse croisée.
        public var theme: String?

        public init(ruleKey: String, message: String, basis: [String], levers: [Lever], theme: String? = nil) {
            self.ruleKey = ruleKey
            self.message = message
            self.basis = basis
            self.levers = levers
            self.theme = theme
        }
    }

    /// One part of the territory with its APL (`demographie.apl_parties`).
    public struct AplPart: Sendable {
        public var value: Double
        public var communes: [CommuneRef]
        /// APL / APL moyenne en France.
        public var ratioToFrance: Double?
        /// The part's own indicators (`acces.apl_partie.*`), for the rules read per part.
        public var indicators: [String: Indicator] = [:]

        /// `Oyonnax, Arbent (2 communes, 27 158 habitants)`.
        public var communesText: String {
            let population = FrenchFormat.integer(communes.map(\.population).saturatingSum())
            return communes.map(\.name).joined(separator: ", ")
                + " (\(communes.count) commune\(communes.count > 1 ? "s" : ""), \(population) habitants)"
        }
    }

    public var territory: Territory
    public var sections: [Section]
    public var indicators: [String: Indicator]
    public var professions: [Profession]
    public var structures: [StructureCount]
    public var poles: [String]
    public var transport: [String]
    /// The parts of `demographie.apl_parties`, in the order typed.
    public var aplParts: [AplPart] = []
    /// The national references and thresholds, for a screen that draws one beside a figure.
    public var nationalReferences: [String: NationalReference] = [:]
    public var findings: [Finding]
    /// The levers of all findings, each once, in order of first appearance.
    public var levers: [Lever]
    /// The meetings, voices and prioritisation rounds of the answers (`concertation.*`).
    public var concertation = Concertation()
    /// The distances of each commune to care, computed from the imports' care sites (nil
    /// before any RPPS or FINESS import).
    public var mobility: MobilityAnalysis? = nil

    /// The voices beside the findings of their theme.
    public var crossAnalysis: CrossAnalysis { CrossAnalysis(findings: findings, concertation: concertation) }

    public func indicator(_ id: String) -> Indicator? { indicators[id] }

    /// Indicators that cannot be computed, with the questions to answer, in section order.
    public var missing: [Indicator] {
        sections.flatMap(\.indicatorIDs).compactMap { indicators[$0] }.filter { !$0.isAvailable && !$0.missingKeys.isEmpty }
    }
}

/// A lever the synthèse can propose, from `templates/synthese/leviers.yaml`.
public struct Lever: Sendable, Equatable {
    public var key: String
    public var title: String
    public var explanation: String
    public var sources: [String]
    public var confidence: String

    public init(key: String, title: String, explanation: String, sources: [String], confidence: String) {
        self.key = key
        self.title = title
        self.explanation = explanation
        self.sources = sources
        self.confidence = confidence
    }
}

/// The parts `/synthèse PARTIE` can show.
public enum SynthesisParts {
    public static let all = [
        "territoire", "demographie", "acces", "structures", "mobilites", "sante", "constats", "concertation", "manquants",
    ]
}
