import AtelierCore
import Testing

/// The parts of the questionnaire the concertation rests on: present people named from the
/// participants list, questions a command fills, and the typed read of the four lists.
@Suite struct ConcertationFoundationTests {
    static let participants = AnswerValue.records([
        ListRecord(fields: [("nom", .text("Marie Dupont")), ("organisation", .text("Mairie")), ("role", .choice("élu"))]),
        ListRecord(fields: [("nom", .text("Paul Martin")), ("organisation", .text("ARS")), ("role", .choice("ARS"))]),
    ])

    var parser: AnswerParser { AnswerParser(reference: TerritoryReference(), answers: [QuestionKeys.participants: Self.participants]) }

    @Test func presentPeopleAreNamesOfTheListSpelledAsTheListSpellsThem() throws {
        #expect(
            try parser.parse("paul martin, MARIE DUPONT, Paul Martin", as: .participantNames) == .choices(["Paul Martin", "Marie Dupont"]))
    }

    @Test func aNameOutsideTheListIsRefusedAndTheListIsShown() throws {
        let error = try #require(throws: InvalidAnswer.self) { try parser.parse("Marie Dupont, Jean Inconnu", as: .participantNames) }
        #expect(error.description.contains("« Jean Inconnu » n'est pas dans la liste des participants"))
        #expect(error.description.contains("Marie Dupont, Paul Martin"))
        let empty = AnswerParser(reference: TerritoryReference())
        let none = try #require(throws: InvalidAnswer.self) { try empty.parse("Marie", as: .participantNames) }
        #expect(none.description.contains("la liste est vide"))
    }

    @Test func aQuestionFilledByACommandIsNeverAskedButStaysAQuestion() throws {
        let questionnaire = Project.questionnaire
        let votes = try #require(questionnaire.question(forKey: QuestionKeys.votes))
        #expect(votes.filledByCommand == "/prioriser")
        let navigator = Navigator(questionnaire: questionnaire)
        #expect(!navigator.isOpen(votes, answers: [:], skipped: []))
        // After the voices, the flow goes on to the plan: the rounds and votes are skipped over.
        #expect(navigator.nextQuestion(after: QuestionKeys.voices, answers: [:], skipped: [])?.key == QuestionKeys.axes)
    }

    @Test func aCommandThatDoesNotExistIsRefusedWithItsLine() throws {
        let yaml =
            "version: 1\nsections:\n  - cle: s\n    titre: S\n    questions:\n      - cle: s.a\n        libelle: A\n        type: texte\n        commande: /voter\n"
        let error = try #require(throws: FileProblem.self) { try QuestionnaireLoader.load(yaml: yaml, file: "q.yaml") }
        #expect(error.line == 9)
        #expect(error.reason.contains("« commande » doit nommer une commande de l'outil"))
    }

    @Test func theListsAreReadAndUnreadableElementsLeftOut() throws {
        let date = try #require(CalendarDate(year: 2027, month: 3, day: 12))
        let answers: [String: AnswerValue] = [
            QuestionKeys.meetings: .records([
                ListRecord(fields: [("type", .choice("COPIL")), ("date", .date(date)), ("presents", .choices(["Marie Dupont"]))]),
                ListRecord(fields: [("type", .choice("entretien"))]),  // no date: left out
                ListRecord(fields: [("type", .choice("groupe de travail")), ("date", .date(date)), ("statut", .choice("ouverte"))]),
            ]),
            QuestionKeys.priorityRounds: .records([
                ListRecord(fields: [("reunion", .integer(1)), ("portee", .choice("constats")), ("elements", .text("a, b ,c"))])
            ]),
            QuestionKeys.votes: .records([
                ListRecord(fields: [
                    ("tour", .integer(1)), ("votant", .text("Marie Dupont")), ("element", .text("a")), ("note", .integer(4)),
                ]),
                ListRecord(fields: [
                    ("tour", .integer(1)), ("votant", .text("Marie Dupont")), ("element", .text("b")), ("note", .integer(9)),
                ]),
            ]),
        ]
        let concertation = Concertation(answers: answers)
        #expect(concertation.meetings.map(\.label) == ["COPIL du 12/03/2027", "groupe de travail du 12/03/2027"])
        #expect(concertation.meetings.map(\.number) == [1, 3], "numbers stay those of the list")
        #expect(concertation.openMeeting?.number == 3)
        #expect(concertation.rounds.first?.items == ["a", "b", "c"])
        #expect(concertation.votes.count == 1, "a score outside 1…4 is not counted")
        // b and c have no usable vote: the round is not finished, so it sets no priority.
        #expect(concertation.latestRound(.findings) == nil)
        #expect(concertation.progress(of: try #require(concertation.rounds.first)).completedCount == 1)
        #expect(concertation.latestRound(.levers) == nil)
    }
}
