import AtelierCore

// MARK: - /synthèse concertation: meetings, voices by theme, analyse croisée

extension SynthesisRenderer {
    /// `text` in lines of at most `prose` columns, `indent` included; lines after the first
    /// start at `hanging` (by default `indent`).
    func wrap(_ text: String, indent: String, hanging: String? = nil) -> [String] {
        Table.paragraph(text, indent: indent, hanging: hanging, width: prose)
    }

    var hasConcertation: Bool { !synthesis.concertation.meetings.isEmpty || !synthesis.concertation.voices.isEmpty }

    func concertation() -> [String] {
        let concertation = synthesis.concertation
        var lines = heading("Concertation : réunions et propos")
        guard hasConcertation else {
            lines += wrap(
                "Aucune réunion ni aucun propos notés : /réunion nouvelle ouvre une réunion, /voix note un propos "
                    + "(ou /aller concertation.reunions, /aller concertation.voix).", indent: "  "
            ).map(style.dim)
            return lines
        }
        lines += meetingLines(concertation)
        lines += voiceLines(synthesis.crossAnalysis)
        lines += crossLines(synthesis.crossAnalysis)
        return lines
    }

    func meetingLines(_ concertation: Concertation) -> [String] {
        var lines = ["", style.bold("  Réunions (\(concertation.meetings.count))")]
        if concertation.meetings.isEmpty {
            lines += wrap("Aucune réunion notée : /réunion nouvelle en ouvre une.", indent: "    ").map(style.dim)
        }
        for meeting in concertation.meetings {
            var head = "\(meeting.number). \(meeting.label)"
            if let place = meeting.place { head += " — \(place)" }
            head +=
                " — "
                + (meeting.present.isEmpty
                    ? "présents non notés" : meeting.present.count == 1 ? "1 présent" : "\(meeting.present.count) présents")
            if meeting.isOpen { head += " (en cours)" }
            lines += wrap(head, indent: "    ", hanging: "       ")
            if !meeting.present.isEmpty { lines += wrap("présents : " + frenchList(meeting.present), indent: "       ").map(style.dim) }
            if let decisions = meeting.decisions { lines += wrap("décidé : " + decisions, indent: "       ") }
        }
        let rounds = concertation.rounds.filter { !concertation.votes(of: $0).isEmpty }
        if !rounds.isEmpty {
            let count = rounds.count == 1 ? "1 tour de priorisation" : "\(rounds.count) tours de priorisation"
            lines += wrap("\(count) : /priorités pour le classement.", indent: "    ")
        }
        return lines
    }

    func voiceLines(_ cross: CrossAnalysis) -> [String] {
        let concertation = cross.concertation
        var lines = ["", style.bold("  Propos par thème (\(concertation.voices.count))")]
        if concertation.voices.isEmpty {
            lines += wrap("Aucun propos noté : /voix en note un depuis n'importe quelle question.", indent: "    ").map(style.dim)
        }
        for theme in cross.byTheme {
            lines += wrap("• \(theme.theme) : \(theme.countText)", indent: "    ", hanging: "      ")
            for voice in theme.voices {
                lines += wrap(CrossAnalysis.quote(voice, in: concertation), indent: "        ", hanging: "          ")
            }
        }
        return lines
    }

    func crossLines(_ cross: CrossAnalysis) -> [String] {
        var lines = ["", style.bold("  Analyse croisée : les chiffres et les propos")]
        guard !cross.concertation.voices.isEmpty else {
            return lines + wrap("Aucun propos à rapprocher des constats.", indent: "    ").map(style.dim)
        }
        let raised = cross.findings.enumerated().filter { $0.element.voices != nil }
        if raised.isEmpty {
            lines += wrap("Aucun constat n'est appuyé par des propos du même thème.", indent: "    ")
        }
        for (index, item) in raised {
            guard let voices = item.voices else { continue }
            lines += wrap("Constat \(index + 1) (\(voices.theme)) : \(voices.countText).", indent: "    ", hanging: "      ")
            lines += wrap(item.finding.message.shortened(to: 120), indent: "       ").map(style.dim)
        }
        if !cross.unraised.isEmpty {
            // Numbered as in /synthèse constats.
            let numbers = cross.findings.enumerated().compactMap { index, item in
                item.voices == nil ? item.finding.theme.map { "\(index + 1) (\($0))" } : nil
            }
            lines += wrap("Constats que personne n'a soulevés : " + numbers.joined(separator: ", ") + ".", indent: "    ")
        }
        if let themes = cross.themesWithoutFindingSentence { lines += wrap(themes, indent: "    ") }
        return lines
    }
}
