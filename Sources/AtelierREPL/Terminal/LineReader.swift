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
}

/// Where lines come from: readline on a terminal, plain standard input otherwise.
public protocol LineReader: AnyObject {
    /// Whether a person is typing (prompts, colours, completion) or a script is being replayed.
    var isInteractive: Bool { get }
    func readLine(prompt: String) -> LineInput
}

/// Reads lines from a file descriptor without any decoration: scripts piped on stdin.
/// Bytes are split on LF (a CR before it is dropped), and decoded as UTF-8 line by line.
public final class StreamLineReader: LineReader {
    public let isInteractive = false
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var reachedEnd = false

    public init(descriptor: Int32 = 0) {
        self.descriptor = descriptor
    }

    public func readLine(prompt: String) -> LineInput {
        while true {
            if let newline = buffer.firstIndex(of: 10) {
                var bytes = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                if bytes.last == 13 { bytes.removeLast() }
                return decode(bytes)
            }
            if reachedEnd {
                guard !buffer.isEmpty else { return .end }
                defer { buffer.removeAll() }
                return decode(buffer)
            }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { reachedEnd = true } else { buffer.append(contentsOf: chunk[..<count]) }
        }
    }

    private func decode(_ bytes: [UInt8]) -> LineInput {
        guard let text = String(validating: bytes, as: UTF8.self) else { return .undecodable }
        return .line(text)
    }
}
