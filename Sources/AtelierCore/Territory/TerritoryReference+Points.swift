extension TerritoryReference {
    public static let pointsSource = "La Poste, base officielle des codes postaux, export de juin 2023"

    /// The points of data/points_communes.tsv (code, latitude, longitude, origine), each value
    /// checked: the file may have been edited by hand. A code is a commune of the reference or
    /// a municipal arrondissement (the Annuaire Santé places Paris' professionals in theirs).
    static func readPoints(
        _ rows: [(Int, [String])], file: String, communes: [String: Commune]
    ) throws -> [String: GeoPoint] {
        var points: [String: GeoPoint] = [:]
        var lines: [String: Int] = [:]
        for (line, fields) in rows {
            func refuse(_ message: String) -> FileProblem { FileProblem(file: file, line: line, reason: message) }
            let code = fields[0]
            guard Identifiers.isWellFormedInseeCode(code), communes.isEmpty || communes[code] != nil || isArrondissement(code) else {
                throw refuse("code « \(code.prefix(20)) » : commune du code officiel géographique ou arrondissement municipal attendu")
            }
            guard let latitude = Double(fields[1]), GeoPoint.plausibleLatitudes.contains(latitude) else {
                throw refuse("latitude « \(fields[1].prefix(20)) » invalide (degrés décimaux de -22 à 52, avec un point)")
            }
            guard let longitude = Double(fields[2]), GeoPoint.plausibleLongitudes.contains(longitude) else {
                throw refuse("longitude « \(fields[2].prefix(20)) » invalide (degrés décimaux de -64 à 57, avec un point)")
            }
            if let first = lines.updateValue(line, forKey: code) { throw refuse("commune \(code) déjà placée ligne \(first)") }
            points[code] = GeoPoint(latitude: latitude, longitude: longitude)
        }
        return points
    }

    /// Paris (751xx), Lyon (6938x) and Marseille (132xx) arrondissements.
    static func isArrondissement(_ code: String) -> Bool {
        guard let number = Int(code) else { return false }
        return (75101...75120).contains(number) || (69381...69389).contains(number) || (13201...13216).contains(number)
    }
}
