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

    public init(
        questionnaire: Questionnaire, currentKind: QuestionKind?, participantNames: [String] = [],
        instrumentKeys: [String] = []
    ) {
        self.questionnaire = questionnaire
        self.currentKind = currentKind
        self.participantNames = participantNames
        self.instrumentKeys = instrumentKeys
    }

    public func wordBreakCharacters(forLine line: String) -> String {
        if line.hasPrefix("/") { return " " }
        if case .multipleChoice = currentKind { return "," }
        return ""
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
        let choices: [String] = if case .fundingInstrument? = currentKind { instrumentKeys } else { currentKind?.choices ?? [] }
        return matching(word.trimmed, choices).map { leading + $0 }
    }

    private func arguments(for command: CommandName) -> [String] {
        let sections = questionnaire.sections.map(\.key)
        let keys = questionnaire.questions.map(\.key)
        switch command {
        case .aller: return sections + keys
        case .revoir: return sections
        case .modifier, .historique: return keys
        case .aide: return CommandCatalog.all.map(\.spelling)
        case .participant: return participantNames
        case .synthese: return SynthesisParts.all
        case .exporter: return ["cls", "plan"]
        case .importer: return ["rpps", "finess", "populations"]
        case .reunion: return ["nouvelle", "fin"]
        case .prioriser: return ["constats", "leviers", "fin"]
        default: return []
        }
    }

    private func matching(_ word: String, _ candidates: [String]) -> [String] {
        let folded = word.folded
        return candidates.filter { $0.folded.hasPrefix(folded) }
    }
}
