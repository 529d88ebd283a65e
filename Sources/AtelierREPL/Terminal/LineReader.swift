import AtelierCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What reading one line gave.
public enum LineInput: Equatable, Sendable {
    case line(String)
    /// Ctrl-C: the input was abandoned; ask again.
    case interrupted
    /// Ctrl-D or end of the script: leave normally.
    case end
    /// Bytes that are not UTF-8.
    case undecodable
    /// More than `InputLimits.lineBytes` bytes before the end of the line: refused unread.
    case tooLong
}

/// Where lines come from: readline on a terminal, plain standard input otherwise.
public protocol LineReader: AnyObject {
    /// Whether a person is typing (prompts, colours, completion) or a script is being replayed.
    var isInteractive: Bool { get }
    func readLine(prompt: String) -> LineInput
}

/// Reads lines from a file descriptor without any decoration: scripts piped on stdin.
/// Bytes are split on LF (a CR before it is dropped), and decoded as UTF-8 line by line.
///
/// A line longer than `InputLimits.lineBytes` is refused as `.tooLong` as soon as that many
/// bytes have arrived without a line feed: its bytes are dropped as they come, never kept,
/// so `/dev/zero` on stdin costs two reads, not the machine's memory.
public final class StreamLineReader: LineReader {
    public let isInteractive = false
    private let descriptor: Int32
    private let limit: Int
    /// Bytes read and not yet returned start at `start`; compacted before each read.
    private var buffer: [UInt8] = []
    private var start = 0
    /// After a line too long: the rest of it, up to the next LF, is skipped.
    private var skippingLongLine = false
    private var reachedEnd = false
    private var chunk = [UInt8](repeating: 0, count: 65_536)

    public init(descriptor: Int32 = 0, limit: Int = InputLimits.lineBytes) {
        self.descriptor = descriptor
        self.limit = limit
    }

    public func readLine(prompt: String) -> LineInput {
        var searched = start  // bytes before this index hold no LF
        while true {
            if let newline = buffer[searched...].firstIndex(of: 10) {
                let lineStart = start
                start = newline + 1
                searched = start
                if skippingLongLine {
                    skippingLongLine = false
                    continue
                }
                var end = newline
                if end > lineStart && buffer[end - 1] == 13 { end -= 1 }
                if end - lineStart > limit { return .tooLong }
                return decode(buffer[lineStart..<end])
            }
            searched = buffer.count
            // A CR may still come before the LF: one byte of grace past the limit.
            if skippingLongLine || buffer.count - start > limit + 1 {
                buffer.removeAll(keepingCapacity: true)
                start = 0
                searched = 0
                if !skippingLongLine {
                    skippingLongLine = true
                    return .tooLong
                }
            }
            if reachedEnd {
                defer { buffer.removeAll(); start = 0 }
                if skippingLongLine { skippingLongLine = false; return .end }
                guard buffer.count > start else { return .end }
                if buffer.count - start > limit { return .tooLong }
                return decode(buffer[start...])
            }
            if start > 0 {
                buffer.removeFirst(start)
                searched -= start
                start = 0
            }
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { reachedEnd = true } else { buffer.append(contentsOf: chunk[..<count]) }
        }
    }

    private func decode(_ bytes: ArraySlice<UInt8>) -> LineInput {
        // A script saved by Windows' Notepad starts with a byte order mark, and scripts joined
        // with `cat` carry theirs inside: never part of a line (« \u{FEFF}/annuler » would be an
        // answer, not a command).
        var bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else { return .undecodable }
        return .line(text)
    }
}
