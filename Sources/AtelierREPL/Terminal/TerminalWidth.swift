import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// How many columns the session's output may use: the one place where this is decided.
///
/// On a terminal, the window's width, asked of the terminal each time (a resized window is
/// followed from the next command on), or `COLUMNS` when the terminal does not say. Output
/// that is piped or redirected is read later, in an editor or a file viewer: `COLUMNS` when it
/// is set (as `ls` does), otherwise 100 columns, whatever the window it was started from.
enum TerminalWidth {
    static let piped = 100
    /// A terminal that does not know its width: the width every terminal has had by default.
    static let unknownTerminal = 80
    /// Below 40 columns no table keeps a readable column; above 250 lines stop being read as lines.
    static let range = 40...250

    /// The width for output written to `descriptor`.
    static func current(descriptor: Int32 = STDOUT_FILENO, environment: [String: String]) -> Int {
        let columns = environment["COLUMNS"]
        guard isatty(descriptor) == 1 else { return decide(isTerminal: false, windowColumns: nil, columnsVariable: columns) }
        var size = winsize()
        let window = ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0 ? Int(size.ws_col) : nil
        return decide(isTerminal: true, windowColumns: window, columnsVariable: columns)
    }

    /// The decision itself, without the system calls.
    static func decide(isTerminal: Bool, windowColumns: Int?, columnsVariable: String?) -> Int {
        let variable = columnsVariable.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }.flatMap { $0 > 0 ? $0 : nil }
        // A terminal that answers 0 columns (some serial consoles, editors' shells) does not know.
        let window = windowColumns.flatMap { $0 > 0 ? $0 : nil }
        let width = isTerminal ? window ?? variable ?? unknownTerminal : variable ?? piped
        return min(max(width, range.lowerBound), range.upperBound)
    }
}
