import AtelierCore
import Testing

@testable import AtelierDocuments

/// The CLS draft's « Démarche du diagnostic partagé » and « Priorités »: the meetings, who took
/// part, what was said, and how the partners ranked the findings (`PriorityMethod`).
@Suite struct ClsConcertationTests {
    typealias Project = ClsViewTests.Project

    static func records(_ items: [[(String, AnswerValue)]]) -> AnswerValue { .records(items.map { ListRecord(fields: $0) }) }

    static let voters = ["Marie Dupont", "Paul Martin", "Louis Bernard", "Claire Petit"]

    /// A working group with two voters, then a COPIL with four; three findings from the figures:
    /// no CPTS, no SAS, no PTSM.
    static var workbook: [String: AnswerValue] {
        let roles = ["élu", "ARS", "professionnel de santé", "usager"]
        var answers: [String: AnswerValue] = [
            "structures.cpts_couverture": .choice("non"), "structures.sas": .bool(false), "structures.ptsm": .bool(false),
        ]
        answers[QuestionKeys.participants] = records(
            zip(voters, roles).map { [("nom", .text($0)), ("organisation", .text("Org \($0)")), ("role", .choice($1))] })
        answers[QuestionKeys.meetings] = records([
            [
                ("type", .choice("groupe de travail")), ("date", .date(CalendarDate(year: 2027, month: 2, day: 5)!)),
                ("lieu", .text("Salle des fêtes")), ("presents", .choices(Array(voters.prefix(2)))), ("statut", .choice("close")),
            ],
            [
                ("type", .choice("COPIL")), ("date", .date(CalendarDate(year: 2027, month: 3, day: 12)!)),
                ("lieu", .text("Mairie de Bréhal")), ("presents", .choices(voters)), ("statut", .choice("close")),
            ],
        ])
        answers[QuestionKeys.voices] = records([
            [
                ("theme", .choice("structures")), ("qui", .choice("professionnels")), ("propos", .text("Personne ne coordonne")),
                ("reunion", .integer(1)),
            ],
            [
                ("theme", .choice("mobilités")), ("qui", .choice("habitants")), ("propos", .text("Pas de bus le mardi")),
                ("reunion", .integer(2)),
            ],
        ])
        let items = "pas_de_cpts, pas_de_sas, pas_de_ptsm"
        answers[QuestionKeys.priorityRounds] = records([
            [("reunion", .integer(1)), ("portee", .choice("constats")), ("elements", .text(items))],
            [("reunion", .integer(2)), ("portee", .choice("constats")), ("elements", .text(items))],
        ])
        // Round 1: two voters put the SAS first (and the PTSM last). Round 2, by hand: CPTS (4+4+3+4)/4 = 3,75, spread 1;
        // PTSM (1+4+3+4)/4 = 3,00, spread 3; SAS (2+3+3+2)/4 = 2,50, spread 1.
        var votes: [[(String, AnswerValue)]] = []
        func vote(_ round: Int, _ voter: String, _ item: String, _ score: Int) {
            votes.append([("tour", .integer(round)), ("votant", .text(voter)), ("element", .text(item)), ("note", .integer(score))])
        }
        for voter in voters.prefix(2) {
            vote(1, voter, "pas_de_sas", 4)
            vote(1, voter, "pas_de_cpts", 2)
            vote(1, voter, "pas_de_ptsm", 1)
        }
        for (voter, scores) in zip(voters, [[4, 2, 1], [4, 3, 4], [3, 3, 3], [4, 2, 4]]) {
            for (item, score) in zip(["pas_de_cpts", "pas_de_sas", "pas_de_ptsm"], scores) { vote(2, voter, item, score) }
        }
        answers[QuestionKeys.votes] = records(votes)
        return answers
    }

    @Test func thePrioritiesSayWhenByWhomAndHowTheyWereSetWithTheRanking() throws {
        let rendered = try Project.render(Self.workbook)
        let text = rendered.text.withPlainSpaces
        let part = try #require(text.components(separatedBy: "### Priorités retenues\n").last?.components(separatedBy: "## Titre II").first)
        #expect(
            part.contains(
                "Les priorités parmi les constats ont été fixées en COPIL le 12/03/2027 (Mairie de Bréhal) par 4 participants :\n"
                    + "Marie Dupont, Paul Martin, Louis Bernard et Claire Petit. Méthode : \(PriorityMethod.description)."), "\(part)")
        #expect(part.contains("| Rang | Constat | Moyenne | Écart | Accord | Notes |"))
        let rows = part.components(separatedBy: "\n").filter { $0.hasPrefix("| 1 ") || $0.hasPrefix("| 2 ") || $0.hasPrefix("| 3 ") }
        #expect(rows.count == 3, "\(part)")
        #expect(rows[0].contains("CPTS") && rows[0].hasSuffix("| 3,75 | 1 | consensus | 4/4 |"), "\(rows)")
        #expect(rows[1].contains("santé mentale") && rows[1].hasSuffix("| 3,00 | 3 | désaccord | 4/4 |"), "\(rows)")
        #expect(rows[2].contains("service d'accès aux soins") && rows[2].hasSuffix("| 2,50 | 1 | consensus | 4/4 |"), "\(rows)")
        // The earlier round, in one sentence.
        #expect(
            part.contains(
                "- Un tour précédent des constats (tour 1, groupe de travail du 05/02/2027, Salle des fêtes), avec 2 participants, plaçait en tête le constat 2 : "
            ), "\(part)")
        #expect(part.hasSuffix(".\n\n"), "a blank line before the next article: \(part)")
        #expect(!rendered.gaps.contains { $0.contains("/prioriser") })
    }

    /// A round stopped halfway sets nothing: the finished one stays in the contract. A voter who
    /// says « - » is not counted: « 3/4 », and one score alone has no spread.
    @Test func anUnfinishedRoundChangesNothingAndAbstentionsShowInTheNotes() throws {
        var answers = Self.workbook
        guard case .records(var rounds)? = answers[QuestionKeys.priorityRounds], case .records(var votes)? = answers[QuestionKeys.votes]
        else { throw CancellationError() }
        rounds.append(ListRecord(fields: [("reunion", .integer(2)), ("portee", .choice("constats")), ("elements", .text("pas_de_ptsm"))]))
        votes.append(
            ListRecord(fields: [
                ("tour", .integer(3)), ("votant", .text("Marie Dupont")), ("element", .text("pas_de_ptsm")), ("note", .integer(4)),
            ]))
        // In round 2, Paul Martin then withdraws his score of the SAS, the others of the PTSM but one.
        votes.append(ListRecord(fields: [("tour", .integer(2)), ("votant", .text("Paul Martin")), ("element", .text("pas_de_sas"))]))
        for voter in Self.voters.dropFirst() {
            votes.append(ListRecord(fields: [("tour", .integer(2)), ("votant", .text(voter)), ("element", .text("pas_de_ptsm"))]))
        }
        answers[QuestionKeys.priorityRounds] = .records(rounds)
        answers[QuestionKeys.votes] = .records(votes)
        let part = try #require(
            try Project.render(answers).text.withPlainSpaces.components(separatedBy: "### Priorités retenues\n").last?.components(
                separatedBy: "## Titre II"
            ).first)
        #expect(part.contains("fixées en COPIL le 12/03/2027 (Mairie de Bréhal) par 4 participants"), "\(part)")
        let rows = part.components(separatedBy: "\n").filter { $0.hasPrefix("| 1 ") || $0.hasPrefix("| 2 ") || $0.hasPrefix("| 3 ") }
        // CPTS 3,75 (4/4); SAS (2+3+2)/3 = 2,33 (3/4); PTSM 1 alone (1/4), no spread.
        #expect(rows.count == 3, "\(part)")
        #expect(rows[0].contains("CPTS") && rows[0].hasSuffix("| 3,75 | 1 | consensus | 4/4 |"), "\(rows)")
        #expect(rows[1].contains("service d'accès aux soins") && rows[1].hasSuffix("| 2,33 | 1 | consensus | 3/4 |"), "\(rows)")
        #expect(rows[2].contains("santé mentale") && rows[2].hasSuffix("| 1,00 | — | une seule note | 1/4 |"), "\(rows)")
        #expect(!part.contains("tour 3"), "\(part)")
    }

    @Test func theApproachListsTheMeetingsWhoTookPartAndWhatWasSaid() throws {
        let rendered = try Project.render(Self.workbook)
        let part = try #require(
            rendered.text.withPlainSpaces.components(separatedBy: "### Démarche du diagnostic partagé\n").last?
                .components(separatedBy: "## Synthèse du diagnostic partagé").first)
        #expect(part.contains("Le diagnostic a été conduit en 2 réunions :"))
        #expect(part.contains("| 05/02/2027 | groupe de travail | Salle des fêtes | 2 |"), "\(part)")
        #expect(part.contains("| 12/03/2027 | COPIL | Mairie de Bréhal | 4 |"))
        #expect(part.contains("- élu : Marie Dupont (Org Marie Dupont)"))
        #expect(part.contains("- usager : Claire Petit (Org Claire Petit)"))
        #expect(
            part.contains(
                "- mobilités : 1 propos (habitants 1) en 1 réunion — « Pas de bus le mardi » (habitants, COPIL du 12/03/2027)"),
            "\(part)")
        #expect(!rendered.gaps.contains { $0.contains("réunions du diagnostic") || $0.contains("concertation.voix") })
        // Under each constat, what was said on its theme (the SAS: nobody).
        let findings = Project.input(Self.workbook).synthesis.findings
        #expect(findings.map(\.ruleKey) == ["pas_de_cpts", "pas_de_sas", "pas_de_ptsm"])
        #expect(
            rendered.text.withPlainSpaces.contains(
                "1. \(findings[0].message)\n"
                    + "   *Sur le thème « structures », ce qu'en disent les acteurs : 1 propos (professionnels 1) en 1 réunion — « Personne ne coordonne » (professionnels, groupe de travail du 05/02/2027)*\n"
                    + "2. Aucun service d'accès aux soins ne fonctionne dans le département.\n"
                    + "   *Sur le thème « accès aux soins », aucun propos n'a été noté.*"),
            "\(rendered.text.withPlainSpaces)")
    }

    @Test func withNothingPrioritisedTheDraftSaysToRunPrioriser() throws {
        var answers = Self.workbook
        answers[QuestionKeys.votes] = nil
        let rendered = try Project.render(answers)
        let marker =
            "[À compléter : priorités fixées avec les partenaires : aucun tour de priorisation achevé, à lancer (ou à finir) en réunion (/prioriser)]"
        let part = try #require(
            rendered.text.withPlainSpaces.components(separatedBy: "### Priorités retenues\n").last?.components(separatedBy: "## Titre II")
                .first)
        #expect(part.contains(marker) && !part.contains("| Rang |"))
        #expect(rendered.gaps.contains(marker))
        // An empty workbook: the meetings and the voices are points to complete too.
        let empty = try Project.render([:])
        #expect(empty.gaps.contains("[À compléter : réunions du diagnostic partagé (COPIL, groupes de travail…) (/réunion nouvelle)]"))
        #expect(!empty.text.contains("0 réunion"))
    }
}
