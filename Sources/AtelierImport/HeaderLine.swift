import AtelierCore

/// The header line of a delimited file: its column names, found by name rather than by
/// position (the national files add, rename and move columns between extractions).
struct HeaderLine {
    let names: [String]
    /// Names folded: no accents, lower case, single spaces, for comparison.
    let folded: [String]

    /// Decodes the header as UTF-8 (a byte-order mark is skipped), or as Windows-1252/latin-1
    /// when it is not UTF-8.
    init(bytes: UnsafeRawBufferPointer, separator: UInt8) {
        var start = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
        let slice = UnsafeRawBufferPointer(rebasing: bytes[start...])
        let text = String(validating: slice, as: UTF8.self) ?? String(decoding: slice.map { $0 }, as: Latin1.self)
        names = text.split(separator: Character(UnicodeScalar(separator)), omittingEmptySubsequences: false).map { String($0).trimmed }
        folded = names.map(HeaderLine.fold)
    }

    /// The national files have at most 60 columns (RPPS 53, FINESS 42, INSEE 11) and headers
    /// under 2 Kio: a first line far beyond is not a header, and folding each of its millions
    /// of « names » would take minutes.
    static let maximumColumns = 500
    static let maximumLength = 64 << 10

    /// The header at `line` of `file`, refused in French when it cannot be one.
    static func read(_ bytes: UnsafeRawBufferPointer, separator: UInt8, file: String, line: Int) throws(FileProblem) -> HeaderLine {
        guard bytes.count <= maximumLength else {
            throw FileProblem(
                importing: file, line: line,
                reason:
                    "en-tête de \(FrenchFormat.integer(bytes.count)) octets : \(maximumLength >> 10) Kio au plus ; ce n'est pas l'en-tête d'un fichier national"
            )
        }
        let columns = countSeparators(bytes, separator).separators + 1
        guard columns <= maximumColumns else {
            throw FileProblem(
                importing: file, line: line,
                reason:
                    "en-tête de \(FrenchFormat.integer(columns)) colonnes : \(maximumColumns) au plus ; ce n'est pas l'en-tête d'un fichier national"
            )
        }
        return HeaderLine(bytes: bytes, separator: separator)
    }

    static func fold(_ name: String) -> String {
        name.folded.replacingOccurrences(of: "’", with: "'").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The index of the first column whose folded name is one of `candidates`.
    func index(of candidates: [String]) -> Int? {
        let wanted = candidates.map(HeaderLine.fold)
        return folded.firstIndex { wanted.contains($0) }
    }
}

/// Latin-1: every byte is the Unicode scalar of the same value (Windows-1252 differs only in
/// 0x80–0x9F, punctuation that column names do not use).
enum Latin1: Unicode.Encoding {
    typealias CodeUnit = UInt8
    typealias EncodedScalar = CollectionOfOne<UInt8>
    static var encodedReplacementCharacter: EncodedScalar { CollectionOfOne(0x3F) }
    static func decode(_ content: EncodedScalar) -> Unicode.Scalar { Unicode.Scalar(content.first!) }
    static func encode(_ content: Unicode.Scalar) -> EncodedScalar? { content.value < 256 ? CollectionOfOne(UInt8(content.value)) : nil }
    struct ForwardParser: Unicode.Parser {
        typealias Encoding = Latin1
        init() {}
        mutating func parseScalar<I: IteratorProtocol>(from input: inout I) -> Unicode.ParseResult<EncodedScalar> where I.Element == UInt8 {
            guard let byte = input.next() else { return .emptyInput }
            return .valid(CollectionOfOne(byte))
        }
    }
    typealias ReverseParser = ForwardParser
}
