import Yams

/// Libéral headcounts of one profession in a département (or France, `999`), Assurance Maladie 2024.
public struct LiberalHeadcount: Sendable, Equatable {
    public var department: String
    public var departmentName: String
    public var count: Int
    /// Per 100 000, as published; kept for traceability, not used (its denominator varies).
    public var publishedDensity: Double
}

/// A finding rule, from `templates/synthese/regles.yaml`.
public struct FindingRule: Sendable {
    public var key: String
    public var conditions: [Condition]
    public var message: String
    public var leverKeys: [String]
    /// The theme of the voices (`concertation.voix`) shown beside its findings; nil when the
    /// rule names none.
    public var theme: String? = nil
    /// The national references its conditions and message cite, each once.
    public var referenceKeys: [String] = []
}

/// Everything the synthèse compares the answers with, loaded from `templates/`.
public struct SynthesisReferences: Sendable {
    public var national: [String: NationalReference]
    /// profession key → département code → headcount.
    public var liberal: [String: [String: LiberalHeadcount]]
    public var rules: [FindingRule]
    public var levers: [String: Lever]
    public static let liberalYear = 2024
    public static let liberalSource = "Assurance Maladie, professionnels libéraux 2024"

    public init(
        nationalYAML: String, liberalTSV: String, rulesYAML: String, leversYAML: String, voiceThemes: [String]? = nil,
        files: (national: String, liberal: String, rules: String, levers: String) = (
            "templates/references/nationales.yaml", "templates/references/effectifs_liberaux_2024.tsv",
            "templates/synthese/regles.yaml", "templates/synthese/leviers.yaml"
        )
    ) throws(FileProblem) {
        national = try Self.national(nationalYAML, file: files.national)
        liberal = try Self.liberal(liberalTSV, file: files.liberal)
        levers = try Self.levers(leversYAML, file: files.levers, national: national)
        rules = try Self.rules(rulesYAML, file: files.rules, levers: levers, national: national, voiceThemes: voiceThemes)
    }

    static func national(_ yaml: String, file: String) throws(FileProblem) -> [String: NationalReference] {
        let document = YAMLDocument(file: file)
        let root = try document.root(yaml)
        let fields = try document.mapping(root, allowed: ["references"], what: "le fichier")
        var result: [String: NationalReference] = [:]
        for node in try document.sequence(fields, "references", in: root, what: "le fichier") {
            let f = try document.mapping(
                node, allowed: ["cle", "libelle", "valeur", "unite", "annee", "source", "source_courte", "confiance", "note"],
                what: "une référence")
            let key = try document.string(f, "cle", in: node, what: "référence")
            guard result[key] == nil else { throw document.fail(f["cle"], "la référence « \(key) » existe déjà") }
            guard let value = try document.number(f, "valeur") else { throw document.fail(node, "référence \(key) : « valeur » manque") }
            guard let year = try document.integer(f, "annee", in: 1900...2100, what: "référence \(key)") else {
                throw document.fail(node, "référence \(key) : « annee » manque")
            }
            let unitName = try document.string(f, "unite", in: node, what: "référence \(key)")
            guard let unit = NationalReference.Unit(rawValue: unitName) else {
                let names = NationalReference.Unit.allCases.map(\.rawValue).joined(separator: ", ")
                throw document.fail(f["unite"], "référence \(key) : unité inconnue « \(unitName) » (unités : \(names))")
            }
            let confidence = try document.confidence(f, in: node, what: "référence \(key)")
            result[key] = NationalReference(
                key: key, label: try document.string(f, "libelle", in: node, what: "référence \(key)"),
                value: value, unit: unit, year: year,
                source: try document.string(f, "source", in: node, what: "référence \(key)"),
                shortSource: try document.string(f, "source_courte", in: node, what: "référence \(key)"),
                confidence: confidence, note: f["note"]?.string?.trimmed)
        }
        return result
    }

    static func liberal(_ tsv: String, file: String) throws(FileProblem) -> [String: [String: LiberalHeadcount]] {
        var result: [String: [String: LiberalHeadcount]] = [:]
        var sawHeader = false
        for (index, raw) in tsv.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.isEmpty || line.hasPrefix("#") { continue }
            if !sawHeader { sawHeader = true; continue }
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 5, let count = Int(f[3]), count >= 0, count <= 10_000_000,
                let density = Double(f[4]), density.isFinite, density >= 0
            else {
                throw FileProblem(
                    file: file, line: index + 1,
                    reason:
                        "ligne attendue : profession, département, libellé, effectif (entier de 0 à 10 000 000), densité (nombre positif), séparés par des tabulations"
                )
            }
            result[f[0], default: [:]][f[1]] = LiberalHeadcount(
                department: f[1], departmentName: f[2], count: count, publishedDensity: density)
        }
        return result
    }

    /// The levers; `{ref.clé}` in an explanation is the reference's value and source, read here
    /// so that updating `nationales.yaml` updates the levers that quote it.
    static func levers(_ yaml: String, file: String, national: [String: NationalReference] = [:]) throws(FileProblem) -> [String: Lever] {
        let document = YAMLDocument(file: file)
        let root = try document.root(yaml)
        let fields = try document.mapping(root, allowed: ["leviers"], what: "le fichier")
        var result: [String: Lever] = [:]
        for node in try document.sequence(fields, "leviers", in: root, what: "le fichier") {
            let f = try document.mapping(node, allowed: ["cle", "titre", "explication", "sources", "confiance"], what: "un levier")
            let key = try document.string(f, "cle", in: node, what: "levier")
            guard result[key] == nil else { throw document.fail(f["cle"], "le levier « \(key) » existe déjà") }
            let sources = try document.sequence(f, "sources", in: node, what: "levier \(key)").compactMap { $0.string }
            result[key] = Lever(
                key: key, title: try document.string(f, "titre", in: node, what: "levier \(key)"),
                explanation: try quoting(
                    document.string(f, "explication", in: node, what: "levier \(key)"), node: f["explication"], document: document,
                    what: "levier \(key)", national: national),
                sources: sources, confidence: try document.string(f, "confiance", in: node, what: "levier \(key)"))
        }
        return result
    }

    static func rules(
        _ yaml: String, file: String, levers: [String: Lever], national: [String: NationalReference] = [:],
        voiceThemes: [String]? = nil
    ) throws(FileProblem) -> [FindingRule] {
        let document = YAMLDocument(file: file)
        let root = try document.root(yaml)
        let fields = try document.mapping(root, allowed: ["regles"], what: "le fichier")
        var result: [FindingRule] = []
        for node in try document.sequence(fields, "regles", in: root, what: "le fichier") {
            let f = try document.mapping(node, allowed: ["cle", "theme", "si", "constat", "leviers"], what: "une règle")
            let key = try document.string(f, "cle", in: node, what: "règle")
            let theme = try ruleTheme(f, in: node, document: document, rule: key, voiceThemes: voiceThemes)
            var conditions: [Condition] = []
            var referenceKeys: [String] = []
            for conditionNode in try document.sequence(f, "si", in: node, what: "règle \(key)") {
                let (condition, reference) = try indicatorCondition(
                    conditionNode, document: document, what: "règle \(key)", national: national)
                if let reference, !referenceKeys.contains(reference) { referenceKeys.append(reference) }
                conditions.append(condition)
            }
            let message = try document.string(f, "constat", in: node, what: "règle \(key)")
            for placeholder in placeholders(in: message) {
                if let name = referenceName(placeholder) {
                    guard national[name] != nil else {
                        throw document.fail(
                            f["constat"], unknownReference(name, in: "règle \(key)", national: national) + " dans le constat")
                    }
                    if !referenceKeys.contains(name) { referenceKeys.append(name) }
                } else if !knownIndicators.contains(placeholder) {
                    throw document.fail(f["constat"], "règle \(key) : indicateur inconnu « {\(placeholder)} » dans le constat")
                }
            }
            var leverKeys: [String] = []
            for leverNode in try document.sequence(f, "leviers", in: node, what: "règle \(key)") {
                guard let lever = leverNode.string, levers[lever] != nil else {
                    throw document.fail(
                        leverNode,
                        "règle \(key) : levier inconnu « \(leverNode.string ?? "") » (leviers : \(levers.keys.sorted().joined(separator: ", ")))"
                    )
                }
                leverKeys.append(lever)
            }
            result.append(
                FindingRule(
                    key: key, conditions: conditions, message: message.replacingOccurrences(of: "\n", with: " "), leverKeys: leverKeys,
                    theme: theme, referenceKeys: referenceKeys))
        }
        return result
    }

    static let referencePrefix = "ref."
    static let valueSuffix = ".valeur"

    /// `ref.clé` or `ref.clé.valeur` → `clé`; nil for an indicator.
    static func referenceName(_ placeholder: String) -> String? {
        guard placeholder.hasPrefix(referencePrefix) else { return nil }
        let name = placeholder.dropFirst(referencePrefix.count)
        return String(name.hasSuffix(valueSuffix) ? name.dropLast(valueSuffix.count) : name)
    }

    /// What `{ref.clé}` (value and source) or `{ref.clé.valeur}` (value alone) becomes.
    func quote(_ placeholder: String) -> String? {
        guard let name = Self.referenceName(placeholder), let reference = national[name] else { return nil }
        return placeholder.hasSuffix(Self.valueSuffix) ? reference.formattedValue : reference.quoted
    }

    /// The `{indicateur}` names in a message.
    static func placeholders(in message: String) -> [String] {
        var names: [String] = []
        var rest = Substring(message)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}
