import Foundation
import Testing

/// Issue 10, hostile import files and hand-edited data/ files, through the binary: each
/// refusal is a French sentence naming the file (and the line), exit status 1, the workbook
/// exactly as it was; never a signal, never a hang.
@Suite struct HostileImportTests {
    static let opendata = Binary.projectRoot + "/../shared/opendata"
    static let rppsSample = opendata + "/rpps_PS_LibreAcces_Personne_activite_extrait_2021.txt"
    static let finessSample = opendata + "/finess_etalab_stock_et_20201231_extrait_dep01.csv"
    static let samplesPresent = FileManager.default.fileExists(atPath: rppsSample) && FileManager.default.fileExists(atPath: finessSample)
    static let caen = "Pays test\ncommune\n14118\n"
    static let bourg = "Pays test\ncommune\n01053\n"
    static let rppsHeader =
        "Type d'identifiant PP|Identifiant PP|Code profession|Code savoir-faire|Code mode exercice|Code commune (coord. structure)|"

    /// (The dump shows a JSON value as a quoted string: its quotes are escaped, `\"`.)
    /// A prepared workbook in a fresh sandbox, and its dump before the import.
    static func prepared(_ script: String = caen) throws -> (Sandbox, String, String) {
        let sandbox = Sandbox()
        let workbook = sandbox.path + "/t.sqlite"
        #expect(try Binary.run([workbook], input: script, in: sandbox.path).status == 0)
        return (sandbox, workbook, try InvalidInputTests.dump(workbook))
    }

    /// Runs `/importer KIND FILE` (and `more` lines) on a prepared workbook.
    static func importing(_ kind: String, _ file: String, then more: String = "", in sandbox: Sandbox, workbook: String) throws
        -> Binary.Result
    {
        let outcome = try Binary.run([workbook], input: "/importer \(kind) \(file)\n" + more, in: sandbox.path)
        #expect(!outcome.signaled && !outcome.hung, "signal or hang: \(outcome.errors)")
        return outcome
    }

    /// The refusal users see for `file`, exit status 1, and nothing written.
    static func expectRefusal(_ kind: String, _ file: String, _ message: String, prepared script: String = caen) throws {
        let (sandbox, workbook, before) = try prepared(script)
        let path = file.hasPrefix("/") ? file : sandbox.path + "/" + file
        let outcome = try importing(kind, path, in: sandbox, workbook: workbook)
        #expect(outcome.status == 1)
        let name = (path as NSString).lastPathComponent
        #expect(
            outcome.errors.hasPrefix("Ligne 1 : Import refusé — \(name)\(message). Le classeur n'a pas été modifié."), "\(outcome.errors)")
        #expect(try InvalidInputTests.dump(workbook) == before)
    }

    static func write(_ bytes: [UInt8], _ name: String, in sandbox: Sandbox) -> String {
        #expect(
            FileManager.default.createFile(atPath: sandbox.path + "/" + name, contents: Data(bytes)), "the test file could not be written")
        return sandbox.path + "/" + name
    }

    // MARK: 1-2. Populations out of range

    @Test(arguments: [
        (
            "9223372036854775807",
            ", ligne 2 : population 9 223 372 036 854 775 807 trop grande pour la commune 14118 : 3 000 000 au plus (Paris, la plus peuplée, compte 2 103 778 habitants)"
        ),
        ("-949199", ", ligne 2 : population -949 199 négative pour la commune 14118 : un nombre d'habitants est positif"),
        (
            "0",
            ", ligne 2 : population 0 pour la commune 14118 : seuls les villages « morts pour la France » de la Meuse (55039, 55050, 55139, 55189, 55239, 55307) n'ont aucun habitant"
        ),
    ])
    func aPopulationOutOfRangeIsRefusedWhereItIsRead(value: String, message: String) throws {
        let (sandbox, workbook, before) = try Self.prepared()
        let file = Self.write(Array("REG;DEP;COM;PMUN\n28;14;14118;\(value)\n".utf8), "donnees_communes_2023.csv", in: sandbox)
        let outcome = try Self.importing("populations", file, then: "/synthese\n", in: sandbox, workbook: workbook)
        #expect(outcome.status == 1)
        let errors = outcome.errors.replacingOccurrences(of: "\u{202F}", with: " ")
        #expect(
            errors.hasPrefix("Ligne 1 : Import refusé — donnees_communes_2023.csv\(message). Le classeur n'a pas été modifié."),
            "\(outcome.errors)")
        #expect(try InvalidInputTests.dump(workbook) == before)
    }

    @Test func aMeuseVillageWithoutInhabitantsIsImported() throws {
        let (sandbox, workbook, _) = try Self.prepared("Pays test\ncommune\n55189\n")
        // Another millésime than data/'s (2023), so that the value differs from the answer's.
        let file = Self.write(Array("REG;DEP;COM;PMUN\n44;55;55189;0\n".utf8), "donnees_communes_2016.csv", in: sandbox)
        let outcome = try Self.importing("populations", file, then: "/confirmer territoire.communes\n", in: sandbox, workbook: workbook)
        #expect(outcome.status == 0, "\(outcome.errors)")
        #expect(outcome.output.contains("✓ 1 réponse proposée"))
        #expect(
            try InvalidInputTests.dump(workbook).contains(
                #"annee_population\":2016,\"code\":\"55189\",\"nom\":\"Fleury-devant-Douaumont\",\"population_municipale\":0}"#))
    }

    // MARK: 3. No data row; CR-only line ends

    @Test(arguments: [
        ("rpps", "rpps.txt", rppsHeader + "\n"), ("finess", "finess.csv", "nofinesset;rs;cog;categetab;libcategetab\n"),
        ("populations", "insee.csv", "REG;DEP;COM;PMUN\r\n"),
    ])
    func aHeaderWithoutRowsProposesNothingAndSaysSo(kind: String, name: String, content: String) throws {
        let sandbox = Sandbox()
        _ = Self.write(Array(content.utf8), name, in: sandbox)
        let (other, workbook, before) = try Self.prepared()
        let outcome = try Self.importing(kind, sandbox.path + "/" + name, in: other, workbook: workbook)
        #expect(outcome.status == 1)
        #expect(
            outcome.errors.hasPrefix(
                "Ligne 1 : Import refusé — \(name) : aucune ligne de données lue : le fichier n'a que son en-tête ; rien n'est proposé. Le classeur n'a pas été modifié."
            ), "\(outcome.errors)")
        #expect(!outcome.output.contains("proposée(s)"))
        #expect(try InvalidInputTests.dump(workbook) == before)
    }

    @Test func aFileWithClassicMacLineEndsIsReadLineByLine() throws {
        let (sandbox, workbook, _) = try Self.prepared()
        let file = Self.write(
            Array("REG;DEP;COM;PMUN\r28;14;14117;1000\r28;14;14118;106538\r".utf8), "donnees_communes_2023.csv", in: sandbox)
        let outcome = try Self.importing("populations", file, then: "/confirmer territoire.communes\n", in: sandbox, workbook: workbook)
        #expect(outcome.status == 0, "\(outcome.errors)")
        #expect(outcome.output.contains("✓ 1 réponse proposée"))
        #expect(try InvalidInputTests.dump(workbook).contains(#"population_municipale\":106538}"#))

        let rpps = Self.write(Array((Self.rppsHeader + "\r8|1|60||L|14118|\r8|2|60||S|14118|\r").utf8), "rpps.txt", in: sandbox)
        let counted = try Self.importing(
            "rpps", rpps, then: "/confirmer demographie.infirmiers.effectif\n", in: sandbox, workbook: workbook)
        #expect(counted.status == 0, "\(counted.errors)")
        #expect(counted.output.contains("✓ demographie.infirmiers.effectif = 2 "), "\(counted.output)")
    }

    @Test func rowsThatAreAllOutsideTheTerritoryAreSaidBeforeTheirZerosAreConfirmed() throws {
        let (sandbox, workbook, _) = try Self.prepared()
        let file = Self.write(Array((Self.rppsHeader + "\n8|1|60||L|75056|\n8|2|60||L|75056|\n").utf8), "rpps.txt", in: sandbox)
        let outcome = try Self.importing("rpps", file, in: sandbox, workbook: workbook)
        #expect(outcome.status == 0, "\(outcome.errors)")
        #expect(
            outcome.output.contains(
                "  Attention : aucune des 2 lignes lues ne concerne une commune du territoire (extraction d'un autre département ?) ; les effectifs proposés sont donc 0.\n"
            ))
    }

    // MARK: 4. Things that are not regular files

    @Test func aFIFOADirectoryADeviceAndAMissingFileAreRefusedWithoutBlocking() throws {
        let sandbox = Sandbox()
        #expect(mkfifo(sandbox.path + "/tube", 0o600) == 0)
        try FileManager.default.createDirectory(atPath: sandbox.path + "/extractions", withIntermediateDirectories: true)
        let cases = [
            (
                "rpps", sandbox.path + "/tube",
                " : c'est un tube nommé (FIFO), pas un fichier ordinaire : enregistrez d'abord les données dans un fichier"
            ),
            (
                "finess", sandbox.path + "/extractions",
                " : c'est un dossier : indiquez le fichier à importer, pas le dossier qui le contient"
            ),
            ("populations", "/dev/zero", " : c'est un périphérique, pas un fichier ordinaire : un fichier de données est attendu"),
            (
                "rpps", sandbox.path + "/absent.txt",
                " : fichier introuvable : vérifiez le chemin (un chemin relatif part du dossier courant)"
            ),
        ]
        for (kind, path, message) in cases { try Self.expectRefusal(kind, path, message) }
    }

    @Test func anUnreadableFileIsRefusedInFrench() throws {
        let root = getuid() == 0
        let setpriv = FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")
        try #require(!root || setpriv, "running as root without /usr/bin/setpriv: a permission cannot be refused")
        let sandbox = Sandbox()
        // Run as nobody when root (root reads any file): the sandbox must be theirs to write.
        let user = root ? 65534 : nil
        #expect(chmod(sandbox.path, 0o777) == 0)
        let workbook = sandbox.path + "/t.sqlite"
        #expect(try Binary.run([workbook], input: Self.caen, in: sandbox.path, asUser: user).status == 0)
        let before = try InvalidInputTests.dump(workbook)
        let file = Self.write(Array((Self.rppsHeader + "\n8|1|60||L|14118|\n").utf8), "rpps.txt", in: sandbox)
        #expect(chmod(file, 0o000) == 0)
        let outcome = try Binary.run([workbook], input: "/importer rpps \(file)\n", in: sandbox.path, asUser: user)
        #expect(outcome.status == 1 && !outcome.signaled)
        #expect(
            outcome.errors.hasPrefix(
                "Ligne 1 : Import refusé — rpps.txt : lecture non autorisée : vos droits ne permettent pas de lire ce fichier (voir ls -l ; chmod u+r pour l'autoriser). Le classeur n'a pas été modifié."
            ), "\(outcome.errors)")
        #expect(try InvalidInputTests.dump(workbook) == before)
    }
}
