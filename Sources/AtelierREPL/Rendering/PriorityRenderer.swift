import AtelierCore

/// A round of prioritisation on screen: its meeting, voters and method, then the ranking table.
struct PriorityRenderer {
    let style: Style
    /// The label of each key of the current synthèse (findings' messages, levers' titles).
    let labels: [String: String]
    /// The width paragraphs wrap at (`Console.proseWidth`).
    let width: Int

    /// The ranking, two lines or more per item so that it reads on an 80-column terminal: the
    /// rank and the item, then moyenne, médiane, écart, accord and the scores.
    func table(_ ranking: PriorityRanking) -> [String] {
        ranking.entries.flatMap { entry -> [String] in
            let label = labels[entry.item].map(Synthesis.Finding.headline(of:)) ?? "\(entry.item) — ne ressort plus de la synthèse actuelle"
            let rank = entry.rank.map { "\($0)." } ?? "—"
            let lines = Table.paragraph("\(rank) \(label)", indent: "  ", hanging: "      ", width: width)
            guard let agreement = entry.agreement else {
                return lines + [style.dim("      non noté")]
            }
            let scores = entry.scores.map(String.init).joined(separator: " ")
            return lines + [
                style.dim(
                    "      moyenne \(entry.meanText) · médiane \(entry.medianText) · écart \(entry.spreadText) · \(agreement.rawValue) · notes \(scores)"
                )
            ]
        }
    }

    enum Status {
        /// The latest finished round of its scope: it orders the plan.
        case inForce
        /// Finished, replaced by a later round.
        case earlier
        /// Stopped halfway: `5 constats notés sur 18`.
        case unfinished(String)
    }

    /// Everything `/priorités` says of one round.
    func round(_ ranking: PriorityRanking, meeting: Concertation.Meeting?, voters: [String], status: Status) -> [String] {
        let round = ranking.round
        let held = meeting.map { m in m.label + (m.place.map { " (\($0))" } ?? "") } ?? "réunion n° \(round.meeting) introuvable"
        let title = style.bold("Tour n° \(round.number) — \(round.scope.rawValue), \(held)")
        var lines: [String]
        switch status {
        case .inForce: lines = [title + " " + style.green("— en vigueur")]
        case .earlier: lines = [title]
        case .unfinished(let done):
            lines = [title + " " + style.yellow("— inachevé")]
            lines += Table.paragraph("\(done) : tant qu'il n'est pas fini, ce tour ne compte pas.", indent: "  ", width: width).map(
                style.yellow)
        }
        lines += Table.paragraph(
            "Votants : " + (voters.isEmpty ? "aucun" : voters.joined(separator: ", ")) + ".", indent: "  ", hanging: "    ", width: width)
        lines += Table.paragraph("Méthode : \(PriorityMethod.description(of: round.scope)).", indent: "  ", hanging: "    ", width: width)
            .map(style.dim)
        return lines + table(ranking)
    }
}
