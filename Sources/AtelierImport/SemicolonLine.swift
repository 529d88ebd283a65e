#if canImport(Glibc)
    import Glibc
#endif

/// Splits a `;`-separated line into fields, with double-quoted fields whose quotes are
/// doubled inside (`"a ""b"";c"`). Bytes are decoded as UTF-8, or Windows-1252 when they are
/// not, without control characters.
enum SemicolonLine {
    static func fields(_ line: UnsafeRawBufferPointer) -> [String] {
        var result: [String] = []
        let count = line.count
        var index = 0
        while true {
            if index < count && line[index] == 34 {
                // Quoted: bytes up to the closing quote, doubled quotes as one, then up to `;`.
                var current: [UInt8] = []
                index += 1
                while index < count {
                    let byte = line[index]
                    if byte == 34 {
                        if index + 1 < count && line[index + 1] == 34 { current.append(34); index += 2; continue }
                        index += 1
                        break
                    }
                    current.append(byte)
                    index += 1
                }
                let end = firstSeparator(line, from: index)
                current.append(contentsOf: UnsafeRawBufferPointer(rebasing: line[index..<end]))
                result.append(decode(current))
                index = end
            } else {
                // Unquoted, the common case: decoded straight from the line.
                let end = firstSeparator(line, from: index)
                result.append(decode(UnsafeRawBufferPointer(rebasing: line[index..<end])))
                index = end
            }
            if index >= count { return result }
            index += 1  // the `;`
            if index == count { result.append(""); return result }
        }
    }

    @inline(__always)
    static func firstSeparator(_ line: UnsafeRawBufferPointer, from start: Int) -> Int {
        guard start < line.count, let base = line.baseAddress,
            let found = memchr(base + start, 59, line.count - start)
        else { return line.count }
        return UnsafeRawPointer(found) - base
    }

    /// A field as text without control characters (see `PlainText`).
    static func decode(_ bytes: UnsafeRawBufferPointer) -> String { PlainText.decode(bytes) }
    static func decode(_ bytes: [UInt8]) -> String { PlainText.decode(bytes) }
}
