import AtelierCore
import AtelierImport
import AtelierStore

/// What an RPPS or FINESS import found in and around the territory, before it is stored.
struct FoundCareSites {
    var fromFINESS: Bool
    var reading: CareSites.Reading
    var counts: [CareKind: [String: Int]]
}

// MARK: - Distances to care (mobilités)

extension SessionController {
    /// What an RPPS or FINESS import reads: the territory's codes, the area around them, and
    /// the communes of that area outside the territory (whose care sites are kept too).
    func importArea(_ communes: [CommuneRef]) -> (codes: Set<String>, area: GeoArea?, nearby: Set<String>) {
        let codes = Set(communes.map(\.code))
        let area = CareSites.area(around: communes.map(\.code), reference: territory)
        return (codes, area, area.map { CareSites.nearby($0, excluding: codes, reference: territory) } ?? [])
    }

    /// The care sites of the workbook with those an import just found in place of the same
    /// file's.
    func careSites(adding found: FoundCareSites? = nil) -> CareSites {
        var sites = (try? store.careSites()) ?? CareSites()
        guard let found else { return sites }
        for kind in CareKind.allCases where kind.fromFINESS == found.fromFINESS { sites.counts[kind] = found.counts[kind] }
        sites.readings[found.fromFINESS] = found.reading
        return sites
    }

    /// The distances of the territory's communes as the answers give them, nil before any
    /// RPPS or FINESS import or without communes.
    func mobilityAnalysis(_ sites: CareSites) -> MobilityAnalysis? {
        guard !sites.isEmpty, case .communes(let communes)? = answers[QuestionKeys.territoryCommunes]?.value, !communes.isEmpty else {
            return nil
        }
        return MobilityAnalysis(communes: communes, reference: territory, sites: sites)
    }

    /// The mobility answers the import's distances propose, computed with the other file's sites.
    func mobilityProposals(adding found: FoundCareSites, communes: [CommuneRef], file: String) -> ([Proposal], MobilityAnalysis) {
        let analysis = MobilityAnalysis(communes: communes, reference: territory, sites: careSites(adding: found))
        let poles: [ListRecord] = if case .records(let records)? = answers[QuestionKeys.outsidePoles]?.value { records } else { [] }
        return (stored(analysis.proposals(existingPoles: poles), from: file), analysis)
    }

    /// After an import: how many communes have their distances, and the ones without a point.
    func writeMobilityNote(_ found: FoundCareSites, analysis: MobilityAnalysis) {
        let kinds = CareKind.allCases.filter { $0.fromFINESS == found.fromFINESS }.map(\.label)
        let line =
            "Distances calculées pour \(AtelierCore.counted(analysis.rows.count, "commune", "communes")) (\(kinds.joined(separator: ", "))) : tableau et méthode avec /synthèse mobilites."
            + (analysis.withoutPointSentence.map { " " + $0 } ?? "")
        for paragraph in Table.paragraph(line, indent: "  ", width: console.width) {
            console.write(paragraph)
        }
    }
}
