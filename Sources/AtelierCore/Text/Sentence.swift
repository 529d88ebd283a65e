extension String {
    /// The text ending with a full stop, for messages built from another's words: « … manque. »
    /// rather than « … manque Le classeur… » or « … réessayez.. ».
    public var asSentence: String {
        guard let last = last else { return self }
        return ".!?…".contains(last) ? self : self + "."
    }
}

/// « a », « a et b », « a, b et c » (« a, b ou c » with `or`).
public func frenchList(_ items: [String], or: Bool = false) -> String {
    guard items.count > 1 else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + (or ? " ou " : " et ") + items.last!
}

/// `1 réunion`, `3 réunions`, `1 234 participants`: a count with its noun agreed, never « (s) ».
public func counted(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(FrenchFormat.integer(count)) " + (abs(count) >= 2 ? plural ?? singular + "s" : singular)
}
