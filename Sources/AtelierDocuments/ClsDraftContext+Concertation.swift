import AtelierCore

// MARK: - Démarche du diagnostic partagé, priorités

extension ClsDraftContext {
    mutating func approach() -> ApproachView {
        let concertation = input.synthesis.concertation
        let meetings = concertation.meetings.map { meeting in
            MeetingRowView(
                number: meeting.number, date: meeting.date.french, kind: meeting.kind, place: meeting.place ?? "—",
                presentCount: meeting.present.isEmpty ? "—" : String(meeting.present.count))
        }
        let missingMeetings =
            meetings.isEmpty ? gap("réunions du diagnostic partagé (COPIL, groupes de travail…)", command: "/réunion nouvelle") : nil
        let cross = input.synthesis.crossAnalysis
        let voices = cross.byTheme.map { "\($0.theme) : " + $0.sentence(in: concertation) }
        let missingVoices =
            voices.isEmpty
            ? gap("propos des habitants, des professionnels, des élus et des partenaires", command: "/aller concertation.voix") : nil
        var sources: [String] = []
        for question in input.questionnaire.questions {
            if let source = input.answers[question.key]?.source?.trimmed, !source.isEmpty, !sources.contains(source) {
                sources.append(source)
            }
        }
        return ApproachView(
            meetings: meetings, missingMeetings: missingMeetings, participation: participation(concertation),
            voicesByTheme: voices, missingVoices: missingVoices, contributors: contributors(), sources: sources)
    }

    /// The people of `participants.liste` present at no meeting, grouped by role, in the order
    /// first met: `élu : Claire Martin (Pays du Val)`. Those present are in `participation`.
    func contributors() -> [String] {
        guard case .records(let items)? = input.answers[QuestionKeys.participants]?.value else { return [] }
        let present = Set(input.synthesis.concertation.meetings.flatMap(\.present).map(\.folded))
        let people = items.compactMap { item -> (role: String, shown: String)? in
            guard let name = item["nom"]?.words?.trimmed, !name.isEmpty, !present.contains(name.folded) else { return nil }
            let organisation = item["organisation"]?.words?.trimmed ?? ""
            let role = item["role"]?.words?.trimmed ?? ""
            return (role.isEmpty ? "rôle non précisé" : role, name + (organisation.isEmpty ? "" : " (\(organisation))"))
        }
        return Self.byRole(people)
    }

    /// `rôle : a, b et c`, one line per role in the order first met, each person once.
    static func byRole(_ people: [(role: String, shown: String)]) -> [String] {
        var groups: [(role: String, names: [String])] = []
        for person in people {
            if let index = groups.firstIndex(where: { $0.role == person.role }) {
                if !groups[index].names.contains(person.shown) { groups[index].names.append(person.shown) }
            } else {
                groups.append((person.role, [person.shown]))
            }
        }
        return groups.map { "\($0.role) : " + frenchList($0.names) }
    }

    /// Who was present at a meeting, grouped by their role in `participants.liste` (in the
    /// order first met); a name the list no longer holds is « rôle non précisé ».
    func participation(_ concertation: Concertation) -> [String] {
        var people: [String: (organisation: String?, role: String?)] = [:]
        if case .records(let items)? = input.answers[QuestionKeys.participants]?.value {
            for item in items {
                guard let name = item["nom"]?.words?.trimmed, !name.isEmpty else { continue }
                let organisation = item["organisation"]?.words?.trimmed
                people[name.folded] = (organisation?.isEmpty == false ? organisation : nil, item["role"]?.words?.trimmed)
            }
        }
        return Self.byRole(
            concertation.meetings.flatMap(\.present).map { name in
                let person = people[name.folded]
                let role = person?.role.flatMap { $0.isEmpty ? nil : $0 } ?? "rôle non précisé"
                return (role, name + (person?.organisation.map { " (\($0))" } ?? ""))
            })
    }

    mutating func priorities() -> PrioritiesView {
        let concertation = input.synthesis.concertation
        let shown = PriorityScope.allCases.compactMap { concertation.latestRound($0) }
        let rankings = shown.map { concertation.ranking(of: $0) }
        // Earlier finished rounds are recalled; a round stopped halfway set nothing.
        let earlier = concertation.rounds.filter { round in !shown.contains { $0.number == round.number } && concertation.isSettled(round) }
        let missing =
            rankings.isEmpty
            ? gap(
                "priorités fixées avec les partenaires : aucun tour de priorisation achevé, à lancer (ou à finir) en réunion",
                command: "/prioriser")
            : nil
        return PrioritiesView(
            rounds: rankings.map { ranking(of: $0, in: concertation) },
            earlierRounds: earlier.map { earlierSentence(concertation.ranking(of: $0), in: concertation) },
            missingPriorities: missing, method: PriorityMethod.description(of: .findings))
    }

    func ranking(of ranking: PriorityRanking, in concertation: Concertation) -> RankingView {
        // The voters as the screen lists them: the meeting's présents, in their order.
        let voters = concertation.voters(of: ranking.round)
        let rows = ranking.entries.map { entry in
            RankingRowView(
                rank: entry.rank.map(String.init) ?? "non noté", item: itemLabel(entry.item, scope: ranking.round.scope),
                mean: entry.meanText, spread: entry.spreadText, agreement: entry.agreement?.rawValue ?? "—",
                notes: "\(entry.scores.count)/\(voters.count)")
        }
        let scope = ranking.round.scope
        let meeting = concertation.meeting(ranking.round.meeting)
        return RankingView(
            subject: scope == .findings ? "parmi les constats" : "parmi les leviers", column: scope == .findings ? "Constat" : "Levier",
            meeting: meetingText(ranking.round.meeting, in: concertation),
            held: meeting.map { $0.attribution + ($0.place.map { " (\($0))" } ?? "") }
                ?? "en réunion (\(meetingText(ranking.round.meeting, in: concertation)))",
            date: meeting?.date.french ?? "—", voters: frenchList(voters), voterCount: voters.count,
            method: PriorityMethod.description(of: scope), rows: rows)
    }

    /// `Un tour précédent (COPIL du 12/03/2027), avec 3 participants, plaçait en tête : …`.
    func earlierSentence(_ ranking: PriorityRanking, in concertation: Concertation) -> String {
        let findings = ranking.round.scope == .findings
        let first = ranking.entries.filter { $0.rank == 1 }.map { (findings ? "le " : "") + itemLabel($0.item, scope: ranking.round.scope) }
        let voters = counted(concertation.voters(of: ranking.round).count, "participant")
        return "Un tour précédent \(findings ? "des constats" : "des leviers") (tour \(ranking.round.number), "
            + "\(meetingText(ranking.round.meeting, in: concertation))), avec \(voters), plaçait en tête "
            + (findings ? "" : ": ") + "\(frenchList(first))."
    }

    /// `COPIL du 12/03/2027, Mairie de Bréhal`.
    func meetingText(_ number: Int, in concertation: Concertation) -> String {
        guard let meeting = concertation.meeting(number) else { return "réunion n° \(number), retirée de la liste" }
        return meeting.label + (meeting.place.map { ", \($0)" } ?? "")
    }

    /// A finding by its number in the synthèse and its first clause; a lever by its title.
    func itemLabel(_ key: String, scope: PriorityScope) -> String {
        let synthesis = input.synthesis
        switch scope {
        case .findings:
            guard let index = synthesis.findings.firstIndex(where: { $0.ruleKey == key }) else {
                return "\(key) (constat qui ne ressort plus des réponses)"
            }
            return "constat \(index + 1) : " + synthesis.findings[index].headline
        case .levers:
            return synthesis.levers.first { $0.key == key }?.title ?? key
        }
    }
}
