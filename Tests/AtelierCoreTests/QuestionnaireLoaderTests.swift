import AtelierCore
import Testing

@Suite struct QuestionnaireLoaderTests {
    @Test func theShippedQuestionnaireHasTheStableKeys() throws {
        let keys = Project.questionnaire.questions.map(\.key)
        for key in ["territoire.nom", "territoire.siren_epci", "territoire.communes",
                    "demographie.medecins_generalistes.effectif", "demographie.medecins_generalistes.age_60_plus"] {
            #expect(keys.contains(key), "missing \(key)")
        }
        #expect(Set(keys).count == keys.count)
        #expect(Project.questionnaire.sections.map(\.key) == ["territoire", "participants", "demographie", "structures", "mobilites", "plan", "contrat", "financement"])
    }

    @Test func theReadmeListsEveryKey() throws {
        let readme = Project.text("README.md")
        for key in Project.questionnaire.questions.map(\.key) {
            #expect(readme.contains("`\(key)`"), "README does not list \(key)")
        }
    }

    func loadError(_ yaml: String) -> TemplateError? {
        do {
            _ = try QuestionnaireLoader.load(yaml: yaml, file: "q.yaml")
            return nil
        } catch {
            return error
        }
    }

    static let header = "version: 1\nsections:\n  - cle: s\n    titre: S\n    questions:\n"

    @Test(arguments: [
        ("      - cle: s.a\n        libelle: A\n        type: entiers\n", 8, "type inconnu « entiers »"),
        ("      - cle: s.a\n        libelle: A\n", 6, "le champ « type » manque"),
        ("      - cle: autre.a\n        libelle: A\n        type: texte\n", 6, "doit commencer par « s. »"),
        ("      - cle: s.a\n        libelle: A\n        type: choix\n", 6, "demande une liste « choix »"),
        ("      - cle: s.a\n        libelle: A\n        type: texte\n        si: s.b = oui\n", 9, "n'est pas une question posée plus haut"),
        ("      - cle: s.a\n        libelle: A\n        type: texte\n        couleur: bleu\n", 9, "champ inconnu « couleur »"),
        ("      - cle: s.a\n        libelle: A\n        type: texte\n      - cle: s.a\n        libelle: B\n        type: texte\n", 9, "déjà utilisée"),
        ("      - cle: s.a\n        libelle: [A\n", 8, "YAML mal formé"),
        ("      - cle: s.a\n        libelle: A\n        type: choix\n        choix: [x, y]\n      - cle: s.b\n        libelle: B\n        type: texte\n        si: s.a = z\n", 13, "« z » n'est pas un choix de s.a"),
    ])
    func mistakesAreReportedWithFileAndLine(body: String, line: Int, message: String) throws {
        let error = try #require(loadError(Self.header + body))
        #expect(error.file == "q.yaml")
        #expect(error.line == line, "\(error)")
        #expect(error.message.contains(message), "\(error)")
    }

    @Test func optionalListFieldsSayOuiOrNon() throws {
        let list = "      - cle: s.l\n        libelle: L\n        type: liste\n        champs:\n          - cle: a\n            libelle: A\n            type: texte\n            facultatif: "
        let questionnaire = try QuestionnaireLoader.load(yaml: Self.header + list + "oui\n", file: "q.yaml")
        guard case .list(let fields) = questionnaire.questions[0].kind else { Issue.record("not a list"); return }
        #expect(fields[0].optional)
        #expect(loadError(Self.header + list + "peut-être\n")?.description == "q.yaml, ligne 13 : « facultatif » doit valoir oui ou non")
    }

    @Test func anEmptyFileIsReported() throws {
        #expect(loadError("")?.description == "q.yaml : le fichier est vide")
    }
}
