import AtelierCore
import Foundation
import Testing

@Suite struct IdentifiersTests {
    @Test(arguments: ["14118", "2A004", "2B033", "97101", "97411", "97611", "01001", "75056"])
    func wellFormedInseeCodes(code: String) {
        #expect(Identifiers.isWellFormedInseeCode(code))
    }

    @Test(arguments: ["1411", "141180", "20004", "2C004", "97901", "96001", "00123", "2a004", "14A18", "１４１１８"])
    func malformedInseeCodes(code: String) {
        #expect(!Identifiers.isWellFormedInseeCode(code))
    }

    @Test func everyBundledCommuneCodeIsWellFormed() throws {
        #expect(Project.reference.communes.keys.allSatisfy(Identifiers.isWellFormedInseeCode))
    }

    @Test func sirenChecksum() throws {
        #expect(Identifiers.isValidSiren("200065597"))
        #expect(!Identifiers.isValidSiren("200065598"))
        #expect(!Identifiers.isValidSiren("20006559"))
    }
}

@Suite struct FrenchFormatTests {
    @Test func numbersAsFrenchDocumentsWriteThem() throws {
        #expect(FrenchFormat.integer(1_234_567) == "1\u{202F}234\u{202F}567")
        #expect(FrenchFormat.integer(-42) == "-42")
        #expect(FrenchFormat.decimal(1234.5) == "1\u{202F}234,5")
        #expect(FrenchFormat.decimal(12.0) == "12")
        #expect(FrenchFormat.percentage(11.25) == "11,3\u{00A0}%")
        #expect(FrenchFormat.amount(cents: 123_450) == "1\u{202F}234,50\u{00A0}€")
        #expect(FrenchFormat.amount(cents: 5) == "0,05\u{00A0}€")
    }

    @Test func timestampsInTheGivenTimeZone() throws {
        let date = ISO8601DateFormatter().date(from: "2026-11-22T22:25:00Z")!
        #expect(FrenchFormat.timestamp(date, timeZone: TimeZone(identifier: "Europe/Paris")!) == "22/11/2026 23:25")
    }
}

@Suite struct SHA256Tests {
    // FIPS 180-4 examples, and `printf 'Atelier Santé' | sha256sum`.
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func knownDigests(input: String, digest: String) throws {
        #expect(SHA256.hex(input) == digest)
    }

    @Test func aMillionBytes() throws {
        #expect(
            SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}

@Suite struct SentenceTests {
    @Test(arguments: [
        ("fichier introuvable", "fichier introuvable."), ("réessayez dans un instant.", "réessayez dans un instant."),
        ("Vouliez-vous dire /revoir ?", "Vouliez-vous dire /revoir ?"), ("", ""),
    ])
    func aQuotedMessageEndsWithOneFullStop(text: String, sentence: String) {
        #expect(text.asSentence == sentence)
    }
}
