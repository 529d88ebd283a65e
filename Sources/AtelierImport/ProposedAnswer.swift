import AtelierCore

/// An answer an import proposes, before the user confirms it: the question, the value read
/// in the file, and the source stored with the answer once confirmed. The session turns it
/// into the workbook's proposal (which also records the file it was read from).
public struct ProposedAnswer: Sendable, Equatable {
    public var key: String
    public var value: AnswerValue
    public var source: ImportSource

    public init(key: String, value: AnswerValue, source: ImportSource) {
        self.key = key
        self.value = value
        self.source = source
    }
}

/// Where proposed answers come from, as the answer's source says it: « Annuaire Santé (RPPS),
/// extraction du 02/12/2021 (PS_LibreAcces_…txt) », and the year of the data.
public struct ImportSource: Sendable, Equatable {
    public var text: String
    public var year: Int?

    public init(text: String, year: Int?) {
        self.text = text
        self.year = year
    }

    /// The source of a national file: its extraction date when its name carries one
    /// (`…_202112020908.txt`), else the file's modification date (`modified`, read by the
    /// caller), else its name alone.
    public init(publisher: String, path: String, modified: CalendarDate?) {
        // Stored as the answers' source and replayed later: no control characters from the name.
        let name = PlainText.clean(path.split(separator: "/").last.map(String.init) ?? path)
        if let date = Self.extractionDate(inFileName: name) {
            self.init(text: "\(publisher), extraction du \(date.french) (\(name))", year: date.year)
        } else {
            self.init(text: "\(publisher), fichier \(name)" + (modified.map { " du " + $0.french } ?? ""), year: modified?.year)
        }
    }

    /// The AAAAMMJJ stamp the national files carry in their names (`…_202112020908.txt`).
    public static func extractionDate(inFileName name: String) -> CalendarDate? {
        var digits = ""
        for character in name + "." {
            if character.isASCII && character.isNumber { digits.append(character); continue }
            if digits.count >= 8, let year = Int(digits.prefix(4)), let month = Int(digits.dropFirst(4).prefix(2)),
                let day = Int(digits.dropFirst(6).prefix(2)), year >= 2000,
                let date = CalendarDate(year: year, month: month, day: day)
            {
                return date
            }
            digits = ""
        }
        return nil
    }
}
