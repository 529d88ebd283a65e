import Foundation
import Testing

/// The line limit on a terminal: readline takes the line, the session refuses it whole.
@Suite struct TerminalLimitTests {
    @Test(.timeLimit(.minutes(3)))
    func aTypedLineOverTheLimitIsRefusedAndTheSessionGoesOn() throws {
        let sandbox = Sandbox()
        var environment = Binary.baseEnvironment(sandbox.path)
        environment["TERM"] = "dumb"
        let terminal = try PseudoTerminal(arguments: [sandbox.path + "/t.sqlite"], environment: environment)
        #expect(terminal.expect("territoire.nom › "))
        // Sent in pieces, reading the echo between them, as a paste arrives.
        let piece = String(repeating: "a", count: 2_048)
        for _ in 0..<33 {
            terminal.send(piece)
            terminal.expect("\u{0}never", seconds: 0.05)
        }
        terminal.send("\r")
        #expect(terminal.expect("Ligne trop longue (plus de 65\u{202F}536 octets)", seconds: 60), "\(terminal.rawOutput.suffix(300))")
        #expect(terminal.expect("territoire.nom › "))
        #expect(terminal.isRunning)
        terminal.send("\u{04}")
        #expect(terminal.waitForExit() == 0)
    }
}
