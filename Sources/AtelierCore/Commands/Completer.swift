/// Tab completion, as pure functions of the line typed so far.
///
/// The word being completed ends at the cursor; it starts after the last character of
/// `wordBreakCharacters(forLine:)`: a space in a command line, a comma in a multiple-choice
/// answer, nowhere in other answers (so a choice with spaces completes as one word).
public struct Completer: Sendable {
    public var questionnaire: Questionnaire
    /// The question being answered, for its choices.
    public var currentKind: QuestionKind?
    public var participantNames: [String]
    /// The funding catalogue's keys, completed when a `dispositif` is asked.
    public var instrumentKeys: [String]
    /// Communes and EPCI, loaded only when a name is completed.
    public var territory: Lazy<TerritoryReference>?

    public init(
        questionnaire: Questionnaire, currentKind: QuestionKind?, participantNames: [String] = [],
        instrumentKeys: [String] = [], territory: Lazy<TerritoryReference>? = nil
    ) {
        self.questionnaire = questionnaire
        self.currentKind = currentKind
        self.participantNames = participantNames
        self.instrumentKeys = instrumentKeys
        self.territory = territory
    }

    public func wordBreakCharacters(forLine line: String) -> String {
        if line.hasPrefix("/") { return " " }
        switch currentKind {
        case .multipleChoice?: return ","
        case .communeList?: return ",;"
        default: return ""
        }
    }

    /// A completed command word is followed by a space, ready for its argument; a completed
    /// answer is not (« libéral, salarié », not « libéral , salarié »).
    public func appendsSpace(forLine line: String) -> Bool {
        line.hasPrefix("/")
    }

    /// Candidates that replace `word`, the end of `line` after the last break character.
    public func completions(forLine line: String) -> [String] {
        // A line past the input limit is refused when it is entered: nothing to complete.
        guard line.utf8.count <= InputLimits.lineBytes else { return [] }
        let breaks = wordBreakCharacters(forLine: line)
        let wordStart = line.lastIndex(where: { breaks.contains($0) }).map(line.index(after:)) ?? line.startIndex
        let word = String(line[wordStart...])
        if line.hasPrefix("/") {
            let before = line[..<wordStart].trimmed
            if before.isEmpty { return matching(word, CommandCatalog.all.map { "/" + $0.spelling }) }
            let command = before.dropFirst().split(separator: " ").first.map(String.init) ?? ""
            guard before.split(separator: " ").count == 1, let spec = CommandCatalog.spec(named: command) else { return [] }
            return matching(word, arguments(for: spec.name))
        }
        // An answer: the current question's choices, keeping the spaces typed after a comma.
        let leading = String(word.prefix { $0 == " " })
        switch currentKind {
        case .fundingInstrument?: return matching(word.trimmed, instrumentKeys).map { leading + $0 }
        case .communeCode?, .communeList?: return communeNames(startingWith: word.trimmed).map { leading + $0 }
        case .epciSiren?: return epciNames(startingWith: word.trimmed)
        default: return matching(word.trimmed, currentKind?.choices ?? []).map { leading + $0 }
        }
    }

    /// Past this many candidates a Tab completes nothing: the user types a few more letters
    /// (a common prefix of a truncated list could insert letters that are not everyone's).
    static let maximumNameCandidates = 200

    /// Commune names as the parser reads them back: a homonym with its département,
    /// « Sainte-Marie (05) ».
    private func communeNames(startingWith prefix: String) -> [String] {
        guard prefix.count >= 2, !prefix.first!.isNumber, let reference = try? territory?.get() else { return [] }
        let codes = reference.names.communeCodes(startingWith: prefix)
        guard codes.count <= Self.maximumNameCandidates else { return [] }
        return codes.compactMap { code in
            guard let commune = reference.communes[code] else { return nil }
            let homonyms = reference.names.communeCodes(named: commune.name).compactMap { reference.communes[$0]?.department }
            if homonyms.count == 1 { return commune.name }
            // Two homonyms in one département are told apart by their codes.
            let sameDepartment = homonyms.filter { $0 == commune.department }.count > 1
            return "\(commune.name) (\(sameDepartment ? commune.code : commune.department))"
        }
    }

    private func epciNames(startingWith prefix: String) -> [String] {
        guard prefix.count >= 2, !prefix.first!.isNumber, let reference = try? territory?.get() else { return [] }
        let sirens = reference.names.epciSirens(startingWith: prefix)
        guard sirens.count <= Self.maximumNameCandidates else { return [] }
        return sirens.compactMap { reference.epcis[$0]?.name }
    }

    private func arguments(for command: CommandName) -> [String] {
        let sections = questionnaire.sections.map(\.key)
        let keys = questionnaire.questions.map(\.key)
        switch command {
        case .aller: return sections + keys
        case .revoir: return sections + keys
        case .modifier, .historique: return keys
        case .aide: return CommandCatalog.all.map(\.spelling)
        case .participant: return participantNames
        case .synthese: return SynthesisParts.all
        case .exporter: return ["cls", "plan"]
        case .importer: return ["rpps", "finess", "populations"]
        case .reunion: return ["nouvelle", "fin"]
        case .prioriser: return ["constats", "leviers", "fin"]
        case .scenario: return ["nouveau", "liste", "comparer"]
        case .partager: return []
        case .fusionner: return ["plus tard", "abandon"]
        default: return []
        }
    }

    private func matching(_ word: String, _ candidates: [String]) -> [String] {
        let folded = word.folded
        return candidates.filter { $0.folded.hasPrefix(folded) }
    }
}
