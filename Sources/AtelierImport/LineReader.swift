import AtelierCore

#if canImport(Glibc)
    import Glibc
#endif

/// Reads a file by large blocks and hands out its lines as raw bytes, without ever holding
/// the file (or a line) as a Swift `String`: memory stays bounded by the block size.
struct ChunkedLines {
    static let blockSize = 4 << 20

    let path: String
    /// The bytes to read (the whole file when nil); a range starts at the start of a line.
    var range: Range<Int>? = nil

    /// The size of the file, or nil when it cannot be opened.
    static func size(of path: String) -> Int? {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : nil
    }

    /// The offset just after the first line end at or after `offset` (the file's size if none).
    static func lineStart(after offset: Int, in path: String) -> Int {
        guard let (descriptor, _) = try? ImportFile.open(path) else { return offset }
        defer { close(descriptor) }
        let terminator = ImportFile.lineTerminator(descriptor)
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var position = offset
        while true {
            let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, off_t(position)) }
            if count <= 0 { return position }
            if let index = buffer[..<count].firstIndex(of: terminator) { return position + index + 1 }
            position += count
        }
    }

    /// Calls `body` with each line (without its LF, nor the CR before it: the national files
    /// come with either ending; or without its CR in a file of CR-only line ends) and its
    /// 1-based number within the range; a UTF-8 byte-order mark is skipped. `progress` gets the
    /// fraction of the range read. Returns the number of lines.
    @discardableResult
    func forEach(
        progress: ((Double) -> Void)? = nil,
        _ body: (UnsafeRawBufferPointer, Int) throws(FileProblem) -> Void
    ) throws(FileProblem) -> Int {
        let (descriptor, fileSize) = try ImportFile.open(path)
        defer { close(descriptor) }
        let terminator = ImportFile.lineTerminator(descriptor)
        var range = self.range ?? 0..<fileSize
        if range.lowerBound == 0 {
            let mark = try ImportFile.byteOrderMark(descriptor, path: path)
            range = min(mark, range.upperBound)..<range.upperBound
        }
        let size = range.count
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: Self.blockSize * 2, alignment: 64)
        defer { buffer.deallocate() }
        var kept = 0  // bytes of an unfinished line carried from the previous block
        var lineNumber = 0
        var consumed = 0
        func line(from start: Int, to end: Int) -> UnsafeRawBufferPointer {
            let withoutCR = terminator == 10 && end > start && buffer.load(fromByteOffset: end - 1, as: UInt8.self) == 13 ? end - 1 : end
            return UnsafeRawBufferPointer(start: buffer + start, count: withoutCR - start)
        }
        while true {
            if kept == Self.blockSize * 2 {
                throw FileProblem(
                    importing: path, line: lineNumber + 1,
                    reason: "ligne de plus de \(Self.blockSize * 2 / (1 << 20)) Mio : ce n'est pas un fichier texte attendu")
            }
            let count = pread(
                descriptor, buffer + kept, min(Self.blockSize * 2 - kept, size - consumed), off_t(range.lowerBound + consumed))
            if count < 0 {
                if errno == EINTR { continue }
                throw ImportFile.failure(path, errno: errno, line: lineNumber + 1)
            }
            let end = kept + count
            var start = 0
            while start < end, let newline = memchr(buffer + start, Int32(terminator), end - start) {
                let position = newline - buffer
                lineNumber += 1
                try body(line(from: start, to: position), lineNumber)
                start = position + 1
            }
            consumed += count
            progress?(size > 0 ? Double(consumed) / Double(size) : 1)
            if count == 0 {
                if start < end {  // a last line without LF
                    lineNumber += 1
                    try body(line(from: start, to: end), lineNumber)
                }
                return lineNumber
            }
            kept = end - start
            if kept > 0 && start > 0 { memmove(buffer, buffer + start, kept) }
        }
    }
}

/// Counts `separator` bytes of a line 16 at a time, and whether it holds a NUL (binary data).
///
/// A lane compare gives 0 or −1 per byte; subtracting it counts. (Swift's generic
/// `replacing(with:where:)` on masks is about 100 times slower here: measured 0,1 against
/// 14,9 Go/s on this machine; see scripts/bench_import.py.)
@inline(__always)
func countSeparators(_ line: UnsafeRawBufferPointer, _ separator: UInt8) -> (separators: Int, hasNul: Bool) {
    guard let base = line.baseAddress else { return (0, false) }
    let count = line.count
    let wanted = SIMD16<UInt8>(repeating: separator), zero = SIMD16<UInt8>(repeating: 0)
    var index = 0, total = 0
    var nuls = SIMD16<Int8>(repeating: 0)
    while index + 16 <= count {
        // At most 255 blocks per accumulator: a lane counts at most 255 before it is summed.
        var found = SIMD16<Int8>(repeating: 0)
        var blocks = 0
        while index + 16 <= count && blocks < 255 {
            let bytes = base.loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self)
            found &-= unsafeBitCast(bytes .== wanted, to: SIMD16<Int8>.self)
            nuls |= unsafeBitCast(bytes .== zero, to: SIMD16<Int8>.self)
            index += 16
            blocks += 1
        }
        total &+= Int(SIMD16<UInt16>(truncatingIfNeeded: SIMD16<UInt8>(truncatingIfNeeded: found)).wrappedSum())
    }
    if index < count && count >= 16 {
        // The last bytes: one overlapping load of the line's last 16 bytes, lanes already
        // counted masked out (a byte loop here cost 15 % of the import).
        let bytes = base.loadUnaligned(fromByteOffset: count - 16, as: SIMD16<UInt8>.self)
        let fresh = lanes .>= SIMD16<UInt8>(repeating: UInt8(index - (count - 16)))
        let hits = unsafeBitCast((bytes .== wanted) .& fresh, to: SIMD2<UInt64>.self)
        total &+= countSetBytes(hits[0]) &+ countSetBytes(hits[1])
        nuls |= unsafeBitCast((bytes .== zero) .& fresh, to: SIMD16<Int8>.self)
        index = count
    }
    var hasNul = nuls != SIMD16<Int8>(repeating: 0)
    while index < count {
        let byte = base.load(fromByteOffset: index, as: UInt8.self)
        if byte == separator { total &+= 1 } else if byte == 0 { hasNul = true }
        index += 1
    }
    return (total, hasNul)
}

private let lanes = SIMD16<UInt8>(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)

/// The number of 0xFF bytes in a word whose bytes are 0x00 or 0xFF (a compare mask), without
/// `popcnt`, which the x86-64 baseline lacks (`nonzeroBitCount` then costs a dozen instructions).
@inline(__always)
func countSetBytes(_ word: UInt64) -> Int {
    Int(truncatingIfNeeded: ((word & 0x0101_0101_0101_0101) &* 0x0101_0101_0101_0101) >> 56)
}
