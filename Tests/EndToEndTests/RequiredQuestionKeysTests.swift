import Foundation
import Testing

/// A question the code reads by name (`QuestionKeys.required`) removed from
/// `templates/questionnaire.yaml`: refused at startup, in French, naming the file, the line of
/// the section where it belongs and the key — not found empty in the middle of a session.
@Suite struct RequiredQuestionKeysTests {
    /// The questionnaire without the block of `key` (from its `- cle:` line to the next
    /// question or section), and the line of its section's `- cle:`.
    static func questionnaire(without key: String, section: String) throws -> (yaml: String, sectionLine: Int) {
        let original = try String(contentsOfFile: Binary.projectRoot + "/templates/questionnaire.yaml", encoding: .utf8)
        var lines = original.components(separatedBy: "\n")
        let sectionLine = try #require(lines.firstIndex(of: "  - cle: \(section)")) + 1
        let start = try #require(lines.firstIndex(of: "      - cle: \(key)"))
        let end = lines[(start + 1)...].firstIndex { $0.hasPrefix("      - cle: ") || $0.hasPrefix("  - cle: ") } ?? lines.count
        lines.removeSubrange(start..<end)
        return (lines.joined(separator: "\n"), sectionLine)
    }

    @Test(arguments: [("plan.fiches", "plan"), ("financement.depenses", "financement"), ("territoire.communes", "territoire")])
    func aQuestionTheToolNeedsRemovedIsRefusedAtStartup(key: String, section: String) throws {
        let sandbox = Sandbox()
        let resources = try sandbox.copyOfTheTool()
        let (yaml, sectionLine) = try Self.questionnaire(without: key, section: section)
        try yaml.write(toFile: resources + "/templates/questionnaire.yaml", atomically: true, encoding: .utf8)

        let result = try Binary.run([sandbox.path + "/t.sqlite", "--ressources", resources], input: "X\n", in: sandbox.path)

        #expect(!result.signaled && !result.hung)
        #expect(result.status == 1, "\(result.errors)")
        #expect(
            result.errors.hasPrefix(
                "Fichier de configuration invalide — templates/questionnaire.yaml, ligne \(sectionLine) : "
                    + "la question « \(key) » manque dans la section « \(section) » : l'outil en a besoin"), "\(result.errors)")
        #expect(result.output.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: sandbox.path + "/t.sqlite"))
    }
}
