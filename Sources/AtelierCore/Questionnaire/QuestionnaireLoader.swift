import Yams

/// Reads `questionnaire.yaml`. Every mistake is reported with its file and line, before the
/// first question is asked.
public enum QuestionnaireLoader {
    static let sectionFields: Set = ["cle", "titre", "introduction", "questions", "sources"]
    static let questionFields: Set = [
        "cle", "libelle", "aide", "type", "choix", "champs", "details", "min", "max", "unite", "max_reponse", "si", "exclusifs",
        "commande",
    ]
    static let listFieldFields: Set = ["cle", "libelle", "type", "choix", "min", "max", "unite", "facultatif"]
    static let typeNames = [
        "texte", "entier", "annee", "decimal", "pourcentage", "montant", "oui_non", "choix",
        "choix_multiples", "date", "code_commune", "communes", "siren_epci", "participants", "fiche_action", "dispositif", "liste",
    ]

    /// - Parameter required: question keys the questionnaire must have (`QuestionKeys.required`
    ///   for the tool's own file; none for the small questionnaires of tests).
    public static func load(yaml: String, file: String, required: [String] = []) throws(FileProblem) -> Questionnaire {
        var reader = Reader(document: YAMLDocument(file: file))
        let questionnaire = try reader.questionnaire(reader.document.root(yaml))
        try reader.checkPresent(required)
        return questionnaire
    }

    struct Reader {
        let document: YAMLDocument
        var seenKeys: [String: Question] = [:]
        /// The line of each section's `cle`, where a missing question is reported.
        var sectionLines: [String: Int] = [:]

        func fail(_ node: Node?, _ message: String) -> FileProblem { document.fail(node, message) }
        func mapping(_ node: Node, allowed: Set<String>, what: String) throws(FileProblem) -> [String: Node] {
            try document.mapping(node, allowed: allowed, what: what)
        }
        func string(_ fields: [String: Node], _ name: String, in node: Node, what: String) throws(FileProblem) -> String {
            try document.string(fields, name, in: node, what: what)
        }
        func yesNo(_ node: Node?, name: String) throws(FileProblem) -> Bool? { try document.yesNo(node, name: name) }
        func bounds(_ fields: [String: Node], kind: QuestionKind, what: String) throws(FileProblem) -> Bounds {
            try QuestionnaireLoader.bounds(fields, kind: kind, what: what, document: document)
        }

        mutating func questionnaire(_ root: Node) throws(FileProblem) -> Questionnaire {
            let fields = try mapping(root, allowed: ["version", "sections"], what: "le questionnaire")
            guard let versionNode = fields["version"], let version = versionNode.int else {
                throw fail(fields["version"] ?? root, "« version » doit être un nombre entier")
            }
            guard let sectionNodes = fields["sections"]?.sequence, !sectionNodes.isEmpty else {
                throw fail(fields["sections"] ?? root, "« sections » doit être une liste non vide")
            }
            var sections: [Section] = []
            for node in Array(sectionNodes) { sections.append(try section(node, existing: sections)) }
            return Questionnaire(version: version, sections: sections)
        }

        mutating func section(_ node: Node, existing: [Section]) throws(FileProblem) -> Section {
            let fields = try mapping(node, allowed: QuestionnaireLoader.sectionFields, what: "une section")
            let key = try string(fields, "cle", in: node, what: "section")
            guard isWellFormedKey(key, segments: 1...1) else {
                throw fail(fields["cle"], "clé de section « \(key) » mal formée (lettres minuscules, chiffres et _)")
            }
            guard !existing.contains(where: { $0.key == key }) else { throw fail(fields["cle"], "la section « \(key) » existe déjà") }
            sectionLines[key] = fields["cle"]?.mark?.line
            let title = try string(fields, "titre", in: node, what: "section \(key)")
            guard let questionNodes = fields["questions"]?.sequence, !questionNodes.isEmpty else {
                throw fail(fields["questions"] ?? node, "section \(key) : « questions » doit être une liste non vide")
            }
            var questions: [Question] = []
            for questionNode in Array(questionNodes) {
                let q = try question(questionNode, sectionKey: key)
                seenKeys[q.key] = q
                questions.append(q)
            }
            let takesSources = try yesNo(fields["sources"], name: "sources") ?? false
            return Section(
                key: key, title: title, introduction: fields["introduction"]?.string?.trimmed, questions: questions,
                takesSources: takesSources)
        }

        /// A question the code reads by name, missing: refused at load rather than found empty later.
        func checkPresent(_ required: [String]) throws(FileProblem) {
            for key in required where seenKeys[key] == nil {
                let section = String(key.prefix { $0 != "." })
                guard let line = sectionLines[section] else {
                    throw FileProblem(
                        file: document.file, line: nil,
                        reason: "la section « \(section) » manque : l'outil a besoin de sa question « \(key) »")
                }
                throw FileProblem(
                    file: document.file, line: line,
                    reason:
                        "la question « \(key) » manque dans la section « \(section) » : l'outil en a besoin (remettez-la, avec cette clé)")
            }
        }

        func question(_ node: Node, sectionKey: String) throws(FileProblem) -> Question {
            let fields = try mapping(node, allowed: QuestionnaireLoader.questionFields, what: "une question")
            let key = try string(fields, "cle", in: node, what: "question")
            guard isWellFormedKey(key, segments: 2...6), key.hasPrefix(sectionKey + ".") else {
                throw fail(
                    fields["cle"],
                    "clé « \(key) » mal formée : elle doit commencer par « \(sectionKey). » et ne contenir que des minuscules, chiffres, _ et points"
                )
            }
            guard seenKeys[key] == nil else { throw fail(fields["cle"], "la clé « \(key) » est déjà utilisée") }
            let label = try string(fields, "libelle", in: node, what: "question \(key)")
            let kind = try self.kind(fields, in: node, what: "question \(key)")
            var bounds = try self.bounds(fields, kind: kind, what: "question \(key)")
            if let maxNode = fields["max_reponse"] {
                // A count is bounded by a count, a share by a share.
                func boundType(_ kind: QuestionKind) -> String? {
                    switch kind {
                    case .integer: "entier"
                    case .percentage: "pourcentage"
                    default: nil
                    }
                }
                guard let typeName = boundType(kind) else {
                    throw fail(maxNode, "question \(key) : « max_reponse » ne s'applique qu'à une question de type entier ou pourcentage")
                }
                guard let other = maxNode.string, let target = seenKeys[other], boundType(target.kind) == typeName else {
                    throw fail(
                        maxNode,
                        "question \(key) : « max_reponse » doit nommer une question de type \(typeName) posée plus haut (« \(maxNode.string ?? "") » n'en est pas une)"
                    )
                }
                bounds.maximumKey = other
            }
            var condition: Condition?
            if let conditionNode = fields["si"] {
                condition = try self.condition(conditionNode)
            }
            var command: String?
            if let commandNode = fields["commande"] {
                guard let name = commandNode.string?.trimmed, name.hasPrefix("/"),
                    CommandCatalog.spec(named: String(name.dropFirst())) != nil
                else {
                    throw fail(commandNode, "question \(key) : « commande » doit nommer une commande de l'outil, comme /prioriser")
                }
                command = name
            }
            let details = try detailFields(fields, of: kind, key: key)
            return Question(
                key: key, label: label, help: fields["aide"]?.string?.trimmed, kind: kind,
                bounds: bounds, condition: condition, exclusiveChoices: try exclusiveChoices(fields["exclusifs"], kind: kind, what: key),
                filledByCommand: command, detailFields: details)
        }

        func condition(_ node: Node) throws(FileProblem) -> Condition {
            let operators = Condition.Operator.allCases.map(\.rawValue).joined(separator: " ")
            guard let text = node.string, let condition = Condition(parsing: text) else {
                throw fail(node, "condition « si » illisible : attendu « clé opérateur valeur » (opérateurs : \(operators))")
            }
            guard let premise = seenKeys[condition.key] else {
                throw fail(node, "la condition porte sur « \(condition.key) », qui n'est pas une question posée plus haut")
            }
            let choices = premise.kind.choices
            if !choices.isEmpty, !choices.contains(where: { $0.folded == condition.operand.folded }) {
                throw fail(node, "« \(condition.operand) » n'est pas un choix de \(condition.key) (\(choices.joined(separator: ", ")))")
            }
            return condition
        }

        func kind(_ fields: [String: Node], in node: Node, what: String) throws(FileProblem) -> QuestionKind {
            let name = try string(fields, "type", in: node, what: what)
            func choices() throws(FileProblem) -> [String] {
                guard let items = fields["choix"]?.sequence?.compactMap({ $0.string?.trimmed }), !items.isEmpty,
                    items.allSatisfy({ !$0.isEmpty })
                else {
                    throw fail(fields["choix"] ?? node, "\(what) : le type « \(name) » demande une liste « choix » non vide")
                }
                guard Set(items.map(\.folded)).count == items.count else { throw fail(fields["choix"], "\(what) : deux choix identiques") }
                return items
            }
            switch name {
            case "texte": return .text
            case "entier": return .integer
            case "annee", "année": return .year
            case "decimal", "décimal": return .decimal
            case "pourcentage": return .percentage
            case "montant": return .amount
            case "oui_non": return .yesNo
            case "choix": return .choice(try choices())
            case "choix_multiples": return .multipleChoice(try choices())
            case "date": return .date
            case "code_commune": return .communeCode
            case "communes": return .communeList
            case "siren_epci": return .epciSiren
            case "participants": return .participantNames
            case "fiche_action": return .actionSheet
            case "dispositif": return .fundingInstrument
            case "liste":
                guard let nodes = fields["champs"]?.sequence.map(Array.init), !nodes.isEmpty else {
                    throw fail(node, "\(what) : le type « liste » demande une liste « champs »")
                }
                return .list(try listFields(nodes, what: what))
            default:
                throw fail(
                    fields["type"],
                    "\(what) : type inconnu « \(name) » (types possibles : \(QuestionnaireLoader.typeNames.joined(separator: ", ")))")
            }
        }

        func listFields(_ nodes: [Node], what: String) throws(FileProblem) -> [ListField] {
            var result: [ListField] = []
            for node in nodes {
                let fields = try mapping(node, allowed: QuestionnaireLoader.listFieldFields, what: "un champ de liste")
                let key = try string(fields, "cle", in: node, what: "champ de liste")
                guard isWellFormedKey(key, segments: 1...1) else { throw fail(fields["cle"], "clé de champ « \(key) » mal formée") }
                guard !result.contains(where: { $0.key == key }) else { throw fail(fields["cle"], "le champ « \(key) » existe déjà") }
                let label = try string(fields, "libelle", in: node, what: "champ \(key)")
                let kind = try self.kind(fields, in: node, what: "champ \(key)")
                if case .list = kind { throw fail(fields["type"], "une liste ne peut pas contenir de liste") }
                let optional = try yesNo(fields["facultatif"], name: "facultatif") ?? false
                result.append(
                    ListField(
                        key: key, label: label, kind: kind,
                        bounds: try bounds(fields, kind: kind, what: "champ \(key)"),
                        optional: optional))
            }
            return result
        }

        func isWellFormedKey(_ key: String, segments: ClosedRange<Int>) -> Bool {
            let parts = key.split(separator: ".", omittingEmptySubsequences: false)
            return segments.contains(parts.count)
                && parts.allSatisfy { part in
                    !part.isEmpty && part.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "_" }
                }
        }
    }
}
