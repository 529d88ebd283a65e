import Yams

extension ActionSheetLibrary {
    static let sheetFields: Set = [
        "cle", "intitule", "axe", "leviers", "si", "sauf_si", "toujours_proposee", "constat", "objectif_general",
        "objectifs_operationnels", "description", "pilote", "partenaires", "public", "territoire",
        "calendrier", "moyens", "indicateurs", "lien_prs", "sources",
    ]

    /// Reads the library; `leverKeys` are the levers a fiche may cite (from `leviers.yaml`);
    /// `{ref.clé}` in a text is the value of `national` (nationales.yaml), as in the levers.
    public init(
        yaml: String, file: String = "templates/plan/fiches.yaml", leverKeys: Set<String>,
        national: [String: NationalReference] = [:]
    ) throws(FileProblem) {
        let document = YAMLDocument(file: file)
        let root = try document.root(yaml)
        let fields = try document.mapping(root, allowed: ["axes", "fiches"], what: "la bibliothèque")
        axes = try document.sequence(fields, "axes", in: root, what: "la bibliothèque").compactMap { $0.string?.trimmed }
        sheets = []
        for node in try document.sequence(fields, "fiches", in: root, what: "la bibliothèque") {
            let f = try document.mapping(node, allowed: Self.sheetFields, what: "une fiche")
            let key = try document.string(f, "cle", in: node, what: "fiche")
            guard !sheets.contains(where: { $0.key == key }), key != ActionSheetLibrary.customKey else {
                throw document.fail(f["cle"], "la fiche « \(key) » existe déjà ou porte un nom réservé")
            }
            let what = "fiche \(key)"
            func text(_ name: String) throws(FileProblem) -> String {
                try SynthesisReferences.quoting(
                    document.string(f, name, in: node, what: what).replacingOccurrences(of: "\n", with: " "), node: f[name],
                    document: document, what: what, national: national)
            }
            func list(_ fields: [String: Node], _ name: String, in parent: Node) throws(FileProblem) -> [String] {
                try document.sequence(fields, name, in: parent, what: what).map { item throws(FileProblem) in
                    guard let value = item.string?.trimmed, !value.isEmpty else {
                        throw document.fail(item, "\(what) : « \(name) » contient un élément vide")
                    }
                    return try SynthesisReferences.quoting(value, node: item, document: document, what: what, national: national)
                }
            }
            let axis = try text("axe")
            guard axes.contains(axis) else {
                throw document.fail(f["axe"], "\(what) : l'axe « \(axis) » n'est pas dans la liste « axes » du fichier")
            }
            let levers = f["leviers"] == nil ? [] : try list(f, "leviers", in: node)
            for (index, lever) in levers.enumerated() where !leverKeys.contains(lever) {
                throw document.fail(f["leviers"]?.sequence?[index] ?? f["leviers"], "\(what) : levier inconnu « \(lever) »")
            }
            let conditions = f["si"] == nil ? [] : try Self.conditions(document, f, "si", in: node, what: what)
            let exclusions = f["sauf_si"] == nil ? [] : try Self.conditions(document, f, "sauf_si", in: node, what: what)
            guard let indicatorsNode = f["indicateurs"] else { throw document.fail(node, "\(what) : le champ « indicateurs » manque") }
            let i = try document.mapping(
                indicatorsNode, allowed: ["processus", "resultat", "valeur_cible", "source"], what: "les indicateurs de \(key)")
            sheets.append(
                ActionSheet(
                    key: key, title: try text("intitule"), axis: axis, leverKeys: levers, conditions: conditions, exclusions: exclusions,
                    alwaysSuggested: try document.yesNo(f["toujours_proposee"], name: "toujours_proposee") ?? false,
                    finding: try text("constat"), generalObjective: try text("objectif_general"),
                    operationalObjectives: try list(f, "objectifs_operationnels", in: node), description: try text("description"),
                    lead: try text("pilote"), partners: try list(f, "partenaires", in: node), audience: try text("public"),
                    area: try text("territoire"), schedule: try text("calendrier"), means: try text("moyens"),
                    indicators: .init(
                        process: try list(i, "processus", in: indicatorsNode), result: try list(i, "resultat", in: indicatorsNode),
                        target: try SynthesisReferences.quoting(
                            document.string(i, "valeur_cible", in: indicatorsNode, what: what), node: i["valeur_cible"],
                            document: document, what: what, national: national),
                        source: try document.string(i, "source", in: indicatorsNode, what: what)),
                    prsLink: try text("lien_prs"), sources: try list(f, "sources", in: node)))
        }
    }

    /// `si:` or `sauf_si:`: conditions on the indicators of the synthèse, as in `regles.yaml`.
    /// The conditions of a fiche's « si » or « sauf_si », read as the rules' are.
    static func conditions(
        _ document: YAMLDocument, _ fields: [String: Node], _ name: String, in node: Node, what: String
    ) throws(FileProblem) -> [Condition] {
        try document.sequence(fields, name, in: node, what: what).map { (item: Node) throws(FileProblem) -> Condition in
            try SynthesisReferences.indicatorCondition(item, document: document, what: "\(what), « \(name) »", national: [:]).condition
        }
    }

    /// The answer that starts a fiche of the user's own, outside the library.
    public static let customKey = "nouvelle"
}
