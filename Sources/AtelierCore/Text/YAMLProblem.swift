import Yams

/// Yams' errors said in French, with the line: libyaml describes a problem in English
/// (« mapping values are not allowed in this context »), which a user editing a file cannot act on.
enum YAMLProblem {
    /// The mistake behind any error `Yams.compose` throws.
    static func describe(_ error: any Error, in yaml: String, file: String) -> FileProblem {
        switch error {
        case YamlError.scanner(_, let problem, let mark, _), YamlError.parser(_, let problem, let mark, _),
            YamlError.composer(_, let problem, let mark, _):
            return FileProblem(file: file, line: mark.line, column: mark.column, reason: "YAML mal formé : " + french(problem))
        case YamlError.reader(let problem, let offset, _, _):
            return FileProblem(
                file: file, line: offset.map { Self.line(atUTF8Offset: $0, in: yaml) }, reason: "YAML illisible : " + french(problem))
        case YamlError.duplicatedKeysInMapping(let duplicates, let context):
            let name = duplicates.first ?? ""
            return FileProblem(
                file: file, line: secondOccurrence(of: name, after: context.mark, in: yaml) ?? context.mark.line,
                reason:
                    "le champ « \(name) » apparaît deux fois au même niveau (première fois ligne \(context.mark.line)) : gardez-en un seul")
        case YamlError.memory:
            return FileProblem(file: file, line: nil, reason: "YAML trop volumineux pour être lu")
        default:
            return FileProblem(file: file, line: nil, reason: "YAML illisible")
        }
    }

    /// The line and name of the first alias (`*nom`) of a file. Yams expands aliases before the
    /// loaders see anything and hashes every key to find duplicates: ten lines of aliases of
    /// aliases used as keys make a key of 10⁹ nodes, and loading never ends. The shipped files
    /// use none, so they are refused. Read per line, outside quotes and comments, where a node
    /// may start (after `- `, `: `, `? `, `[`, `{`, `,` or at the start of a line).
    static func firstAlias(in yaml: String) -> (line: Int, name: String)? {
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            // Only a line with a « * » can hold an alias: the others are not read character by
            // character (that reading was a third of the start-up's parsing of the questionnaire).
            guard line.utf8.contains(UInt8(ascii: "*")) else { continue }
            let characters = Array(line)
            var quote: Character?
            var previous: Character?  // the last character that is not a space
            for (position, character) in characters.enumerated() {
                if let open = quote {
                    if character == open { quote = nil }
                    previous = character
                    continue
                }
                let before: Character? = position > 0 ? characters[position - 1] : nil
                switch character {
                case "\"", "'":
                    // A quote opens a quoted scalar only where a node starts (« l'accès » is plain).
                    if previous == nil || "-:?[{,".contains(previous!) { quote = character }
                case "#" where before == nil || before!.isWhitespace:
                    break
                case "*"
                where (previous == nil || "-:?[{,".contains(previous!))
                    && (before == nil || before!.isWhitespace || "[{,".contains(before!)):
                    let name = characters[(position + 1)...].prefix { !$0.isWhitespace && !",[]{}".contains($0) }
                    if !name.isEmpty { return (index + 1, String(name)) }
                default:
                    break
                }
                if character == "#", before == nil || before!.isWhitespace { break }
                if !character.isWhitespace { previous = character }
            }
        }
        return nil
    }

    /// The line of the repeated key: the next line that starts, at the first key's column, with
    /// `name:` (or `- name:` for a list item), as an editor shows it. Nil when the mapping is
    /// written otherwise (flow style), and the first occurrence is named instead.
    static func secondOccurrence(of name: String, after mark: Mark, in yaml: String) -> Int? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line >= 1, mark.line <= lines.count else { return nil }
        let column = max(mark.column - 1, 0)
        for index in mark.line..<lines.count {
            let text = lines[index].unicodeScalars
            guard text.count > column else { continue }
            let rest = String(String.UnicodeScalarView(text.dropFirst(column)))
            for key in [name, "\"\(name)\"", "'\(name)'"] where rest.hasPrefix(key) {
                if rest.dropFirst(key.count).drop(while: { $0 == " " }).first == ":" { return index + 1 }
            }
        }
        return nil
    }

    static func line(atUTF8Offset offset: Int, in yaml: String) -> Int {
        1 + yaml.utf8.prefix(max(offset, 0)).reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    }

    /// libyaml's problems, in French; an unknown one is said generally rather than in English.
    static func french(_ problem: String) -> String {
        let known: [String: String] = [
            "mapping values are not allowed in this context":
                "« : » inattendu ici (un texte contenant « : » doit être entre guillemets, ou l'indentation est décalée)",
            "mapping keys are not allowed in this context": "clé inattendue ici (vérifiez l'indentation)",
            "block sequence entries are not allowed in this context": "élément de liste « - » inattendu ici (vérifiez l'indentation)",
            "did not find expected key": "champ attendu « nom: valeur » (vérifiez l'indentation)",
            "did not find expected '-' indicator": "élément de liste « - » attendu (vérifiez l'indentation)",
            "did not find expected node content": "valeur attendue",
            "could not find expected ':'": "« : » attendu après le nom du champ",
            "did not find expected ',' or ']'": "« , » ou « ] » attendu dans la liste entre crochets",
            "did not find expected ',' or '}'": "« , » ou « } » attendu entre accolades",
            "found unexpected end of stream": "fin du fichier au milieu d'un texte entre guillemets",
            "found character that cannot start any token":
                "caractère inattendu (une tabulation dans l'indentation, ou une valeur commençant par @ ou ` à mettre entre guillemets)",
            "found a tab character that violates indentation": "tabulation dans l'indentation : utilisez des espaces",
            "found a tab character where an indentation space is expected": "tabulation dans l'indentation : utilisez des espaces",
            "found unknown escape character": "séquence « \\ » inconnue dans un texte entre guillemets doubles",
            "found undefined alias": "alias « * » vers une ancre « & » inconnue",
            "found unexpected ':'": "« : » inattendu",
            "found unexpected document indicator": "« --- » ou « ... » inattendu au milieu d'un texte",
            "did not find expected <document start>": "un seul document est attendu (« --- » en trop ?)",
            "did not find expected comment or line break": "texte inattendu après la valeur",
            "did not find expected alphabetic or numeric character": "nom d'ancre ou d'alias vide (après & ou *)",
            "found undefined tag handle": "étiquette « ! » inconnue",
            "invalid leading UTF-8 octet": "le fichier n'est pas en UTF-8",
            "invalid trailing UTF-8 octet": "le fichier n'est pas en UTF-8",
            "incomplete UTF-8 octet sequence": "le fichier n'est pas en UTF-8",
            "control characters are not allowed": "caractère de contrôle interdit",
            "found an indentation indicator equal to 0": "indicateur d'indentation 0 interdit après | ou >",
        ]
        if let french = known[problem] { return french }
        if problem.contains("Maximum nesting level") || problem.contains("nesting") { return "imbrication trop profonde" }
        return "structure invalide (vérifiez l'indentation, les « : » et les guillemets)"
    }
}
