extension String {
    /// A document's text with the narrow no-break spaces of French typography (before ; : ! ? »
    /// and after «) read as ordinary spaces, for assertions about its words; the typography has
    /// its own tests. Thousands separators stay as they are.
    var withPlainSpaces: String {
        var text = self
        for sign in [";", ":", "!", "?", "»"] { text = text.replacingOccurrences(of: "\u{202F}" + sign, with: " " + sign) }
        return text.replacingOccurrences(of: "«\u{202F}", with: "« ")
    }
}
