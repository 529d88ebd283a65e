import AtelierCore

/// Populations légales of communes from the INSEE file `donnees_communes.csv` (archive
/// « ensemble », `;`-separated). Columns by name: `COM` and `PMUN` in recent millésimes;
/// older ones have `DEP`/`CODDEP` + `CODCOM` instead of `COM`. Paris, Lyon and Marseille are
/// published by arrondissement and summed into 75056, 69123 and 13055. Every population is
/// checked against `TerritoryReference.populationProblem` as it is read (a value near
/// `Int.max` used to trap later, in a sum).
public enum PopulationImport {
    static let cities = ["75056": "751", "69123": "6938", "13055": "132"]

    /// Population municipale of each of `communes` found in the file.
    public static func populations(
        fileAt path: String, communes: Set<String>,
        progress: ((Double) -> Void)? = nil
    ) throws(FileProblem) -> [String: Int] {
        var layout: (code: Int?, department: Int?, commune: Int?, population: Int, fields: Int)?
        var result: [String: Int] = [:]
        var rows = 0
        // The line each of the territory's communes (or arrondissements) was read on: a second
        // one would silently replace, or be added to, the first.
        var seen: [String: Int] = [:]
        try ChunkedLines(path: path).forEach(progress: progress) { (line, number) throws(FileProblem) in
            if line.isEmpty { return }
            guard let current = layout else {
                let header = try HeaderLine.read(line, separator: 59, file: path, line: number)
                guard let population = header.index(of: ["PMUN"]) else {
                    throw FileProblem(
                        importing: path, line: number,
                        reason:
                            "colonne « PMUN » introuvable : ce n'est pas un fichier donnees_communes.csv des populations légales de l'INSEE"
                    )
                }
                let code = header.index(of: ["COM"])
                let department = header.index(of: ["DEP", "CODDEP"]), commune = header.index(of: ["CODCOM"])
                guard code != nil || (department != nil && commune != nil) else {
                    throw FileProblem(importing: path, line: number, reason: "colonne « COM » (ou « DEP » et « CODCOM ») introuvable")
                }
                layout = (code, department, commune, population, header.names.count)
                return
            }
            rows += 1
            let fields = SemicolonLine.fields(line)
            guard fields.count == current.fields else {
                throw .fieldCount(path, line: number, found: fields.count, expected: current.fields)
            }
            var code = current.code.map { fields[$0] } ?? ""
            if code.isEmpty, let d = current.department, let c = current.commune {
                let department = fields[d], commune = fields[c]
                code = department + String(repeating: "0", count: max(0, 5 - department.count - commune.count)) + commune
            }
            // Two files put end to end: say so rather than « population « PMUN » illisible ».
            if HeaderLine.fold(fields[current.population]) == "pmun" {
                throw FileProblem(
                    importing: path, line: number,
                    reason: "en-tête répété : un seul en-tête est attendu, en ligne 1 (deux fichiers mis bout à bout ?)")
            }
            guard let population = Int(fields[current.population]) else {
                throw FileProblem(
                    importing: path, line: number,
                    reason: "population « \(fields[current.population].prefix(20)) » illisible (nombre entier attendu)")
            }
            if let problem = TerritoryReference.populationProblem(population, commune: code.isEmpty ? "sans code" : String(code.prefix(12)))
            {
                throw FileProblem(importing: path, line: number, reason: problem)
            }
            let city = cities.first(where: { code.hasPrefix($0.value) && code != $0.key })?.key
            guard communes.contains(code) || city.map(communes.contains) == true else { return }
            if let first = seen.updateValue(number, forKey: code) {
                throw FileProblem(
                    importing: path, line: number,
                    reason: "commune \(code) déjà lue ligne \(first) : une seule ligne par commune est attendue")
            }
            if communes.contains(code) { result[code] = population }
            if let city, communes.contains(city) {
                // Each arrondissement is bounded, and so is their sum (a commune's bound).
                let sum = result[city, default: 0] + population
                guard sum <= TerritoryReference.maximumCommunePopulation else {
                    throw FileProblem(
                        importing: path, line: number,
                        reason:
                            "population de \(city) (somme des arrondissements) au-delà de \(FrenchFormat.integer(TerritoryReference.maximumCommunePopulation)) habitants"
                    )
                }
                result[city] = sum
            }
        }
        guard layout != nil else { throw FileProblem(importing: path, line: nil, reason: "fichier vide") }
        guard rows > 0 else { throw .noDataRow(path) }
        return result
    }
}
