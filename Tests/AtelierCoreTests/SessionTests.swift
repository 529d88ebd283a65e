import AtelierCore
import Foundation
import Testing

/// The session's rules, without a terminal or a workbook: what a line means, what an answer
/// writes, where the session goes next, how financing lines follow their fiches.
@Suite struct SessionTests {
    static func stored(_ key: String, _ value: AnswerValue, source: String? = nil) -> StoredAnswer {
        StoredAnswer(key: key, value: value, participant: nil, source: source, sourceYear: nil, updatedAt: .distantPast)
    }

    func session(_ answers: [StoredAnswer] = [], at key: String? = nil) -> Session {
        var content = WorkbookContent()
        for answer in answers { content.answers[answer.key] = answer }
        var session = Session(questionnaire: Project.questionnaire, content: content, state: ["participant": "Marie"])
        session.setCurrent(key.flatMap(Project.questionnaire.question(forKey:)) ?? session.startingQuestion(saved: nil))
        return session
    }

    func parser(_ session: Session) -> (QuestionKind) -> AnswerParser {
        { _ in AnswerParser(reference: Project.reference, answers: session.usableValues) }
    }

    @Test func aLineMeansAnAnswerAKeptAnswerOrNothing() {
        let fresh = session()
        #expect(fresh.current?.key == "territoire.nom")
        guard case .answer("Pays d'Auge", origin: .typed) = fresh.interpret("Pays d'Auge", parser: parser(fresh)) else {
            Issue.record("une réponse attendue"); return
        }
        guard case .nothing = fresh.interpret("", parser: parser(fresh)) else { Issue.record("rien attendu"); return }
        let answered = session([Self.stored("territoire.nom", .text("Pays d'Auge"))], at: "territoire.nom")
        guard case .keepAnswer = answered.interpret("", parser: parser(answered)) else { Issue.record("réponse gardée attendue"); return }
        guard case .answer(_, origin: .modified) = answered.interpret("Pays de Caux", parser: parser(answered)) else {
            Issue.record("une modification attendue"); return
        }
    }

    @Test func aListElementIsTypedFieldByFieldOrOnOneLine() throws {
        var typing = session(at: "participants.liste")
        guard case .nextField(let draft) = typing.interpret("Marie Dupont", parser: parser(typing)) else {
            Issue.record("champ suivant attendu"); return
        }
        #expect(draft.index == 1 && draft.itemNumber == 1)
        typing.draft = draft
        guard case .refused(.fieldRequired(let field, _)) = typing.interpret("", parser: parser(typing)) else {
            Issue.record("champ obligatoire attendu"); return
        }
        #expect(field.key == "organisation")
        let fresh = session(at: "participants.liste")
        let meaning = fresh.interpret("Marie Dupont ; Mairie ; élu", parser: parser(fresh))
        guard case .element(let record) = meaning else {
            Issue.record("élément attendu : \(meaning)"); return
        }
        #expect(record["nom"] == .text("Marie Dupont"))
        guard case .finishList = session(at: "participants.liste").interpret("", parser: parser(typing)) else {
            Issue.record("fin de liste attendue"); return
        }
    }

    @Test func anEpciFillsItsCommunesInTheSameChangeUnlessTheyWereTyped() throws {
        let question = try #require(Project.questionnaire.question(forKey: "territoire.siren_epci"))
        let epci = try AnswerParser(reference: Project.reference).parse("200065597", as: question.kind)
        let decided = try session().decision(question, epci, origin: .typed, provenance: nil, extra: [], reference: Project.reference).get()
        #expect(decided.changes.map(\.key) == ["territoire.siren_epci", "territoire.communes"])
        #expect(decided.changes.allSatisfy { $0.participant == "Marie" })
        guard case .communesFilled(_, let count, let population, _)? = decided.events.first else {
            Issue.record("communes attendues"); return
        }
        #expect(count == 48 && population > 200_000)

        let typed = session([Self.stored("territoire.communes", .communes([]), source: nil)])
        let kept = try typed.decision(question, epci, origin: .typed, provenance: nil, extra: [], reference: Project.reference).get()
        #expect(kept.changes.map(\.key) == ["territoire.siren_epci"])
        #expect(kept.events == [.communeListKept(key: "territoire.communes")])
    }

    @Test func theNextQuestionIsDecidedWithTheAnswerSoItIsSavedInTheSameTransaction() {
        let fresh = session()
        let change = AnswerChange(
            key: "territoire.nom", value: .text("Pays d'Auge"), participant: nil, source: nil, sourceYear: nil, origin: .typed)
        #expect(fresh.questionAfter([change])?.key == "territoire.porteur")
    }

    @Test func financingLinesFollowTheirFicheWhenItMovesOrGoes() {
        let line = { (fiche: Int, poste: String) in ListRecord(fields: [("fiche", .integer(fiche)), ("poste", .text(poste))]) }
        let lines = [line(1, "a"), line(2, "b"), line(3, "c")]
        let removed = FinancingLines.renumbered(lines, FinancingLines.afterRemoving(2))
        #expect(removed == [line(1, "a"), line(2, "c")])
        let moved = FinancingLines.renumbered(lines, FinancingLines.afterMoving(3, to: 1, count: 3))
        #expect(moved == [line(2, "a"), line(3, "b"), line(1, "c")])
        #expect(FinancingLines.renumbered(lines, { $0 }) == nil)  // nothing to write
    }

    @Test func undoRefusesWhenAnAnswerChangedSinceAndFoldsLinesPerKey() throws {
        let meta = ChangeReversal.Meta(participant: nil, source: nil, sourceYear: nil)
        let lines = [
            ChangeReversal.Step(key: "a", before: nil, after: .integer(1), beforeMeta: meta, afterMeta: meta),
            ChangeReversal.Step(key: "a", before: .integer(1), after: .integer(2), beforeMeta: meta, afterMeta: meta),
        ]
        let steps = ChangeReversal.steps(of: lines)
        #expect(steps.count == 1 && steps[0].before == nil && steps[0].after == .integer(2))
        #expect(try ChangeReversal.plan(steps, .undo, current: ["a": .answered(.integer(2), meta)]).get().map(\.value) == [nil])
        #expect(throws: ChangeReversal.Conflict(keys: ["a"])) {
            _ = try ChangeReversal.plan(steps, .undo, current: ["a": .answered(.integer(3), meta)]).get()
        }
        #expect(try ChangeReversal.plan(steps, .redo, current: [:]).get().map(\.value) == [.integer(2)])
        // A source edited by hand since is a change too: never overwritten.
        let edited = ChangeReversal.Meta(participant: "Dr Martin", source: "Ordre des médecins 2025", sourceYear: 2025)
        #expect(throws: ChangeReversal.Conflict(keys: ["a"])) {
            _ = try ChangeReversal.plan(steps, .undo, current: ["a": .answered(.integer(2), edited)]).get()
        }
        #expect(throws: ChangeReversal.Conflict(keys: ["a"])) {
            _ = try ChangeReversal.plan(steps, .undo, current: ["a": .unreadable]).get()
        }
    }

    @Test func aSourceKeepsItsLastPlausibleYear() {
        #expect(Session.year(in: "C@rtoSanté 2025") == 2025)
        #expect(Session.year(in: "RPPS extraction 2026-11-02, 1 234 lignes") == 2026)
        #expect(Session.year(in: "ARS") == nil)
    }
}
