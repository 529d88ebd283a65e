/// A cell of a CSV file for a French spreadsheet (`;` separator, decimal comma).
///
/// Text a user typed (a poste, a dispositif) must never run as a formula when the file is
/// opened: as OWASP recommends against CSV injection, a cell starting with `=`, `+`, `-`, `@`,
/// a tab or a carriage return is prefixed with `'` and quoted, so that it shows as typed.
/// A real number (`-1234,50`) is left as it is, so that it stays a number.
enum CSVCell {
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    static func text(_ value: String) -> String {
        var value = value
        if let first = value.unicodeScalars.first.map(Character.init), formulaStarts.contains(first), !isNumber(value) {
            value = "'" + value
            return quoted(value)
        }
        return value.contains(where: { $0 == ";" || $0 == "\"" || $0.isNewline }) ? quoted(value) : value
    }

    static func quoted(_ value: String) -> String {
        "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `-12`, `1234,5`, `-0,50`: an optional minus, ASCII digits, at most one decimal comma.
    static func isNumber(_ value: String) -> Bool {
        var digits = value.utf8[...]
        if digits.first == UInt8(ascii: "-") { digits = digits.dropFirst() }
        let parts = digits.split(separator: UInt8(ascii: ","), maxSplits: 1, omittingEmptySubsequences: false)
        return !digits.isEmpty && parts.count <= 2
            && parts.allSatisfy { part in
                !part.isEmpty && part.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
            }
    }
}
