import AtelierCore
import Testing

@Suite struct AnswerParserTests {
    let parser = AnswerParser(reference: Project.reference)

    func parse(_ text: String, _ kind: QuestionKind, _ bounds: Bounds = Bounds()) -> Result<AnswerValue, InvalidAnswer> {
        Result { () throws(InvalidAnswer) in try parser.parse(text, as: kind, bounds: bounds) }
    }

    @Test(arguments: [("12", 12), ("1 234", 1234), ("1\u{202F}234", 1234), (" 7 ", 7), ("-0", 0), ("0", 0)])
    func integersInFrenchForms(text: String, expected: Int) throws {
        #expect(try parse(text, .integer).get() == .integer(expected))
    }

    @Test(arguments: ["12,5", "1e3", "douze", "1 23", "12 345 6", "99999999999999999999", "", "   ", "0x10"])
    func nonIntegersAreRefusedWithTheExpectation(text: String) throws {
        let error = try #require(parse(text, .integer, Bounds(minimum: 0, maximum: 500)).failure)
        #expect(error.expected == "un nombre entier entre 0 et 500")
    }

    @Test func integerBoundsAreChecked() throws {
        let error = try #require(parse("501", .integer, Bounds(minimum: 0, maximum: 500)).failure)
        #expect(error.description == "Réponse refusée : 501 est trop grand. Attendu : un nombre entier entre 0 et 500.")
    }

    @Test func aBoundMayComeFromAnotherAnswer() throws {
        let parser = AnswerParser(reference: Project.reference, answers: ["demo.effectif": .integer(12)])
        let bounds = Bounds(minimum: 0, maximumKey: "demo.effectif")
        #expect(try parser.parse("12", as: .integer, bounds: bounds) == .integer(12))
        #expect(throws: InvalidAnswer.self) { try parser.parse("13", as: .integer, bounds: bounds) }
    }

    @Test(arguments: [("12,5", 12.5), ("12.5", 12.5), ("1 234,25", 1234.25), ("-3", -3.0)])
    func decimalsWithCommaOrPoint(text: String, expected: Double) throws {
        #expect(try parse(text, .decimal).get() == .decimal(expected))
    }

    @Test(arguments: ["1e309", "nan", "inf", "12,", ",5", "1,2,3", "12..5"])
    func oddNumbersAreRefused(text: String) throws {
        #expect(parse(text, .decimal).failure != nil)
    }

    @Test func percentagesAcceptTheSignAndStayWithin100() throws {
        #expect(try parse("11,5 %", .percentage).get() == .percentage(11.5))
        #expect(try parse("11.5%", .percentage).get() == .percentage(11.5))
        #expect(parse("120", .percentage).failure?.expected == "un pourcentage comme 12,5 entre 0 et 100")
    }

    @Test func amountsAreExactCents() throws {
        #expect(try parse("1 234,50 €", .amount).get() == .amount(cents: 123_450))
        #expect(try parse("1234.5", .amount).get() == .amount(cents: 123_450))
        #expect(try parse("80 000 EUR", .amount).get() == .amount(cents: 8_000_000))
        #expect(parse("12,345", .amount).failure != nil)
    }

    @Test func datesMustExist() throws {
        #expect(try parse("22/11/2026", .date).get() == .date(CalendarDate(year: 2026, month: 11, day: 22)!))
        #expect(try parse("2024-02-29", .date).get() == .date(CalendarDate(year: 2024, month: 2, day: 29)!))
        let error = try #require(parse("31/02/2026", .date).failure)
        #expect(
            error.description
                == "Réponse refusée : le 31/02/2026 n'existe pas dans le calendrier. Attendu : une date au format JJ/MM/AAAA, comme 22/11/2026."
        )
        #expect(parse("29/02/2025", .date).failure != nil)
        #expect(parse("demain", .date).failure != nil)
    }

    @Test func yesAndNo() throws {
        #expect(try parse("Oui", .yesNo).get() == .bool(true))
        #expect(try parse("n", .yesNo).get() == .bool(false))
        #expect(parse("peut-être", .yesNo).failure?.expected == "oui ou non")
    }

    @Test func choicesByNumberNameOrBeginningWithoutAccents() throws {
        let kind = QuestionKind.choice(["commune", "EPCI", "PETR ou pays", "département", "autre"])
        #expect(try parse("2", kind).get() == .choice("EPCI"))
        #expect(try parse("epci", kind).get() == .choice("EPCI"))
        #expect(try parse("departement", kind).get() == .choice("département"))
        #expect(try parse("PETR", kind).get() == .choice("PETR ou pays"))
        #expect(parse("6", kind).failure != nil)
        #expect(parse("-9223372036854775808", kind).failure != nil)  // Int.min: no overflow on n - 1
        #expect(parse("région", kind).failure?.expected.hasPrefix("un des choix, par son numéro ou son nom : 1. commune, 2. EPCI") == true)
    }

    @Test func multipleChoicesKeepTheQuestionnaireOrder() throws {
        let kind = QuestionKind.multipleChoice(["libéral", "salarié", "mixte"])
        #expect(try parse("salarie, 1", kind).get() == .choices(["libéral", "salarié"]))
        #expect(parse("libéral, retraité", kind).failure != nil)
    }

    @Test func communeCodesAreCheckedAgainstTheCOG() throws {
        #expect(
            try parse("14118", .communeCode).get()
                == .commune(
                    CommuneRef(
                        code: "14118", name: "Caen", population: Project.reference.communes["14118"]!.population, populationYear: 2023)))
        #expect(try parse("2a004", .communeCode).get().display == "Ajaccio (2A004)")
        let malformed = try #require(parse("14 118", .communeCode).failure)
        #expect(malformed.reason == "« 14 118 » n'est pas un code commune INSEE (5 caractères ; 2A/2B pour la Corse ; 971 à 976 outre-mer)")
        #expect(malformed.expected.hasPrefix("le nom d'une commune, comme « Montmélian »"))
        let unknown = try #require(parse("14999", .communeCode).failure)
        #expect(unknown.reason == "aucune commune 14999 dans le code officiel géographique 2026 (INSEE)")
    }

    @Test func communeListsExpandToNamesAndPopulations() throws {
        guard case .communes(let list) = try parse("14118, 14341 14118", .communeList).get() else {
            Issue.record("not a list of communes"); return
        }
        #expect(list.map(\.code) == ["14118", "14341"])
        #expect(list.map(\.name) == ["Caen", "Ifs"])
        #expect(
            parse("14118 20004", .communeList).failure?.reason
                == "« 20004 » n'est pas un code commune INSEE (5 caractères ; 2A/2B pour la Corse ; 971 à 976 outre-mer)")
    }

    @Test func epciSirenMustBeAnEpci() throws {
        #expect(try parse("200 065 597", .epciSiren).get() == .epci(EpciRef(siren: "200065597", name: "CU Caen la Mer")))
        #expect(parse("200065598", .epciSiren).failure?.reason == "« 200065598 » n'est pas un numéro SIREN valide")
        // A valid SIREN (the commune of Caen) that is not an EPCI.
        #expect(parse("211401187", .epciSiren).failure?.reason?.hasPrefix("le SIREN 211401187 n'est pas celui d'un EPCI") == true)
    }

    @Test func controlCharactersAndHugeLinesAreRefused() throws {
        #expect(parse("abc\u{7}def", .text).failure?.reason == "la réponse contient des caractères de contrôle")
        #expect(parse(String(repeating: "a", count: 5000), .text).failure != nil)
    }

    @Test func aRecordOnOneLine() throws {
        let fields = [
            ListField(key: "type", label: "Type", kind: .choice(["MSP", "EHPAD"])),
            ListField(key: "nom", label: "Nom", kind: .text),
            ListField(key: "n", label: "Professionnels", kind: .integer, optional: true),
        ]
        let record = try parser.record("msp ; MSP du Val", fields: fields)
        #expect(record.display == "MSP ; MSP du Val")
        #expect(throws: InvalidAnswer.self) { try parser.record("MSP", fields: fields) }
        #expect(throws: InvalidAnswer.self) { try parser.record("MSP ; X ; douze", fields: fields) }
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
