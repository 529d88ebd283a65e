import Foundation
import GRDB
import Testing

/// Readline at work, on a pseudo-terminal.
@Suite struct TerminalTests {
    @Test func completionHistoryRecallAndCtrlC() throws {
        let sandbox = Sandbox()
        let workbook = sandbox.path + "/terminal.sqlite"
        var environment = Binary.baseEnvironment(sandbox.path)
        environment["TERM"] = "xterm"
        let terminal = try PseudoTerminal(arguments: [workbook], environment: environment)

        #expect(terminal.expect("territoire.nom › "))
        // Tab completes a command name
        terminal.send("/rev\t")
        #expect(terminal.expect("/revoir "))
        terminal.send("\r")
        #expect(terminal.expect("Aucune réponse dans cette section."))
        #expect(terminal.expect("territoire.nom › "))

        // UTF-8 editing: backspace over an accented letter, left arrow across one
        terminal.send("Pays de Lé\u{7F}éo\u{1B}[D\u{1B}[Dz\u{7F}\u{1B}[C\u{1B}[Cn\r")
        #expect(terminal.expect("✓ territoire.nom = Pays de Léon"))

        // Tab completes the current question's choices
        #expect(terminal.expect("territoire.porteur › "))
        terminal.send("EP\t\r")
        #expect(terminal.expect("✓ territoire.porteur = EPCI"))
        #expect(terminal.expect("territoire.siren_epci › "))

        // Up recalls the previous line; Ctrl-C abandons it without quitting
        terminal.send("\u{1B}[A")
        #expect(terminal.expect("EPCI"))
        terminal.send("\u{03}")
        #expect(terminal.expect("^C"), "\(terminal.rawOutput.suffix(400))")
        #expect(terminal.expect("territoire.siren_epci › "))
        #expect(terminal.isRunning)
        terminal.send("200065597\r")
        #expect(terminal.expect("territoire.communes rempli : 48 communes"))

        // Ctrl-D leaves normally
        #expect(terminal.expect("participants.liste · élément 1 · Nom › "))
        terminal.send("\u{04}")
        #expect(terminal.waitForExit() == 0)

        let answers = try DatabaseQueue(path: workbook).read { db in
            try Dictionary(
                uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT key, display FROM answer").map {
                    ($0["key"] as String, $0["display"] as String)
                })
        }
        #expect(answers["territoire.nom"] == "Pays de Léon")
        #expect(answers["territoire.porteur"] == "EPCI")
        #expect(answers["territoire.siren_epci"] == "CU Caen la Mer (SIREN 200065597)")
        #expect(answers.count == 4)  // the abandoned line wrote nothing
        let history = try String(contentsOfFile: sandbox.path + "/historique", encoding: .utf8)
        #expect(history.contains("Pays de Léon"))
    }

    @Test func coloursOnATerminalButNotWithNoColor() throws {
        let sandbox = Sandbox()
        var environment = Binary.baseEnvironment(sandbox.path)
        environment["TERM"] = "xterm"
        let coloured = try PseudoTerminal(arguments: [sandbox.path + "/a.sqlite"], environment: environment)
        #expect(coloured.expect("territoire.nom › "))
        coloured.send("/quitter\r")
        #expect(coloured.waitForExit() == 0)

        environment["NO_COLOR"] = "1"
        let plain = try PseudoTerminal(arguments: [sandbox.path + "/b.sqlite"], environment: environment)
        var raw = ""
        #expect(plain.expect("territoire.nom › "))
        raw = plain.rawOutput
        plain.send("/quitter\r")
        #expect(plain.waitForExit() == 0)
        #expect(!raw.contains("\u{1B}[1m"), "NO_COLOR must remove styles")
        #expect(coloured.rawOutput.contains("\u{1B}[1m"))
    }
}
