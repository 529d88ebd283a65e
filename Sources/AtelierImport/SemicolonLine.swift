/// Splits a `;`-separated line into fields, with double-quoted fields whose quotes are
/// doubled inside (`"a ""b"";c"`). Bytes are decoded as UTF-8, or Windows-1252 when they are not, without control characters.
enum SemicolonLine {
    static func fields(_ line: UnsafeRawBufferPointer) -> [String] {
        var result: [String] = []
        var current: [UInt8] = []
        var quoted = false, index = 0
        let count = line.count
        while index < count {
            let byte = line[index]
            if quoted {
                if byte == 34 {
                    if index + 1 < count && line[index + 1] == 34 { current.append(34); index += 1 } else { quoted = false }
                } else {
                    current.append(byte)
                }
            } else if byte == 34 && current.isEmpty {
                quoted = true
            } else if byte == 59 {
                result.append(decode(current))
                current.removeAll(keepingCapacity: true)
            } else {
                current.append(byte)
            }
            index += 1
        }
        result.append(decode(current))
        return result
    }

    /// A field as text without control characters (see `PlainText`).
    static func decode(_ bytes: [UInt8]) -> String {
        PlainText.decode(bytes)
    }
}
