import Foundation

/// The damage a file suffers on its way to the tool: bytes flipped by a bad copy, cuts, a
/// spreadsheet's quotes and CRs, numbers typed by hand, lines pasted twice, a hostile name.
enum Mutation: CaseIterable {
    case flipByte, flipBit, truncate, insertNul, insertCR, insertLF, insertQuote, insertSeparator, hugeNumber,
        replaceNumber, longLine, hugeLine, duplicateHeader, duplicateLine, deleteLine, bom, utf16Mark,
        escapeSequence, invalidUTF8, crOnly, empty, negativeNumber

    static let numbers = [
        "9223372036854775807", "-9223372036854775808", "99999999999999999999", "-1", "0", "3000001",
        "-949199", "1e9", "0x10", " 12 ", "１２",
    ]
    static let insertions: [[UInt8]] = [
        [0x1B, 0x5D, 0x30, 0x3B, 0x78, 0x07], [0x1B, 0x5B, 0x32, 0x4A], [0xC2, 0x9B], [0xE2, 0x80, 0xAE], [0x7F],
    ]

    /// Applies one mutation drawn from `random` and says which, for the text.
    static func apply(to bytes: inout [UInt8], using random: inout SplitMix64) -> String {
        // The huge line (over the 8 Mio limit) costs 9 Mio a file: one draw in 400.
        var mutation = allCases[Int(random.next() % UInt64(allCases.count))]
        if mutation == .hugeLine && random.next() % 20 != 0 { mutation = .longLine }
        func position() -> Int { bytes.isEmpty ? 0 : Int(random.next() % UInt64(bytes.count + 1)) }
        // Plain loops on the buffer: closures over the inout array are very slow unoptimised.
        func lineStarts() -> [Int] {
            var starts = [0]
            bytes.withUnsafeBytes { b in
                guard let base = b.baseAddress else { return }
                var offset = 0
                while offset < b.count, let found = memchr(base + offset, 10, b.count - offset) {
                    offset = UnsafeRawPointer(found) - base + 1
                    if offset < b.count { starts.append(offset) }
                }
            }
            return starts
        }
        func randomLine() -> Range<Int> {
            let starts = lineStarts()
            let start = starts[Int(random.next() % UInt64(starts.count))]
            let end = bytes[start...].firstIndex(of: 10).map { $0 + 1 } ?? bytes.count
            return start..<end
        }
        switch mutation {
        case .flipByte:
            if !bytes.isEmpty { bytes[Int(random.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: random.next()) }
        case .flipBit:
            if !bytes.isEmpty { bytes[Int(random.next() % UInt64(bytes.count))] ^= 1 << UInt8(random.next() % 8) }
        case .truncate: bytes.removeSubrange(position()...)
        case .insertNul: bytes.insert(0, at: position())
        case .insertCR: bytes.insert(13, at: position())
        case .insertLF: bytes.insert(10, at: position())
        case .insertQuote: bytes.insert(34, at: position())
        case .insertSeparator: bytes.insert([59, 124, 9][Int(random.next() % 3)], at: position())
        case .hugeNumber: bytes.insert(contentsOf: Array(numbers[Int(random.next() % UInt64(numbers.count))].utf8), at: position())
        case .replaceNumber, .negativeNumber:
            // A run of digits replaced whole, so that a population becomes the number.
            var digits: [Int] = []
            bytes.withUnsafeBufferPointer { b in
                for i in 0..<b.count where b[i] >= 48 && b[i] <= 57 && (i == 0 || b[i - 1] < 48 || b[i - 1] > 57) { digits.append(i) }
            }
            guard !digits.isEmpty else { break }
            let start = digits[Int(random.next() % UInt64(digits.count))]
            let end = bytes[start...].firstIndex { !(48...57).contains($0) } ?? bytes.count
            let number =
                mutation == .negativeNumber
                ? "-" + String(decoding: bytes[start..<end], as: UTF8.self) : numbers[Int(random.next() % UInt64(numbers.count))]
            bytes.replaceSubrange(start..<end, with: Array(number.utf8))
        case .longLine: bytes.insert(contentsOf: [UInt8](repeating: 65, count: 1 + Int(random.next() % 200_000)), at: position())
        case .hugeLine: bytes.insert(contentsOf: [UInt8](repeating: 66, count: 9 << 20), at: position())
        case .duplicateHeader:
            let end = bytes.firstIndex(of: 10).map { $0 + 1 } ?? bytes.count
            let header = Array(bytes[..<end])
            let starts = lineStarts()
            bytes.insert(contentsOf: header + (header.last == 10 ? [] : [10]), at: starts[Int(random.next() % UInt64(starts.count))])
        case .duplicateLine:
            let line = randomLine()
            bytes.insert(contentsOf: Array(bytes[line]), at: line.upperBound)
        case .deleteLine: bytes.removeSubrange(randomLine())
        case .bom: bytes.insert(contentsOf: [0xEF, 0xBB, 0xBF], at: 0)
        case .utf16Mark: bytes.insert(contentsOf: [0xFF, 0xFE], at: 0)
        case .escapeSequence: bytes.insert(contentsOf: insertions[Int(random.next() % UInt64(insertions.count))], at: position())
        case .invalidUTF8:
            bytes.insert(contentsOf: [[0xC3, 0x28], [0xFF], [0xE9], [0xED, 0xA0, 0x80]][Int(random.next() % 4)], at: position())
        case .crOnly:
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            bytes.withUnsafeBufferPointer { b in for byte in b where byte != 13 { result.append(byte == 10 ? 13 : byte) } }
            bytes = result
        case .empty: if random.next() % 4 == 0 { bytes = [] }
        }
        return "\(mutation)"
    }
}
