extension MobilityAnalysis {
    /// One commune, one kind, one summary and one commune without a point: every field a
    /// document template can show, for checking templates against a workbook without imports.
    public static var templateSample: MobilityAnalysis {
        var sample = MobilityAnalysis()
        let commune = CommuneRef(code: "00000", name: "exemple", population: 1, populationYear: 2023)
        sample.kinds = [.medecinGeneraliste]
        sample.rows = [
            Row(
                commune: commune,
                access: [.medecinGeneraliste: .found(Nearest(code: "00000", name: "exemple", kilometres: 1, minutes: 2, inTerritory: true))]
            )
        ]
        sample.withoutPoint = [commune]
        sample.summaries[.medecinGeneraliste] = Summary(
            kind: .medecinGeneraliste, meanMinutes: 2, inhabitantsBeyond: [:], population: 1, communesBeyondArea: 0,
            communesNotCovered: 0)
        sample.sites.readings[false] = CareSites.Reading(
            source: "exemple", year: 2026, area: GeoArea(latitudes: 0...1, longitudes: 0...1))
        return sample
    }
}
