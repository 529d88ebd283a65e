/// Text from a workbook, an import file or the keyboard made harmless for a terminal.
///
/// A terminal obeys the control characters it receives: an escape sequence can change the
/// window title, clear the screen, move the cursor or redefine keys. Stored text is written by
/// other people (a colleague's session, a file edited by hand, an INSEE or FINESS file), so
/// everything written to the terminal goes through `neutralised`: control characters become
/// visible symbols instead of acting.
public enum TerminalText {
    /// Whether `text` holds a character that acts on a terminal or reorders text: C0 controls
    /// (tabulation and line feed included: a name or a source is one line), DEL, C1 controls,
    /// and the bidirectional overrides and isolates that make text read differently than stored.
    public static func containsControlCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains { isControl($0.value) || isBidiControl($0.value) }
    }

    /// `text` with C0 controls shown as their Unicode pictures (ESC → ␛, BEL → ␇), DEL as ␡,
    /// C1 controls and bidirectional controls as �. Line feeds and tabulations are kept (the
    /// session writes lines of its own that contain them). With `keepingStyles`, the colour and
    /// weight sequences the session writes itself (`ESC [ 1 ; 36 m`, digits and `;` only,
    /// ending in `m`) are kept; nothing else is.
    public static func neutralised(_ text: String, keepingStyles: Bool = false) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.contains(where: { needsReplacement($0.value) }) else { return text }
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let value = scalars[index].value
            if keepingStyles, value == 0x1B, let end = styleSequenceEnd(scalars, from: index) {
                result.append(contentsOf: scalars[index...end])
                index = end + 1
                continue
            }
            if !needsReplacement(value) {
                result.append(scalars[index])
            } else if value < 0x20, let picture = Unicode.Scalar(0x2400 + value) {
                result.append(picture)
            } else if value == 0x7F {
                result.append("\u{2421}")
            } else {
                result.append("\u{FFFD}")
            }
            index += 1
        }
        return String(result)
    }

    /// C0 controls (line feed and tabulation included), DEL and C1 controls.
    public static func isControl(_ value: UInt32) -> Bool {
        value < 0x20 || (0x7F...0x9F).contains(value)
    }

    /// LRE, RLE, PDF, LRO, RLO (U+202A–U+202E) and the isolates LRI, RLI, FSI, PDI (U+2066–U+2069).
    public static func isBidiControl(_ value: UInt32) -> Bool {
        (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
    }

    static func needsReplacement(_ value: UInt32) -> Bool {
        (isControl(value) && value != 0x0A && value != 0x09) || isBidiControl(value)
    }

    /// The index of the `m` ending an SGR sequence `ESC [ (digits|;)* m` starting at `start`.
    static func styleSequenceEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        guard start + 2 < scalars.count, scalars[start + 1] == "[" else { return nil }
        var index = start + 2
        // Our own sequences are short: a longer one is not ours.
        while index < scalars.count, index - start <= 12 {
            let scalar = scalars[index]
            if scalar == "m" { return index }
            guard scalar == ";" || ("0"..."9").contains(scalar) else { return nil }
            index += 1
        }
        return nil
    }

    /// `text` on one line, without control characters (a tab or a line end becomes a space):
    /// those `isControl` recognises, the bidi controls, and the invisible direction marks (LRM,
    /// RLM, ALM), which have no place in a name shown in a sentence or read from a national file.
    public static func plainLine(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value == 9 || value == 10 || value == 13 {
                scalars.append(" ")
            } else if !isControl(value) && !isBidiControl(value) && !directionMarks.contains(value) {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    private static let directionMarks: Set<UInt32> = [0x200E, 0x200F, 0x061C]
}
