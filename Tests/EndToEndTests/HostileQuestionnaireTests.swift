import Foundation
import Testing

/// `templates/questionnaire.yaml` edited by hand: every mistake is refused at startup with the
/// file and the line, before the first question, exit status 1 and no workbook created.
@Suite struct HostileQuestionnaireTests {
    static let effectif =
        "        type: entier\n        min: 0\n        max: 100000\n      - cle: demographie.medecins_generalistes.liberaux\n"

    @Test(arguments: [
        (
            "        type: entier\n        min: 0\n        max: 1e400\n", 3,
            "question demographie.medecins_generalistes.effectif : « max » doit être un nombre entre −1 000 000 000 000 et 1 000 000 000 000 (lu : 1e400)"
        ),
        (
            "        type: entier\n        min: -1e30\n        max: 100000\n", 2,
            "question demographie.medecins_generalistes.effectif : « min » doit être un nombre entre −1 000 000 000 000 et 1 000 000 000 000 (lu : -1e30)"
        ),
        (
            "        type: entier\n        min: 100\n        max: 1\n", 3,
            "question demographie.medecins_generalistes.effectif : « min » (100) dépasse « max » (1) : aucune réponse ne serait acceptée"
        ),
        (
            "        type: entier\n        min: 0\n        max_reponse: territoire.rien\n", 3,
            "question demographie.medecins_generalistes.effectif : « max_reponse » doit nommer une question de type entier posée plus haut (« territoire.rien » n'en est pas une)"
        ),
        (
            "        type: entier\n        min: &zero 0\n        max: *zero\n", 3,
            "alias YAML « *zero » refusé : recopiez la valeur à cet endroit (un alias peut démultiplier le fichier)"
        ),
        (
            "        type: entier\n        min: 0\n        max: 100000\n        min: 1\n", 4,
            "le champ « min » apparaît deux fois au même niveau (première fois ligne "
        ),
    ])
    func aHandEditedQuestionnaireIsRefusedWithFileAndLine(replacement: String, lineInReplacement: Int, message: String) throws {
        let sandbox = Sandbox()
        let resources = try sandbox.copyOfTheTool(["data"])
        try FileManager.default.createDirectory(atPath: resources + "/templates", withIntermediateDirectories: true)
        let original = try String(contentsOfFile: Binary.projectRoot + "/templates/questionnaire.yaml", encoding: .utf8)
        let range = try #require(original.range(of: Self.effectif))
        let start = original[..<range.lowerBound].components(separatedBy: "\n").count
        let yaml = original.replacingCharacters(in: range, with: replacement + "      - cle: demographie.medecins_generalistes.liberaux\n")
        try yaml.write(toFile: resources + "/templates/questionnaire.yaml", atomically: true, encoding: .utf8)

        let result = try Binary.run([sandbox.path + "/t.sqlite", "--ressources", resources], input: "X\n", in: sandbox.path)
        #expect(result.status == 1, "\(result.errors)")
        let line = start + lineInReplacement - 1
        #expect(
            result.errors.hasPrefix("Fichier de configuration invalide — templates/questionnaire.yaml, ligne \(line) : \(message)"),
            "\(result.errors)")
        #expect(result.output.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: sandbox.path + "/t.sqlite"))
    }
}

/// Text typed in a field never becomes a spreadsheet formula nor breaks a Markdown table.
@Suite struct DocumentInjectionTests {
    @Test func aFormulaTypedInAPosteStaysTextAndAPipeStaysInItsCell() throws {
        let sandbox = Sandbox()
        let workbook = sandbox.path + "/plan.sqlite"
        let script = """
            Pays de test
            commune
            50076
            Marie ; Mairie ; élu

            /aller plan.fiches
            creation_msp ; ; ; Mairie | CCAS ; ; ;

            /aller financement
            HT
            1 ; =HYPERLINK("http://exemple.invalid") ; investissement ; 1 000 ; ; 2027
            1 ; Travaux | lot 2 ; investissement ; 500 ; ; 2027
            1 ; @SOMME(A1) ; investissement ; 250 ; ; 2027


            1 ; autofinancement ; acquis ; 1 750 ; ; 2027

            /exporter plan csv
            /exporter cls

            """
        let result = try Binary.run([workbook], input: script, in: sandbox.path)
        #expect(result.status == 0, "\(result.errors)")
        let check = """
            import csv
            rows = list(csv.reader(open('\(sandbox.path)/plan-plan.csv', encoding='utf-8-sig', newline=''), delimiter=';'))
            for r in rows[1:]:
                print(r[4] + '|' + r[8])
            """
        let printed = try python(check)
        #expect(printed.contains("'=HYPERLINK(\"http://exemple.invalid\")|1000,00\n"), "\(printed)")
        #expect(printed.contains("'@SOMME(A1)|250,00\n"), "\(printed)")
        #expect(printed.contains("Travaux | lot 2|500,00\n"), "\(printed)")
        let raw = try String(contentsOfFile: sandbox.path + "/plan-plan.csv", encoding: .utf8)
        #expect(!raw.contains(";=") && !raw.contains(";@"))

        let plan = try String(contentsOfFile: sandbox.path + "/plan-plan.md", encoding: .utf8)
        #expect(plan.contains("| Travaux \\| lot 2 | Investissement |") || plan.contains("| Travaux \\| lot 2 |"), "\(plan)")
        let contract = try String(contentsOfFile: sandbox.path + "/plan-cls.md", encoding: .utf8)
        #expect(contract.contains("| Pilote | Mairie \\| CCAS |"), "\(contract)")
        // Every table row keeps its number of cells.
        for line in contract.components(separatedBy: "\n") where line.hasPrefix("| Pilote") {
            #expect(line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count == 3)
        }
    }
}
