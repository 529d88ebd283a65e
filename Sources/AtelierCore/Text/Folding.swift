import Foundation

extension String {
    /// The string lowercased and without diacritics, for comparisons a French user expects
    /// to ignore accents and case: "Synthèse" and "synthese" fold to the same value.
    public var folded: String {
        // Most keys, commands and choices are plain ASCII: lowercased, nothing else to fold.
        // (Foundation's folding builds a locale and scans twice: a tenth of a commit's time.)
        if utf8.allSatisfy({ $0 < 0x80 }) { return lowercased().collapsingSpaces }
        // One pass after Foundation's folding: the ligatures spelt out, the typographic
        // apostrophe of a word processor and the non-breaking space as the user's own, runs of
        // spaces as one (each `replacingOccurrences` bridges to NSString: a commit's cost).
        var result = String.UnicodeScalarView()
        var lastWasSpace = false
        for scalar in folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Self.french).unicodeScalars {
            switch scalar {
            case "œ": result.append(contentsOf: "oe".unicodeScalars)
            case "æ": result.append(contentsOf: "ae".unicodeScalars)
            case "\u{2019}": result.append("'")
            case " ", "\u{00A0}":
                if !lastWasSpace { result.append(" ") }
                lastWasSpace = true
                continue
            default: result.append(scalar)
            }
            lastWasSpace = false
        }
        return String(result).trimmingSpaces
    }

    private static let french = Locale(identifier: "fr_FR")

    /// Runs of spaces as one (« l'accès  aux soins » is « l'accès aux soins »).
    private var collapsingSpaces: String {
        guard contains("  ") || hasPrefix(" ") || hasSuffix(" ") else { return self }
        return split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    /// Without a leading or trailing space (the runs are already one space).
    private var trimmingSpaces: String {
        var text = Substring(self)
        if text.first == " " { text = text.dropFirst() }
        if text.last == " " { text = text.dropLast() }
        return String(text)
    }

}

extension StringProtocol {
    /// The text without leading and trailing white space (including non-breaking spaces).
    public var trimmed: String {
        // Most lines start and end with a visible ASCII character: nothing to trim, and
        // Foundation's trimming is slow on Linux (it bridges to NSString).
        let text = String(self)
        if let first = text.utf8.first, let last = text.utf8.last, Self.isVisibleASCII(first), Self.isVisibleASCII(last) {
            return text
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func isVisibleASCII(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x7F }
}

/// Edit distance between two strings, counted in characters. Used to suggest the closest
/// command or key when a user mistypes one.
public func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}

/// The candidate closest to `word` (after folding), if it is close enough to be a plausible typo.
///
/// The edit distance is at least the difference of the lengths: candidates too short or too
/// long to be within the tolerance are not compared, so a word of a megabyte costs a length
/// check per candidate instead of an edit distance of a megabyte by each candidate.
public func closestMatch(to word: String, in candidates: [String]) -> String? {
    // Longer than any candidate can be a typo of: nothing to suggest, and nothing to fold.
    let longest = candidates.map(\.count).max() ?? 0
    guard word.utf8.count <= 3 * longest + 6 || word.count <= 3 * longest + 6 else { return nil }
    let target = word.folded
    let tolerance = Swift.max(2, target.count / 3)
    let scored = candidates.compactMap { candidate -> (String, Int)? in
        let folded = candidate.folded
        guard abs(folded.count - target.count) <= tolerance else { return nil }
        return (candidate, editDistance(target, folded))
    }
    if let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= tolerance { return best.0 }
    // A prefix is a good hint too: "/hist" for "/historique".
    return candidates.first { $0.folded.hasPrefix(target) && !target.isEmpty }
}
