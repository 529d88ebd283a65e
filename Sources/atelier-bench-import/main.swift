import AtelierCore
import AtelierImport
import Foundation

// Usage: atelier-bench-import RPPS_FILE TERRITORY_FILE [--distances DATA_FOLDER]
// Prints the counts (one line per profession: total and libéraux) and the elapsed seconds,
// for scripts/bench_import.py, which compares them with wc, DuckDB and sqlite3. With
// --distances, the import also reads the communes around the territory and computes the
// distances to care as /importer rpps does (the reference, loaded once per session, is timed
// apart).
let arguments = CommandLine.arguments
let distances = arguments.count == 5 && arguments[3] == "--distances"
guard arguments.count == 3 || distances, let territory = try? String(contentsOfFile: arguments[2], encoding: .utf8) else {
    FileHandle.standardError.write(Data("usage : atelier-bench-import FICHIER_RPPS FICHIER_COMMUNES [--distances DOSSIER_DATA]\n".utf8))
    exit(64)
}
let communes = Set(territory.split(whereSeparator: \.isNewline).map(String.init))
do {
    var reference: TerritoryReference?
    if distances {
        let loading = Date()
        func read(_ name: String) throws -> String { try String(contentsOfFile: arguments[4] + "/" + name, encoding: .utf8) }
        reference = try TerritoryReference(
            communesTSV: read("communes.tsv"), epciTSV: read("epci.tsv"), departmentsTSV: read("departements.tsv"),
            pointsTSV: read("points_communes.tsv"))
        print(String(format: "reference_seconds %.4f", Date().timeIntervalSince(loading)))
    }
    let start = Date()
    var nearby: Set<String> = []
    var area: GeoArea?
    if let reference {
        area = CareSites.area(around: Array(communes), reference: reference)
        nearby = area.map { CareSites.nearby($0, excluding: communes, reference: reference) } ?? []
    }
    let counts = try RPPSImport.count(fileAt: arguments[1], communes: communes, nearby: nearby)
    if let reference, let area {
        let refs = communes.sorted().compactMap { reference.communes[$0]?.ref }
        let sites = CareSites(
            counts: counts.careSites(), readings: [false: .init(source: "bench", year: nil, area: area)])
        let analysis = MobilityAnalysis(communes: refs, reference: reference, sites: sites)
        let summary = analysis.summaries[.medecinGeneraliste]
        print("nearby \(nearby.count) placed \(analysis.rows.count) without_point \(analysis.withoutPoint.count)")
        print(String(format: "gp_mean_minutes %.2f", summary?.meanMinutes ?? -1))
    }
    let elapsed = Date().timeIntervalSince(start)
    for profession in RPPSImport.Profession.allCases {
        print("\(profession.rawValue) \(counts.total[profession] ?? 0) \(counts.liberal[profession] ?? 0)")
    }
    print("rows \(counts.rows) matched \(counts.matchedRows)")
    print(String(format: "seconds %.4f", elapsed))
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}
