import GRDB

/// Columns read without trusting their type: a workbook edited by hand with `sqlite3` may hold
/// a blob where text is expected, or text where a number is. GRDB's typed subscript stops the
/// process on such a value; these give nil instead, and the caller says what is unreadable.
extension Row {
    func text(_ column: String) -> String? {
        String.fromDatabaseValue(self[column] as DatabaseValue)
    }

    func integer(_ column: String) -> Int? {
        Int.fromDatabaseValue(self[column] as DatabaseValue)
    }

    func integer64(_ column: String) -> Int64? {
        Int64.fromDatabaseValue(self[column] as DatabaseValue)
    }

    func double(_ column: String) -> Double? {
        Double.fromDatabaseValue(self[column] as DatabaseValue)
    }
}
