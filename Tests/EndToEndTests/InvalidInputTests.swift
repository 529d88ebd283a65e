import Foundation
import GRDB
import Testing

/// Refused lines leave the workbook exactly as it was.
@Suite struct InvalidInputTests {
    /// Every row of every table, as text: what "unchanged" means.
    static func dump(_ path: String) throws -> String {
        try DatabaseQueue(path: path).read { db in
            var text = ""
            for table in ["answer", "answer_event", "skipped_question", "session_state", "workbook"] {
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1") { text += "\(table) \(row)\n" }
            }
            return text
        }
    }

    static let prepared = "Pays test\nEPCI\n200065597\nMarie ; Mairie ; élu\n\n12\n"

    @Test(arguments: [
        ("13", "Ligne 1 : Réponse refusée : 13 est trop grand. Attendu : un nombre entier entre 0 et 12"),
        ("douze", "Ligne 1 : Réponse refusée : « douze » n'est pas un nombre entier."),
        ("1e309", "Ligne 1 : Réponse refusée : « 1e309 » n'est pas un nombre entier."),
        (
            "/modifier territoire.communes 14118 20004",
            "Ligne 1 : Réponse refusée : « 20004 » n'est pas un code commune INSEE (5 caractères"
        ),
        ("/modifier structures.cls_precedent_fin 31/02/2026", "Ligne 1 : Réponse refusée : le 31/02/2026 n'existe pas dans le calendrier."),
        ("/modifier territoire.siren_epci 123456789", "Ligne 1 : Réponse refusée : « 123456789 » n'est pas un numéro SIREN valide."),
        ("/modifier structures.liste MSP ; ; 14118 ; en fonctionnement", "Ligne 1 : Réponse refusée : le champ « Nom » est vide."),
        ("/modifer territoire.nom X", "Ligne 1 : Commande inconnue : /modifer. Vouliez-vous dire /modifier ?"),
        ("/aller", "Ligne 1 : Il manque un argument. Usage : /aller SECTION|CLÉ"),
        (
            "/modifier territoire.porteur -9223372036854775808",
            "Ligne 1 : Réponse refusée : « -9223372036854775808 » n'est pas un des choix."
        ),
    ])
    func aRefusedLineStopsTheScriptAndWritesNothing(line: String, message: String) throws {
        let sandbox = Sandbox()
        let workbook = sandbox.path + "/t.sqlite"
        #expect(try Binary.run([workbook], input: Self.prepared, in: sandbox.path).status == 0)
        let before = try Self.dump(workbook)

        let result = try Binary.run([workbook], input: line + "\n5\n", in: sandbox.path)

        #expect(result.status == 1)
        #expect(result.errors.hasPrefix(message), "\(result.errors)")
        #expect(result.errors.contains("Script interrompu ; les réponses confirmées avant cette ligne sont enregistrées."))
        #expect(try Self.dump(workbook) == before)
    }

    @Test func invalidUTF8IsRefusedWithItsLineNumber() throws {
        let sandbox = Sandbox()
        let workbook = sandbox.path + "/t.sqlite"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Binary.path)
        process.arguments = [workbook]
        process.environment = Binary.baseEnvironment(sandbox.path)
        let input = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // "/passer", then bad bytes
        input.fileHandleForWriting.write(Data([0x2F, 0x70, 0x61, 0x73, 0x73, 0x65, 0x72, 0x0A, 0xC3, 0x28, 0x0A]))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 1)
        #expect(text.hasPrefix("Ligne 2 : Ligne illisible : l'entrée n'est pas du texte UTF-8."))
    }

    @Test func aFileThatIsNotAWorkbookIsRefusedAndLeftUntouched() throws {
        let sandbox = Sandbox()
        let path = sandbox.path + "/donnees.csv"
        let content = Data("code;population\n14118;109400\n".utf8)
        _ = FileManager.default.createFile(atPath: path, contents: content)
        let result = try Binary.run([path], input: "Pays test\n", in: sandbox.path)
        #expect(result.status == 1)
        #expect(result.errors.contains("n'est pas un classeur Atelier Santé"))
        #expect(FileManager.default.contents(atPath: path) == content)
    }

    @Test func aMalformedQuestionnaireIsReportedBeforeTheFirstQuestion() throws {
        let sandbox = Sandbox()
        let resources = try sandbox.copyOfTheTool(["data"])
        try FileManager.default.createDirectory(atPath: resources + "/templates", withIntermediateDirectories: true)
        let yaml = try String(contentsOfFile: Binary.projectRoot + "/templates/questionnaire.yaml", encoding: .utf8)
            .replacingOccurrences(of: "        type: siren_epci\n", with: "        type: siren\n")
        try yaml.write(toFile: resources + "/templates/questionnaire.yaml", atomically: true, encoding: .utf8)
        let line = yaml.components(separatedBy: "\n").firstIndex(of: "        type: siren")! + 1
        let result = try Binary.run([sandbox.path + "/t.sqlite", "--ressources", resources], input: "X\n", in: sandbox.path)
        #expect(result.status == 1)
        #expect(
            result.errors.hasPrefix(
                "Fichier de configuration invalide — templates/questionnaire.yaml, ligne \(line) : question territoire.siren_epci : type inconnu « siren »"
            ))
        #expect(result.output.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: sandbox.path + "/t.sqlite"))
    }
}
