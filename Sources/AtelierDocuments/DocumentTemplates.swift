import AtelierCore
import Mustache

/// The Mustache templates of a document (`templates/cls/*.mustache`), compiled, with every
/// mistake reported by file and line: syntax errors from the parser, and tags that name
/// nothing the document provides (Mustache would silently print nothing for them).
public struct DocumentTemplates {
    /// File name (without `.mustache`) → text.
    public let sources: [String: String]
    let library: MustacheLibrary
    let folder: String

    /// Compiles `sources`; `folder` names them in messages (`templates/cls`).
    public init(sources: [String: String], folder: String) throws(TemplateError) {
        self.sources = sources
        self.folder = folder
        var library = MustacheLibrary()
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
            do {
                library.register(try MustacheTemplate(string: text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                throw TemplateError(file: "\(folder)/\(name).mustache", line: error.context.lineNumber,
                                    message: Self.describe(error.error))
            } catch {
                throw TemplateError(file: "\(folder)/\(name).mustache", line: nil, message: "modèle illisible (\(error))")
            }
        }
        self.library = library
    }

    static func describe(_ error: any Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?: return "la section fermée ici n'est pas celle qui est ouverte ({{#nom}} … {{/nom}})"
        case .unfinishedName?: return "balise non terminée : « }} » manque"
        case .expectedSectionEnd?: return "section non fermée : {{/nom}} manque"
        case .invalidSetDelimiter?: return "changement de délimiteurs invalide"
        default: return "erreur de syntaxe Mustache (\(error))"
        }
    }

    /// Checks that every tag of every template names a key of `context` (or of `schema`, a
    /// context where every list has an element), and every partial exists.
    public func check(against contexts: [[String: Any]]) throws(TemplateError) {
        var known: Set<String> = ["."]
        for context in contexts { Self.collectKeys(context, into: &known) }
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
            for tag in Self.tags(in: text) {
                if tag.kind == ">" {
                    guard sources[tag.name] != nil else {
                        throw TemplateError(file: "\(folder)/\(name).mustache", line: tag.line, message: "modèle partiel inconnu « \(tag.name) » ({{> \(tag.name)}})")
                    }
                    continue
                }
                let unknown = tag.name.split(separator: ".").map(String.init).first { !known.contains($0) }
                if let unknown, tag.name != "." {
                    let hint = closestMatch(to: unknown, in: Array(known)).map { " (vouliez-vous dire « \($0) » ?)" } ?? ""
                    throw TemplateError(file: "\(folder)/\(name).mustache", line: tag.line, message: "balise inconnue « \(tag.name) »\(hint)")
                }
            }
        }
    }

    /// The document from its main template `name`; a missing file is refused rather than
    /// written as an empty document.
    public func render(_ context: [String: Any], template name: String) throws(TemplateError) -> String {
        guard let text = library.render(context, withTemplate: name) else {
            throw TemplateError(file: "\(folder)/\(name).mustache", line: nil, message: "modèle principal introuvable")
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

    /// The tags of a template with their kind (`#`, `^`, `/`, `>`, `&`, nil) and line;
    /// comments (`!`) and pragmas (`%`) are left out.
    static func tags(in text: String) -> [(name: String, kind: Character?, line: Int)] {
        var result: [(String, Character?, Int)] = []
        var line = 1
        var index = text.startIndex
        while index < text.endIndex {
            if text[index...].hasPrefix("{{") {
                let triple = text[index...].hasPrefix("{{{")
                let open = text.index(index, offsetBy: triple ? 3 : 2)
                guard let close = text[open...].range(of: triple ? "}}}" : "}}") else { break }
                var body = text[open..<close.lowerBound].trimmed
                var kind: Character? = triple ? "&" : nil
                if let first = body.first, "#^/>&!%=".contains(first) {
                    kind = first
                    body = String(body.dropFirst()).trimmed
                }
                if kind != "!" && kind != "%" && kind != "=" { result.append((body, kind, line)) }
                line += text[index..<close.upperBound].filter { $0 == "\n" }.count
                index = close.upperBound
            } else {
                if text[index] == "\n" { line += 1 }
                index = text.index(after: index)
            }
        }
        return result
    }
}
