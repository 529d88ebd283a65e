import AtelierCore
import Testing

/// Communes and EPCI given by name, as a user types them, stored as codes.
@Suite struct TerritoryNameTests {
    let parser = AnswerParser(reference: Project.reference)

    func communes(_ text: String, answers: [String: AnswerValue] = [:]) throws -> [String] {
        var parser = parser
        parser.answers = answers
        guard case .communes(let found) = try parser.parse(text, as: .communeList) else { return [] }
        return found.map(\.code)
    }

    func refusal(_ text: String, as kind: QuestionKind) -> String {
        do {
            _ = try parser.parse(text, as: kind)
            return "accepted"
        } catch {
            return error.reason ?? ""
        }
    }

    @Test func communesByNameWithoutAccentsOrCase() throws {
        #expect(try communes("montmelian, Arbin ; st pierre d albigny") == ["73171", "73018", "73270"])
        #expect(try parser.parse("MONTMÉLIAN", as: .communeCode) == .commune(Project.reference.communes["73171"]!.ref))
        // Codes separated by spaces still read as before, and names and codes mix after commas.
        #expect(try communes("73171 73018") == ["73171", "73018"])
        #expect(try communes("Montmélian, 73018 73270") == ["73171", "73018", "73270"])
    }

    @Test func anAmbiguousNameListsItsCandidatesWithDepartmentAndCode() throws {
        let reason = refusal("Sainte-Marie", as: .communeCode)
        #expect(reason.contains("« Sainte-Marie » désigne 9 communes"))
        #expect(reason.contains("Sainte-Marie (Doubs, 25523)"))
        #expect(reason.contains("et 1 autre"))
        #expect(reason.contains("« Sainte-Marie (08) »"))
        #expect(try communes("Sainte-Marie (25)") == ["25523"])
        #expect(try communes("Sainte-Marie (25523)") == ["25523"])
    }

    @Test func aHomonymInsideTheTerritoryIsTheOneMeant() throws {
        let doubs = AnswerValue.communes([Project.reference.communes["25523"]!.ref])
        #expect(try communes("sainte marie", answers: ["territoire.communes": doubs]) == ["25523"])
    }

    @Test func anUnknownNameSuggestsTheNamesStartingAlike() {
        let reason = refusal("Montmel", as: .communeCode)
        #expect(reason.contains("aucune commune nommée « Montmel »"))
        #expect(reason.contains("Montmélian (Savoie, 73171)"))
    }

    @Test func aPostalCodeNamesItsCommuneOrListsThem() throws {
        #expect(try communes("38000") == ["38185"])  // Grenoble
        let reason = refusal("73800", as: .communeCode)
        #expect(reason.contains("le code postal 73800 dessert 14 communes"))
        #expect(reason.contains("Arbin (Savoie, 73018)"))
        // Five digits that are an INSEE code are that code; « CP » asks for the postal code.
        #expect(try communes("74160") == ["74160"])
        #expect(refusal("CP 74160", as: .communeCode).contains("le code postal 74160 dessert"))
    }

    @Test func anEpciByItsNameOrSiren() throws {
        let savoie = AnswerValue.epci(EpciRef(siren: "200041010", name: "CC Coeur de Savoie"))
        for typed in ["coeur de savoie", "CC Cœur de Savoie", "Communauté de communes Cœur de Savoie", "200 041 010"] {
            #expect(try parser.parse(typed, as: .epciSiren) == savoie, "\(typed)")
        }
        let reason = refusal("coeur", as: .epciSiren)
        #expect(reason.contains("« coeur » désigne 33 EPCI"))
        #expect(reason.contains("CC Coeur Côte Fleurie (SIREN 241400415, Calvados)"))
        #expect(refusal("coeur de nulle part", as: .epciSiren).contains("aucun EPCI à fiscalité propre nommé « coeur de nulle part »"))
        #expect(refusal("12345", as: .epciSiren).contains("n'est pas un numéro SIREN valide"))
    }

    @Test func tabCompletesNamesAndAddsNoSpaceAfterAnAnswer() {
        let territory = Lazy(Project.reference)
        let epci = Completer(questionnaire: Project.questionnaire, currentKind: .epciSiren, territory: territory)
        #expect(epci.completions(forLine: "coeur de sav") == ["CC Coeur de Savoie"])
        #expect(!epci.appendsSpace(forLine: "coeur de sav"))
        let list = Completer(questionnaire: Project.questionnaire, currentKind: .communeList, territory: territory)
        #expect(list.completions(forLine: "Arbin, montméli") == [" Montmélian"])
        #expect(list.completions(forLine: "Arbin; montmel").count == 3)  // Montmelard, Montmelas-Saint-Sorlin, Montmélian
        #expect(list.completions(forLine: "Sainte-Mari").contains("Sainte-Marie (25)"))
        // Too many candidates: nothing, rather than a prefix of a truncated list.
        #expect(list.completions(forLine: "Sa").isEmpty)
        let command = Completer(questionnaire: Project.questionnaire, currentKind: .communeList, territory: territory)
        #expect(command.appendsSpace(forLine: "/rev"))
    }
}

/// A number followed by the unit its question counts in.
@Suite struct UnitAfterANumberTests {
    let parser = AnswerParser(reference: TerritoryReference())

    @Test func theQuestionsUnitMayFollowTheNumber() throws {
        let years = Bounds(minimum: 1, maximum: 10, unit: "ans")
        #expect(try parser.parse("5 ans", as: .integer, bounds: years) == .integer(5))
        #expect(try parser.parse("1 an", as: .integer, bounds: years) == .integer(1))
        #expect(try parser.parse("5 années", as: .integer, bounds: years) == .integer(5))
        let minutes = Bounds(minimum: 0, maximum: 600, unit: "minutes")
        #expect(try parser.parse("20 min", as: .integer, bounds: minutes) == .integer(20))
        // Another unit than the question's is still refused.
        #expect(throws: InvalidAnswer.self) { try parser.parse("20 km", as: .integer, bounds: minutes) }
        #expect(throws: InvalidAnswer.self) { try parser.parse("5 ans", as: .integer, bounds: minutes) }
        #expect(throws: InvalidAnswer.self) { try parser.parse("5 ans", as: .integer) }
    }

    @Test func theShippedDurationAndAccessTimesDeclareTheirUnits() {
        #expect(Project.questionnaire.question(forKey: "contrat.duree_annees")?.bounds.unit == "ans")
        #expect(Project.questionnaire.question(forKey: "mobilites.temps_acces.pharmacie")?.bounds.unit == "minutes")
    }
}
