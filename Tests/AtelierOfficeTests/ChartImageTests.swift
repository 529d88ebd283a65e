import Foundation
import Testing
import ZIPFoundation

@testable import AtelierOffice

/// Charts in the office documents: the `![titre](graphique:id)` line read as an image block,
/// the SVG and its PNG fallback in the package, and the PNG's pixels where the SVG's shapes are.
struct ChartImageTests {
    static let svg = """
        <svg xmlns="http://www.w3.org/2000/svg" id="essai" viewBox="0 0 100 50" width="100" height="50">\
        <title>Essai</title><rect class="bar" x="10" y="10" width="30" height="20" fill="#0072B2" stroke="#000000" stroke-width="0.6"/>\
        <circle cx="80" cy="25" r="10" fill="#E69F00"/><line x1="0" y1="45" x2="100" y2="45" stroke="#000"/>\
        <text x="10" y="8">Libellé</text></svg>
        """
    static let image = OfficeImage(id: "essai", title: "Essai de graphique", svg: svg, width: 100, height: 50)

    @Test func aChartLineIsAnImageBlockAndOtherImagesStayText() {
        let text = MarkdownReader.read(
            "Avant.\n\n![Densité pour 10 000 habitants](graphique:densites)\n\n![photo](photo.png)\n\nAprès.\n![Carte](graphique:carte)")
        #expect(
            text.blocks == [
                .paragraph([.init("Avant.")]), .image(id: "densites", caption: [.init("Densité pour 10 000 habitants")]),
                .paragraph([.init("![photo](photo.png)")]), .paragraph([.init("Après.")]), .image(id: "carte", caption: [.init("Carte")]),
            ])
    }

    /// Pixel (x, y) of a decoded RGB PNG made by `PNGEncoder`.
    static func pixels(_ png: Data) throws -> (width: Int, height: Int, rgb: [UInt8]) {
        let bytes = [UInt8](png)
        #expect(Array(bytes[0..<8]) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        func word(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        let width = word(16), height = word(20), kind = bytes[25]
        #expect(kind == 3, "a chart's few colours make a palette")
        var index = 8, idat = Data(), palette: [UInt8] = []
        while index < bytes.count {
            let size = word(index)
            let type = String(decoding: bytes[index + 4..<index + 8], as: UTF8.self)
            let body = Data(bytes[index + 8..<index + 8 + size])
            // Each chunk's CRC-32 covers its type and body.
            #expect(UInt32(word(index + 8 + size)) == (Data(type.utf8) + body).crc32(checksum: 0), "\(type)")
            if type == "IDAT" { idat += body }
            if type == "PLTE" { palette = [UInt8](body) }
            index += 12 + size
        }
        // A zlib stream: its header, then raw deflate, then the Adler-32.
        #expect(idat.prefix(2) == Data([0x78, 0x9C]))
        var raw = Data()
        let deflated = idat.dropFirst(2).dropLast(4)
        _ = try Data.decompress(
            size: Int64(deflated.count), bufferSize: 64 * 1024, skipCRC32: true,
            provider: { position, size in Data(deflated.dropFirst(Int(position)).prefix(size)) }, consumer: { raw += $0 })
        #expect(raw.count == (width + 1) * height)
        #expect(UInt32(idat.suffix(4).reduce(0) { $0 << 8 | Int($1) }) == PNGEncoder.adler32(raw))
        var rgb: [UInt8] = []
        let rawBytes = [UInt8](raw)
        for row in 0..<height {
            for column in 0..<width {
                let index = Int(rawBytes[row * (width + 1) + 1 + column])
                rgb.append(contentsOf: palette[3 * index..<3 * index + 3])
            }
        }
        return (width, height, rgb)
    }

    @Test func theFallbackPNGHasTheShapesOfTheSVGAtTwiceItsSize() throws {
        let (width, height, rgb) = try Self.pixels(ChartRaster.png(svg: Self.svg, width: 100, height: 50))
        #expect(width == 200 && height == 100)
        func colour(_ x: Double, _ y: Double) -> [UInt8] {
            let index = (Int(y * 2) * width + Int(x * 2)) * 3
            return Array(rgb[index..<index + 3])
        }
        #expect(colour(25, 20) == [0x00, 0x72, 0xB2])  // inside the bar
        #expect(colour(10, 20) == [0, 0, 0])  // its outline
        #expect(colour(80, 25) == [0xE6, 0x9F, 0x00])  // the circle's centre
        #expect(colour(50, 45) == [0, 0, 0])  // the line
        #expect(colour(50, 20) == [255, 255, 255])  // nothing drawn
        #expect(colour(95, 5) == [255, 255, 255])
    }

    /// More than 256 colours: three bytes a pixel, the same pixels.
    @Test func aPictureWithManyColoursIsWrittenInRGB() throws {
        var rgb: [UInt8] = []
        for index in 0..<400 { rgb += [UInt8(index % 256), UInt8(index / 256), 7] }
        let png = [UInt8](PNGEncoder.encode(width: 20, height: 20, rgb: rgb))
        #expect(png[25] == 2)
        var raw = Data()
        let chunkSize = png[33..<37].reduce(0) { $0 << 8 | Int($1) }
        let deflated = Data(png[(41 + 2)..<(41 + chunkSize - 4)])
        _ = try Data.decompress(
            size: Int64(deflated.count), bufferSize: 4096, skipCRC32: true,
            provider: { position, size in Data(deflated.dropFirst(Int(position)).prefix(size)) }, consumer: { raw += $0 })
        #expect([UInt8](raw.dropFirst(1).prefix(6)) == [0, 0, 7, 1, 0, 7])
    }

    @Test func aSizeEditedIntoNonsenseGivesASmallPictureNotAHugeOne() {
        #expect(ChartRaster.pixels(.infinity, 1e12) == (16, 16))
        #expect(ChartRaster.pixels(-5, 10) == (16, 20))
    }

    /// The parts each format needs, and nothing for a chart no block names or one whose name
    /// could not be a part's.
    @Test func bothFormatsCarryTheSVGAndItsPNGForTheChartsTheTextNames() throws {
        let markdown = "# Titre\n\n![Essai de graphique](graphique:essai)\n\n![Inconnu](graphique:absent)\n"
        let unsafe = OfficeImage(id: "../absent", title: "x", svg: Self.svg, width: 100, height: 50)
        let metadata = OfficeText.Metadata(title: "Essai", header: "Essai")
        let docx = try Archive(
            data: TextDocument.docx(markdown: markdown, metadata: metadata, images: [Self.image, unsafe]), accessMode: .read)
        let odt = try Archive(
            data: TextDocument.odt(markdown: markdown, metadata: metadata, images: [Self.image, unsafe]), accessMode: .read)
        #expect(docx.map(\.path).filter { $0.hasPrefix("word/media/") }.sorted() == ["word/media/essai.png", "word/media/essai.svg"])
        #expect(odt.map(\.path).filter { $0.hasPrefix("Pictures/") }.sorted() == ["Pictures/essai.png", "Pictures/essai.svg"])
        func text(_ archive: Archive, _ path: String) throws -> String {
            var data = Data()
            _ = try archive.extract(#require(archive[path])) { data += $0 }
            return String(decoding: data, as: UTF8.self)
        }
        #expect(try text(docx, "[Content_Types].xml").contains(#"<Default Extension="svg" ContentType="image/svg+xml"/>"#))
        #expect(try text(docx, "word/_rels/document.xml.rels").contains(#"Target="media/essai.svg""#))
        #expect(
            try text(odt, "META-INF/manifest.xml").contains(#"manifest:full-path="Pictures/essai.svg" manifest:media-type="image/svg+xml""#)
        )
        #expect(try text(docx, "word/media/essai.svg") == Self.svg)
        // Both captions are kept, the unknown chart's as text.
        #expect(try text(docx, "word/document.xml").contains("Inconnu"))
        #expect(try text(odt, "content.xml").contains("Inconnu"))
    }
}
