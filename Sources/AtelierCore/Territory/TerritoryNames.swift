/// Communes and EPCI found by their names as a user types them: accents, case, hyphens and
/// apostrophes optional (« montmelian », « st pierre d albigny », « coeur de savoie »).
///
/// Built on first use (folding 35 000 names costs tens of milliseconds, which start-up does
/// not pay) and kept for the session.
public struct TerritoryNames: Sendable {
    /// Search key → commune codes bearing that name (homonyms share a key).
    let communes: [String: [String]]
    /// Every commune key with its display name, in name order, for prefix completion.
    let communeKeys: [(key: String, code: String)]
    /// EPCI: search keys of the official name, with and without its legal prefix (« CC »…).
    let epcis: [(key: String, shortKey: String, siren: String)]

    init(communes: [String: TerritoryReference.Commune], epcis: [String: TerritoryReference.Epci]) {
        var byName: [String: [String]] = [:]
        var keys: [(key: String, code: String)] = []
        keys.reserveCapacity(communes.count)
        for commune in communes.values {
            let key = Self.key(commune.name)
            byName[key, default: []].append(commune.code)
            keys.append((key, commune.code))
        }
        for key in byName.keys { byName[key]?.sort() }
        self.communes = byName
        communeKeys = keys.sorted { ($0.key, $0.code) < ($1.key, $1.code) }
        self.epcis = epcis.values.map { (Self.key($0.name), Self.withoutLegalPrefix(Self.key($0.name)), $0.siren) }
            .sorted { $0.key < $1.key }
    }

    /// The codes of the communes named `name` (every homonym), in code order.
    public func communeCodes(named name: String) -> [String] {
        communes[Self.key(name)] ?? []
    }

    /// Commune codes whose name starts with `prefix` (as a search key), in name order.
    public func communeCodes(startingWith prefix: String) -> [String] {
        let wanted = Self.key(prefix)
        guard !wanted.isEmpty else { return [] }
        // Binary search of the first key not below the prefix, then a walk while it matches.
        var low = 0, high = communeKeys.count
        while low < high {
            let middle = (low + high) / 2
            if communeKeys[middle].key < wanted { low = middle + 1 } else { high = middle }
        }
        var codes: [String] = []
        while low < communeKeys.count && communeKeys[low].key.hasPrefix(wanted) {
            codes.append(communeKeys[low].code)
            low += 1
        }
        return codes
    }

    /// The EPCI a name designates: those whose name, with or without « CC », « CA »…, is the
    /// name typed; failing that, those whose name contains it as whole words.
    public func epciSirens(named name: String) -> [String] {
        let wanted = Self.key(name), short = Self.withoutLegalPrefix(wanted)
        guard !short.isEmpty else { return [] }
        let exact = epcis.filter { $0.key == wanted || $0.shortKey == short }
        if !exact.isEmpty { return exact.map(\.siren) }
        return epcis.filter { " \($0.key) ".contains(" \(short) ") }.map(\.siren)
    }

    /// EPCI whose name (with or without its legal prefix) starts with `prefix`.
    public func epciSirens(startingWith prefix: String) -> [String] {
        let wanted = Self.key(prefix)
        guard !wanted.isEmpty else { return [] }
        return epcis.filter { $0.key.hasPrefix(wanted) || $0.shortKey.hasPrefix(wanted) }.map(\.siren)
    }

    /// A name as compared: folded, every punctuation mark a space, « St » and « Ste » spelt out
    /// (La Poste and users abbreviate them; the COG does not).
    public static func key(_ name: String) -> String {
        var words: [Substring] = []
        let folded = name.folded
        var start = folded.startIndex
        for index in folded.indices where !(folded[index].isLetter || folded[index].isNumber) {
            if start < index { words.append(folded[start..<index]) }
            start = folded.index(after: index)
        }
        if start < folded.endIndex { words.append(folded[start...]) }
        return words.map { word in word == "st" ? "saint" : word == "ste" ? "sainte" : String(word) }.joined(separator: " ")
    }

    /// « cc coeur de savoie » → « coeur de savoie »: the DGCL writes the legal form first, a
    /// user often leaves it out or spells it (« communauté de communes »).
    static func withoutLegalPrefix(_ key: String) -> String {
        for prefix in legalPrefixes where key.hasPrefix(prefix + " ") {
            var rest = key.dropFirst(prefix.count + 1)
            for article in ["du ", "de la ", "de l ", "des ", "de ", "d "] where rest.hasPrefix(article) {
                rest = rest.dropFirst(article.count)
                break
            }
            return String(rest)
        }
        return key
    }

    private static let legalPrefixes = [
        "communaute de communes", "communaute d agglomeration", "communaute urbaine", "metropole", "cc", "ca", "cu", "cte",
    ]
}
