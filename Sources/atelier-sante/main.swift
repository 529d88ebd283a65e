import ArgumentParser
import AtelierREPL
import Foundation

/// `atelier-sante [CHEMIN]`: the only job of this file is reading the command line.
struct AtelierSante: ParsableCommand {
    // Argument-parser's own help is in English: ours is written below, in French.
    static let configuration = CommandConfiguration(commandName: "atelier-sante", helpNames: [])

    @Argument var chemin: String?
    @Option(name: .customLong("dossier")) var dossier: String?
    @Option(name: .customLong("ressources")) var ressources: String?
    @Flag(name: [.customShort("h"), .customLong("help"), .customLong("aide")]) var aide = false
    @Flag(name: [.customShort("V"), .customLong("version")]) var version = false

    static let helpText = """
        atelier-sante — diagnostic partagé de l'accès aux soins et contrat local de santé

        Usage : atelier-sante [CHEMIN] [--dossier DOSSIER] [--ressources DOSSIER]

        Ouvre le classeur CHEMIN (un fichier SQLite, créé s'il n'existe pas) et pose les
        questions du diagnostic une à une. Sans CHEMIN, liste les classeurs du dossier
        sessions/ et propose d'en reprendre un ou d'en créer un nouveau.

        Chaque réponse est enregistrée aussitôt : quittez quand vous voulez (/quitter,
        Ctrl-D), la session reprendra là où vous en étiez. Dans la session, /aide liste
        les commandes.

        Si l'entrée standard n'est pas un terminal, les lignes sont lues comme un script,
        sans invite ni couleurs ; la première ligne refusée arrête le script (code 1).

        Options :
          --dossier DOSSIER     dossier des classeurs (par défaut : sessions/ du projet ;
                                variable ATELIER_SANTE_SESSIONS)
          --ressources DOSSIER  dossier contenant templates/ et data/ (par défaut : le
                                dossier courant ou celui du projet ; ATELIER_SANTE_RESSOURCES)
          -h, --aide, --help    affiche cette aide
          -V, --version         affiche la version

        Environnement : NO_COLOR désactive les couleurs ; ATELIER_SANTE_HISTORIQUE choisit
        le fichier d'historique des saisies (par défaut $XDG_STATE_HOME/atelier-sante/historique).
        """

    func run() throws {
        if aide {
            print(Self.helpText)
            return
        }
        if version {
            print(AtelierApp.versionText(resourcesDirectory: ressources, environment: ProcessInfo.processInfo.environment))
            return
        }
        let status = AtelierApp.run(.init(workbookPath: chemin, sessionsDirectory: dossier, resourcesDirectory: ressources))
        if status != 0 { throw ExitCode(status) }
    }
}

// A reader that goes away (`atelier-sante … | head`) is an error on write, handled by the
// console, rather than a signal that kills the process.
signal(SIGPIPE, SIG_IGN)
do {
    var command = try AtelierSante.parseAsRoot()
    try command.run()
} catch let exit as ExitCode {
    Foundation.exit(exit.rawValue)
} catch {
    let arguments = CommandLine.arguments.dropFirst().joined(separator: " ")
    FileHandle.standardError.write(Data("Arguments non compris : \(arguments). Tapez atelier-sante --aide pour l'usage.\n".utf8))
    Foundation.exit(64)
}
