import AtelierImport
import Foundation

// Usage: atelier-bench-import RPPS_FILE TERRITORY_FILE
// Prints the counts (one line per profession: total and libéraux) and the elapsed seconds,
// for scripts/bench_import.py, which compares them with wc, DuckDB and sqlite3.
let arguments = CommandLine.arguments
guard arguments.count == 3, let territory = try? String(contentsOfFile: arguments[2], encoding: .utf8) else {
    FileHandle.standardError.write(Data("usage : atelier-bench-import FICHIER_RPPS FICHIER_COMMUNES\n".utf8))
    exit(64)
}
let communes = Set(territory.split(whereSeparator: \.isNewline).map(String.init))
let start = Date()
do {
    let counts = try RPPSImport.count(fileAt: arguments[1], communes: communes)
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
