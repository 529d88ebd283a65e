import AtelierCore

extension PopulationImport {
    /// The territory's communes with the populations read in the file (`populations`, code →
    /// population municipale); a commune absent from the file keeps its population and says so
    /// in the source. The millésime is read in the file's name (`…_2023.csv`); without one, the
    /// source says it is unknown. Refused when no commune of the territory is in the file.
    public static func proposal(
        _ populations: [String: Int], communes: [CommuneRef],
        path: String
    ) throws(FileProblem) -> ProposedAnswer {
        let name = PlainText.clean(path.split(separator: "/").last.map(String.init) ?? path)
        let year = millesime(inFileName: name)
        let missing = communes.filter { populations[$0.code] == nil }.map(\.code)
        guard missing.count < communes.count else {
            throw FileProblem(importing: path, line: nil, reason: "aucune commune du territoire dans ce fichier")
        }
        let updated = communes.map { commune in
            CommuneRef(
                code: commune.code, name: commune.name, population: populations[commune.code] ?? commune.population,
                populationYear: populations[commune.code] == nil ? commune.populationYear : (year ?? commune.populationYear))
        }
        var source = "INSEE, populations légales" + (year.map { " \($0)" } ?? " (millésime absent du nom du fichier)") + " (\(name))"
        if !missing.isEmpty { source += " ; absentes du fichier, inchangées : " + missing.joined(separator: ", ") }
        return ProposedAnswer(key: ProposalTable.communesKey, value: .communes(updated), source: ImportSource(text: source, year: year))
    }

    /// The last number of the name that can be a year (`donnees_communes_2023.csv` → 2023).
    static func millesime(inFileName name: String) -> Int? {
        name.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }.last { (1990...2100).contains($0) }
    }
}
