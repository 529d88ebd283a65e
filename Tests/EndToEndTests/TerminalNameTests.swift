import Foundation
import GRDB
import Testing

/// Names instead of codes, whole answers, resuming where one stopped: on a pseudo-terminal,
/// as a user at a keyboard.
@Suite struct TerminalNameTests {
    func terminal(_ sandbox: Sandbox, _ arguments: [String]) throws -> PseudoTerminal {
        var environment = Binary.baseEnvironment(sandbox.path)
        environment["TERM"] = "xterm"
        environment["NO_COLOR"] = "1"
        return try PseudoTerminal(arguments: arguments, environment: environment)
    }

    /// The member communes of CC Cœur de Savoie, read from data/ by Python, not by the tool.
    func coeurDeSavoie() throws -> [String] {
        try python(
            """
            import csv
            rows = [l.rstrip('\\n').split('\\t') for l in open('\(Binary.projectRoot)/data/communes.tsv', encoding='utf-8') if not l.startswith('#')]
            print('\\n'.join(f'{r[0]}|{r[1]}|{int(r[3]):,}'.replace(',', '\\u202f') for r in rows[1:] if r[5] == '200041010'))
            """
        ).split(separator: "\n").map(String.init)
    }

    @Test func anEpciByNameWithTabThenEveryCommuneOfItWhole() throws {
        let sandbox = Sandbox()
        let workbook = sandbox.path + "/savoie.sqlite"
        let terminal = try terminal(sandbox, [workbook])
        #expect(terminal.expect("territoire.nom › "))
        terminal.send("Cœur de Savoie\r")
        #expect(terminal.expect("territoire.porteur › "))
        terminal.send("EPCI\r")
        #expect(terminal.expect("territoire.siren_epci › "))
        // Tab completes the name typed without accent nor « CC »; Enter stores it as its SIREN.
        terminal.send("coeur de sav\t")
        #expect(terminal.expect("CC Coeur de Savoie"))
        terminal.send("\r")
        #expect(terminal.expect("✓ territoire.siren_epci = CC Coeur de Savoie (SIREN 200041010)"))
        #expect(terminal.expect("territoire.communes rempli : 41 communes"))
        #expect(terminal.expect("participants.liste · élément 1 · Nom › "))

        terminal.send("/revoir territoire.communes\r")
        #expect(terminal.expect("Communes du périmètre [territoire.communes]"))
        #expect(terminal.expect("41 communes, 38\u{202F}026 habitants"))
        let communes = try coeurDeSavoie()
        #expect(communes.count == 41)
        #expect(terminal.expect("Chaque changement : /historique territoire.communes"))
        let screen = PseudoTerminal.plain(terminal.rawOutput)
        for commune in communes {
            let parts = commune.split(separator: "|").map(String.init)
            // Each commune on its own line: code, name, population.
            let line = screen.split(separator: "\n").first { $0.contains(parts[0]) && $0.contains(parts[1]) }
            #expect(line?.contains(parts[2]) == true, "\(commune)")
        }
        #expect(!screen.contains("Aprem…"))

        // An ambiguous commune name: the candidates with département and code, nothing written.
        terminal.send("/aller structures.liste\r")
        #expect(terminal.expect("structures.liste · élément 1 · Type › "))
        terminal.send("MSP\rMSP du Val\r")
        #expect(terminal.expect("structures.liste · élément 1 · Commune › "))
        terminal.send("Sainte-Marie\r")
        #expect(terminal.expect("« Sainte-Marie » désigne 9 communes"))
        #expect(terminal.expect("Sainte-Marie (Doubs, 25523)"))
        #expect(terminal.expect("structures.liste · élément 1 · Commune › "))
        // A commune name completes too.
        terminal.send("montmeli\t")
        #expect(terminal.expect("Montmélian"))
        terminal.send("\r")
        #expect(terminal.expect("structures.liste · élément 1 · Statut › "))
        // Ctrl-D in the middle of the element: the next session takes it up at that field.
        terminal.send("\u{04}")
        #expect(terminal.waitForExit() == 0)

        let again = try self.terminal(sandbox, [workbook])
        #expect(
            again.expect(
                "Élément 1 en cours, repris là où vous vous étiez arrêté : Type : MSP ; Nom : MSP du Val ; Commune : Montmélian (73171)"))
        #expect(again.expect("structures.liste · élément 1 · Statut › "))
        again.send("en proj\t")
        again.send("\r")
        #expect(again.expect("structures.liste · élément 1 · Nombre de professionnels › "))
        again.send("\r")
        #expect(
            again.expect(
                "✓ élément 1 enregistré : Type : MSP ; Nom : MSP du Val ; Commune : Montmélian (73171) ; Statut : en projet"))
        again.send("/quitter\r")
        #expect(again.waitForExit() == 0)

        let stored = try DatabaseQueue(path: workbook).read { db in
            try String.fetchOne(db, sql: "SELECT value FROM answer WHERE key = 'structures.liste'")
        }
        #expect(stored?.contains("73171") == true)
        #expect(stored?.contains("MSP du Val") == true)
    }

    @Test func aChoiceCompletedByTabTakesNoTrailingSpace() throws {
        let sandbox = Sandbox()
        let workbook = sandbox.path + "/choix.sqlite"
        let terminal = try terminal(sandbox, [workbook])
        #expect(terminal.expect("territoire.nom › "))
        terminal.send("/aller demographie.medecins_generalistes.mode_exercice\r")
        #expect(terminal.expect("demographie.medecins_generalistes.mode_exercice › "))
        terminal.send("lib\t,sal\t\r")
        #expect(terminal.expect("✓ demographie.medecins_generalistes.mode_exercice = libéral, salarié"))
        terminal.send("/quitter\r")
        #expect(terminal.waitForExit() == 0)
    }

    @Test func aWorkbookCreatedFromThePickerIsGreetedAsNew() throws {
        let sandbox = Sandbox()
        try FileManager.default.createDirectory(atPath: sandbox.path + "/sessions", withIntermediateDirectories: true)
        let terminal = try terminal(sandbox, [])
        #expect(terminal.expect("Nom du territoire pour créer un classeur :"))
        terminal.send("Pays de Savoie\r")
        #expect(terminal.expect("Atelier Santé — diagnostic partagé de l'accès aux soins"))
        #expect(terminal.expect("✓ territoire.nom = Pays de Savoie"))
        #expect(terminal.expect("territoire.porteur › "))
        #expect(!PseudoTerminal.plain(terminal.rawOutput).contains("Reprise du classeur"))
        terminal.send("/quitter\r")
        #expect(terminal.waitForExit() == 0)
    }
}
