import AtelierCore

/// A tag of a template as swift-mustache's parser reads it: its kind (`#`, `^`, `/`, `>`, `<`,
/// `$`, `&`, nil for a variable), name and line. Comments, pragmas and delimiter changes are
/// consumed by the scan and not listed.
struct TemplateTag: Equatable {
    var name: String
    var kind: Character?
    var line: Int
    /// How many sections enclose the tag (a section's own opening tag counts itself).
    var depth: Int
    /// Characters of text between the previous tag and this one, for `TemplateBudget`.
    var textBefore: Int = 0
}

/// Reads a template before swift-mustache does, so that what would crash or stall the parser
/// or the renderer is refused with a French sentence and a line instead:
/// - the parser and the renderer recurse once per nested section: 5 000 nested sections
///   overflow the stack, so nesting is limited to `maximumDepth`;
/// - the parser measures the rest of the text (`String.distance`, linear) at every tag: its
///   time grows as the number of tags times the size, so both are limited
///   (`maximumCharacters`, `maximumTags`);
/// - every syntax mistake (unclosed comment, tag or section, mismatched close) gets its own
///   sentence, where the parser would give an English code.
/// The scan follows delimiter changes (`{{=<% %>=}}`) as the parser does; a change it could
/// not follow exactly is refused rather than guessed.
enum TemplateScanner {
    /// 13 times the shipped `contrat.mustache` (7 300 characters).
    static let maximumCharacters = 100_000
    /// 11 times the tags of the shipped `contrat.mustache` (133). Measured (debug build): 1 500
    /// tags in 100 000 characters parse in 1 s; 40 000 tags took 28 s.
    static let maximumTags = 1_500
    /// Sections inside sections, partials included; the shipped templates use 3.
    static let maximumDepth = 50

    struct Scan {
        var tags: [TemplateTag] = []
        /// The deepest nesting of sections in the file alone.
        var depth = 0
        /// Characters of text after the last tag.
        var textAfter = 0
    }

    static func scan(_ source: String, file: String) throws(FileProblem) -> Scan {
        func fail(_ line: Int?, _ message: String) -> FileProblem { FileProblem(file: file, line: line, reason: message) }
        guard source.count <= maximumCharacters else {
            throw fail(
                nil,
                "modèle trop long : \(FrenchFormat.integer(source.count)) caractères, au plus \(FrenchFormat.integer(maximumCharacters))")
        }
        let text = Array(source)
        var scan = Scan()
        var start: [Character] = ["{", "{"], end: [Character] = ["}", "}"]
        var open: [(name: String, line: Int)] = []
        var line = 1, index = 0, tagCount = 0, textStart = 0, pendingText = 0

        func matches(_ delimiter: [Character], at position: Int) -> Bool {
            guard position + delimiter.count <= text.count else { return false }
            for offset in delimiter.indices where text[position + offset] != delimiter[offset] { return false }
            return true
        }
        func find(_ delimiter: [Character], from position: Int) -> Int? {
            var position = position
            while position + delimiter.count <= text.count {
                if matches(delimiter, at: position) { return position }
                position += 1
            }
            return nil
        }
        func newlines(_ range: Range<Int>) -> Int { text[range].reduce(0) { $0 + ($1.isNewline ? 1 : 0) } }
        func shown(_ delimiter: [Character]) -> String { String(delimiter) }

        while index < text.count {
            let character = text[index]
            if character.isNewline { line += 1; index += 1; continue }
            guard character == start[0] else { index += 1; continue }
            guard matches(start, at: index) else { index += 1; continue }
            tagCount += 1
            guard tagCount <= maximumTags else {
                throw fail(line, "modèle trop chargé : plus de \(FrenchFormat.integer(maximumTags)) balises")
            }
            let tagLine = line
            pendingText += index - textStart
            let bodyStart = index + start.count
            let kind: Character? = bodyStart < text.count && "#^/>&!%=<${".contains(text[bodyStart]) ? text[bodyStart] : nil
            guard let close = find(end, from: bodyStart) else {
                let what =
                    kind == "!"
                    ? "commentaire non fermé" : kind == "#" || kind == "^" ? "ouverture de section non terminée" : "balise non terminée"
                throw fail(tagLine, "\(what) : « \(shown(end)) » manque après « \(shown(start)) »")
            }
            var after = close + end.count
            line += newlines(index..<after)
            var body = String(text[(kind == nil ? bodyStart : bodyStart + 1)..<close])
            if kind == "{" {
                guard after < text.count, text[after] == "}" else { throw fail(tagLine, "balise {{{nom}}} non terminée : « }}} » manque") }
                after += 1
            }
            index = after
            textStart = after
            switch kind {
            case "!", "%":
                continue
            case "=":
                guard body.hasSuffix("=") else {
                    throw fail(tagLine, "changement de délimiteurs invalide : attendu par exemple {{=<% %>=}}")
                }
                body.removeLast()
                let parts = body.split(whereSeparator: \.isWhitespace).map(Array.init)
                guard parts.count == 2, parts.allSatisfy(isDelimiter) else {
                    throw fail(
                        tagLine,
                        "changement de délimiteurs invalide : deux délimiteurs séparés par une espace, sans lettre, chiffre ni . - _ ? * ( ) / = (par exemple {{=<% %>=}})"
                    )
                }
                start = parts[0]
                end = parts[1]
                continue
            default:
                break
            }
            let name = body.trimmed
            guard !name.isEmpty else {
                throw fail(
                    tagLine,
                    "balise vide : un nom est attendu entre « \(shown(start))\(kind.map { String($0) } ?? "") » et « \(shown(end)) »")
            }
            switch kind {
            case "#", "^", "$", "<":
                open.append((name, tagLine))
                guard open.count <= maximumDepth else {
                    throw fail(tagLine, "sections imbriquées trop profondément : au plus \(maximumDepth) niveaux")
                }
                scan.depth = max(scan.depth, open.count)
            case "/":
                guard let innermost = open.last else {
                    throw fail(tagLine, "fermeture « \(shown(start))/\(name)\(shown(end)) » sans section ouverte")
                }
                guard innermost.name == name else {
                    throw fail(
                        tagLine,
                        "la section fermée ici (« \(shown(start))/\(name)\(shown(end)) ») n'est pas celle qui est ouverte : « \(innermost.name) », ouverte ligne \(innermost.line), attend « \(shown(start))/\(innermost.name)\(shown(end)) »"
                    )
                }
                open.removeLast()
            default:
                break
            }
            if kind == ">" || kind == "<", name.hasPrefix("*") {
                throw fail(tagLine, "modèle partiel dynamique « \(name) » refusé : nommez le fichier inclus ({{> fiche}})")
            }
            scan.tags.append(TemplateTag(name: name, kind: kind, line: tagLine, depth: open.count, textBefore: pendingText))
            pendingText = 0
        }
        scan.textAfter = pendingText + text.count - textStart
        if let innermost = open.last {
            throw fail(
                innermost.line,
                "section non fermée : « \(shown(start))/\(innermost.name)\(shown(end)) » manque pour la section « \(innermost.name) » ouverte ici"
            )
        }
        return scan
    }

    /// A delimiter the scan and the parser read alike: no whitespace, no `=`, no character of a name.
    static func isDelimiter(_ characters: [Character]) -> Bool {
        !characters.isEmpty
            && characters.allSatisfy { c in
                !c.isWhitespace && c != "=" && !(c.isLetter || c.isNumber || ".-_?*()/".contains(c))
            }
    }
}
