import Foundation
import ZIPFoundation

/// A PNG from RGB pixels: the chunks, their CRC-32 and a zlib stream around the
/// deflate ZIPFoundation already brings (no image library needed for a fallback picture).
enum PNGEncoder {
    /// A chart has a handful of colours: then each pixel is one byte of a palette (a third of
    /// the bytes to compress, most of the time spent); else three bytes of RGB.
    static func encode(width: Int, height: Int, rgb: [UInt8]) -> Data {
        let paletted = Self.paletted(width: width, height: height, rgb: rgb)
        let colours = paletted?.colours ?? []
        var raw: Data
        if colours.isEmpty {
            raw = Data(capacity: (width * 3 + 1) * height)
            for row in 0..<height {
                raw.append(0)
                raw.append(contentsOf: rgb[(row * width * 3)..<((row + 1) * width * 3)])
            }
        } else {
            raw = Data(paletted?.rows ?? [])
        }
        var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        var header = Data()
        header.appendBigEndian(UInt32(width))
        header.appendBigEndian(UInt32(height))
        // 8 bits, palette (3) or RGB (2), deflate, no filter set, no interlace.
        header.append(contentsOf: [8, colours.isEmpty ? 2 : 3, 0, 0, 0])
        png.appendChunk("IHDR", header)
        if !colours.isEmpty {
            png.appendChunk("PLTE", Data(colours.flatMap { [UInt8($0 >> 16), UInt8(($0 >> 8) & 0xFF), UInt8($0 & 0xFF)] }))
        }
        png.appendChunk("IDAT", zlib(raw))
        png.appendChunk("IEND", Data())
        return png
    }

    /// Each row as a filter byte (0: none) and one palette index a pixel; nil past 256 colours.
    static func paletted(width: Int, height: Int, rgb: [UInt8]) -> (rows: [UInt8], colours: [UInt32])? {
        var palette: [UInt32: UInt8] = [:]
        var colours: [UInt32] = []
        var rows = [UInt8](repeating: 0, count: (width + 1) * height)
        // Long runs of one colour: the dictionary is asked only when the colour changes.
        var lastColour = UInt32.max, lastIndex: UInt8 = 0
        let complete = rgb.withUnsafeBufferPointer { pixels in
            rows.withUnsafeMutableBufferPointer { out in
                for row in 0..<height {
                    var target = row * (width + 1) + 1
                    var at = row * width * 3
                    for _ in 0..<width {
                        let colour = UInt32(pixels[at]) << 16 | UInt32(pixels[at + 1]) << 8 | UInt32(pixels[at + 2])
                        if colour != lastColour {
                            if let index = palette[colour] {
                                lastIndex = index
                            } else {
                                guard colours.count < 256 else { return false }
                                lastIndex = UInt8(colours.count)
                                palette[colour] = lastIndex
                                colours.append(colour)
                            }
                            lastColour = colour
                        }
                        out[target] = lastIndex
                        target += 1
                        at += 3
                    }
                }
                return true
            }
        }
        return complete ? (rows, colours) : nil
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
