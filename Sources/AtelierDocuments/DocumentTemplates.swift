import AtelierCore
import Mustache

/// The Mustache templates of a document (`templates/cls/*.mustache`), compiled, with every
/// mistake reported by file and line: syntax errors, inclusion cycles, nesting and size
/// beyond the limits (`TemplateScanner`), and tags that name nothing the document provides
/// (Mustache would silently print nothing for them). Sendable so that a session compiles
/// them once and keeps them (`SessionResources`).
public struct DocumentTemplates: Sendable {
    /// File name (without `.mustache`) → text.
    public let sources: [String: String]
    let library: MustacheLibrary
    let folder: String
    /// The tags of each file, read once by `TemplateScanner`.
    let scans: [String: TemplateScanner.Scan]

    /// Compiles `sources`; `folder` names them in messages (`templates/cls`).
    public init(sources: [String: String], folder: String) throws(FileProblem) {
        self.sources = sources
        self.folder = folder
        var scans: [String: TemplateScanner.Scan] = [:]
        // Every file is scanned before any is parsed: the parser must never see what the scan refuses.
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
            scans[name] = try TemplateScanner.scan(text, file: "\(folder)/\(name).mustache")
        }
        try TemplatePartials.check(scans, folder: folder)
        var library = MustacheLibrary()
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
            do {
                library.register(try MustacheTemplate(string: text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                throw FileProblem(
                    file: "\(folder)/\(name).mustache", line: error.context.lineNumber,
                    reason: Self.describe(error.error))
            } catch {
                throw FileProblem(file: "\(folder)/\(name).mustache", line: nil, reason: Self.describe(error))
            }
        }
        self.library = library
        self.scans = scans
    }

    static func describe(_ error: any Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?: return "la section fermée ici n'est pas celle qui est ouverte ({{#nom}} … {{/nom}})"
        case .unfinishedName?: return "balise mal formée : un nom (lettres, chiffres, . _ -) puis « }} » est attendu"
        case .expectedSectionEnd?: return "section non fermée : {{/nom}} manque"
        case .invalidSetDelimiter?: return "changement de délimiteurs invalide : attendu par exemple {{=<% %>=}}"
        case .transformAppliedToInheritanceSection?: return "une transformation ne s'applique pas à un bloc {{$nom}}"
        case .illegalTokenInsideInheritSection?, .textInsideInheritSection?:
            return "seuls des blocs {{$nom}} … {{/nom}} peuvent figurer entre {{<modèle}} et {{/modèle}}"
        case .invalidConfigVariableSyntax?: return "réglage mal formé : attendu {{% CONTENT_TYPE: TEXT }}"
        case .unrecognisedConfigVariable?: return "réglage inconnu : seul {{% CONTENT_TYPE: TEXT }} (ou HTML) est reconnu"
        case nil: return "balise mal formée ou coupée par la fin du fichier"
        }
    }

    /// Checks that every tag of every template names a key of `context` (or of `schema`, a
    /// context where every list has an element), and every partial exists.
    public func check(against contexts: [[String: Any]]) throws(FileProblem) {
        var known: Set<String> = ["."]
        for context in contexts { Self.collectKeys(context, into: &known) }
        for name in scans.keys.sorted() {
            for tag in scans[name]?.tags ?? [] {
                switch tag.kind {
                case ">", "<":
                    guard sources[tag.name] != nil else {
                        throw FileProblem(
                            file: "\(folder)/\(name).mustache", line: tag.line,
                            reason: "modèle partiel inconnu « \(tag.name) » ({{> \(tag.name)}})")
                    }
                    continue
                case "$", "/":
                    // Block names are not keys; a close repeats the name checked at its opening.
                    continue
                default:
                    break
                }
                let unknown = tag.name.split(separator: ".").map(String.init).first { !known.contains($0) }
                if let unknown, tag.name != "." {
                    // No hint for a name longer than any key: the edit distance grows with its length.
                    let hint =
                        unknown.count > 80
                        ? "" : closestMatch(to: unknown, in: Array(known)).map { " (vouliez-vous dire « \($0) » ?)" } ?? ""
                    throw FileProblem(file: "\(folder)/\(name).mustache", line: tag.line, reason: "balise inconnue « \(tag.name) »\(hint)")
                }
            }
        }
    }

    /// The document from its main template `name`; a missing file is refused rather than
    /// written as an empty document. Every text of the context is made safe for a Markdown
    /// table cell first (`MarkdownText`).
    public func render(_ context: [String: Any], template name: String) throws(FileProblem) -> String {
        guard scans[name] != nil else {
            throw FileProblem(file: "\(folder)/\(name).mustache", line: nil, reason: "modèle principal introuvable")
        }
        let safe = MarkdownText.escaping(context)
        try TemplateBudget.check(scans, main: name, context: context, folder: folder)
        guard let text = library.render(safe, withTemplate: name) else {
            throw FileProblem(file: "\(folder)/\(name).mustache", line: nil, reason: "modèle principal introuvable")
        }
        return text
    }

    static func collectKeys(_ value: Any, into keys: inout Set<String>) {
        if let dictionary = value as? [String: Any] {
            for (key, child) in dictionary {
                keys.insert(key)
                collectKeys(child, into: &keys)
            }
        } else if let array = value as? [Any] {
            for element in array { collectKeys(element, into: &keys) }
        }
    }
}
