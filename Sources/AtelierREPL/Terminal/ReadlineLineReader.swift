import AtelierCore
import CReadline

#if canImport(Glibc)
    import Glibc
#endif

/// GNU readline on a terminal: line editing, history saved to a file, Tab completion.
///
/// Uses readline's callback interface with `poll`, so that Ctrl-C can abandon the line being
/// typed and show a fresh prompt instead of killing the process. Readline's C hooks cannot
/// capture context, so the Swift completer is held in statics read by `@convention(c)`
/// trampolines; only one reader exists per process.
public final class ReadlineLineReader: LineReader {
    public let isInteractive = true
    private let historyPath: String?
    private var lastHistoryLine: String?

    nonisolated(unsafe) static var completer: Completer?
    nonisolated(unsafe) static var completedLine: LineInput?
    /// Self-pipe: the SIGINT handler writes a byte that `poll` sees, so a Ctrl-C arriving
    /// between two polls is never lost.
    nonisolated(unsafe) static var interruptPipe: (read: Int32, write: Int32) = (-1, -1)
    nonisolated(unsafe) static var breakCharacterBuffers: [String: UnsafeMutablePointer<CChar>] = [:]

    public init(historyPath: String?) {
        self.historyPath = historyPath
        atelier_rl_set_name("atelier-sante")
        atelier_rl_disable_signal_catching()
        atelier_rl_set_completion(Self.attemptCompletion)
        atelier_rl_set_word_break_hook(Self.wordBreakCharacters)
        using_history()
        stifle_history(1000)
        if let historyPath {
            read_history(historyPath)
        }
        var fds: [Int32] = [0, 0]
        if pipe(&fds) == 0 {
            for fd in fds { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
            Self.interruptPipe = (fds[0], fds[1])
        }
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            var byte: UInt8 = 3
            _ = write(ReadlineLineReader.interruptPipe.write, &byte, 1)
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0  // no SA_RESTART: poll() must return EINTR
        sigaction(SIGINT, &action, nil)
        // A parent may have started us with SIGINT blocked (the mask is inherited across
        // exec): Ctrl-C would then do nothing at all.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    }

    /// The completer used for the next Tab presses (the current question changes its choices).
    public func setCompleter(_ completer: Completer) {
        Self.completer = completer
    }

    public func readLine(prompt: String) -> LineInput {
        Self.completedLine = nil
        drainInterrupts()
        rl_callback_handler_install(prompt, Self.lineHandler)
        defer { rl_callback_handler_remove() }
        while true {
            var descriptors = [
                pollfd(fd: 0, events: Int16(POLLIN), revents: 0),
                pollfd(fd: Self.interruptPipe.read, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&descriptors, 2, -1)
            if descriptors[1].revents & Int16(POLLIN) != 0 {
                drainInterrupts()
                rl_free_line_state()
                rl_callback_sigcleanup()
                _ = "^C\n".withCString { write(1, $0, strlen($0)) }
                return .interrupted
            }
            if ready < 0 {
                if errno == EINTR { continue }
                return .end
            }
            if descriptors[0].revents & Int16(POLLIN | POLLHUP | POLLERR) == 0 { continue }
            rl_callback_read_char()
            if let line = Self.completedLine {
                if case .line(let text) = line { remember(text) }
                return line
            }
        }
    }

    private func drainInterrupts() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(Self.interruptPipe.read, &buffer, buffer.count) > 0 {}
    }

    private func remember(_ line: String) {
        let text = line.trimmed
        guard !text.isEmpty, text != lastHistoryLine else { return }
        lastHistoryLine = text
        add_history(text)
        if let historyPath {
            // Appended at once, so a crash keeps the lines typed so far.
            if access(historyPath, F_OK) != 0 { write_history(historyPath) } else { append_history(1, historyPath) }
        }
    }

    deinit {
        if let historyPath { history_truncate_file(historyPath, 1000) }
    }

    // MARK: - C trampolines

    static let lineHandler: @convention(c) (UnsafeMutablePointer<CChar>?) -> Void = { pointer in
        // Removing the handler here stops readline from drawing the prompt again for a next
        // line before the answer to this one has been printed.
        rl_callback_handler_remove()
        guard let pointer else {
            ReadlineLineReader.completedLine = .end
            return
        }
        defer { free(pointer) }
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: strlen(pointer))
        // The same limit as a script's lines (a paste gone wrong), checked before decoding.
        if bytes.count > InputLimits.lineBytes {
            ReadlineLineReader.completedLine = .tooLong
            return
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            ReadlineLineReader.completedLine = .line(text)
        } else {
            ReadlineLineReader.completedLine = .undecodable
        }
    }

    /// The text before the cursor, as Swift sees it.
    static func lineBeforeCursor() -> String {
        guard let buffer = atelier_rl_line_buffer() else { return "" }
        let point = Int(atelier_rl_point())
        let bytes = UnsafeBufferPointer(
            start: UnsafeRawPointer(buffer).assumingMemoryBound(to: UInt8.self), count: min(point, strlen(buffer)))
        return String(decoding: bytes, as: UTF8.self)
    }

    static let wordBreakCharacters: @convention(c) () -> UnsafeMutablePointer<CChar>? = {
        let breaks = ReadlineLineReader.completer?.wordBreakCharacters(forLine: lineBeforeCursor()) ?? " "
        if let buffer = breakCharacterBuffers[breaks] { return buffer }
        let buffer = strdup(breaks)!
        breakCharacterBuffers[breaks] = buffer
        return buffer
    }

    static let attemptCompletion:
        @convention(c) (UnsafePointer<CChar>?, Int32, Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = { text, _, _ in
            atelier_rl_completion_over()
            guard let completer = ReadlineLineReader.completer, let text else { return nil }
            let word = String(cString: text)
            let line = lineBeforeCursor()
            atelier_rl_set_append_character(completer.appendsSpace(forLine: line) ? 32 : 0)
            let candidates = completer.completions(forLine: line)
            guard !candidates.isEmpty else { return nil }
            // First entry: what replaces the word (the candidates' common prefix); never shorter
            // than what was typed, so a Tab never erases the user's input.
            var common = commonPrefix(candidates)
            if common.folded.count < word.folded.count { common = word }
            let array = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: candidates.count + 2)
            array[0] = strdup(candidates.count == 1 ? candidates[0] : common)
            for (index, candidate) in candidates.enumerated() { array[index + 1] = strdup(candidate) }
            array[candidates.count + 1] = nil
            if candidates.count == 1 {
                // A single candidate: readline uses only the first entry.
                free(array[1])
                array[1] = nil
            }
            return array
        }

    static func commonPrefix(_ strings: [String]) -> String {
        guard var prefix = strings.first.map(Array.init) else { return "" }
        for string in strings.dropFirst() {
            let characters = Array(string)
            var length = 0
            while length < min(prefix.count, characters.count) && prefix[length] == characters[length] { length += 1 }
            prefix = Array(prefix[..<length])
        }
        return String(prefix)
    }
}
