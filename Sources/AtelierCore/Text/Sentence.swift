extension String {
    /// The text ending with a full stop, for messages built from another's words: « … manque. »
    /// rather than « … manque Le classeur… » or « … réessayez.. ».
    public var asSentence: String {
        guard let last = last else { return self }
        return ".!?…".contains(last) ? self : self + "."
    }
}
