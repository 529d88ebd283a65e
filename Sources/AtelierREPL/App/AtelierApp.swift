import AtelierCore
import AtelierStore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Wires the pieces together for one run: resources, workbook, line reader, session loop.
public enum AtelierApp {
    public static let version = "0.1.0"

    /// The running program's own file: `/proc/self/exe` on Linux, so that a copy started from
    /// the `PATH` or through a link finds its templates beside itself; else `argv[0]`.
    public static var executablePath: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// `--version`: the program's version, the vintage of each bundled file of official data and
    /// where the templates and data it would use are.
    public static func versionText(resourcesDirectory: String?, environment: [String: String]) -> String {
        let resources = Resources.locate(explicit: resourcesDirectory, environment: environment, executablePath: executablePath)
        return """
            atelier-sante \(version)
            Données officielles intégrées (data/, templates/references/) :
              communes          \(TerritoryReference.communeSource)
              populations       \(TerritoryReference.populationSource)
              EPCI              \(TerritoryReference.epciSource)
              codes postaux     \(TerritoryReference.postalSource)
              points communes   \(TerritoryReference.pointsSource)
              références        \(SynthesisReferences.liberalSource) (densités du département et de la France)
            Modèles et données lus dans : \(resources?.root ?? "introuvables (--ressources DOSSIER)")
            """
    }

    public struct Options {
        public var workbookPath: String?
        public var sessionsDirectory: String?
        public var resourcesDirectory: String?

        public init(workbookPath: String?, sessionsDirectory: String?, resourcesDirectory: String?) {
            self.workbookPath = workbookPath
            self.sessionsDirectory = sessionsDirectory
            self.resourcesDirectory = resourcesDirectory
        }
    }

    /// Runs a session and returns the process exit status: 0 when the user left normally
    /// (`/quitter`, Ctrl-D, end of script), 1 on a refused script line or an unusable file.
    public static func run(_ options: Options) -> Int32 {
        let context = AppContext.live()
        let environment = context.environment
        let interactive = isatty(0) == 1
        let colours =
            interactive && isatty(1) == 1 && environment["NO_COLOR"].map(\.isEmpty) ?? true
            && environment["TERM"] != "dumb"
        let console = StandardConsole(colours: colours, environment: environment)

        guard
            let resources = Resources.locate(
                explicit: options.resourcesDirectory, environment: environment,
                executablePath: executablePath)
        else {
            console.writeError(
                "Dossier « templates/ » introuvable : lancez atelier-sante depuis le dossier du projet, ou indiquez-le avec --ressources DOSSIER."
            )
            return 1
        }
        let questionnaire: Questionnaire
        do {
            questionnaire = try resources.loadQuestionnaire()
        } catch {
            console.writeError("Fichier de configuration invalide — \(ErrorPresenter.sentence(error))")
            return 1
        }

        let reader: LineReader = interactive ? ReadlineLineReader(historyPath: historyPath(environment)) : StreamLineReader()
        var path = options.workbookPath
        var newTerritoryName: String?
        if path == nil {
            let directory = options.sessionsDirectory ?? environment["ATELIER_SANTE_SESSIONS"] ?? resources.root + "/sessions"
            switch WorkbookPicker(directory: directory, questionnaire: questionnaire, console: console, reader: reader, context: context)
                .choose()
            {
            case .cancelled: return 0
            case .failed(let message):
                console.writeError("Ligne 1 : \(message)")
                return 1
            case .open(let chosen, let name):
                path = chosen
                newTerritoryName = name
            }
        }

        let store: WorkbookStore
        let controller: SessionController
        do {
            store = try WorkbookStore(path: path!, appVersion: version, clock: context.now)
            controller = try SessionController(
                questionnaire: questionnaire, store: store, resources: SessionResources(resources),
                console: console, interactive: interactive, context: context)
        } catch {
            console.writeError(error.description)
            return 1
        }
        controller.start(naming: newTerritoryName)
        return loop(controller, reader: reader, console: console, firstLine: newTerritoryName == nil ? 1 : 2)
    }

    static func loop(_ controller: SessionController, reader: LineReader, console: Console, firstLine: Int) -> Int32 {
        var lineNumber = firstLine - 1
        while true {
            if let readline = reader as? ReadlineLineReader { readline.setCompleter(controller.completer) }
            let outcome: SessionController.Outcome
            switch reader.readLine(prompt: controller.prompt) {
            case .end:
                if reader.isInteractive { console.write("") }
                console.write("Classeur enregistré. À bientôt.")
                return 0
            case .interrupted:
                continue
            case .undecodable:
                lineNumber += 1
                outcome = .refused("Ligne illisible : l'entrée n'est pas du texte UTF-8. Rien n'a été enregistré.")
            case .tooLong:
                lineNumber += 1
                outcome = .refused(tooLongMessage)
            case .line(let line):
                lineNumber += 1
                if !reader.isInteractive && line.trimmed.hasPrefix("#") { continue }  // comments in scripts
                outcome = controller.handle(line)
            }
            switch outcome {
            case .accepted: continue
            case .quit: return 0
            case .refused(let message):
                if reader.isInteractive {
                    console.writeError(console.style.red(message))
                } else {
                    console.writeError("Ligne \(lineNumber) : \(message)")
                    console.writeError("Script interrompu ; les réponses confirmées avant cette ligne sont enregistrées.")
                    return 1
                }
            }
        }
    }

    /// A line past `InputLimits.lineBytes`: its bytes were dropped unread.
    static let tooLongMessage =
        "Ligne trop longue (plus de \(FrenchFormat.integer(InputLimits.lineBytes)) octets) : aucune réponse n'est si longue. Rien n'a été enregistré."

    /// `$ATELIER_SANTE_HISTORIQUE`, else `$XDG_STATE_HOME/atelier-sante/historique`, else
    /// `~/.local/state/atelier-sante/historique`.
    static func historyPath(_ environment: [String: String]) -> String? {
        if let explicit = environment["ATELIER_SANTE_HISTORIQUE"] { return explicit.isEmpty ? nil : explicit }
        let state =
            environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["HOME"].map { $0 + "/.local/state" }
        guard let state else { return nil }
        let directory = state + "/atelier-sante"
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return directory + "/historique"
    }
}
