import Foundation
import ZIPFoundation

/// A truecolour PNG from RGB pixels: the chunks, their CRC-32 and a zlib stream around the
/// deflate ZIPFoundation already brings (no image library needed for a fallback picture).
enum PNGEncoder {
    static func encode(width: Int, height: Int, rgb: [UInt8]) -> Data {
        var raw = Data(capacity: (width * 3 + 1) * height)
        for row in 0..<height {
            raw.append(0)  // filter: none
            raw.append(contentsOf: rgb[(row * width * 3)..<((row + 1) * width * 3)])
        }
        var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        var header = Data()
        header.appendBigEndian(UInt32(width))
        header.appendBigEndian(UInt32(height))
        header.append(contentsOf: [8, 2, 0, 0, 0])  // 8 bits, RGB, deflate, no filter set, no interlace
        png.appendChunk("IHDR", header)
        png.appendChunk("IDAT", zlib(raw))
        png.appendChunk("IEND", Data())
        return png
    }

    /// RFC 1950: a two-byte header, raw deflate, the Adler-32 of the uncompressed bytes.
    static func zlib(_ data: Data) -> Data {
        var out = Data([0x78, 0x9C])
        var deflated = Data()
        let compressed = try? Data.compress(
            size: Int64(data.count), bufferSize: 64 * 1024,
            provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) },
            consumer: { deflated.append($0) })
        if compressed == nil { deflated = stored(data) }
        out.append(deflated)
        out.appendBigEndian(adler32(data))
        return out
    }

    /// Deflate's stored blocks: what to write should the compressor fail.
    static func stored(_ data: Data) -> Data {
        var out = Data()
        var offset = 0
        repeat {
            let size = min(65_535, data.count - offset)
            out.append(offset + size == data.count ? 1 : 0)
            out.append(contentsOf: [UInt8(size & 0xFF), UInt8(size >> 8), UInt8(~size & 0xFF), UInt8((~size >> 8) & 0xFF)])
            out.append(data.subdata(in: offset..<offset + size))
            offset += size
        } while offset < data.count
        return out
    }

    static func adler32(_ data: Data) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        data.withUnsafeBytes { bytes in
            // 5 552 bytes is the most that can be summed before the modulo can overflow.
            var index = 0
            while index < bytes.count {
                let end = min(index + 5_552, bytes.count)
                for byte in bytes[index..<end] {
                    a &+= UInt32(byte)
                    b &+= a
                }
                a %= 65_521
                b %= 65_521
                index = end
            }
        }
        return b << 16 | a
    }
}

extension Data {
    mutating func appendBigEndian(_ value: UInt32) {
        append(contentsOf: [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)])
    }

    mutating func appendChunk(_ type: String, _ body: Data) {
        appendBigEndian(UInt32(body.count))
        let typed = Data(type.utf8) + body
        append(typed)
        appendBigEndian(typed.crc32(checksum: 0))
    }
}
