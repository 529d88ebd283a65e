import AtelierCore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Where the session writes: standard output for what the user reads, standard error for
/// refusals and errors. Colour only on a terminal, never with `NO_COLOR`.
///
/// What is written includes text from workbooks and imported files, written by others: the
/// standard console is the one place where it reaches the terminal, so it neutralises every
/// control character there (`TerminalText.neutralised`), keeping only its own colours.
public protocol Console: AnyObject {
    var style: Style { get }
    /// The columns a line may use (`TerminalWidth`): tables and paragraphs are laid out to it.
    var width: Int { get }
    func write(_ text: String)
    func writeError(_ text: String)
    /// A progress line redrawn in place on a terminal; nil erases it.
    func progress(_ text: String?)
}

extension Console {
    /// The width paragraphs wrap at: the terminal's, but no wider than lines one reads at a glance.
    var proseWidth: Int { min(width, Table.longestProse) }
}

public final class StandardConsole: Console {
    public let style: Style

    private let environment: [String: String]

    public init(colours: Bool, environment: [String: String] = [:]) {
        style = Style(enabled: colours)
        self.environment = environment
    }

    /// Asked of the terminal at each read: every command lays its output out for the window as it is then.
    public var width: Int { TerminalWidth.current(environment: environment) }

    public func write(_ text: String) {
        Self.emit(safe(text) + "\n", to: STDOUT_FILENO)
    }

    public func writeError(_ text: String) {
        Self.emit(safe(text) + "\n", to: STDERR_FILENO)
    }

    /// Writes all of `text` to `descriptor`. A reader of the output that went away (`| head`)
    /// ends the session quietly: every confirmed answer is already in the workbook, and nobody
    /// would read what follows (SIGPIPE is ignored at start, so this is an error, not a signal).
    static func emit(_ text: String, to descriptor: Int32) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written > 0 {
                bytes = bytes.dropFirst(written)
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                if errno == EPIPE && descriptor == STDOUT_FILENO { exit(0) }
                return
            }
        }
    }

    private func safe(_ text: String) -> String {
        TerminalText.neutralised(text, keepingStyles: style.enabled)
    }

    private var showingProgress = false

    public func progress(_ text: String?) {
        if let text {
            showingProgress = true
            Self.emit("\r\u{1B}[2K" + safe(text), to: STDERR_FILENO)
        } else if showingProgress {
            showingProgress = false
            Self.emit("\r\u{1B}[2K", to: STDERR_FILENO)
        }
    }
}

/// ANSI styles, or nothing when colours are off.
public struct Style: Sendable {
    public var enabled: Bool

    public init(enabled: Bool) {
        self.enabled = enabled
    }

    func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    public func bold(_ text: String) -> String { wrap(text, "1") }
    public func dim(_ text: String) -> String { wrap(text, "2") }
    public func green(_ text: String) -> String { wrap(text, "32") }
    public func red(_ text: String) -> String { wrap(text, "31") }
    public func yellow(_ text: String) -> String { wrap(text, "33") }
    public func cyan(_ text: String) -> String { wrap(text, "36") }

    /// A prompt for readline: escape sequences are bracketed so line editing counts widths right.
    public func prompt(_ text: String) -> String {
        enabled ? "\u{1}\u{1B}[1;36m\u{2}\(text)\u{1}\u{1B}[0m\u{2}" : text
    }
}
