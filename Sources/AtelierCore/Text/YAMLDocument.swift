import Yams

/// Reading a YAML file that a user may edit: every mistake becomes a `FileProblem` with
/// the file and the line, in French.
struct YAMLDocument {
    let file: String

    /// The root node of the file.
    func root(_ yaml: String) throws(FileProblem) -> Node {
        if let alias = YAMLProblem.firstAlias(in: yaml) {
            throw FileProblem(
                file: file, line: alias.line,
                reason: "alias YAML « *\(alias.name) » refusé : recopiez la valeur à cet endroit (un alias peut démultiplier le fichier)")
        }
        do {
            guard let node = try Yams.compose(yaml: yaml) else {
                throw FileProblem(file: file, line: nil, reason: "le fichier est vide")
            }
            return node
        } catch let error as FileProblem {
            throw error
        } catch {
            throw YAMLProblem.describe(error, in: yaml, file: file)
        }
    }

    func fail(_ node: Node?, _ message: String) -> FileProblem {
        FileProblem(file: file, line: node?.mark?.line, reason: message)
    }

    /// The fields of a mapping, refusing names not in `allowed`.
    func mapping(_ node: Node, allowed: Set<String>, what: String) throws(FileProblem) -> [String: Node] {
        guard let mapping = node.mapping else { throw fail(node, "\(what) : une liste de champs « nom: valeur » est attendue") }
        var result: [String: Node] = [:]
        for (keyNode, value) in mapping {
            guard let name = keyNode.string else { throw fail(keyNode, "nom de champ illisible") }
            guard allowed.contains(name) else {
                throw fail(
                    keyNode, "champ inconnu « \(name) » dans \(what) (champs possibles : \(allowed.sorted().joined(separator: ", ")))")
            }
            result[name] = value
        }
        return result
    }

    func string(_ fields: [String: Node], _ name: String, in node: Node, what: String) throws(FileProblem) -> String {
        guard let value = fields[name] else { throw fail(node, "\(what) : le champ « \(name) » manque") }
        guard let text = value.string?.trimmed, !text.isEmpty else {
            throw fail(value, "\(what) : « \(name) » doit être un texte non vide")
        }
        return text
    }

    func sequence(_ fields: [String: Node], _ name: String, in node: Node, what: String) throws(FileProblem) -> [Node] {
        guard let items = fields[name]?.sequence, !items.isEmpty else {
            throw fail(fields[name] ?? node, "\(what) : « \(name) » doit être une liste non vide")
        }
        return Array(items)
    }

    /// Beyond it a figure is a typing slip, and converting it to an `Int` (cents, years) could trap.
    static let numberLimit = 1e15

    /// A finite number, `1 234,5` or `1234.5`; `.inf`, `1e400` and figures beyond ±10¹⁵ are refused.
    func number(_ fields: [String: Node], _ name: String) throws(FileProblem) -> Double? {
        guard let node = fields[name] else { return nil }
        guard let text = node.string, let value = Double(text.replacingOccurrences(of: ",", with: ".")) else {
            throw fail(node, "« \(name) » doit être un nombre")
        }
        guard value.isFinite, abs(value) <= Self.numberLimit else {
            throw fail(node, "« \(name) » doit être un nombre entre −1 000 000 000 000 000 et 1 000 000 000 000 000")
        }
        return value
    }

    /// A year as written (2024), any other figure grouped (1 000 000).
    static func shown(_ value: Int) -> String { abs(value) < 10_000 ? String(value) : FrenchFormat.integer(value) }

    /// A whole number within `range` (a year, a count).
    func integer(_ fields: [String: Node], _ name: String, in range: ClosedRange<Int>, what: String) throws(FileProblem) -> Int? {
        guard let value = try number(fields, name) else { return nil }
        guard value == value.rounded(), value >= Double(range.lowerBound), value <= Double(range.upperBound) else {
            throw fail(
                fields[name],
                "\(what) : « \(name) » doit être un nombre entier entre \(Self.shown(range.lowerBound)) et \(Self.shown(range.upperBound))")
        }
        return Int(value)
    }

    /// The `confiance` field of a sourced figure: « sûr » or « incertain ».
    func confidence(_ fields: [String: Node], in node: Node, what: String) throws(FileProblem) -> String {
        let confidence = try string(fields, "confiance", in: node, what: what)
        guard ["sûr", "incertain"].contains(confidence) else {
            throw fail(fields["confiance"], "\(what) : « confiance » vaut « sûr » ou « incertain »")
        }
        return confidence
    }

    /// `oui`/`non` (or YAML's true/false), as a French editor writes them.
    func yesNo(_ node: Node?, name: String) throws(FileProblem) -> Bool? {
        guard let node else { return nil }
        switch node.string?.folded {
        case "oui", "true": return true
        case "non", "false": return false
        default: throw fail(node, "« \(name) » doit valoir oui ou non")
        }
    }
}
