import Foundation

/// A confirmed answer, typed. Stored in the workbook as JSON (`{"type":"entier","valeur":12}`)
/// next to its French display text, so the file stays readable with `sqlite3`.
public enum AnswerValue: Sendable, Equatable {
    case text(String)
    case integer(Int)
    /// A year: an integer written without a thousands separator (`2027`, not `2 027`).
    case year(Int)
    case decimal(Double)
    case percentage(Double)
    /// Euros, in cents: money is never a floating-point number.
    case amount(cents: Int)
    case bool(Bool)
    case choice(String)
    case choices([String])
    case date(CalendarDate)
    case commune(CommuneRef)
    case communes([CommuneRef])
    case epci(EpciRef)
    case records([ListRecord])

    /// The value as a French reader sees it in a table or a document.
    public var display: String {
        switch self {
        case .text(let s): return s
        case .integer(let n): return FrenchFormat.integer(n)
        case .year(let n): return String(n)
        case .decimal(let x): return FrenchFormat.decimal(x)
        case .percentage(let x): return FrenchFormat.percentage(x)
        case .amount(let cents): return FrenchFormat.amount(cents: cents)
        case .bool(let b): return b ? "oui" : "non"
        case .choice(let s): return s
        case .choices(let items): return items.joined(separator: ", ")
        case .date(let d): return d.french
        case .commune(let c): return "\(c.name) (\(c.code))"
        case .communes(let list):
            let population = list.map(\.population).saturatingSum()
            let names = list.prefix(Self.shownCommunes).map { "\($0.name) (\($0.code))" }.joined(separator: ", ")
            let more = list.count > Self.shownCommunes ? ", …" : ""
            let noun = list.count > 1 ? "communes" : "commune"
            let years = Set(list.map(\.populationYear)).sorted().map(String.init).joined(separator: " et ")
            return "\(list.count) \(noun), \(FrenchFormat.integer(population)) hab. (populations légales \(years)) : \(names)\(more)"
        case .epci(let e): return "\(e.name) (SIREN \(e.siren))"
        case .records(let items):
            if items.isEmpty { return "aucun élément" }
            return items.count == 1 ? "1 élément" : "\(items.count) éléments"
        }
    }

    /// The communes named in a one-line display; /revoir CLÉ shows them all.
    public static let shownCommunes = 6

    /// Text used by questionnaire conditions (`si: structures.cls_precedent = oui`).
    var conditionText: String {
        switch self {
        case .epci(let e): return e.siren
        case .commune(let c): return c.code
        default: return display
        }
    }
}

/// A calendar date without time or time zone, as a French form asks for it.
public struct CalendarDate: Sendable, Equatable, Comparable, Codable {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1900...2200).contains(year), (1...12).contains(month), day >= 1,
            day <= CalendarDate.days(inMonth: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    public static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `22/11/2026`.
    public var french: String { String(format: "%02d/%02d/%04d", day, month, year) }
    /// `2026-11-22`, for storage.
    public var iso: String { String(format: "%04d-%02d-%02d", year, month, day) }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}

/// A commune of the perimeter, with the population that was official when it was recorded.
public struct CommuneRef: Sendable, Equatable, Codable {
    public var code: String
    public var name: String
    public var population: Int
    public var populationYear: Int

    public init(code: String, name: String, population: Int, populationYear: Int) {
        self.code = code
        self.name = name
        self.population = population
        self.populationYear = populationYear
    }

    enum CodingKeys: String, CodingKey {
        case code
        case name = "nom"
        case population = "population_municipale"
        case populationYear = "annee_population"
    }
}

public struct EpciRef: Sendable, Equatable, Codable {
    public var siren: String
    public var name: String

    public init(siren: String, name: String) {
        self.siren = siren
        self.name = name
    }

    enum CodingKeys: String, CodingKey {
        case siren
        case name = "nom"
    }
}

/// One record of a `liste` question: field key → value, in the questionnaire's field order.
public struct ListRecord: Sendable, Equatable {
    public var fields: [(key: String, value: AnswerValue)]

    public init(fields: [(key: String, value: AnswerValue)]) {
        self.fields = fields
    }

    public subscript(key: String) -> AnswerValue? {
        fields.first { $0.key == key }?.value
    }

    /// `MSP ; MSP du Val ; Caen (14118)`: a record on one line, as it can be typed back.
    public var display: String {
        fields.map(\.value.display).joined(separator: " ; ")
    }

    /// `Type : MSP ; Nom : MSP du Val ; Commune : Caen (14118)`: every field named by its label,
    /// in one layout whichever optional fields were left empty (those are left out). A field
    /// the questionnaire no longer has keeps its key.
    /// The fields `schema` names, by their labels; the others (a fiche's long texts, its
    /// `details:`) are counted, not printed, so that one element stays one line.
    public func labelled(_ schema: [ListField]) -> String {
        let shown = fields.compactMap { field in
            schema.first { $0.key == field.key }.map { "\($0.shortLabel) : \(field.value.display)" }
        }
        let others = fields.count - shown.count
        return (shown + (others > 0 ? ["+ " + counted(others, "texte de détail", "textes de détail")] : [])).joined(separator: " ; ")
    }

    public static func == (a: ListRecord, b: ListRecord) -> Bool {
        a.fields.map(\.key) == b.fields.map(\.key) && a.fields.map(\.value) == b.fields.map(\.value)
    }
}

extension AnswerValue {
    /// The words of a text or a choice answer; nil for any other kind of value.
    public var words: String? {
        switch self {
        case .text(let s), .choice(let s): s
        default: nil
        }
    }
}
