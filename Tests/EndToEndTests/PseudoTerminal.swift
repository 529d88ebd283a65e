import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs the binary on a pseudo-terminal, as a person at a keyboard would: it is the session
/// leader with the terminal as its controlling terminal, so Ctrl-C raises SIGINT.
final class PseudoTerminal {
    let master: Int32
    let pid: pid_t
    private(set) var transcript = ""
    /// Everything the program wrote, escape sequences included.
    private(set) var rawOutput = ""
    /// Bytes of a character a read cut in two, kept for the next read.
    private var pending: [UInt8] = []

    /// A terminal window `columns` wide (and 40 rows).
    init(arguments: [String], environment: [String: String], columns: UInt16 = 200) throws {
        // posix_openpt/grantpt/unlockpt/ptsname are not exported to Swift; on Linux they are
        // /dev/ptmx plus TIOCSPTLCK (unlock) and TIOCGPTN (number of the slave in /dev/pts).
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlock: Int32 = 0, number: Int32 = 0
        let TIOCSPTLCK: UInt = 0x4004_5431, TIOCGPTN: UInt = 0x8004_5430
        guard master >= 0, ioctl(master, TIOCSPTLCK, &unlock) == 0, ioctl(master, TIOCGPTN, &number) == 0 else {
            throw POSIXError(.EIO)
        }
        let slavePath = "/dev/pts/\(number)"
        var size = winsize(ws_row: 40, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // After setsid, opening the terminal makes it the controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        posix_spawn_file_actions_addclose(&actions, master)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // As a shell starts a program: own session, empty signal mask (the test runner's
        // threads block signals, and the mask would be inherited), default dispositions.
        let setsid: Int16 = 0x80  // POSIX_SPAWN_SETSID in glibc, not exported to Swift
        posix_spawnattr_setflags(&attributes, setsid | Int16(POSIX_SPAWN_SETSIGMASK) | Int16(POSIX_SPAWN_SETSIGDEF))
        var mask = sigset_t(), defaults = sigset_t()
        sigemptyset(&mask)
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)

        let argv = ([Binary.path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, Binary.path, &actions, &attributes, argv, envp)
        guard status == 0 else { throw POSIXError(POSIXErrorCode(rawValue: status) ?? .EIO) }
        pid = child
    }

    func send(_ text: String) {
        _ = text.withCString { write(master, $0, strlen($0)) }
    }

    /// Waits until `text` appears in the screen output (escape sequences removed) after what
    /// previous `expect`s consumed. Returns false after `seconds` (a failure guard, not a timing check).
    @discardableResult
    func expect(_ text: String, seconds: Double = 20) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let range = Self.plain(transcript).range(of: text) {
                transcript = String(Self.plain(transcript)[range.upperBound...])
                return true
            }
            readAvailable(timeoutMilliseconds: 100)
        }
        return false
    }

    /// Waits until `text` appears, as `expect` does, and returns the screen output before it
    /// (nil if it does not appear within `seconds`, a failure guard).
    func text(until text: String, seconds: Double = 20) -> String? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let screen = Self.plain(transcript)
            if let range = screen.range(of: text) {
                transcript = String(screen[range.upperBound...])
                return String(screen[..<range.lowerBound])
            }
            readAvailable(timeoutMilliseconds: 100)
        }
        return nil
    }

    /// Waits until one of `texts` appears, as `expect` does; returns the one that came first.
    func expectAny(_ texts: [String], seconds: Double = 20) -> String? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let screen = Self.plain(transcript)
            let found = texts.compactMap { text in screen.range(of: text).map { (text, $0) } }.min { $0.1.lowerBound < $1.1.lowerBound }
            if let (text, range) = found {
                transcript = String(screen[range.upperBound...])
                return text
            }
            readAvailable(timeoutMilliseconds: 100)
        }
        return nil
    }

    private func readAvailable(timeoutMilliseconds: Int32) {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, timeoutMilliseconds) > 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(master, &buffer, buffer.count)
        if count > 0 {
            // A read may end inside a multi-byte character: its first bytes wait for the next read,
            // or an accented letter would count as two replacement characters.
            pending += buffer[..<count]
            var end = pending.count
            var back = 0
            while back < min(3, pending.count), pending[pending.count - 1 - back] & 0xC0 == 0x80 { back += 1 }
            if back < pending.count {
                let lead = pending[pending.count - 1 - back]
                let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
                if length > back + 1 { end = pending.count - 1 - back }
            }
            let text = String(decoding: pending[..<end], as: UTF8.self)
            pending.removeFirst(end)
            transcript += text
            rawOutput += text
        }
    }

    /// Waits for the process to end and returns its exit status (nil if it does not end).
    func waitForExit(seconds: Double = 20) -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        var status: Int32 = 0
        while Date() < deadline {
            readAvailable(timeoutMilliseconds: 50)
            if waitpid(pid, &status, WNOHANG) == pid {
                return (status & 0x7f) == 0 ? (status >> 8) & 0xff : -(status & 0x7f)
            }
        }
        kill(pid, SIGKILL)
        return nil
    }

    var isRunning: Bool { kill(pid, 0) == 0 && waitpid(pid, nil, WNOHANG) == 0 }

    deinit {
        if isRunning { kill(pid, SIGKILL); waitpid(pid, nil, 0) }
        close(master)
    }

    /// The output without ANSI escape sequences and carriage returns.
    static func plain(_ text: String) -> String {
        var result = ""
        var iterator = text.unicodeScalars.makeIterator()
        while let scalar = iterator.next() {
            if scalar == "\u{1B}" {
                guard let next = iterator.next() else { break }
                if next == "[" {
                    while let c = iterator.next(), !(("@"..."~").contains(c)) {}
                }
                continue
            }
            if scalar == "\r" || scalar == "\u{1}" || scalar == "\u{2}" { continue }
            result.unicodeScalars.append(scalar)
        }
        return result
    }
}
