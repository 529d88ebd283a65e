import Foundation

/// Numbers, amounts and dates written the way French administrative documents write them:
/// `1 234`, `12,5`, `1 234,50 €`, `22/11/2026`. The thousands separator is a narrow
/// no-break space (U+202F), as in the Imprimerie nationale's rules and CLDR's `fr` locale.
public enum FrenchFormat {
    public static let thousandsSeparator = "\u{202F}"

    /// `1234567` → `1 234 567`.
    public static func integer(_ value: Int) -> String {
        (value < 0 ? "-" : "") + grouped(String(value.magnitude))
    }

    /// A computed figure rounded to a whole number: `2343.6` → `2 344`. Any `Double` is
    /// accepted, however large (a workbook can be edited by hand): beyond `Int`'s range the
    /// digits are those of the double; infinity and NaN are `—`, a figure that does not exist.
    public static func integer(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        let rounded = value.rounded()
        if let exact = Int(exactly: rounded) { return integer(exact) }
        return (rounded < 0 ? "-" : "") + grouped(String(format: "%.0f", rounded.magnitude))
    }

    /// `1234567` (ASCII digits) → `1 234 567`.
    static func grouped(_ digits: String) -> String {
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return groups.joined(separator: thousandsSeparator)
    }

    /// `1234.5` → `1 234,5`, with at most `maximumFractionDigits` digits and no trailing zeros.
    /// From 10¹⁵ on, a double has no fraction digit worth showing: the value is written as a
    /// whole number (and never converted to `Int`, which would trap past 2⁶³).
    public static func decimal(_ value: Double, maximumFractionDigits: Int = 2) -> String {
        guard value.isFinite else { return "—" }
        let digits = min(max(maximumFractionDigits, 0), 9)
        guard value.magnitude < 1e15 else { return integer(value) }
        let scale = pow(10.0, Double(digits))
        let rounded = (value * scale).rounded() / scale
        let whole = Int(rounded.magnitude.rounded(.towardZero))
        var fraction = String(format: "%.\(digits)f", rounded.magnitude - Double(whole))
        fraction = String(fraction.dropFirst(2))  // "0.50" → "50"
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let sign = rounded < 0 ? "-" : ""
        return sign + integer(whole) + (fraction.isEmpty ? "" : "," + fraction)
    }

    /// Always `fractionDigits` decimals, for columns of comparable figures: `9` → `9,0`.
    public static func fixed(_ value: Double, fractionDigits: Int) -> String {
        guard value.isFinite else { return "—" }
        let text = decimal(value, maximumFractionDigits: fractionDigits)
        let decimals = text.split(separator: ",").dropFirst().first?.count ?? 0
        guard decimals < fractionDigits else { return text }
        return text + (decimals == 0 ? "," : "") + String(repeating: "0", count: fractionDigits - decimals)
    }

    /// `12.5` → `12,5 %`.
    public static func percentage(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        return decimal(value, maximumFractionDigits: 1) + "\u{00A0}%"
    }

    /// `part` as a share of `total`: `12,5 %`, or `—` when the total is zero.
    public static func share(_ part: Int, of total: Int) -> String {
        total == 0 ? "—" : percentage(Double(part) / Double(total) * 100)
    }

    /// Cents → `1 234,50 €` (always two decimals, as on a budget line).
    public static func amount(cents: Int) -> String {
        let euros = cents.magnitude / 100, rest = cents.magnitude % 100
        let sign = cents < 0 ? "-" : ""
        return sign + integer(Int(euros)) + "," + (rest < 10 ? "0" : "") + String(rest) + "\u{00A0}€"
    }

    /// A timestamp as a French user reads it: `22/11/2026 14:05`, in the machine's time zone.
    public static func timestamp(_ date: Date, timeZone: TimeZone = .current) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%02d/%02d/%04d %02d:%02d", c.day!, c.month!, c.year!, c.hour!, c.minute!)
    }
}
