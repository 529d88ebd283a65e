import Foundation
import Testing

/// The synthèse on terminals of several widths, and piped: every line fits, the figures stay.
@Suite struct TerminalWidthSessionTests {
    static let prompt = "atelier-santé › "

    /// The demo's workbook, typed through a pipe: every section answered, a COPIL with its
    /// voices and its round of priorities, a plan de financement.
    static func demoWorkbook(in sandbox: Sandbox) throws -> String {
        let workbook = sandbox.path + "/demo.sqlite"
        let script = try String(contentsOfFile: Binary.projectRoot + "/sessions/demo-val-d-exemple.txt", encoding: .utf8)
        let setup = try Binary.run([workbook], input: script, in: sandbox.path)
        #expect(setup.status == 0, "\(setup.errors)")
        return workbook
    }

    /// What each of `commands` prints on a pseudo-terminal `columns` wide, in colour, as lines
    /// without their escape sequences.
    static func screens(_ commands: [String], columns: UInt16, workbook: String, sandbox: Sandbox) throws -> [[String]] {
        var environment = Binary.baseEnvironment(sandbox.path)
        environment["TERM"] = "xterm"
        environment["COLUMNS"] = "132"  // the terminal's own width wins over a stale variable
        let terminal = try PseudoTerminal(arguments: [workbook], environment: environment, columns: columns)
        #expect(terminal.expect(prompt))
        var screens: [[String]] = []
        for command in commands {
            terminal.send(command + "\r")
            let screen = terminal.text(until: prompt, seconds: 60)
            #expect(screen != nil, "no prompt after \(command)")
            // The first line is the command as typed, echoed.
            screens.append(Array((screen ?? "").components(separatedBy: "\n").dropFirst()))
        }
        terminal.send("\u{04}")
        #expect(terminal.waitForExit() == 0)
        return screens
    }

    /// The cells of the first line starting with `label`, split at runs of two spaces or more.
    static func row(_ lines: [String], _ label: String) -> [String] {
        let line = lines.first { $0.hasPrefix("  " + label + " ") } ?? ""
        return line.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static let parts = ["territoire", "demographie", "acces", "structures", "mobilites", "sante", "constats", "concertation", "manquants"]

    @Test(.timeLimit(.minutes(5)))
    func atEightyColumnsNoLineOfTheSynthesisIsLongerAndTheFiguresStay() throws {
        let sandbox = Sandbox()
        let workbook = try Self.demoWorkbook(in: sandbox)
        let screens = try Self.screens(
            ["/synthèse"] + Self.parts.map { "/synthèse \($0)" }, columns: 80, workbook: workbook, sandbox: sandbox)
        for (command, lines) in zip(["/synthèse"] + Self.parts, screens) {
            #expect(lines.count > 3, "\(command) printed nothing")
            let long = lines.filter { $0.count > 80 }
            #expect(long.isEmpty, "\(command): \(long.count) lines over 80 characters:\n\(long.joined(separator: "\n"))")
        }
        let synthesis = screens[0]
        // Every column of both demography tables, folded rather than left out.
        #expect(!synthesis.contains { $0.contains("omise") }, "\(synthesis.joined(separator: "\n"))")
        #expect(
            Self.row(synthesis, "Médecins généralistes").prefix(7) == ["Médecins généralistes", "9", "6,7", "6,9", "8,1", "0,97", "0,82"])
        let outlook = Array(synthesis.drop { !$0.hasPrefix("  À 5 ans") })
        #expect(
            Self.row(outlook, "Médecins généralistes") == [
                "Médecins généralistes", "44,4\u{00A0}%", "7", "-22,2\u{00A0}%", "5,2", "1\u{202F}333",
            ])
        #expect(Self.row(outlook, "Pharmacies d'officine") == ["Pharmacies d'officine", "—", "3", "-25\u{00A0}%", "2,5", "2\u{202F}999"])
        let text = synthesis.joined(separator: "\n")
        for figure in [
            "11\u{202F}995 habitants", "territoire dans 5 ans  ", "█", "── Constats (22) ──",
            "Patients sans médecin traitant : 13,5\u{00A0}%", "── État de santé de la population ──",
            "Part des patients en affection de longue durée (ALD) : 21,5\u{00A0}%",
        ] {
            #expect(text.contains(figure), "\(figure)")
        }
    }

    @Test(.timeLimit(.minutes(5)))
    func onAWideTerminalTheTablesShowEveryColumnOnOneLine() throws {
        let sandbox = Sandbox()
        let workbook = try Self.demoWorkbook(in: sandbox)
        let narrow = try Self.screens(["/synthèse demographie"], columns: 50, workbook: workbook, sandbox: sandbox)[0]
        let wide = try Self.screens(["/synthèse demographie"], columns: 160, workbook: workbook, sandbox: sandbox)[0]
        #expect(wide.allSatisfy { $0.count <= 160 })
        #expect(wide.contains { $0.contains("Effectif  Densité libéraux  Manche  France  Rapport dép.  Rapport France") })
        #expect(wide.contains { $0.contains("60 ans +  Effectif à 5 ans  Évolution  Densité libéraux à 5 ans  Hab./pro") })
        #expect(wide.contains("  Masseurs-kinésithérapeutes  10        8,3               7,5     12,0    1,11          0,69"))
        #expect(!wide.contains { $0.contains("omise") })
        // At 50 the ratios and the effectif go, and the synthèse says so, once under the table.
        #expect(narrow.allSatisfy { $0.count <= 50 }, "\(narrow.filter { $0.count > 50 })")
        #expect(Self.row(narrow, "Médecins généralistes") == ["Médecins généralistes", "6,7", "6,9", "8,1"])
        let note = narrow.joined(separator: " ").replacingOccurrences(of: " +", with: " ", options: .regularExpression)
        #expect(
            note.contains(
                "Colonnes omises pour tenir en 50 colonnes : Effectif, Rapport dép., Rapport France ; élargissez le terminal pour les voir."
            ))
    }

    @Test(.timeLimit(.minutes(5)))
    func pipedTheSynthesisKeepsWithinAHundredColumns() throws {
        let sandbox = Sandbox()
        let workbook = try Self.demoWorkbook(in: sandbox)
        let input =
            (["/synthèse"] + Self.parts.map { "/synthèse \($0)" } + ["/plan", "/revoir", "/sections"]).joined(separator: "\n") + "\n"
        let result = try Binary.run([workbook], input: input, in: sandbox.path)
        #expect(result.status == 0, "\(result.errors)")
        let synthesis = result.output.components(separatedBy: "\n").drop { !$0.hasPrefix("Synthèse du diagnostic") }
        #expect(synthesis.count > 200)
        let long = synthesis.filter { $0.count > 100 }
        #expect(long.isEmpty, "\(long.count) lines over 100 characters:\n\(long.joined(separator: "\n"))")
        // A hundred columns hold the demography tables whole; /revoir leaves out the sources.
        #expect(Self.row(Array(synthesis), "Médecins généralistes").count == 7)
        #expect(result.output.contains("Colonne omise pour tenir en 100 colonnes : Source ; élargissez le terminal pour la voir."))
    }
}
