import AtelierCore
import Foundation
import Testing

@testable import AtelierREPL

#if canImport(Glibc)
    import Glibc
#endif

/// Script lines read from a file descriptor: split on LF, decoded, and capped in length
/// without keeping the bytes of a line past the cap.
@Suite struct StreamLineReaderTests {
    /// Everything `bytes` gives, read through a reader on a file holding them.
    func lines(_ bytes: [UInt8], limit: Int = InputLimits.lineBytes) throws -> [LineInput] {
        let path = NSTemporaryDirectory() + "atelier-lines-" + UUID().uuidString
        defer { unlink(path) }
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        let descriptor = open(path, O_RDONLY)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        let reader = StreamLineReader(descriptor: descriptor, limit: limit)
        var result: [LineInput] = []
        while true {
            let input = reader.readLine(prompt: "")
            if input == .end { return result }
            result.append(input)
            if result.count > 100_000 { Issue.record("no end"); return result }
        }
    }

    @Test func linesAtTheLimitPassAndLongerOnesAreRefusedThenReadingGoesOn() throws {
        let input = "12345678\n123456789\nabc\r\n12345678\r\n" + String(repeating: "x", count: 100) + "\nfin"
        #expect(
            try lines(Array(input.utf8), limit: 8) == [
                .line("12345678"), .tooLong, .line("abc"), .line("12345678"), .tooLong, .line("fin"),
            ])
        #expect(try lines(Array("123456789".utf8), limit: 8) == [.tooLong])
        #expect(try lines(Array("ok\n".utf8) + [0xC3, 0x28, 0x0A, 0xFF], limit: 8) == [.line("ok"), .undecodable, .undecodable])
    }

    @Test func theRealLimitLetsADepartmentThroughAndStopsAnEndlessLine() throws {
        let department = String(repeating: "62001, ", count: 900)
        #expect(try lines(Array((department + "\n").utf8)) == [.line(department)])
        // Several reads' worth of one line, then a normal one: the long one is refused once.
        let endless = [UInt8](repeating: 0, count: 5 * InputLimits.lineBytes) + Array("\n/quitter\n".utf8)
        #expect(try lines(endless) == [.tooLong, .line("/quitter")])
    }

    /// Random line lengths around the limit, with and without CR: every line comes back
    /// byte for byte, or as `.tooLong` exactly when it is longer than the limit.
    @Test func randomLengthsAroundTheLimit() throws {
        var generator = SeededGenerator(seed: UInt64(ProcessInfo.processInfo.environment["FUZZ_SEED"] ?? "") ?? 20_261_201)
        let limit = 64
        var bytes: [UInt8] = [], expected: [LineInput] = []
        for _ in 0..<(FuzzTests.lineCount / 3) {
            let length = Int.random(in: 0...(3 * limit), using: &generator)
            let line = String((0..<length).map { _ in "abcdé ;/".randomElement(using: &generator)! })
            let crlf = Bool.random(using: &generator)
            bytes += Array(line.utf8) + (crlf ? [13, 10] : [10])
            expected.append(line.utf8.count > limit ? .tooLong : .line(line))
        }
        #expect(try lines(bytes, limit: limit) == expected)
    }
}
