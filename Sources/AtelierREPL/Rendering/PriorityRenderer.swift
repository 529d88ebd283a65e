import AtelierCore

/// A round of prioritisation on screen: its meeting, voters and method, then the ranking table.
struct PriorityRenderer {
    let style: Style
    /// The label of each key of the current synthèse (findings' messages, levers' titles).
    let labels: [String: String]

    /// The ranking table alone: rang, constat or levier, moyenne, médiane, écart, accord, notes.
    func table(_ ranking: PriorityRanking) -> [String] {
        let what = ranking.round.scope == .findings ? "Constat" : "Levier"
        let rows = ranking.entries.map { entry -> [String] in
            let label =
                labels[entry.item].map { $0.shortened(to: 60) }
                ?? "\(entry.item) — ne ressort plus de la synthèse actuelle"
            return [
                entry.rank.map(String.init) ?? "—", label, entry.mean.map { FrenchFormat.decimal($0) } ?? "—",
                entry.median.map { FrenchFormat.decimal($0) } ?? "—", entry.spread.map(String.init) ?? "—",
                entry.agreement?.rawValue ?? "non noté", entry.scores.map(String.init).joined(separator: " "),
            ]
        }
        return Table.render(header: ["Rang", what, "Moyenne", "Médiane", "Écart", "Accord", "Notes"], rows: rows).map { "  " + $0 }
    }

    /// Everything `/priorités` says of one round.
    func round(_ ranking: PriorityRanking, meeting: Concertation.Meeting?, voters: [String], inForce: Bool) -> [String] {
        let round = ranking.round
        let held = meeting.map { m in m.label + (m.place.map { " (\($0))" } ?? "") } ?? "réunion n° \(round.meeting) introuvable"
        let title = "Tour n° \(round.number) — \(round.scope.rawValue), \(held)"
        var lines = [style.bold(title) + (inForce ? " " + style.green("— en vigueur") : "")]
        lines.append("  Votants : " + (voters.isEmpty ? "aucun" : voters.joined(separator: ", ")) + ".")
        lines.append(style.dim("  Méthode : \(PriorityMethod.description(of: round.scope))."))
        return lines + table(ranking)
    }
}
