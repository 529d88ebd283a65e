import AtelierCore
import Foundation

/// Where the session writes: standard output for what the user reads, standard error for
/// refusals and errors. Colour only on a terminal, never with `NO_COLOR`.
///
/// What is written includes text from workbooks and imported files, written by others: the
/// standard console is the one place where it reaches the terminal, so it neutralises every
/// control character there (`TerminalText.neutralised`), keeping only its own colours.
public protocol Console: AnyObject {
    var style: Style { get }
    func write(_ text: String)
    func writeError(_ text: String)
    /// A progress line redrawn in place on a terminal; nil erases it.
    func progress(_ text: String?)
}

public final class StandardConsole: Console {
    public let style: Style

    public init(colours: Bool) {
        style = Style(enabled: colours)
    }

    public func write(_ text: String) {
        FileHandle.standardOutput.write(Data((safe(text) + "\n").utf8))
    }

    public func writeError(_ text: String) {
        FileHandle.standardError.write(Data((safe(text) + "\n").utf8))
    }

    private func safe(_ text: String) -> String {
        TerminalText.neutralised(text, keepingStyles: style.enabled)
    }

    private var showingProgress = false

    public func progress(_ text: String?) {
        if let text {
            showingProgress = true
            FileHandle.standardError.write(Data(("\r\u{1B}[2K" + safe(text)).utf8))
        } else if showingProgress {
            showingProgress = false
            FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
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
