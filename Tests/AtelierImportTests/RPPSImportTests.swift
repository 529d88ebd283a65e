import AtelierCore
import Foundation
import Testing

@testable import AtelierImport

/// The reader on the real Annuaire Santé sample of ../shared/opendata, and on variants of it.
@Suite struct RPPSImportTests {
    static let samplePath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/opendata/rpps_PS_LibreAcces_Personne_activite_extrait_2021.txt").path
    static var sample: String? { try? String(contentsOfFile: samplePath, encoding: .utf8) }

    let directory = NSTemporaryDirectory() + "atelier-import-" + UUID().uuidString

    func write(_ text: String, _ name: String = "rpps.txt") -> String {
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/" + name
        #expect(FileManager.default.createFile(atPath: path, contents: Data(text.utf8)), "the test file could not be written")
        return path
    }

    func writeBytes(_ bytes: [UInt8], _ name: String = "rpps.txt") -> String {
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/" + name
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)), "the test file could not be written")
        return path
    }

    /// A real row of the sample with some fields replaced (0-based positions of the header).
    static func row(from line: String, _ changes: [Int: String]) -> String {
        var fields = line.components(separatedBy: "|")
        for (index, value) in changes { fields[index] = value }
        return fields.joined(separator: "|")
    }

    @Test(.enabled(if: sample != nil, "the open-data samples of ../shared/opendata are absent"))
    func theRealSampleIsReadRowByRow() throws {
        let sample = try #require(Self.sample)
        // Checked with awk: 22 rows; communes 01004 (2 rows: professions 86 and 96) and 01053
        // (2 rows: 94 and 96); none of the counted professions (10 with MG savoir-faire, 21,
        // 40, 50, 60, 70) has a commune in the sample.
        let counts = try RPPSImport.count(fileAt: Self.samplePath, communes: ["01004", "01053"])
        #expect(counts.rows == 22)
        #expect(counts.matchedRows == 4)
        #expect(counts.total.isEmpty)
        _ = sample
    }

    @Test(.enabled(if: sample != nil, "the open-data samples of ../shared/opendata are absent"))
    func professionalsAreCountedOncePerCommuneAndInTheTerritory() throws {
        let sample = try #require(Self.sample)
        let lines = sample.components(separatedBy: "\n")
        let base = lines[1]
        // Identifiant PP (1), code profession (9), savoir-faire (15), mode (17), commune (36).
        let rows = [
            Self.row(from: base, [1: "A1", 9: "60", 17: "L", 36: "14118"]),
            Self.row(from: base, [1: "A1", 9: "60", 17: "L", 36: "14118"]),  // same nurse, same commune: once
            Self.row(from: base, [1: "A1", 9: "60", 17: "S", 36: "14341"]),  // same nurse, another commune
            Self.row(from: base, [1: "B2", 9: "60", 17: "S", 36: "14118"]),
            Self.row(from: base, [1: "C3", 9: "10", 15: "SM54", 17: "L", 36: "14118"]),  // GP
            Self.row(from: base, [1: "C3", 9: "10", 15: "SM04", 17: "L", 36: "14118"]),  // same GP, other savoir-faire
            Self.row(from: base, [1: "D4", 9: "10", 15: "SM04", 17: "L", 36: "14118"]),  // cardiologist: not a GP
            Self.row(from: base, [1: "E5", 9: "70", 17: "L", 36: "75056"]),  // outside the territory
            Self.row(from: base, [1: "F6", 9: "50", 17: "L", 36: ""]),  // no address
        ]
        let path = write(([lines[0]] + rows).joined(separator: "\r\n") + "\r\n")
        let counts = try RPPSImport.count(fileAt: path, communes: ["14118", "14341"])
        #expect(counts.rows == 9)
        #expect(counts.matchedRows == 7)
        #expect(counts.total == [.infirmiers: 2, .medecinsGeneralistes: 1])
        #expect(counts.liberal == [.infirmiers: 1, .medecinsGeneralistes: 1])
        #expect(counts.byCommune["14118"] == [.infirmiers: 2, .medecinsGeneralistes: 1])
        #expect(counts.byCommune["14341"] == [.infirmiers: 1])
    }

    @Test(.enabled(if: sample != nil, "the open-data samples of ../shared/opendata are absent"))
    func aByteOrderMarkOrALatin1HeaderIsRead() throws {
        let sample = try #require(Self.sample)
        let withBOM = write("\u{FEFF}" + sample, "bom.txt")
        #expect(try RPPSImport.count(fileAt: withBOM, communes: ["01004"]).matchedRows == 2)
        var latin1 = Array(sample.data(using: .isoLatin1)!)
        latin1.removeLast(0)
        #expect(try RPPSImport.count(fileAt: writeBytes(latin1, "latin1.txt"), communes: ["01004"]).matchedRows == 2)
    }

    func refusal(_ text: String) -> FileProblem? {
        do {
            _ = try RPPSImport.count(fileAt: write(text, "bad.txt"), communes: ["01004"])
            return nil
        } catch {
            return error
        }
    }

    @Test(.enabled(if: sample != nil, "the open-data samples of ../shared/opendata are absent"))
    func malformedFilesAreRefusedWithFileAndLine() throws {
        let sample = try #require(Self.sample)
        var lines = sample.components(separatedBy: "\n")
        let header = lines[0]

        // A truncated line (the file cut in the middle of line 5). The 2021 extraction has 52
        // columns and the trailing empty field: 53 fields (awk -F'|' counts the same).
        var truncated = lines
        truncated[4] = String(truncated[4].prefix(40))
        #expect(
            refusal(truncated.joined(separator: "\n"))?.description
                == "bad.txt, ligne 5 : 8 champs au lieu de 53 (ligne tronquée ou mal formée).")

        // One field too many
        var extra = lines
        extra[7] += "|"
        #expect(
            refusal(extra.joined(separator: "\n"))?.description
                == "bad.txt, ligne 8 : 54 champs au lieu de 53 (ligne tronquée ou mal formée).")

        // An unknown header (a column renamed)
        lines[0] = header.replacingOccurrences(of: "Code commune (coord. structure)", with: "Commune")
        #expect(refusal(lines.joined(separator: "\n"))?.reason.hasPrefix("colonne « Code commune (coord. structure) » introuvable") == true)

        // Binary garbage
        var bytes = Array(sample.utf8)
        bytes.insert(contentsOf: [0, 0, 0, 0], at: bytes.count / 2)
        let binary = writeBytes(bytes, "binary.txt")
        #expect(throws: FileProblem.self) { try RPPSImport.count(fileAt: binary, communes: ["01004"]) }

        // An empty file, and the wrong file for the command
        #expect(refusal("")?.description == "bad.txt : fichier vide.")
        #expect(refusal("nofinesset;nofinessej;rs\n010000024;010780054;CH\n")?.line == 1)
    }

    /// Above 8 Mio the two halves are read in parallel: counts add up across the split, and a
    /// mistake in the second half keeps its line number in the whole file.
    @Test(.enabled(if: sample != nil, "the open-data samples of ../shared/opendata are absent"))
    func aLargeFileReadInTwoPartsKeepsCountsAndLineNumbers() throws {
        let sample = try #require(Self.sample)
        let lines = sample.components(separatedBy: "\n")
        let nurse = Self.row(from: lines[1], [9: "60", 17: "L", 36: "14118"])
        var rows: [String] = []
        for index in 0..<80_000 { rows.append(Self.row(from: nurse, [1: "N\(index % 60_000)"])) }  // 60 000 distinct nurses
        let text = ([lines[0]] + rows).joined(separator: "\n") + "\n"
        #expect(text.utf8.count > 9 << 20)
        let counts = try RPPSImport.count(fileAt: write(text, "large.txt"), communes: ["14118"])
        #expect(counts.rows == 80_000)
        #expect(counts.total == [.infirmiers: 60_000])

        var broken = rows
        broken[70_000] += "|"  // file line 70 002 (the header, then rows), in the second half
        let path = write(([lines[0]] + broken).joined(separator: "\n") + "\n", "large-broken.txt")
        #expect(throws: FileProblem(importing: path, line: 70_002, reason: "54 champs au lieu de 53 (ligne tronquée ou mal formée)")) {
            try RPPSImport.count(fileAt: path, communes: ["14118"])
        }
    }

    @Test func separatorsAreCountedAcrossBlockBoundaries() throws {
        for length in [0, 1, 31, 32, 33, 64, 255 * 32, 255 * 32 + 1, 300 * 32 + 7] {
            let text = String((0..<length).map { $0 % 3 == 0 ? Character("|") : Character("a") })
            let bytes = Array(text.utf8)
            let counted = bytes.withUnsafeBytes { countSeparators($0, 124) }
            #expect(counted.separators == bytes.filter { $0 == 124 }.count, "length \(length)")
            #expect(!counted.hasNul)
        }
    }
}
