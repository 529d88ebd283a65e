import AtelierCore

// MARK: - What the session says of meetings and voices

extension SessionWording {
    /// `COPIL du 12/03/2027 (n° 1)`.
    func name(_ meeting: Concertation.Meeting) -> String {
        "« \(TerminalText.plainLine(meeting.label)) » (réunion \(meeting.number))"
    }

    func meetingAlreadyOpen(_ meeting: Concertation.Meeting) -> String {
        "La réunion \(name(meeting)) est encore ouverte : /réunion fin pour la clore avant d'en ouvrir une autre."
    }

    var noMeetingOpen: String {
        "Aucune réunion n'est ouverte : /réunion nouvelle pour en ouvrir une, /réunions pour voir celles notées."
    }

    func meetingOpened(_ meeting: Concertation.Meeting) -> String {
        var line = "  \(style.green("✓")) Réunion ouverte : \(name(meeting))"
        if let place = meeting.place { line += ", \(TerminalText.plainLine(place))" }
        if !meeting.present.isEmpty { line += " — présents : " + meeting.present.map(TerminalText.plainLine).joined(separator: ", ") }
        return line + ". Les réponses données sont rattachées à cette réunion jusqu'à /réunion fin."
    }

    func meetingClosed(_ meeting: Concertation.Meeting, decisions: String?) -> String {
        let decided = decisions.map { " — décisions : \(TerminalText.plainLine($0))" } ?? ""
        return "  \(style.green("✓")) Réunion close : \(name(meeting))\(decided)."
    }

    /// The lines of `/réunions` for one meeting.
    func meetingSummary(_ meeting: Concertation.Meeting, answers: Int, voices: Int, rounds: Int, votes: Int, width: Int) -> [String] {
        var title = "\(meeting.number). \(TerminalText.plainLine(meeting.label))"
        if let place = meeting.place { title += ", \(TerminalText.plainLine(place))" }
        if meeting.isOpen { title += " — " + style.yellow("en cours") }
        var lines = ["  " + style.bold(title)]
        if meeting.present.isEmpty {
            lines.append("     Présents : " + style.dim("non notés"))
        } else {
            let present = meeting.present.map(TerminalText.plainLine).joined(separator: ", ")
            lines += Table.paragraph("Présents : " + present, indent: "     ", hanging: "       ", width: width)
        }
        var counts = ["\(answers) réponse\(answers > 1 ? "s" : "")", "\(voices) propos", "\(votes) note\(votes > 1 ? "s" : "")"]
        if rounds > 0 { counts[2] += " (\(rounds) tour\(rounds > 1 ? "s" : "") de priorisation)" }
        lines.append("     " + counts.joined(separator: ", "))
        if let decisions = meeting.decisions {
            lines += Table.paragraph("Décisions : " + TerminalText.plainLine(decisions), indent: "     ", hanging: "       ", width: width)
        } else {
            lines.append("     Décisions : " + style.dim("aucune notée"))
        }
        return lines
    }

    func voiceAdded(number: Int, _ record: ListRecord, fields: [ListField], meeting: Concertation.Meeting?) -> String {
        let shown = record.fields.filter { $0.key != Concertation.meetingField }
        let text = ListRecord(fields: shown).labelled(fields)
        let attached = meeting.map { ", rattaché à la réunion \(name($0))" } ?? ""
        return "  \(style.green("✓")) Propos \(number) noté (\(QuestionKeys.voices))\(attached) : \(TerminalText.plainLine(text))"
    }

    /// `donnée en COPIL le 12/03/2027`, as /revoir and /historique say it.
    func given(_ attribution: String) -> String { "donnée \(TerminalText.plainLine(attribution))" }

    /// `dernière modification en COPIL le 12/03/2027`: a list keeps one attribution, that of the
    /// change that made it as it is; each element's own is in /historique.
    func lastChange(_ attribution: String) -> String {
        "dernière modification \(TerminalText.plainLine(attribution)) (/historique pour chaque changement)"
    }

    /// The resume summary's line when a meeting is open.
    func meetingInProgress(_ meeting: Concertation.Meeting) -> String {
        "Réunion en cours : \(TerminalText.plainLine(meeting.label)) — /réunion fin pour la clore."
    }

    func unknownMeeting(_ number: Int, count: Int) -> String {
        let held = count == 0 ? "aucune réunion n'est notée" : "\(QuestionKeys.meetings) en compte \(count)"
        return
            "Il n'y a pas de réunion \(number) : \(held) (/réunions pour les voir). Laissez le numéro vide pour rattacher le propos à la réunion ouverte."
    }
}
