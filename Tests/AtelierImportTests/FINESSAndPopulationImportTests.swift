import AtelierCore
import Foundation
import Testing

@testable import AtelierImport

@Suite struct FINESSImportTests {
    static let opendata = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/opendata").path
    static let flat = opendata + "/finess_etalab_stock_et_20201231_extrait_dep01.csv"
    let directory = NSTemporaryDirectory() + "atelier-finess-" + UUID().uuidString

    func write(_ bytes: [UInt8], _ name: String) -> String {
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: directory + "/" + name, contents: Data(bytes)), "the test file could not be written")
        return directory + "/" + name
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: flat), "the open-data samples of ../shared/opendata are absent"))
    func theRealFlatFileIsReadByHeaderName() throws {
        // awk -F';' on the file: 39 structures in 01053, 01033 and 01004, 25 of them pharmacies (620).
        let found = try FINESSImport.structures(fileAt: Self.flat, communes: ["01053", "01033", "01004"])
        #expect(found.count == 39)
        #expect(found.filter { $0.category == "620" }.count == 25)
        #expect(found.first { $0.finess == "010000032" } == nil)  // Belley (01034) is not in the territory
    }

    /// The daily two-section layout, in latin-1 as published, with an overseas line.
    @Test func theTwoSectionLayoutInLatin1() throws {
        func structure(_ finess: String, _ name: String, _ commune: String, _ department: String, _ category: String) -> String {
            var fields = [String](repeating: "", count: 32)
            fields[0] = "structureet"; fields[1] = finess; fields[3] = name; fields[12] = commune; fields[13] = department
            fields[18] = category; fields[19] = "libellé"
            return fields.joined(separator: ";")
        }
        let lines = [
            "finess;etalab;111;2026-05-12",
            structure("010000024", "CH DE FLEYRIAT", "451", "01", "355"),
            "geolocalisation;010000024;870262.2;6571540.8;1,ATLASANTE,96,BAN,EPSG:2154 RGF93 / Lambert-93 (Métropole);2026-05-04",
            structure("010009999", "\"PHARMACIE DES ÉCOLES; DU CENTRE\"", "451", "01", "620"),
            structure("9C0000001", "CENTRE DE SANTÉ DE CAYENNE", "302", "9C", "124"),
            structure("140000001", "CHU DE CAEN", "118", "14", "101"),
        ]
        let path = write(Array(lines.joined(separator: "\r\n").data(using: .isoLatin1)!), "etalab-cs1100507-stock-20260512-0400.csv")
        let found = try FINESSImport.structures(fileAt: path, communes: ["01451", "97302"])
        #expect(found.map(\.finess) == ["010000024", "010009999", "9C0000001"])
        #expect(found[1].name == "PHARMACIE DES ÉCOLES; DU CENTRE")
        #expect(found[2].commune == "97302")
        #expect(found[2].name == "CENTRE DE SANTÉ DE CAYENNE")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: flat), "the open-data samples of ../shared/opendata are absent"))
    func malformedFilesAreRefusedWithFileAndLine() throws {
        let text = try String(contentsOfFile: Self.flat, encoding: .utf8)
        var lines = text.components(separatedBy: "\n")
        lines[3] = lines[3].components(separatedBy: ";").prefix(10).joined(separator: ";")
        #expect(
            throws: FileProblem(
                importing: write(Array(lines.joined(separator: "\n").utf8), "cut.csv"), line: 4,
                reason: "10 champs au lieu de 42 (ligne tronquée ou mal formée)")
        ) {
            try FINESSImport.structures(fileAt: self.directory + "/cut.csv", communes: ["01053"])
        }
        let rpps = write(Array("Type d'identifiant PP|Identifiant PP|\n0|1|\n".utf8), "rpps.txt")
        #expect(throws: FileProblem.self) { try FINESSImport.structures(fileAt: rpps, communes: ["01053"]) }
        let stray = write(Array("finess;etalab;1;2026-05-12\nbonjour;tout;le;monde\n".utf8), "stray.csv")
        #expect(
            throws: FileProblem(importing: stray, line: 2, reason: "ligne inattendue : « structureet; » ou « geolocalisation; » attendu")
        ) {
            try FINESSImport.structures(fileAt: stray, communes: ["01053"])
        }
    }
}

@Suite struct PopulationImportTests {
    static let populations = FINESSImportTests.opendata + "/insee_populations_legales_communes_2023.csv"
    let directory = NSTemporaryDirectory() + "atelier-insee-" + UUID().uuidString

    @Test(.enabled(if: FileManager.default.fileExists(atPath: populations), "the open-data samples of ../shared/opendata are absent"))
    func theRealFileGivesThePopulationsMunicipales() throws {
        // Read in the file: 01053;…;42372 and 01033;…;16712; Paris = sum of its 20 arrondissements.
        let found = try PopulationImport.populations(fileAt: Self.populations, communes: ["01053", "01033", "75056", "99999"])
        #expect(found == ["01053": 42_372, "01033": 16_712, "75056": 2_103_778])
    }

    @Test func anOlderLayoutWithoutTheFullCode() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/donnees_communes_2016.csv"
        try "CODREG;REG;CODDEP;CODARR;CODCAN;CODCOM;COM;PMUN;PCAP;PTOT\n28;Normandie;14;2;99;118;;106538;2000;108538\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        // COM is present but empty in this layout: the code is rebuilt from CODDEP and CODCOM.
        #expect(try PopulationImport.populations(fileAt: path, communes: ["14118"]) == ["14118": 106_538])
    }

    @Test func anUnreadablePopulationNamesItsLine() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/bad.csv"
        try "REG;DEP;COM;PMUN\n28;14;14118;cent mille\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: FileProblem(importing: path, line: 2, reason: "population « cent mille » illisible (nombre entier attendu)")) {
            try PopulationImport.populations(fileAt: path, communes: ["14118"])
        }
    }
}
