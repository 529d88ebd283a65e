import AtelierCore
import Foundation
import Testing

/// Meetings in the core: the attribution every answer of an open meeting carries, the voices
/// attached to it, the meeting closed, and the numbers that follow a meeting or a round moved
/// or removed.
@Suite struct MeetingTests {
    func meeting(_ kind: String, _ day: Int, status: String? = "ouverte", decisions: String? = nil) -> ListRecord {
        var fields: [(key: String, value: AnswerValue)] = [
            ("type", .choice(kind)), ("date", .date(CalendarDate(year: 2027, month: 3, day: day)!)),
        ]
        if let decisions { fields.append(("decisions", .text(decisions))) }
        if let status { fields.append(("statut", .choice(status))) }
        return ListRecord(fields: fields)
    }

    func stored(_ key: String, _ value: AnswerValue) -> StoredAnswer {
        StoredAnswer(key: key, value: value, participant: nil, source: nil, sourceYear: nil, updatedAt: Date())
    }

    func session(meetings: [ListRecord], at key: String = "territoire.nom") -> Session {
        var content = WorkbookContent()
        content.answers[QuestionKeys.meetings] = stored(QuestionKeys.meetings, .records(meetings))
        var session = Session(questionnaire: Project.questionnaire, content: content, state: ["participant": "Marie"])
        session.setCurrent(Project.questionnaire.question(forKey: key))
        return session
    }

    @Test(arguments: [
        ("COPIL", "en COPIL le 12/03/2027"), ("groupe de travail", "en groupe de travail le 12/03/2027"),
        ("entretien", "en entretien le 12/03/2027"), ("réunion publique", "en réunion publique le 12/03/2027"),
        ("questionnaire habitants", "par questionnaire habitants le 12/03/2027"),
    ])
    func eachKindOfMeetingHasItsAttribution(kind: String, expected: String) {
        #expect(Concertation.Meeting.attribution(kind: kind, date: CalendarDate(year: 2027, month: 3, day: 12)!) == expected)
    }

    @Test func everyChangeDecidedDuringAnOpenMeetingCarriesItsAttributionAndNoneAfter() throws {
        let question = try #require(Project.questionnaire.question(forKey: "territoire.nom"))
        let open = session(meetings: [meeting("COPIL", 1, status: "close"), meeting("groupe de travail", 12)])
        #expect(open.openMeeting?.number == 2)
        let decided = try open.decision(
            question, .text("Pays d'Auge"), origin: .typed, provenance: nil, extra: [], reference: Project.reference
        ).get()
        #expect(decided.changes.map(\.meeting) == ["en groupe de travail le 12/03/2027"])

        let closed = session(meetings: [meeting("COPIL", 1, status: "close")])
        #expect(closed.openMeeting == nil)
        let outside = try closed.decision(
            question, .text("Pays d'Auge"), origin: .typed, provenance: nil, extra: [], reference: Project.reference
        ).get()
        #expect(outside.changes.map(\.meeting) == [nil])
    }

    @Test func aVoiceTypedDuringAMeetingIsAttachedToItUnlessItNamesOne() throws {
        let voices = try #require(Project.questionnaire.question(forKey: QuestionKeys.voices))
        let said = ListRecord(fields: [("theme", .choice("mobilités")), ("qui", .choice("habitants")), ("propos", .text("Pas de bus"))])
        let open = session(meetings: [meeting("COPIL", 1, status: "close"), meeting("COPIL", 12)])
        #expect(open.completed(said, for: voices)["reunion"] == .integer(2))
        let named = said.setting("reunion", to: .integer(1), order: Concertation.voiceFields)
        #expect(open.completed(named, for: voices)["reunion"] == .integer(1))
        #expect(session(meetings: [meeting("COPIL", 1, status: "close")]).completed(said, for: voices)["reunion"] == nil)
        // A meeting the list does not have is named as such (min 1 is the questionnaire's bound).
        #expect(open.unknownMeeting(in: named, for: voices) == nil)
        #expect(open.unknownMeeting(in: said.setting("reunion", to: .integer(3), order: Concertation.voiceFields), for: voices) == 3)
    }

    @Test func closingAMeetingKeepsTheDecisionsTypedBefore() throws {
        guard case .list(let fields)? = Project.questionnaire.question(forKey: QuestionKeys.meetings)?.kind else {
            Issue.record("pas de liste des réunions")
            return
        }
        let open = session(meetings: [meeting("COPIL", 12, decisions: "Calendrier arrêté")])
        let items = try #require(open.closingMeeting(1, decisions: "Priorités validées", fields: fields))
        #expect(items[0]["statut"] == .choice("close"))
        #expect(items[0]["decisions"] == .text("Calendrier arrêté ; Priorités validées"))
        // Closed, it cannot be closed again.
        let closed = session(meetings: items)
        #expect(closed.closingMeeting(1, decisions: nil, fields: fields) == nil)
        #expect(closed.openMeeting == nil)
    }

    @Test func removingAMeetingLeavesItsVoicesWithoutNumberAndRenumbersTheOthers() {
        var content = WorkbookContent()
        func voice(_ meeting: Int?) -> ListRecord {
            var fields: [(key: String, value: AnswerValue)] = [
                ("theme", .choice("autre")), ("qui", .choice("élus")), ("propos", .text("x")),
            ]
            if let meeting { fields.append(("reunion", .integer(meeting))) }
            return ListRecord(fields: fields)
        }
        content.answers[QuestionKeys.voices] = stored(QuestionKeys.voices, .records([voice(1), voice(2), voice(3), voice(nil)]))
        content.answers[QuestionKeys.priorityRounds] = stored(
            QuestionKeys.priorityRounds,
            .records([ListRecord(fields: [("reunion", .integer(3)), ("portee", .choice("constats")), ("elements", .text("a"))])]))
        let session = Session(questionnaire: Project.questionnaire, content: content, state: [:])
        let changes = session.referencesRenumbered(to: QuestionKeys.meetings, ListReferences.afterRemoving(2))
        #expect(changes.map(\.key) == [QuestionKeys.voices, QuestionKeys.priorityRounds])
        guard case .records(let voices) = changes[0].value, case .records(let rounds) = changes[1].value else {
            Issue.record("pas des listes")
            return
        }
        #expect(voices.map { $0["reunion"] } == [.integer(1), nil, .integer(2), nil])
        #expect(voices.count == 4)  // what was said is kept
        #expect(rounds.map { $0["reunion"] } == [.integer(2)])
        // What names meeting 3: the round, which keeps it from being removed.
        let naming = session.elements(naming: 3, of: QuestionKeys.meetings)
        #expect(naming.map(\.reference.list) == [QuestionKeys.voices, QuestionKeys.priorityRounds])
        #expect(naming.map(\.reference.whenRemoved) == [.losesNumber, .blocksRemoval])
    }

    @Test func votesFollowTheirRoundAndGoWithIt() {
        func vote(_ round: Int) -> ListRecord {
            ListRecord(fields: [("tour", .integer(round)), ("votant", .text("A")), ("element", .text("k")), ("note", .integer(3))])
        }
        var content = WorkbookContent()
        content.answers[QuestionKeys.votes] = stored(QuestionKeys.votes, .records([vote(1), vote(2), vote(2), vote(3)]))
        let session = Session(questionnaire: Project.questionnaire, content: content, state: [:])
        let removed = session.referencesRenumbered(to: QuestionKeys.priorityRounds, ListReferences.afterRemoving(2))
        guard case .records(let left)? = removed.first?.value else {
            Issue.record("rien de renuméroté")
            return
        }
        #expect(left.map { $0["tour"] } == [.integer(1), .integer(2)])
        // Round 3 moved first: its votes say 1, those of rounds 1 and 2 say 2 and 3.
        let moved = session.referencesRenumbered(to: QuestionKeys.priorityRounds, ListReferences.afterMoving(3, to: 1, count: 3))
        guard case .records(let order)? = moved.first?.value else {
            Issue.record("rien de renuméroté")
            return
        }
        #expect(order.map { $0["tour"] } == [.integer(2), .integer(3), .integer(3), .integer(1)])
        // The financing lines still follow their fiches through the same mechanism.
        #expect(session.financingRenumbered(ListReferences.afterRemoving(1)).isEmpty)
    }
}
