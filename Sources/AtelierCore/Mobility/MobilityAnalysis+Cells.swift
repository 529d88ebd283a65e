extension MobilityAnalysis {
    /// The nearest commune, its distance (km) and estimated time (min), as the synthèse and the
    /// CLS draft print them; « aucun à moins de 30 km » when none was found in the area read.
    public static func cells(_ access: Access?) -> [String] {
        switch access {
        case .found(let nearest)?:
            let place = nearest.kilometres == 0 ? "dans la commune" : nearest.name + (nearest.inTerritory ? "" : " (hors territoire)")
            return [
                place, FrenchFormat.fixed(nearest.kilometres, fractionDigits: 1), FrenchFormat.integer(Int(nearest.minutes.rounded())),
            ]
        case .beyond(let kilometres)?:
            let bound = FrenchFormat.integer(Int(kilometres.rounded()))
            return ["aucun à moins de \(bound) km", "> \(bound)", "—"]
        case .notCovered?, nil:
            return ["hors de la zone lue : réimportez le fichier", "—", "—"]
        }
    }

    /// Per kind: its label, the mean time (« ≥ » when a bound) and the shares beyond each threshold.
    public var summaryCells: [[String]] {
        kinds.compactMap { kind in
            guard let summary = summaries[kind], summary.population > 0 else { return nil }
            let mean = FrenchFormat.integer(Int(summary.meanMinutes.rounded()))
            return [kind.label, (summary.isLowerBound ? "≥ " : "") + mean + " min"]
                + Self.thresholds.map { FrenchFormat.percentage(summary.share(beyond: $0) ?? 0) }
        }
    }

    /// The files the distances come from, and the search's reach.
    public var filesSentence: String {
        let sources = [false, true].compactMap { sites.readings[$0] }.map(\.source)
        return "Fichiers : " + sources.joined(separator: " ; ")
            + ". Recherche jusqu'à \(FrenchFormat.integer(Int(CareSites.margin))) km autour du territoire."
    }

    /// The communes without a point, named with their population; nil when every one has one.
    public var withoutPointSentence: String? { Self.withoutPointSentence(withoutPoint) }

    /// The same sentence for any list (the page's map names them before any import).
    public static func withoutPointSentence(_ withoutPoint: [CommuneRef]) -> String? {
        guard !withoutPoint.isEmpty else { return nil }
        let names = withoutPoint.map { "\($0.name) (\($0.code), \(FrenchFormat.integer($0.population)) habitants)" }
        return "Sans point dans la base La Poste 2023, donc sans distance ni part dans les moyennes : " + names.joined(separator: ", ")
            + "."
    }
}
