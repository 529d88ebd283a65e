import AtelierCore
import Testing

@Suite struct QuestionnaireLoaderTests {
    @Test func theShippedQuestionnaireHasTheStableKeys() throws {
        let keys = Project.questionnaire.questions.map(\.key)
        for key in [
            "territoire.nom", "territoire.siren_epci", "territoire.communes",
            "demographie.medecins_generalistes.effectif", "demographie.medecins_generalistes.age_60_plus",
        ] {
            #expect(keys.contains(key), "missing \(key)")
        }
        #expect(Set(keys).count == keys.count)
        #expect(
            Project.questionnaire.sections.map(\.key) == [
                "territoire", "participants", "demographie", "structures", "mobilites", "sante", "concertation", "plan", "contrat",
                "financement",
            ])
    }

    @Test func theReadmeListsEveryKey() throws {
        let readme = Project.text("README.md")
        for key in Project.questionnaire.questions.map(\.key) {
            #expect(readme.contains("`\(key)`"), "README does not list \(key)")
        }
    }

    func loadError(_ yaml: String) -> FileProblem? {
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
        (
            "      - cle: s.a\n        libelle: A\n        type: texte\n      - cle: s.a\n        libelle: B\n        type: texte\n", 9,
            "déjà utilisée"
        ),
        ("      - cle: s.a\n        libelle: [A\n", 8, "YAML mal formé"),
        (
            "      - cle: s.a\n        libelle: A\n        type: choix\n        choix: [x, y]\n      - cle: s.b\n        libelle: B\n        type: texte\n        si: s.a = z\n",
            13, "« z » n'est pas un choix de s.a"
        ),
    ])
    func mistakesAreReportedWithFileAndLine(body: String, line: Int, message: String) throws {
        let error = try #require(loadError(Self.header + body))
        #expect(error.file == "q.yaml")
        #expect(error.line == line, "\(error)")
        #expect(error.reason.contains(message), "\(error)")
    }

    @Test func optionalListFieldsSayOuiOrNon() throws {
        let list =
            "      - cle: s.l\n        libelle: L\n        type: liste\n        champs:\n          - cle: a\n            libelle: A\n            type: texte\n            facultatif: "
        let questionnaire = try QuestionnaireLoader.load(yaml: Self.header + list + "oui\n", file: "q.yaml")
        guard case .list(let fields) = questionnaire.questions[0].kind else { Issue.record("not a list"); return }
        #expect(fields[0].optional)
        #expect(loadError(Self.header + list + "peut-être\n")?.description == "q.yaml, ligne 13 : « facultatif » doit valoir oui ou non.")
    }

    static let count = "      - cle: s.n\n        libelle: N\n        type: entier\n"

    @Test(arguments: [
        (
            "        max: 1e400\n", 9,
            "question s.n : « max » doit être un nombre entre −1 000 000 000 000 et 1 000 000 000 000 (lu : 1e400)"
        ),
        (
            "        min: -1e30\n", 9,
            "question s.n : « min » doit être un nombre entre −1 000 000 000 000 et 1 000 000 000 000 (lu : -1e30)"
        ),
        ("        max: inf\n", 9, "question s.n : « max » doit être un nombre entre −1 000 000 000 000 et 1 000 000 000 000 (lu : inf)"),
        ("        max: nan\n", 9, "question s.n : « max » doit être un nombre entre −1 000 000 000 000 et 1 000 000 000 000 (lu : nan)"),
        ("        max: .inf\n", 9, "question s.n : « max » doit être un nombre"),
        ("        min: 100\n        max: 1\n", 10, "question s.n : « min » (100) dépasse « max » (1) : aucune réponse ne serait acceptée"),
        ("        max: 2,5\n", 9, "question s.n : « max » doit être un nombre entier (lu : 2,5)"),
        ("        max: beaucoup\n", 9, "question s.n : « max » doit être un nombre"),
        (
            "        max_reponse: s.inconnue\n", 9,
            "question s.n : « max_reponse » doit nommer une question de type entier posée plus haut (« s.inconnue » n'en est pas une)"
        ),
    ])
    func boundsAreFiniteOrderedAndPrintable(bound: String, line: Int, message: String) throws {
        let error = try #require(loadError(Self.header + Self.count + bound))
        #expect(error == FileProblem(file: "q.yaml", line: line, reason: message))
    }

    @Test func maxReponseNamesAnEarlierIntegerQuestionAndBoundsAnInteger() throws {
        let text = "      - cle: s.t\n        libelle: T\n        type: texte\n"
        #expect(
            loadError(Self.header + text + Self.count + "        max_reponse: s.t\n")?.reason
                == "question s.n : « max_reponse » doit nommer une question de type entier posée plus haut (« s.t » n'en est pas une)")
        let decimal = "      - cle: s.d\n        libelle: D\n        type: decimal\n        max_reponse: s.n\n"
        #expect(
            loadError(Self.header + Self.count + decimal)
                == FileProblem(
                    file: "q.yaml", line: 12,
                    reason: "question s.d : « max_reponse » ne s'applique qu'à une question de type entier ou pourcentage"))
        // A share is bounded by a share, never by a count.
        let share = "      - cle: s.p\n        libelle: P\n        type: pourcentage\n        max_reponse: s.n\n"
        #expect(
            loadError(Self.header + Self.count + share)?.reason
                == "question s.p : « max_reponse » doit nommer une question de type pourcentage posée plus haut (« s.n » n'en est pas une)")
        #expect(
            loadError(Self.header + text.replacingOccurrences(of: "texte\n", with: "texte\n        max: 3\n"))
                == FileProblem(
                    file: "q.yaml", line: 9,
                    reason: "question s.t : « max » ne s'applique qu'aux types entier, annee, decimal, pourcentage et montant"))
        let amount =
            "      - cle: s.m\n        libelle: M\n        type: montant\n        min: -1000000000000\n        max: 1000000000000\n"
        let questionnaire = try QuestionnaireLoader.load(yaml: Self.header + amount, file: "q.yaml")
        // The widest bounds print without trapping (cents in an Int).
        #expect(
            AnswerParser(reference: Project.reference).expectation(
                for: questionnaire.questions[0].kind, bounds: questionnaire.questions[0].bounds
            ).contains("000,00"))
    }

    @Test func aListFieldBoundIsCheckedTheSameWay() throws {
        let list =
            "      - cle: s.l\n        libelle: L\n        type: liste\n        champs:\n          - cle: a\n            libelle: A\n            type: entier\n            min: 5\n            max: 2\n"
        #expect(
            loadError(Self.header + list)
                == FileProblem(
                    file: "q.yaml", line: 14, reason: "champ a : « min » (5) dépasse « max » (2) : aucune réponse ne serait acceptée"))
    }

    @Test func aDuplicateKeyIsSaidInFrenchWithTheLineOfTheRepeat() throws {
        let body = "      - cle: s.a\n        libelle: A\n        type: texte\n        libelle: B\n"
        #expect(
            loadError(Self.header + body)
                == FileProblem(
                    file: "q.yaml", line: 9,
                    reason: "le champ « libelle » apparaît deux fois au même niveau (première fois ligne 7) : gardez-en un seul"))
        #expect(loadError("version: 1\nversion: 2\nsections: []\n")?.line == 2)
    }

    @Test func anEmptyFileIsReported() throws {
        #expect(loadError("")?.description == "q.yaml : le fichier est vide.")
    }
}
