/// Text typed by users, made safe wherever a template prints it: in a Markdown table row
/// (`| {{pilote}} |`) a `|` would start a new cell and a line break would end the row.
/// Applied once to the whole context, so that no cell of any template is forgotten; outside
/// tables the escapes read the same once the Markdown is displayed.
enum MarkdownText {
    /// `\` → `\\` (else `a\` before an escaped `|` would undo it), `|` → `\|`, any line break → a space.
    static func escape(_ text: String) -> String {
        guard text.contains(where: { $0 == "|" || $0 == "\\" || $0.isNewline }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for character in text {
            switch character {
            case "|": result += "\\|"
            case "\\": result += "\\\\"
            case _ where character.isNewline: result += " "
            default: result.append(character)
            }
        }
        return result
    }

    /// Every string of a context (dictionaries and lists, at any depth) escaped, every
    /// dictionary wrapped in a `DocumentObject`.
    static func escaping(_ value: [String: Any]) -> DocumentObject {
        DocumentObject(fields: value.mapValues(escapingAny))
    }

    private static func escapingAny(_ value: Any) -> Any {
        switch value {
        case let text as String: return escape(text)
        case let dictionary as [String: Any]: return escaping(dictionary)
        case let array as [Any]: return array.map(escapingAny)
        default: return value
        }
    }
}
