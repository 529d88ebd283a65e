extension Sequence where Element == Int {
    /// The sum, held at `Int.max` (or `Int.min`) instead of trapping: populations and counts
    /// come from files a user can edit by hand, and a sum of them must never end the session.
    /// Values that large are refused when a workbook is opened (`StoredValueCheck`); this only
    /// keeps what is shown before then from crashing.
    public func saturatingSum() -> Int {
        reduce(0) { total, value in
            let (sum, overflow) = total.addingReportingOverflow(value)
            return overflow ? (value > 0 ? Int.max : Int.min) : sum
        }
    }
}
