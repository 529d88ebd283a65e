import AtelierCore
import Foundation
import Testing

@testable import AtelierOffice

@Suite struct OfficePackageTests {
    @Test func sameContentGivesSameBytes() throws {
        let parts = [
            OfficePackage.Part("mimetype", "application/vnd.oasis.opendocument.text", stored: true), .init("content.xml", "<a>é</a>"),
        ]
        let first = try OfficePackage.zip(parts)
        #expect(try OfficePackage.zip(parts) == first)
        // ODF readers look for the stored `mimetype` right after the first local header (offset 30).
        #expect(first.prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]))
        #expect(String(decoding: first[30..<38], as: UTF8.self) == "mimetype")
        #expect(String(decoding: first[38..<77], as: UTF8.self) == "application/vnd.oasis.opendocument.text")
    }

    @Test func xmlEscapingKeepsTextAndDropsForbiddenCharacters() {
        #expect(XMLText.escape("a < b & « c » \"d\" 'e'") == "a &lt; b &amp; « c » &quot;d&quot; &apos;e&apos;")
        #expect(XMLText.escape("bip\u{07}\u{0B}fin\u{FFFE}") == "bipfin")
        #expect(XMLText.escape("ligne\tun\nligne deux") == "ligne\tun\nligne deux")
        #expect(XMLText.escape("1 234,50\u{A0}€") == "1 234,50\u{A0}€")
    }
}
