import AtelierCore

// MARK: - Distances to care, per commune

extension SynthesisRenderer {
    /// The communes listed in the whole synthèse; `/synthèse mobilites` lists them all.
    static let farthestShown = 10

    /// The computed distances: a summary per kind of care, the communes from the farthest from
    /// a GP, the method and the files, and the communes without a point.
    func mobilityTables(_ analysis: MobilityAnalysis, all: Bool) -> [String] {
        var lines = ["", "  Distances aux soins calculées (estimation)"]
        let summaryRows = analysis.summaryCells
        if !summaryRows.isEmpty {
            lines += table(["Soin le plus proche", "Temps moyen"] + MobilityAnalysis.thresholds.map { "> \($0) min" }, summaryRows)
        }
        if analysis.kinds.contains(.medecinGeneraliste) {
            let rows = analysis.rowsByDistance
            let shown = all ? rows : Array(rows.prefix(Self.farthestShown))
            lines.append("")
            lines.append("  Communes, de la plus éloignée d'un médecin généraliste à la plus proche")
            lines += table(
                ["Commune", "Population", "Médecin généraliste le plus proche", "km", "min"],
                shown.map { row in
                    [row.commune.name, FrenchFormat.integer(row.commune.population)]
                        + MobilityAnalysis.cells(row.access[.medecinGeneraliste])
                }, dropping: [1])
            if shown.count < rows.count {
                lines.append(
                    style.dim(
                        "  … et \(AtelierCore.counted(rows.count - shown.count, "autre commune", "autres communes")) : /synthèse mobilites les montre toutes."
                    ))
            }
        }
        if let missing = analysis.withoutPointSentence {
            lines += Table.paragraph("⚠ " + missing, indent: "  ", width: prose).map(style.yellow)
        }
        lines += Table.paragraph("Méthode : " + TravelTimeModel.method, indent: "  ", width: prose).map(style.dim)
        lines += Table.paragraph(analysis.filesSentence, indent: "  ", width: prose).map(style.dim)
        return lines
    }
}
