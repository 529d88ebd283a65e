import Foundation
import Testing

/// `/importer` and `/confirmer` through the binary.
@Suite struct ImportSessionTests {
    static let generator = Binary.projectRoot + "/../shared/tools/gen_rpps.py"

    @Test(.enabled(if: FileManager.default.fileExists(atPath: generator), "the RPPS generator of ../shared/tools is absent"))
    func aGeneratedNationalFileIsImportedForARealEPCIAndConfirmed() throws {
        let sandbox = Sandbox()
        let file = sandbox.path + "/PS_LibreAcces_Personne_activite_202611020900.txt"
        _ = try python(
            "import subprocess, sys; subprocess.run([sys.executable, '\(Self.generator)', '--rows', '40000', '--out', '\(file)'], check=True, capture_output=True)"
        )

        // The counts, computed independently from the same file for the EPCI's communes.
        let expected = try python(
            """
            import csv
            communes = {l.split('\\t')[0] for l in open('\(Binary.projectRoot)/data/communes.tsv', encoding='utf-8') if l.rstrip('\\n').endswith('\\t243000643')}
            gps, nurses, liberal_nurses = set(), set(), set()
            with open('\(file)', encoding='utf-8') as f:
                header = f.readline().rstrip('\\n').split('|')
                i = {name: header.index(name) for name in ('Identifiant PP', 'Code profession', 'Code savoir-faire', 'Code mode exercice', 'Code commune (coord. structure)')}
                for line in f:
                    r = line.rstrip('\\n').split('|')
                    if r[i['Code commune (coord. structure)']] not in communes: continue
                    if r[i['Code profession']] == '10' and r[i['Code savoir-faire']] in ('SM26', 'SM53', 'SM54'): gps.add(r[i['Identifiant PP']])
                    if r[i['Code profession']] == '60':
                        nurses.add(r[i['Identifiant PP']])
                        if r[i['Code mode exercice']] == 'L': liberal_nurses.add(r[i['Identifiant PP']])
            print(len(communes), len(gps), len(nurses), len(liberal_nurses))
            """
        ).split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        #expect(expected.count == 4 && expected[0] == 39)

        let script = """
            CA de Nîmes Métropole
            EPCI
            243000643
            Marie Dupont ; Mairie ; élu

            /participant Marie Dupont
            /importer rpps \(file)
            /confirmer
            /confirmer
            /confirmer
            /confirmer
            /revoir demographie
            """
        let workbook = sandbox.path + "/nimes.sqlite"
        // Wide enough for /revoir to show the source (it is left out at 100 columns, with a note).
        let result = try Binary.run([workbook], input: script + "\n", in: sandbox.path, environment: ["COLUMNS": "250"])
        #expect(result.status == 0, "\(result.errors)")
        // 10 headcounts, and from the distances to care: the mean time to a GP, the shares beyond
        // 10, 20 and 30 minutes, the outside poles.
        #expect(result.output.contains("✓ 15 réponses proposées en "))
        let source = "Annuaire Santé (RPPS), extraction du 02/11/2026 (PS_LibreAcces_Personne_activite_202611020900.txt)"
        #expect(
            result.output.contains("✓ demographie.medecins_generalistes.effectif = \(expected[1]) (source : \(source) ; par Marie Dupont)"))
        #expect(result.output.contains("✓ demographie.infirmiers.effectif = \(expected[2]) (source : \(source) ; par Marie Dupont)"))
        #expect(result.output.contains("✓ demographie.infirmiers.liberaux = \(expected[3]) (source : \(source) ; par Marie Dupont)"))
        // /revoir shows the confirmed answers with their source; the others stay proposals.
        let review = result.output.components(separatedBy: "Démographie des professionnels de santé\n").last ?? ""
        #expect(review.contains("demographie.infirmiers.liberaux"))
        #expect(review.contains(source))
        #expect(!review.contains("\n  demographie.masseurs_kinesitherapeutes.effectif "), "not confirmed: not an answer")
        #expect(result.output.contains("Proposition de l'import : "))
    }

    @Test func aMalformedFileLeavesTheWorkbookExactlyAsItWas() throws {
        let sandbox = Sandbox()
        let workbook = sandbox.path + "/t.sqlite"
        #expect(try Binary.run([workbook], input: "Pays test\ncommune\n14118\n", in: sandbox.path).status == 0)
        let before = try InvalidInputTests.dump(workbook)
        let file = sandbox.path + "/rpps.txt"
        try
            "Type d'identifiant PP|Identifiant PP|Code profession|Code savoir-faire|Code mode exercice|Code commune (coord. structure)|\n8|1|60||L|14118|\n8|2|60||L|\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let result = try Binary.run([workbook], input: "/importer rpps \(file)\n", in: sandbox.path)
        #expect(result.status == 1)
        #expect(
            result.errors.hasPrefix(
                "Ligne 1 : Import refusé — rpps.txt, ligne 3 : 6 champs au lieu de 7 (ligne tronquée ou mal formée). Le classeur n'a pas été modifié."
            ), "\(result.errors)")
        #expect(try InvalidInputTests.dump(workbook) == before)
    }
}
