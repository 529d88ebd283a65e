extension String {
    /// At most `length` characters, an ellipsis marking a cut: what a refusal quotes back of a
    /// word typed, so that a hostile megabyte is not echoed back whole.
    public func shortened(to length: Int = 40) -> String {
        // Counting stops at `length`: a megabyte is not walked to be cut.
        guard let end = index(startIndex, offsetBy: length, limitedBy: endIndex), end < endIndex else { return self }
        return String(self[..<index(before: end)]) + "…"
    }
}
