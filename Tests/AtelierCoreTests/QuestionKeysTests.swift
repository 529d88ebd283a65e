import AtelierCore
import Testing

/// The keys the code reads by name, checked by the questionnaire loader.
@Suite struct QuestionKeysTests {
    @Test func theShippedQuestionnaireHasEveryRequiredKey() throws {
        let questionnaire = try QuestionnaireLoader.load(
            yaml: Project.text("templates/questionnaire.yaml"),
            file: "templates/questionnaire.yaml", required: QuestionKeys.required)
        for key in QuestionKeys.required { #expect(questionnaire.question(forKey: key) != nil, "\(key)") }
        #expect(Set(QuestionKeys.required).count == QuestionKeys.required.count)
    }

    @Test func aMissingSectionIsNamedWithTheFile() {
        let yaml =
            "version: 1\nsections:\n  - cle: territoire\n    titre: T\n    questions:\n      - cle: territoire.nom\n        libelle: Nom\n        type: texte\n"
        #expect(
            throws: FileProblem(
                file: "q.yaml", line: nil, reason: "la section « plan » manque : l'outil a besoin de sa question « plan.fiches »")
        ) {
            try QuestionnaireLoader.load(yaml: yaml, file: "q.yaml", required: ["territoire.nom", "plan.fiches"])
        }
        #expect(
            throws: FileProblem(
                file: "q.yaml", line: 3,
                reason:
                    "la question « territoire.communes » manque dans la section « territoire » : l'outil en a besoin (remettez-la, avec cette clé)"
            )
        ) {
            try QuestionnaireLoader.load(yaml: yaml, file: "q.yaml", required: ["territoire.communes"])
        }
    }
}
