import AtelierCore
import Foundation
import Testing

@testable import AtelierImport

/// Import files as a hostile or careless user gives them: out-of-range values, a header and no
/// row, CR-only line ends, byte-order marks, control characters, things that are not files.
@Suite struct HostileFileTests {
    static let opendata = FINESSImportTests.opendata
    static let rppsSample = opendata + "/rpps_PS_LibreAcces_Personne_activite_extrait_2021.txt"
    static let finessSample = opendata + "/finess_etalab_stock_et_20201231_extrait_dep01.csv"
    static let inseeSample = opendata + "/insee_populations_legales_communes_2023.csv"
    static let samplesPresent = [rppsSample, finessSample, inseeSample].allSatisfy { FileManager.default.fileExists(atPath: $0) }

    let directory = NSTemporaryDirectory() + "atelier-hostile-" + UUID().uuidString

    func write(_ bytes: [UInt8], _ name: String) -> String {
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: directory + "/" + name, contents: Data(bytes)), "the test file could not be written")
        return directory + "/" + name
    }

    func write(_ text: String, _ name: String) -> String { write(Array(text.utf8), name) }

    /// A `structureet;` line of the two-section FINESS file (fields as in the 2026 files).
    static func structure(_ finess: String, _ name: String, _ commune: String, _ department: String, _ category: String) -> String {
        var fields = [String](repeating: "", count: 32)
        fields[0] = "structureet"; fields[1] = finess; fields[3] = name; fields[12] = commune; fields[13] = department
        fields[18] = category; fields[19] = "libellé"
        return fields.joined(separator: ";")
    }

    func refusal(_ body: () throws(FileProblem) -> Void) -> FileProblem? {
        do { try body() } catch { return error }
        return nil
    }

    // MARK: Populations out of range

    @Test(arguments: [
        (
            "9223372036854775807",
            "population 9 223 372 036 854 775 807 trop grande pour la commune 14118 : 3 000 000 au plus (Paris, la plus peuplée, compte 2 103 778 habitants)"
        ),
        (
            "3000001",
            "population 3 000 001 trop grande pour la commune 14118 : 3 000 000 au plus (Paris, la plus peuplée, compte 2 103 778 habitants)"
        ),
        ("-949199", "population -949 199 négative pour la commune 14118 : un nombre d'habitants est positif"),
        (
            "0",
            "population 0 pour la commune 14118 : seuls les villages « morts pour la France » de la Meuse (55039, 55050, 55139, 55189, 55239, 55307) n'ont aucun habitant"
        ),
        ("99999999999999999999", "population « 99999999999999999999 » illisible (nombre entier attendu)"),
    ])
    func aPopulationOutOfRangeIsRefusedWithItsLine(value: String, message: String) throws {
        let path = write("REG;DEP;COM;PMUN\n28;14;14117;100\n28;14;14118;\(value)\n", "donnees_communes.csv")
        let error = refusal { () throws(FileProblem) in _ = try PopulationImport.populations(fileAt: path, communes: ["14117"]) }
        // Checked on every line, not only the territory's: the file is wrong either way.
        #expect(error?.line == 3)
        #expect(
            error?.reason.replacingOccurrences(of: FrenchFormat.thousandsSeparator, with: " ") == message, "\(String(describing: error))")
    }

    @Test func aMeuseVillageWithoutInhabitantsIsRead() throws {
        let path = write("REG;DEP;COM;PMUN\n44;55;55189;0\n44;55;55039;0\n", "donnees_communes.csv")
        #expect(try PopulationImport.populations(fileAt: path, communes: ["55189", "55039"]) == ["55189": 0, "55039": 0])
    }

    @Test func arrondissementsSummedBeyondTheBoundOrTwiceAreRefused() throws {
        let twice = write("REG;DEP;COM;PMUN\n11;75;75101;15000\n11;75;75101;15000\n", "twice.csv")
        #expect(
            refusal { () throws(FileProblem) in _ = try PopulationImport.populations(fileAt: twice, communes: ["75056"]) }
                == FileProblem(
                    importing: twice, line: 3, reason: "commune 75101 déjà lue ligne 2 : une seule ligne par commune est attendue"))
        let big = write("REG;DEP;COM;PMUN\n11;75;75101;2000000\n11;75;75102;2000000\n", "big.csv")
        #expect(refusal { () throws(FileProblem) in _ = try PopulationImport.populations(fileAt: big, communes: ["75056"]) }?.line == 3)
    }

    @Test func aRepeatedHeaderIsSaidAsSuch() throws {
        let path = write("REG;DEP;COM;PMUN\n28;14;14118;106538\nREG;DEP;COM;PMUN\n", "twice.csv")
        #expect(
            refusal { () throws(FileProblem) in _ = try PopulationImport.populations(fileAt: path, communes: ["14118"]) }
                == FileProblem(
                    importing: path, line: 3,
                    reason: "en-tête répété : un seul en-tête est attendu, en ligne 1 (deux fichiers mis bout à bout ?)"))
    }

    @Test(.enabled(if: samplesPresent, "the open-data samples of ../shared/opendata are absent"))
    func everyPopulationOfTheRealFilesIsWithinTheBounds() throws {
        // The whole INSEE file, every commune wanted: no real value is refused.
        let reference = try TerritoryReference(
            communesTSV: String(contentsOfFile: Self.root + "/data/communes.tsv", encoding: .utf8),
            epciTSV: String(contentsOfFile: Self.root + "/data/epci.tsv", encoding: .utf8),
            departmentsTSV: String(contentsOfFile: Self.root + "/data/departements.tsv", encoding: .utf8))
        let found = try PopulationImport.populations(fileAt: Self.inseeSample, communes: Set(reference.communes.keys))
        #expect(found.count > 34_000)
        #expect(found["75056"] == 2_103_778)
        #expect(found.values.filter { $0 == 0 }.count == 6)
        #expect(reference.communes.values.map(\.population).max() == 2_103_778)
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .path

    // MARK: No data row

    @Test func aHeaderWithoutRowsSaysSo() throws {
        let rpps = write(
            "Type d'identifiant PP|Identifiant PP|Code profession|Code savoir-faire|Code mode exercice|Code commune (coord. structure)|\n\n",
            "rpps.txt")
        let flat = write("nofinesset;rs;cog;categetab;libcategetab\n", "flat.csv")
        let twoSections = write("finess;etalab;0;2026-05-12\n", "two.csv")
        let insee = write("REG;DEP;COM;PMUN\r\n", "insee.csv")
        let header = "aucune ligne de données lue : le fichier n'a que son en-tête ; rien n'est proposé"
        #expect(refusal { () throws(FileProblem) in _ = try RPPSImport.count(fileAt: rpps, communes: ["14118"]) }?.reason == header)
        #expect(refusal { () throws(FileProblem) in _ = try FINESSImport.structures(fileAt: flat, communes: ["14118"]) }?.reason == header)
        #expect(
            refusal { () throws(FileProblem) in _ = try FINESSImport.structures(fileAt: twoSections, communes: ["14118"]) }?.reason
                == "aucune ligne de données lue : le fichier n'a aucune ligne « structureet; » ; rien n'est proposé")
        #expect(
            refusal { () throws(FileProblem) in _ = try PopulationImport.populations(fileAt: insee, communes: ["14118"]) }?.reason == header
        )
    }

    // MARK: CR-only line ends and byte-order marks

    /// The file's bytes with its line ends made `ending` and, optionally, a UTF-8 BOM first.
    func variant(of path: String, ending: String, bom: Bool, _ name: String) throws -> String {
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "\r\n", with: "\n")
        return write((bom ? [0xEF, 0xBB, 0xBF] : []) + Array(text.replacingOccurrences(of: "\n", with: ending).utf8), name)
    }

    @Test(
        .enabled(if: samplesPresent, "the open-data samples of ../shared/opendata are absent"),
        arguments: [("\r", false), ("\r", true), ("\r\n", true), ("\n", true)])
    func everyFormatIsReadTheSameWithCROnlyLineEndsOrABOM(ending: String, bom: Bool) throws {
        let territory: Set<String> = ["01053", "01033", "01004", "75056"]
        let rpps = try RPPSImport.count(fileAt: Self.rppsSample, communes: territory)
        let rppsVariant = try RPPSImport.count(
            fileAt: variant(of: Self.rppsSample, ending: ending, bom: bom, "rpps.txt"), communes: territory)
        #expect(rppsVariant == rpps)
        #expect(rpps.rows == 22)
        let finess = try FINESSImport.structures(fileAt: Self.finessSample, communes: territory)
        #expect(
            try FINESSImport.structures(fileAt: variant(of: Self.finessSample, ending: ending, bom: bom, "finess.csv"), communes: territory)
                == finess)
        #expect(finess.count == 39)
        let slice = try String(contentsOfFile: Self.inseeSample, encoding: .utf8).components(separatedBy: "\r\n").prefix(2000).joined(
            separator: "\n")
        let inseeSlice = write(slice, "insee.csv")
        let insee = try PopulationImport.populations(fileAt: inseeSlice, communes: territory)
        #expect(insee["01053"] == 42_372)
        #expect(
            try PopulationImport.populations(fileAt: variant(of: inseeSlice, ending: ending, bom: bom, "insee2.csv"), communes: territory)
                == insee)
    }

    @Test func theTwoSectionFINESSFileWithABOMIsRead() throws {
        let lines = ["finess;etalab;111;2026-05-12", Self.structure("010000024", "CH DE FLEYRIAT", "451", "01", "355")]
        let path = write([0xEF, 0xBB, 0xBF] + Array(lines.joined(separator: "\n").utf8), "etalab-cs1100507-stock-20260512-0400.csv")
        #expect(try FINESSImport.structures(fileAt: path, communes: ["01451"]).map(\.finess) == ["010000024"])
    }

    @Test func aUTF16FileIsRefusedInFrench() throws {
        let path = write([0xFF, 0xFE] + Array("REG;DEP;COM;PMUN\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, "utf16.csv")
        #expect(
            refusal { () throws(FileProblem) in _ = try PopulationImport.populations(fileAt: path, communes: ["14118"]) }
                == FileProblem(
                    importing: path, line: 1, reason: "fichier en UTF-16 ou UTF-32 : enregistrez-le en UTF-8 (ou latin-1) et réessayez"))
    }

    // MARK: Control characters

    @Test func controlCharactersOfAFINESSFileAreNeverKept() throws {
        let hostile = [
            "\"\u{1B}]0;pwned\u{07}PHARMACIE\u{1B}[2J DU CENTRE\"", "MSP\u{9B}31m DES \u{202E}LACS\u{202C}", "CENTRE\tDE SANTÉ\u{7F}",
        ]
        let lines =
            ["finess;etalab;111;2026-05-12"]
            + hostile.enumerated().map { Self.structure("01000000\($0.offset)", $0.element, "451", "01", "620") }
        let found = try FINESSImport.structures(fileAt: write(lines.joined(separator: "\n"), "two.csv"), communes: ["01451"])
        #expect(found.map(\.name) == ["]0;pwnedPHARMACIE[2J DU CENTRE", "MSP31m DES LACS", "CENTRE DE SANTÉ"])
        for structure in found {
            let text = structure.name + structure.finess + structure.commune + structure.category + structure.categoryLabel
            #expect(
                !text.unicodeScalars.contains { $0.value < 32 || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value) })
        }
    }

    @Test func aWindows1252NameKeepsItsApostropheAndLigature() throws {
        // 0x92 is ’ and 0x9C is œ in Windows-1252, not C1 controls.
        let line = Self.structure("010000001", "PHARMACIE DE L\u{92}\u{9C}UVRE", "451", "01", "620")
        let bytes = Array("finess;etalab;1;2026-05-12\n".utf8) + line.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
        let found = try FINESSImport.structures(fileAt: write(bytes, "latin.csv"), communes: ["01451"])
        #expect(found.first?.name == "PHARMACIE DE L’œUVRE")
    }

    // MARK: Things that are not regular files

    @Test func aDirectoryADeviceAFIFOAndAMissingFileAreRefusedWithoutBlocking() throws {
        try FileManager.default.createDirectory(atPath: directory + "/dossier", withIntermediateDirectories: true)
        let fifo = directory + "/tube"
        #expect(mkfifo(fifo, 0o600) == 0)
        let cases = [
            (directory + "/dossier", "c'est un dossier : indiquez le fichier à importer, pas le dossier qui le contient"),
            (fifo, "c'est un tube nommé (FIFO), pas un fichier ordinaire : enregistrez d'abord les données dans un fichier"),
            ("/dev/zero", "c'est un périphérique, pas un fichier ordinaire : un fichier de données est attendu"),
            (directory + "/absent.txt", "fichier introuvable : vérifiez le chemin (un chemin relatif part du dossier courant)"),
        ]
        for (path, message) in cases {
            let expected = FileProblem(importing: path, line: nil, reason: message)
            #expect(refusal { () throws(FileProblem) in _ = try RPPSImport.count(fileAt: path, communes: ["14118"]) } == expected)
            #expect(refusal { () throws(FileProblem) in _ = try FINESSImport.structures(fileAt: path, communes: ["14118"]) } == expected)
            #expect(
                refusal { () throws(FileProblem) in _ = try PopulationImport.populations(fileAt: path, communes: ["14118"]) } == expected)
        }
    }

    @Test func aUnixSocketIsRefused() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/s.sock"
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        try #require(descriptor >= 0, "no Unix socket can be created here")
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in path.utf8.prefix(raw.count - 1).enumerated() { raw[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        try #require(bound == 0, "the socket path is too long for sockaddr_un here")
        #expect(
            refusal { () throws(FileProblem) in _ = try RPPSImport.count(fileAt: path, communes: ["14118"]) }
                == FileProblem(
                    importing: path, line: nil, reason: "c'est une socket, pas un fichier ordinaire : un fichier de données est attendu"))
    }

    @Test func aPermissionErrorIsSaidInFrench() {
        // As root every file is readable: the sentence is checked on the errno itself (the
        // binary test runs the refusal for real as another user).
        #expect(
            ImportFile.failure("/x/f.txt", errno: EACCES).description
                == "f.txt : lecture non autorisée : vos droits ne permettent pas de lire ce fichier (voir ls -l ; chmod u+r pour l'autoriser)."
        )
    }
}
