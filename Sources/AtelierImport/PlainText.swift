import AtelierCore

/// Text of an import file made safe to store and to print: a FINESS name is shown in tables
/// and replayed by /revoir in later sessions, so an ESC, an OSC title change, a clear-screen
/// or a bidi override in the file must never reach a terminal. Done where the file is read, so
/// that nothing stored carries them.
public enum PlainText {
    /// `bytes` decoded as UTF-8, or as Windows-1252 when they are not UTF-8 (the FINESS files
    /// of some years), without control characters: C0 and DEL are dropped (a tab becomes a
    /// space), as are C1 controls and the bidi embedding, override and isolate marks.
    static func decode(_ bytes: UnsafeRawBufferPointer) -> String {
        let units = bytes.bindMemory(to: UInt8.self)
        // Fast path, most fields: printable ASCII, valid as it is.
        var plain = true
        for byte in units where byte < 32 || byte >= 127 { plain = false; break }
        if plain { return String(decoding: units, as: UTF8.self) }
        let text = String(validating: units, as: UTF8.self) ?? String(String.UnicodeScalarView(units.compactMap(windows1252)))
        return clean(text)
    }

    static func decode(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { decode($0) }
    }

    /// `text` without control characters (a tab or a line end becomes a space): those the
    /// terminal's own filter recognises, and the invisible direction marks (LRM, RLM, ALM), which
    /// have no place in a name read from a national file.
    public static func clean(_ text: String) -> String { TerminalText.plainLine(text) }

    /// A byte of Windows-1252 as its scalar: latin-1, except 0x80–0x9F, which are punctuation
    /// and letters (’ œ € …) there rather than C1 controls; the five undefined bytes are dropped.
    static func windows1252(_ byte: UInt8) -> Unicode.Scalar? {
        guard byte >= 0x80 && byte <= 0x9F else { return Unicode.Scalar(byte) }
        let value = high[Int(byte - 0x80)]
        return value == 0 ? nil : Unicode.Scalar(value)
    }

    private static let high: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]
}
