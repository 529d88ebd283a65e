/// Checks on identifiers users type: INSEE commune codes and SIREN numbers.
public enum Identifiers {
    /// A well-formed INSEE commune code: five characters; digits, except `2A`/`2B` followed by
    /// three digits for Corsica (never `20…` since 1976); overseas codes start with 971 to 978.
    /// Well-formed does not mean existing: the reference says whether the commune exists.
    public static func isWellFormedInseeCode(_ code: String) -> Bool {
        let chars = Array(code)
        guard chars.count == 5 else { return false }
        let tail = chars[2...]
        guard tail.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        switch (chars[0], chars[1]) {
        case ("2", "A"), ("2", "B"): return true
        case ("2", "0"): return false
        case ("9", "7"): return ("1"..."8").contains(chars[2])
        case ("9", "6"), ("0", "0"), ("9", "8"), ("9", "9"): return false
        case (let a, let b): return a.isASCII && a.isNumber && b.isASCII && b.isNumber
        }
    }

    /// A SIREN: nine digits whose Luhn checksum holds (every EPCI SIREN of the DGCL list does).
    public static func isValidSiren(_ siren: String) -> Bool {
        let digits = siren.compactMap(\.wholeNumberValue)
        guard siren.count == 9, digits.count == 9 else { return false }
        let sum = digits.reversed().enumerated().reduce(0) { total, item in
            let doubled = item.offset % 2 == 1 ? item.element * 2 : item.element
            return total + (doubled > 9 ? doubled - 9 : doubled)
        }
        return sum % 10 == 0
    }
}
