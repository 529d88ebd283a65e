import AtelierCore
import AtelierStore
import Foundation

/// Runs a diagnosis session over a workbook: asks the current question, takes a line
/// (an answer or a `/commande`), commits confirmed answers, and moves on.
///
/// Every confirmed answer is committed in its own transaction *before* its confirmation is
/// printed and the next question asked, so what the user saw confirmed is on disk.
public final class SessionController {
    public enum Outcome: Equatable {
        case accepted
        /// The line was refused; nothing was written. The message says what was expected.
        case refused(String)
        case quit
    }

    let questionnaire: Questionnaire
    let navigator: Navigator
    let store: WorkbookStore
    let resources: SessionResources
    let console: Console
    let interactive: Bool

    var answers: [String: StoredAnswer] = [:] { didSet { checkedAnswers = nil } }
    /// The stored answers' problems and the answers usable despite them, computed once for
    /// each state of `answers` (the parser asks at every line typed).
    var checkedAnswers: (problems: [StoredValueProblem], usable: [String: StoredAnswer])?
    var skipped: Set<String> = []
    /// Answers proposed by imports, waiting for /confirmer.
    var proposals: [String: Proposal] = [:]
    /// The question being asked; nil once every applicable question is answered or skipped.
    public internal(set) var current: Question?
    /// The record being typed field by field, in a `liste` question.
    var draft: ListDraft?
    /// Whether the current question already had an answer (Enter on an empty line keeps it).
    var reAsking = false
    var participant: String?
    var source: String?
    var sourceYear: Int?
    var lastSectionShown: String?

    enum StateKey {
        static let currentQuestion = "question_courante"
        static let participant = "participant"
        static let source = "source"
        static let sourceYear = "source_annee"
    }

    /// The fiches in the order last shown to the user, for answers by number.
    var shownActionSheets: [(key: String, title: String)]?

    public init(questionnaire: Questionnaire, store: WorkbookStore, resources: SessionResources,
                console: Console, interactive: Bool) throws(WorkbookError) {
        self.questionnaire = questionnaire
        self.navigator = Navigator(questionnaire: questionnaire)
        self.store = store
        self.resources = resources
        self.console = console
        self.interactive = interactive
        adopt(try store.content())
        participant = try store.state(StateKey.participant)
        source = try store.state(StateKey.source)
        sourceYear = try store.state(StateKey.sourceYear).flatMap { Int($0) }
    }

    var values: [String: AnswerValue] { answers.mapValues(\.value) }
    /// The commune reference; empty if it could not be read (`referenceProblem()` says so).
    var territory: TerritoryReference { (try? resources.territory.get()) ?? TerritoryReference() }
    /// A parser for answers of `kind`. Only a fiche needs the library ranked by the synthèse,
    /// which costs a synthèse, and only a funding line the catalogue: other answers do not pay.
    func parser(for kind: QuestionKind) -> AnswerParser {
        var parser = AnswerParser(reference: territory, answers: usableValues)
        func involves(_ predicate: (QuestionKind) -> Bool) -> Bool {
            if case .list(let fields) = kind { return fields.contains { predicate($0.kind) } }
            return predicate(kind)
        }
        if involves({ if case .actionSheet = $0 { true } else { false } }) {
            parser.actionSheets = shownActionSheets ?? rankedActionSheets().map { ($0.sheet.key, $0.sheet.title) }
        }
        if involves({ if case .fundingInstrument = $0 { true } else { false } }) {
            parser.instruments = ((try? resources.catalogue.get())?.instruments ?? []).map { ($0.key, $0.name) }
        }
        return parser
    }
    var style: Style { console.style }

    /// Reads the whole workbook again, and says what another session changed in it.
    func reload() throws(WorkbookError) {
        for note in changedElsewhereNotes(adopt(try store.content())) { console.write(note) }
    }

    /// Takes the workbook's content as the session's copy; returns the keys whose answer or
    /// import proposal changed, in questionnaire order.
    @discardableResult
    func adopt(_ content: WorkbookContent) -> [String] {
        let changed = Set(answers.keys).union(content.answers.keys).filter { answers[$0]?.value != content.answers[$0]?.value }
            .union(Set(proposals.keys).union(content.proposals.keys).filter { proposals[$0] != content.proposals[$0] })
        answers = content.answers
        skipped = content.skipped
        proposals = content.proposals
        return questionnaire.questions.map(\.key).filter(changed.contains)
    }

    // MARK: - Start

    /// Prints the welcome or the resume summary, then asks the first open question.
    public func start() {
        if answers.isEmpty {
            console.write(style.bold("Atelier Santé — diagnostic partagé de l'accès aux soins"))
            console.write("Chaque réponse est enregistrée aussitôt dans \(store.path).")
            console.write("Répondez aux questions ; les commandes commencent par « / » (/aide pour la liste, /quitter pour sortir).")
        } else {
            printResumeSummary()
        }
        warnAboutStoredValues()
        let saved = try? store.state(StateKey.currentQuestion)
        if let saved, let question = questionnaire.question(forKey: saved),
           navigator.isOpen(question, answers: values, skipped: []) {
            setCurrent(question)
        } else {
            setCurrent(navigator.nextQuestion(after: nil, answers: values, skipped: skipped))
        }
        askCurrent()
    }

    // MARK: - Lines

    /// Handles one line typed by the user (or read from a script).
    public func handle(_ rawLine: String) -> Outcome {
        let line = rawLine.trimmed
        switch CommandCatalog.parse(line) {
        case .unknown(let typed, let suggestion)?:
            let hint = suggestion.map { " Vouliez-vous dire \($0) ?" } ?? ""
            return .refused("Commande inconnue : \(typed.shortened(to: 60)).\(hint) Tapez /aide pour la liste des commandes.")
        case .missingArgument(let usage)?:
            return .refused("Il manque un argument. Usage : \(usage) (/aide pour le détail).")
        case .command(let command)?:
            return run(command)
        case nil:
            return answer(line)
        }
    }

    func answer(_ line: String) -> Outcome {
        if !line.isEmpty, let problem = referenceProblem() { return problem }
        guard let question = current else {
            if line.isEmpty { return .accepted }
            return .refused("Aucune question en cours : toutes les questions applicables ont une réponse ou ont été passées. /sections montre l'avancement, /aller SECTION y ramène, /quitter pour sortir.")
        }
        if case .list(let fields) = question.kind {
            return listLine(line, question: question, fields: fields)
        }
        if line.isEmpty {
            if reAsking {
                console.write(style.dim("Réponse conservée."))
                advance()
            }
            return .accepted  // nothing typed: the question stays
        }
        let origin: AnswerChange.Origin = reAsking ? .modified : .typed
        if let refusal = commit(question, origin: origin, decide: { () throws(Refusal) in
            try self.parsed(line, as: question)
        }) { return refusal }
        advance()
        return .accepted
    }

    /// Answers are checked against the reference: refuse them all if it cannot be read.
    func referenceProblem() -> Outcome? {
        resources.territory.failure.map { .refused("Le référentiel des communes est illisible (\(ErrorPresenter.clause($0))) : réinstallez le dossier data/ de l'outil.") }
    }

    /// What an answer fills in by itself, and the lines that say so.
    struct Derived {
        var changes: [AnswerChange] = []
        var notes: [String] = []
    }

    /// An EPCI's SIREN fills in its member communes, from the bundled official data, unless
    /// the user typed the list themselves (then it is kept, and they are told how to replace it).
    func derivedChanges(for question: Question, value: AnswerValue) -> Derived {
        guard case .epci(let epci) = value,
              let target = questionnaire.section(containing: question)?.questions.first(where: {
                  if case .communeList = $0.kind { return true } else { return false }
              }) else { return Derived() }
        if let existing = answers[target.key], existing.source != TerritoryReference.epciSource {
            return Derived(notes: [style.dim("  La liste des communes déjà saisie est conservée ; /modifier \(target.key) pour la remplacer.")])
        }
        let members = territory.members(ofEpci: epci.siren).map(\.ref)
        let population = members.reduce(0) { $0 + $1.population }
        let years = Set(members.map(\.populationYear)).sorted().map(String.init).joined(separator: " et ")
        let change = AnswerChange(key: target.key, value: .communes(members), participant: participant,
                                  source: TerritoryReference.epciSource, sourceYear: 2025, origin: .reference)
        let note = "  \(style.green("✓")) \(target.key) rempli : \(members.count) communes, population municipale \(FrenchFormat.integer(population)) habitants (INSEE, populations légales \(years))."
        return Derived(changes: [change], notes: [note])
    }

    func confirmation(_ change: AnswerChange) -> String {
        var meta: [String] = []
        if let source = change.source { meta.append("source : \(source)") }
        if let participant = change.participant { meta.append("par \(participant)") }
        let suffix = meta.isEmpty ? "" : style.dim(" (\(meta.joined(separator: " ; ")))")
        return "  \(style.green("✓")) \(change.key) = \(change.value.display)\(suffix)"
    }

    // MARK: - Moving

    func setCurrent(_ question: Question?) {
        current = question
        draft = nil
        reAsking = question.map { answers[$0.key] != nil } ?? false
        try? store.setState(StateKey.currentQuestion, question?.key)
    }

    /// Goes to the next open question and asks it.
    func advance() {
        catchUpWithOtherSessions()
        setCurrent(navigator.nextQuestion(after: current?.key, answers: values, skipped: skipped))
        askCurrent()
    }
}
