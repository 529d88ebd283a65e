import AtelierCore
import AtelierDocuments
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
    /// The clock and the time zone, as the app read them.
    let context: AppContext

    /// Where the session stands and the rules it follows: the one piece of session state.
    var session: Session
    /// The question saved as `question_courante` by the last write (nil: none saved).
    var savedPosition: String?
    /// The element being typed as last saved in the workbook's state (`Session.draftStateKey`).
    var savedDraft: String?
    /// What was last computed from the answers, with the session's revision it was computed at.
    var derived = DerivedResults()
    /// The checks between answers, built once per year (they read the library and the
    /// questionnaire, which do not change during a session).
    var cachedChecks: (year: Int, checks: ConsistencyChecks)?
    /// A meeting being typed field by field (`/réunion nouvelle` without its fields).
    var meetingEntry: MeetingEntry?
    /// A round of `/prioriser` in progress: lines are scores until it ends.
    var prioritization: PrioritizationState?
    /// A `/fusionner` whose conflicts are being settled: lines are choices until it is written.
    var merging: MergeState?

    struct DerivedResults {
        var synthesis: (revision: Int, value: Synthesis)?
        var clsDraft: (revision: Int, value: ClsDraft.Rendered)?
    }

    public init(
        questionnaire: Questionnaire, store: WorkbookStore, resources: SessionResources,
        console: Console, interactive: Bool, context: AppContext = .live()
    ) throws(WorkbookError) {
        self.context = context
        self.questionnaire = questionnaire
        self.navigator = Navigator(questionnaire: questionnaire)
        self.store = store
        self.resources = resources
        self.console = console
        self.interactive = interactive
        var state: [String: String] = [:]
        for name in [
            Session.StateKey.participant, Session.StateKey.source, Session.StateKey.sourceYear, Session.StateKey.sourceSection,
            Session.StateKey.currentQuestion,
        ] {
            state[name] = try store.state(name)
        }
        session = Session(questionnaire: questionnaire, content: try store.content(), state: state)
    }

    // The session's state, as the handlers read it.
    var answers: [String: StoredAnswer] { session.answers }
    var skipped: Set<String> { session.skipped }
    var proposals: [String: Proposal] { session.proposals }
    public var current: Question? { session.current }
    var draft: ListDraft? { session.draft }
    var participant: String? { session.participant }
    var source: String? { session.source }
    var values: [String: AnswerValue] { session.values }
    var usableValues: [String: AnswerValue] { session.usableValues }
    var usableAnswers: [String: StoredAnswer] { session.usableAnswers }
    var storedValueProblems: [StoredValueProblem] { session.storedValueProblems }
    var currentRecords: [ListRecord] { session.currentRecords }
    func records(of question: Question) -> [ListRecord] { session.records(of: question) }
    /// The commune reference; empty if it could not be read (`referenceProblem()` says so).
    var territory: TerritoryReference { (try? resources.territory.get()) ?? TerritoryReference() }
    /// A parser for answers of `kind`. Only a fiche needs the library ranked by the synthèse,
    /// which costs a synthèse, and only a funding line the catalogue: other answers do not pay.
    func parser(for kind: QuestionKind) -> AnswerParser {
        var parser = AnswerParser(reference: territory, answers: usableValues)
        if kind.namesActionSheet {
            parser.actionSheets = session.shownActionSheets ?? rankedActionSheets().map { ($0.sheet.key, $0.sheet.title) }
        }
        if kind.namesFundingInstrument {
            let catalogue = try? fundingCatalogue()
            parser.instruments = (catalogue?.instruments ?? []).map { ($0.key, $0.name) }
            parser.unavailableInstruments = catalogue?.unavailable ?? [:]
        }
        return parser
    }
    var style: Style { console.style }
    var wording: SessionWording { SessionWording(style: style, context: context) }

    /// Reads the whole workbook again, and says what another session changed in it.
    func reload() throws(WorkbookError) {
        for note in changedElsewhereNotes(adopt(try store.content())) { console.write(note) }
    }

    /// Takes the workbook's content as the session's copy; returns the keys whose answer or
    /// import proposal changed, in questionnaire order.
    @discardableResult
    func adopt(_ content: WorkbookContent) -> [String] {
        session.adopt(content)
    }

    // MARK: - Start

    /// Prints the welcome or the resume summary, then asks the first open question. A workbook
    /// just created from the picker with the territory's name is greeted as new.
    public func start(naming newTerritory: String? = nil) {
        if answers.isEmpty || newTerritory != nil {
            console.write(style.bold("Atelier Santé — diagnostic partagé de l'accès aux soins"))
            console.write("Chaque réponse est enregistrée aussitôt dans \(store.path).")
            console.write("Répondez aux questions ; les commandes commencent par « / » (/aide pour la liste, /quitter pour sortir).")
        } else {
            printResumeSummary()
        }
        if let newTerritory, let question = questionnaire.question(forKey: QuestionKeys.territoryName) {
            _ = commit(question, origin: .typed, decide: { .text(newTerritory) })
        }
        warnAboutStoredValues()
        printLineageNote()
        savedPosition = try? store.state(Session.StateKey.currentQuestion)
        setCurrent(session.startingQuestion(saved: savedPosition))
        savedDraft = try? store.state(Session.draftStateKey)
        if let savedDraft, !session.restoreDraft(savedDraft) {
            console.writeError(
                style.dim(
                    "  L'élément en cours de saisie n'a pas pu être repris (il ne correspond plus à la question) : il est à ressaisir."))
        }
        askCurrent()
    }

    // MARK: - Lines

    /// Handles one line typed by the user (or read from a script).
    public func handle(_ rawLine: String) -> Outcome {
        let line = rawLine.trimmed
        switch Command.parse(line) {
        case .failure(let refusal)?:
            return .refused(refusal.message)
        case .success(let command)?:
            return run(command)
        case nil:
            return answer(line)
        }
    }

    /// A line that is not a command: the session says what it means, this says it and writes it.
    func answer(_ line: String) -> Outcome {
        // A meeting typed field by field, then a round of scores, take the line before the question.
        if let outcome = mergeLine(line) ?? meetingLine(line) ?? priorityLine(line) { return outcome }
        if !line.isEmpty, let problem = referenceProblem(for: current?.kind) { return problem }
        switch session.interpret(line, parser: parser(for:)) {
        case .nothing:
            return .accepted
        case .noQuestion:
            return .refused(
                "Aucune question en cours : toutes les questions applicables ont une réponse ou ont été passées. /sections montre l'avancement, /aller SECTION y ramène, /quitter pour sortir."
            )
        case .keepAnswer:
            // Another session may have just removed it (an /annuler): then it is asked again.
            catchUpWithOtherSessions()
            guard let question = current, answers[question.key] != nil else {
                console.write(
                    style.yellow("  Cette réponse vient d'être retirée par une autre session : la question est posée de nouveau."))
                setCurrent(current)
                askCurrent()
                return .accepted
            }
            console.write(style.dim("Réponse conservée."))
            advance()
        case .answer(let text, let origin):
            guard let question = current else { return .accepted }
            if let refusal = commit(
                question, origin: origin, advancing: true,
                decide: { () throws(Refusal) in
                    try self.parsed(text, as: question)
                })
            {
                return refusal
            }
            advance()
        case .finishList:
            guard let question = current else { return .accepted }
            return finishList(question)
        case .element(let record):
            guard let question = current else { return .accepted }
            return append(record, to: question)
        case .nextField(let draft):
            session.draft = draft
            askField()
        case .refused(let refusal):
            return .refused(wording.message(for: refusal))
        }
        return .accepted
    }

    /// Answers are checked against the reference: refuse them all if it cannot be read.
    /// An answer of `kind` naming a fiche or a dispositif needs the library or the catalogue:
    /// refused with the file at fault rather than « aucun dispositif ne correspond ».
    func referenceProblem(for kind: QuestionKind? = nil) -> Outcome? {
        if let failure = resources.territory.failure {
            return .refused(
                "Le référentiel des communes est illisible (\(ErrorPresenter.clause(failure))) : réinstallez le dossier data/ de l'outil.")
        }
        guard let kind else { return nil }
        if kind.namesActionSheet, let problem = resources.problem(.library) { return .refused(problem) }
        if kind.namesFundingInstrument, let problem = resources.problem(.catalogue) { return .refused(problem) }
        return nil
    }

    // MARK: - Moving

    /// Asks `question` next, and saves the position unless the last write already did.
    func setCurrent(_ question: Question?, saving: Bool = true) {
        session.setCurrent(question)
        if savedDraft != nil { saveDraft() }
        guard saving, question?.key != savedPosition else { return }
        do {
            try store.setState(Session.StateKey.currentQuestion, question?.key)
            savedPosition = question?.key
        } catch {
            // The answers are safe; only where the next session resumes is not.
            console.writeError(
                style.dim("  La position dans le questionnaire n'a pas été enregistrée (\(error.description)) ; les réponses le sont."))
        }
    }

    /// Goes to the next open question and asks it.
    func advance() {
        catchUpWithOtherSessions()
        setCurrent(session.nextQuestion)
        askCurrent()
    }
}
