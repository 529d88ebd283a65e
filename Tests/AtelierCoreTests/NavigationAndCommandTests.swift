import AtelierCore
import Testing

@Suite struct NavigatorTests {
    let navigator = Navigator(questionnaire: Project.questionnaire)

    @Test func conditionsOpenQuestions() throws {
        let siren = Project.questionnaire.question(forKey: "territoire.siren_epci")!
        #expect(!navigator.isApplicable(siren, answers: [:]))
        #expect(navigator.isApplicable(siren, answers: ["territoire.porteur": .choice("EPCI")]))
        #expect(!navigator.isApplicable(siren, answers: ["territoire.porteur": .choice("commune")]))
        let age = Project.questionnaire.question(forKey: "demographie.medecins_generalistes.age_60_plus")!
        #expect(!navigator.isApplicable(age, answers: ["demographie.medecins_generalistes.effectif": .integer(0)]))
        #expect(navigator.isApplicable(age, answers: ["demographie.medecins_generalistes.effectif": .integer(3)]))
    }

    @Test func nextSkipsAnsweredSkippedAndInapplicableQuestions() throws {
        let answers: [String: AnswerValue] = ["territoire.nom": .text("X"), "territoire.porteur": .choice("commune")]
        #expect(navigator.nextQuestion(after: nil, answers: answers, skipped: [])?.key == "territoire.communes")
        #expect(navigator.nextQuestion(after: nil, answers: answers, skipped: ["territoire.communes"])?.key == "participants.liste")
        // After a later question, the search wraps around to the first open one.
        #expect(navigator.nextQuestion(after: "financement.derogations", answers: answers, skipped: [])?.key == "territoire.communes")
    }

    @Test func progressCountsApplicableQuestionsOnly() throws {
        let progress = navigator.progress(answers: ["territoire.nom": .text("X"), "territoire.porteur": .choice("commune")], skipped: [])
        #expect(progress[0] == .init(key: "territoire", title: "Territoire", applicable: 3, answered: 2, skipped: 0))
    }
}

/// The catalogue; parsing lines is in CommandParsingTests.
@Suite struct CommandTests {
    @Test func accentsAreOptionalInCommandNames() throws {
        #expect(CommandCatalog.spec(named: "retirer")?.name == .retirer)
        #expect(CommandCatalog.spec(named: "AIDE")?.name == .aide)
        #expect(CommandCatalog.spec(named: "deplacer")?.spelling == "déplacer")
    }

    @Test func everyCommandHasOneSpecWithFrenchHelp() throws {
        #expect(CommandCatalog.all.count == CommandName.allCases.count)
        #expect(Set(CommandCatalog.all.map(\.name)) == Set(CommandName.allCases))
        for spec in CommandCatalog.all {
            #expect(!spec.summary.isEmpty && !spec.details.isEmpty, "\(spec.spelling)")
            #expect(spec.argumentRequired == false || spec.argument != nil, "\(spec.spelling)")
        }
    }
}

@Suite struct CompleterTests {
    let questionnaire = Project.questionnaire

    @Test func commandNames() throws {
        let completer = Completer(questionnaire: questionnaire, currentKind: nil)
        #expect(completer.completions(forLine: "/rev") == ["/revoir"])
        #expect(Set(completer.completions(forLine: "/re")) == ["/retour", "/revoir", "/retirer", "/refaire", "/réunion", "/réunions"])
    }

    @Test func sectionsAndKeysAfterACommand() throws {
        let completer = Completer(questionnaire: questionnaire, currentKind: nil)
        #expect(completer.completions(forLine: "/aller dem").first == "demographie")
        #expect(completer.completions(forLine: "/modifier territoire.s") == ["territoire.siren_epci"])
        // A section, or one question's key to see its answer whole.
        #expect(completer.completions(forLine: "/revoir mob").first == "mobilites")
        #expect(completer.completions(forLine: "/revoir territoire.c") == ["territoire.communes"])
        #expect(completer.wordBreakCharacters(forLine: "/aller x") == " ")
    }

    @Test func choicesOfTheCurrentQuestionWithSpacesAndAccents() throws {
        let completer = Completer(questionnaire: questionnaire, currentKind: .choice(["en fonctionnement", "en projet", "en difficulté"]))
        #expect(completer.wordBreakCharacters(forLine: "en d") == "")
        #expect(completer.completions(forLine: "en d") == ["en difficulté"])
        #expect(completer.completions(forLine: "EN DIFFICULTE") == ["en difficulté"])
    }

    @Test func multipleChoicesCompleteTheItemAfterTheComma() throws {
        let completer = Completer(questionnaire: questionnaire, currentKind: .multipleChoice(["libéral", "salarié", "mixte"]))
        #expect(completer.wordBreakCharacters(forLine: "libéral, sa") == ",")
        #expect(completer.completions(forLine: "libéral, sa") == [" salarié"])
    }
}

@Suite struct AnswerValueStorageTests {
    @Test(arguments: [
        AnswerValue.text("Côte d'Émeraude"), .integer(12), .decimal(2.45), .percentage(11), .amount(cents: 123_450),
        .year(2027), .bool(true), .choice("EPCI"), .choices(["libéral", "mixte"]), .date(CalendarDate(year: 2026, month: 11, day: 22)!),
        .communes([CommuneRef(code: "14118", name: "Caen", population: 109_400, populationYear: 2023)]),
        .epci(EpciRef(siren: "200065597", name: "CU Caen la Mer")),
        .records([ListRecord(fields: [("type", .choice("MSP")), ("professionnels", .integer(12))])]),
    ])
    func jsonRoundTrip(value: AnswerValue) throws {
        #expect(try AnswerValue(json: value.json) == value)
    }

    @Test func jsonIsReadableInSqlite() throws {
        #expect(AnswerValue.integer(12).json == #"{"type":"entier","valeur":12}"#)
    }

    @Test func garbageIsRejected() throws {
        #expect(throws: AnswerDecodingError.self) { try AnswerValue(json: #"{"type":"inconnu"}"#) }
        #expect(throws: AnswerDecodingError.self) { try AnswerValue(json: "pas du json") }
    }
}
