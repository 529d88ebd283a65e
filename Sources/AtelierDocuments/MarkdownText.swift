/// Text typed by users, made safe wherever a template prints it: in a Markdown table row
/// (`| {{pilote}} |`) a `|` would start a new cell and a line break would end the row.
/// Applied once to the whole context, so that no cell of any template is forgotten; outside
/// tables the escapes read the same once the Markdown is displayed.
enum MarkdownText {
    /// `\` → `\\` (else `a\` before an escaped `|` would undo it), `|` → `\|`, any line break → a space.
    static func escape(_ text: String) -> String {
        guard needsEscaping(text) else { return text }
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

    /// Whether `text` has a `|`, a `\` or a line break (U+000A–U+000D, U+0085, U+2028, U+2029,
    /// what `Character.isNewline` accepts), read from the UTF-8 bytes: most texts of a context
    /// have none, and walking them by grapheme was a tenth of an export.
    static func needsEscaping(_ text: String) -> Bool {
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in text.utf8 {
            switch byte {
            case 0x0A...0x0D, UInt8(ascii: "|"), UInt8(ascii: "\\"): return true
            case 0x85 where previous == 0xC2: return true
            case 0xA8, 0xA9: if previous == 0x80 && beforePrevious == 0xE2 { return true }
            default: break
            }
            beforePrevious = previous
            previous = byte
        }
        return false
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
