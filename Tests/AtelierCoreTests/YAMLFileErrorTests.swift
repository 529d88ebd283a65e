import Testing

@testable import AtelierCore

/// Every YAML file a user may edit reports a mistake in French with its line, whichever
/// loader reads it; numbers read from them are finite and within range.
@Suite struct YAMLFileErrorTests {
    static let sheetKeys = Set(Project.library.sheets.map(\.key))
    static let leverKeys = Set(Project.synthesisReferences.levers.keys)

    /// Loads `yaml` as the file `name` of the project; the error, if any.
    static func load(_ name: String, _ yaml: String) -> FileProblem? {
        do {
            switch name {
            case "templates/questionnaire.yaml": _ = try QuestionnaireLoader.load(yaml: yaml, file: name)
            case "templates/financement/catalogue.yaml": _ = try FundingCatalogue(yaml: yaml, file: name, sheetKeys: sheetKeys)
            case "templates/plan/fiches.yaml":
                _ = try ActionSheetLibrary(yaml: yaml, file: name, leverKeys: leverKeys, national: Project.synthesisReferences.national)
            default:
                let files = (
                    national: "templates/references/nationales.yaml", liberal: "templates/references/effectifs_liberaux_2024.tsv",
                    rules: "templates/synthese/regles.yaml", levers: "templates/synthese/leviers.yaml"
                )
                func file(_ path: String) -> String { path == name ? yaml : Project.text(path) }
                _ = try SynthesisReferences(
                    nationalYAML: file(files.national), liberalTSV: file(files.liberal),
                    rulesYAML: file(files.rules), leversYAML: file(files.levers), files: files)
            }
            return nil
        } catch {
            return error
        }
    }

    static let files = [
        "templates/questionnaire.yaml", "templates/financement/catalogue.yaml", "templates/plan/fiches.yaml",
        "templates/references/nationales.yaml", "templates/synthese/regles.yaml", "templates/synthese/leviers.yaml",
    ]

    @Test(arguments: files)
    func theShippedFileLoads(name: String) {
        #expect(Self.load(name, Project.text(name)) == nil)
    }

    /// The first `cle:` of the file repeated on the next line: a duplicate key in one mapping.
    @Test(arguments: files)
    func aDuplicateKeyIsSaidInFrenchWithTheLineOfTheRepeat(name: String) throws {
        var lines = Project.text(name).components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix("- cle:") })
        let indent = String(lines[index].prefix { $0 == " " }) + "  "
        lines.insert(indent + "cle: doublon", at: index + 1)
        let error = try #require(Self.load(name, lines.joined(separator: "\n")))
        #expect(
            error
                == FileProblem(
                    file: name, line: index + 2,
                    reason: "le champ « cle » apparaît deux fois au même niveau (première fois ligne \(index + 1)) : gardez-en un seul"))
    }

    @Test(arguments: [
        ("a: [1, 2\n", 2, "YAML mal formé : « , » ou « ] » attendu dans la liste entre crochets"),
        (
            "a: b: c\n", 1,
            "YAML mal formé : « : » inattendu ici (un texte contenant « : » doit être entre guillemets, ou l'indentation est décalée)"
        ),
        (
            "a:\n\t- b\n", 2,
            "YAML mal formé : caractère inattendu (une tabulation dans l'indentation, ou une valeur commençant par @ ou ` à mettre entre guillemets)"
        ),
        ("a: \"non fermé\n", 2, "YAML mal formé : fin du fichier au milieu d'un texte entre guillemets"),
        (
            "a: @b\n", 1,
            "YAML mal formé : caractère inattendu (une tabulation dans l'indentation, ou une valeur commençant par @ ou ` à mettre entre guillemets)"
        ),
    ])
    func syntaxErrorsAreFrench(yaml: String, line: Int, message: String) {
        let error = Self.load("templates/financement/catalogue.yaml", yaml)
        #expect(error?.line == line, "\(String(describing: error))")
        #expect(error?.reason == message)
    }

    @Test(arguments: [
        ("a0: &a0 [x, x]\na1: &a1 [*a0, *a0]\n? *a1\n: 1\n", 2, "a0"),
        ("a: &a x\nb:\n  - *a\n", 3, "a"),
        ("a: &a x\n*a : 1\n", 2, "a"),
        ("a: &a x\nb: {c: *a}\n", 2, "a"),
        ("a: &a x\nb: l'accès\" : *a\n", 2, "a"),
    ])
    func aliasesAreRefusedBeforeYamsExpandsThem(yaml: String, line: Int, name: String) {
        #expect(
            Self.load("templates/synthese/leviers.yaml", yaml)
                == FileProblem(
                    file: "templates/synthese/leviers.yaml", line: line,
                    reason: "alias YAML « *\(name) » refusé : recopiez la valeur à cet endroit (un alias peut démultiplier le fichier)"))
    }

    @Test func starsInTextsAreNotAliases() {
        #expect(YAMLProblem.firstAlias(in: "a: 2 * 3\nb: \"*x\"\nc: '*y'\nd: texte *z # *w\n# *commentaire\n") == nil)
    }

    @Test func yearsAndAmountsOfTheCatalogueAndReferencesAreRangeChecked() throws {
        let catalogue = Project.text("templates/financement/catalogue.yaml")
        let year = try #require(catalogue.range(of: "annee: 20"))
        let huge = catalogue.replacingCharacters(in: year, with: "annee: 1e400 #")
        #expect(Self.load("templates/financement/catalogue.yaml", huge)?.reason.contains("« annee » doit être un nombre entre") == true)
        let far = catalogue.replacingCharacters(in: year, with: "annee: 99999 #")
        #expect(
            Self.load("templates/financement/catalogue.yaml", far)?.reason.hasSuffix(
                "« annee » doit être un nombre entier entre 1900 et 2100") == true)
        let rate = try #require(catalogue.range(of: "taux_max: "))
        let tooHigh = catalogue.replacingCharacters(in: rate, with: "taux_max: 150 #")
        #expect(
            Self.load("templates/financement/catalogue.yaml", tooHigh)?.reason.hasSuffix("« taux_max » est un pourcentage, entre 0 et 100")
                == true)
        let cap = try #require(catalogue.range(of: "plafond: "))
        let negative = catalogue.replacingCharacters(in: cap, with: "plafond: -5 #")
        #expect(
            Self.load("templates/financement/catalogue.yaml", negative)?.reason.hasSuffix("« plafond » doit être un montant positif")
                == true)
        let national = Project.text("templates/references/nationales.yaml")
        let value = try #require(national.range(of: "valeur: "))
        let infinite = national.replacingCharacters(in: value, with: "valeur: inf #")
        #expect(
            Self.load("templates/references/nationales.yaml", infinite)?.reason
                == "« valeur » doit être un nombre entre −1 000 000 000 000 000 et 1 000 000 000 000 000")
    }
}
