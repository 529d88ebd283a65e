import Foundation
import Testing

/// Issue 10, continued: what a file contains (control characters, byte-order marks) and the
/// data/ files edited by hand.
extension HostileImportTests {
    /// A `structureet;` line of the two-section FINESS file.
    static func structure(_ finess: String, _ name: String, _ commune: String, _ department: String, _ category: String) -> String {
        var fields = [String](repeating: "", count: 32)
        fields[0] = "structureet"; fields[1] = finess; fields[3] = name; fields[12] = commune; fields[13] = department
        fields[18] = category; fields[19] = "libellé"
        return fields.joined(separator: ";")
    }

    static func hasControl(_ text: String) -> Bool {
        text.unicodeScalars.contains {
            ($0.value < 32 && $0.value != 10) || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value)
        }
    }

    // MARK: 5. Control characters

    @Test func controlSequencesOfAFINESSFileReachNeitherTheTerminalNorTheWorkbook() throws {
        let (sandbox, workbook, _) = try Self.prepared(Self.bourg)
        let names = [
            "\"\u{1B}]0;pwned\u{07}PHARMACIE\u{1B}[2J\u{1B}[H DU CENTRE\"", "MSP \u{9B}31mDES \u{202E}SNEBIRT\u{202C}",
            "CENTRE DE SANTÉ\u{7F}\u{08}\u{08}",
        ]
        let lines =
            ["finess;etalab;3;2026-05-12"]
            + names.enumerated().map { Self.structure("01000000\($0.offset)", $0.element, "053", "01", ["620", "603", "124"][$0.offset]) }
        let file = Self.write(Array(lines.joined(separator: "\n").utf8), "etalab-cs1100507-stock-20260512-0400.csv", in: sandbox)
        let outcome = try Self.importing(
            "finess", file, then: "/confirmer structures.liste\n/revoir structures\n", in: sandbox, workbook: workbook)
        #expect(outcome.status == 0, "\(outcome.errors)")
        #expect(outcome.output.contains("]0;pwnedPHARMACIE[2J[H DU CENTRE"))
        #expect(outcome.output.contains("MSP 31mDES SNEBIRT"))
        #expect(!Self.hasControl(outcome.output + outcome.errors))
        // And later sessions replay only what was stored: nothing of it either.
        let dump = try InvalidInputTests.dump(workbook)
        #expect(dump.contains("DU CENTRE"))
        #expect(!Self.hasControl(dump))
        let later = try Binary.run([workbook], input: "/revoir structures\n", in: sandbox.path)
        #expect(later.status == 0 && !Self.hasControl(later.output))
    }

    // MARK: 6. Byte-order marks

    @Test(
        .enabled(if: samplesPresent, "the open-data samples of ../shared/opendata are absent"),
        arguments: ["rpps", "finess à plat", "finess à deux sections", "populations"])
    func aFileStartingWithAUTF8BOMIsRead(format: String) throws {
        let (sandbox, workbook, _) = try Self.prepared(format == "rpps" ? "Pays test\ncommune\n01004\n" : Self.bourg)
        let content: String
        switch format {
        case "rpps": content = try String(contentsOfFile: Self.rppsSample, encoding: .utf8)
        case "finess à plat": content = try String(contentsOfFile: Self.finessSample, encoding: .utf8)
        case "finess à deux sections":
            content = "finess;etalab;1;2026-05-12\n" + Self.structure("010000024", "PHARMACIE DU BOURG", "053", "01", "620") + "\n"
        default: content = "REG;DEP;COM;PMUN\r\n84;01;01053;42000\r\n"
        }
        let kind = format.hasPrefix("finess") ? "finess" : format
        let file = Self.write([0xEF, 0xBB, 0xBF] + Array(content.utf8), "extraction.csv", in: sandbox)
        let outcome = try Self.importing(kind, file, in: sandbox, workbook: workbook)
        #expect(outcome.status == 0, "\(outcome.errors)")
        // FINESS: the structures, the number of pharmacies and the mean time to the nearest one.
        let expected =
            ["rpps": "✓ 10 réponses proposées", "populations": "✓ 1 réponse proposée"][kind] ?? "✓ 3 réponses proposées"
        #expect(outcome.output.contains(expected), "\(outcome.output)")
    }

    // MARK: 7. data/ files edited by hand

    /// A copy of the project's templates/ and data/ with `file` edited, and the session's refusal.
    static func withEditedData(_ file: String, _ edit: (String) -> String) throws -> Binary.Result {
        try withEditedData(
            file,
            replaceBy: { path in
                try edit(try String(contentsOfFile: path, encoding: .utf8)).write(toFile: path, atomically: true, encoding: .utf8)
            })
    }

    static func withEditedData(_ file: String, replaceBy change: (String) throws -> Void) throws -> Binary.Result {
        let sandbox = Sandbox()
        let resources = try sandbox.copyOfTheTool()
        let path = resources + "/data/" + file
        try change(path)
        let workbook = sandbox.path + "/t.sqlite"
        let outcome = try Binary.run(
            [workbook], input: caen + "/synthese\n", in: sandbox.path, environment: ["ATELIER_SANTE_RESSOURCES": resources])
        #expect(!outcome.signaled && !outcome.hung, "\(outcome.errors)")
        return outcome
    }

    @Test func aDataFileReplacedByAFIFOIsRefusedWithoutBlocking() throws {
        let outcome = try Self.withEditedData(
            "epci.tsv",
            replaceBy: { path in
                try FileManager.default.removeItem(atPath: path)
                #expect(mkfifo(path, 0o600) == 0)
            })
        #expect(outcome.status == 1)
        #expect(
            outcome.errors.contains("(data/epci.tsv : ce n'est pas un fichier ordinaire (tube, périphérique ou dossier))"),
            "\(outcome.errors)")
    }

    @Test(arguments: [
        (
            "communes.tsv", "14118\tCaen\t14\t", "14118\tCaen\t14\t9223372036854775807\t2023\t200065597\n",
            "population 9 223 372 036 854 775 807 trop grande pour la commune 14118 : 3 000 000 au plus (Paris, la plus peuplée, compte 2 103 778 habitants)"
        ),
        (
            "communes.tsv", "14118\tCaen\t14\t", "14118\tCaen\t14\t-949199\t2023\t200065597\n",
            "population -949 199 négative pour la commune 14118 : un nombre d'habitants est positif"
        ),
        (
            "communes.tsv", "14118\tCaen\t14\t", "14118\tCaen\t14\t0\t2023\t200065597\n",
            "population 0 pour la commune 14118 : seuls les villages « morts pour la France » de la Meuse (55039, 55050, 55139, 55189, 55239, 55307) n'ont aucun habitant"
        ),
        (
            "communes.tsv", "14118\tCaen\t14\t", "1411\tCaen\t14\t106538\t2023\t200065597\n",
            "code commune « 1411 » invalide (5 caractères INSEE attendus)"
        ),
        (
            "communes.tsv", "14118\tCaen\t14\t", "14118\tCaen\u{1B}]0;x\u{07}\t14\t106538\t2023\t200065597\n",
            "caractère de contrôle (code 27) en colonne 2 : seul du texte est attendu"
        ),
        (
            "communes.tsv", "14118\tCaen\t14\t", "14118\tCaen\t14\t106538\t20230\t200065597\n",
            "année de population « 20230 » invalide (2006 à 2100 attendu)"
        ),
        (
            "epci.tsv", "200065597\t", "200065597\tCU Caen la Mer\tCU\t-48\n",
            "nombre de communes « -48 » invalide (entier de 1 à 40 000 attendu)"
        ),
        (
            "departements.tsv", "14\t", "1A\tCalvados\tNormandie\n",
            "code de département « 1A » invalide (01 à 95, 2A, 2B ou 971 à 976 attendu)"
        ),
    ])
    func aHandEditedDataFileIsRefusedWithItsLine(file: String, linePrefix: String, replacement: String, message: String) throws {
        var number = 0
        let outcome = try Self.withEditedData(file) { text in
            var lines = text.components(separatedBy: "\n")
            guard let index = lines.firstIndex(where: { $0.hasPrefix(linePrefix) }) else { return text }
            number = index + 1
            lines[index] = String(replacement.dropLast())
            return lines.joined(separator: "\n")
        }
        #expect(number > 0)
        #expect(outcome.status == 1)
        let errors = outcome.errors.replacingOccurrences(of: "\u{202F}", with: " ")
        #expect(errors.contains("(data/\(file), ligne \(number) : \(message))"), "\(outcome.errors)")
        #expect(!Self.hasControl(outcome.errors))
    }
}
