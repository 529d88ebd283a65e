#if canImport(Glibc)
import Glibc
#endif

/// Reads a file by large blocks and hands out its lines as raw bytes, without ever holding
/// the file (or a line) as a Swift `String`: memory stays bounded by the block size.
struct ChunkedLines {
    static let blockSize = 4 << 20

    let path: String

    /// Calls `body` with each line (without its LF) and its 1-based number; `progress` gets
    /// the fraction of the file read.
    func forEach(progress: ((Double) -> Void)? = nil,
                 _ body: (UnsafeRawBufferPointer, Int) throws(ImportError) -> Void) throws(ImportError) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw ImportError(file: path, line: nil, message: "fichier introuvable ou illisible") }
        defer { close(descriptor) }
        var info = stat()
        let size = fstat(descriptor, &info) == 0 ? Int(info.st_size) : 0
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: Self.blockSize * 2, alignment: 64)
        defer { buffer.deallocate() }
        var kept = 0          // bytes of an unfinished line carried from the previous block
        var lineNumber = 0
        var consumed = 0
        while true {
            if kept == Self.blockSize * 2 {
                throw ImportError(file: path, line: lineNumber + 1, message: "ligne de plus de \(Self.blockSize * 2 / (1 << 20)) Mio : ce n'est pas un fichier texte attendu")
            }
            let count = read(descriptor, buffer + kept, Self.blockSize * 2 - kept)
            if count < 0 {
                if errno == EINTR { continue }
                throw ImportError(file: path, line: lineNumber, message: "lecture interrompue (erreur \(errno))")
            }
            let end = kept + count
            var start = 0
            while start < end, let newline = memchr(buffer + start, 10, end - start) {
                let position = newline - buffer
                lineNumber += 1
                try body(UnsafeRawBufferPointer(start: buffer + start, count: position - start), lineNumber)
                start = position + 1
            }
            consumed += count
            progress?(size > 0 ? Double(consumed) / Double(size) : 1)
            if count == 0 {
                if start < end {  // a last line without LF
                    lineNumber += 1
                    try body(UnsafeRawBufferPointer(start: buffer + start, count: end - start), lineNumber)
                }
                return
            }
            kept = end - start
            if kept > 0 && start > 0 { memmove(buffer, buffer + start, kept) }
        }
    }
}

/// Counts `separator` bytes of a line 32 at a time, and whether it holds a NUL (binary data).
@inline(__always)
func countSeparators(_ line: UnsafeRawBufferPointer, _ separator: UInt8) -> (separators: Int, hasNul: Bool) {
    guard let base = line.baseAddress else { return (0, false) }
    let count = line.count
    var index = 0
    var total = 0
    var nul = false
    let wanted = SIMD32<UInt8>(repeating: separator), zero = SIMD32<UInt8>(repeating: 0), one = SIMD32<UInt8>(repeating: 1)
    while index + 32 <= count {
        var accumulator = zero
        var nulAccumulator = zero
        var blocks = 0
        while index + 32 <= count && blocks < 255 {
            let bytes = base.loadUnaligned(fromByteOffset: index, as: SIMD32<UInt8>.self)
            accumulator &+= zero.replacing(with: one, where: bytes .== wanted)
            nulAccumulator |= zero.replacing(with: one, where: bytes .== zero)
            index += 32
            blocks += 1
        }
        // ≤ 255 per lane, so no lane overflowed; widened before the sum of 32 lanes.
        total += Int(SIMD32<UInt16>(truncatingIfNeeded: accumulator).wrappedSum())
        if nulAccumulator != zero { nul = true }
    }
    while index < count {
        let byte = base.load(fromByteOffset: index, as: UInt8.self)
        if byte == separator { total += 1 } else if byte == 0 { nul = true }
        index += 1
    }
    return (total, nul)
}
