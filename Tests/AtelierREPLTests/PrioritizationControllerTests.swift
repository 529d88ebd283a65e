import AtelierCore
import AtelierStore
import Foundation
import Testing

@testable import AtelierREPL

/// The scoring mode of /prioriser in-process: its prompt, /annuler of the round, two sessions.
@Suite struct PrioritizationControllerTests {
    /// The demo's diagnosis (22 findings, four participants), then a COPIL of the four.
    static let lines: [String] = {
        let text = try! String(contentsOfFile: Shared.root + "/sessions/demo-val-d-exemple.txt", encoding: .utf8)
        let all = text.components(separatedBy: "\n")
        let stop = all.firstIndex { $0.contains("── Concertation") }!
        // Without the demo's own COPIL: a second open meeting would be refused.
        return all[..<stop].filter { !$0.hasPrefix("#") && !$0.hasPrefix("/réunion") } + [
            "/aller concertation.reunions",
            "COPIL ; 12/03/2027 ; Mairie ; Claire Martin, Dr Louis Bernard, Sophie Leroy, Karim Haddad ; ; ouverte", "",
        ]
    }()

    static func prepared() throws -> Harness {
        let h = try Harness()
        for line in lines {
            if case .refused(let message) = h.controller.handle(line) { Issue.record("refused « \(line) » : \(message)") }
        }
        return h
    }

    @Test func thePromptNamesTheItemAndTheNextVoter() throws {
        let h = try Self.prepared()
        let store = try WorkbookStore(path: h.path, appVersion: "test")
        let terminal = try SessionController(
            questionnaire: Shared.questionnaire, store: store, resources: SessionResources(Shared.resources), console: RecordingConsole(),
            interactive: true)
        terminal.start()
        #expect(terminal.handle("/prioriser") == .accepted)
        #expect(terminal.prompt == "prioriser · constat 1/22 · Claire Martin › ")
        #expect(
            terminal.handle("4 3")
                == .refused(
                    "2 notes pour 4 votants : attendu 4 notes dans l'ordre (Claire Martin, Dr Louis Bernard, Sophie Leroy, Karim Haddad), ou une seule pour Claire Martin ; rien n'a été enregistré."
                ))
        #expect(terminal.handle("4") == .accepted)
        #expect(terminal.prompt == "prioriser · constat 1/22 · Dr Louis Bernard › ")
        #expect(terminal.handle("/prioriser fin") == .accepted)
        #expect(terminal.prompt == "concertation.voix · élément 1 · Thème › ")
    }

    @Test func undoingTheRoundLeavesTheModeAndTheQuestionIsAskedAgain() throws {
        let h = try Self.prepared()
        #expect(h.controller.handle("/prioriser") == .accepted)
        #expect(h.controller.prioritization != nil)
        #expect(h.controller.handle("/annuler") == .accepted)
        #expect(h.controller.prioritization == nil)
        #expect(h.console.text.contains("Le tour n° 1 a été retiré (/annuler ou une autre session) : la priorisation s'arrête."))
        #expect(h.controller.current?.key == QuestionKeys.voices)
        #expect(try h.answers()[QuestionKeys.priorityRounds]?.value == .records([]) || h.answers()[QuestionKeys.priorityRounds] == nil)
    }

    @Test func aLineTypedForAnItemAnotherSessionScoredIsRefused() throws {
        let h = try Self.prepared()
        #expect(h.controller.handle("/prioriser") == .accepted)
        let other = try Harness(sharing: h)
        #expect(other.controller.handle("/prioriser") == .accepted)
        #expect(other.console.text.contains("Reprise du tour n° 1 : 0 constat noté sur 22."))
        #expect(other.controller.handle("4 4 4 4") == .accepted)
        // This session still showed constat 1: its line is refused, constat 2 is asked, then scored.
        guard case .refused(let message) = h.controller.handle("1 1 1 1") else {
            Issue.record("a line typed for constat 1 was written after another session scored it")
            return
        }
        #expect(message.hasPrefix("Rien n'a été enregistré"))
        #expect(h.console.text.contains("Une autre session a noté ce tour entre-temps"))
        #expect(h.console.text.hasSuffix("(1 à 4, « - » pour qui ne note pas)."))
        #expect(try h.answers()[QuestionKeys.votes].map { Concertation(answers: [QuestionKeys.votes: $0.value]).votes.count } == 4)
        #expect(h.controller.handle("1 1 1 1") == .accepted)
        let votes = Concertation(answers: try h.answers().mapValues(\.value)).votes
        #expect(votes.map(\.score) == [4, 4, 4, 4, 1, 1, 1, 1])
        #expect(Set(votes.prefix(4).map(\.item)).count == 1 && votes[0].item != votes[4].item)
    }
}
