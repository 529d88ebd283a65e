#if canImport(Glibc)
    import Glibc
#endif

/// How many columns the session's output may use: the one place where this is decided.
///
/// On a terminal, the window's width, asked of the terminal each time (a resized window is
/// followed from the next command on); `COLUMNS` when the terminal does not say. Output that
/// is piped or redirected is read later, in an editor or a file viewer: 100 columns, whatever
/// the window it was started from.
enum TerminalWidth {
    static let piped = 100
    /// Below 40 columns no table keeps a readable column; above 250 lines stop being read as lines.
    static let range = 40...250

    /// The width for output written to `descriptor`.
    static func current(descriptor: Int32 = STDOUT_FILENO, environment: [String: String]) -> Int {
        guard isatty(descriptor) == 1 else { return decide(isTerminal: false, windowColumns: nil, columnsVariable: nil) }
        var size = winsize()
        let window = ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0 ? Int(size.ws_col) : nil
        return decide(isTerminal: true, windowColumns: window, columnsVariable: environment["COLUMNS"])
    }

    /// The decision itself, without the system calls.
    static func decide(isTerminal: Bool, windowColumns: Int?, columnsVariable: String?) -> Int {
        guard isTerminal else { return piped }
        // A terminal that answers 0 columns (some serial consoles, editors' shells) does not know.
        let known = windowColumns.flatMap { $0 > 0 ? $0 : nil } ?? columnsVariable.flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
        // A terminal that does not know its width at all: the width every terminal has had by default.
        return min(max(known ?? 80, range.lowerBound), range.upperBound)
    }
}
