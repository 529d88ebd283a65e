import Foundation

/// Turns what a user typed into a typed answer, or says what was expected.
///
/// French habits are accepted: `12,5` and `12.5`, `1 234` with spaces between thousands,
/// `oui`/`non`, dates as `22/11/2026`, choices by number or by name, accents optional.
public struct AnswerParser: Sendable {
    public var reference: TerritoryReference
    /// Answers already given, for bounds that depend on them ("dont 60 ans et plus" ≤ effectif).
    public var answers: [String: AnswerValue]
    /// The fiches of the library in the order they were shown (suggested first), for
    /// answers by number.
    public var actionSheets: [(key: String, title: String)] = []
    /// The funding instruments of the catalogue (key and name), for `dispositif` answers.
    public var instruments: [(key: String, title: String)] = []
    /// Instruments of the catalogue that do not apply to the territory, by key: the sentence
    /// that refuses them (`FundingCatalogue.unavailable`).
    public var unavailableInstruments: [String: String] = [:]

    /// Longer answers are refused before any parsing: no answer of that kind is that long.
    /// A list of communes must hold the largest département (887 codes for the Pas-de-Calais).
    public static func maximumLength(for kind: QuestionKind) -> Int {
        if case .communeList = kind { return InputLimits.communeListCharacters }
        return InputLimits.answerCharacters
    }

    public init(reference: TerritoryReference, answers: [String: AnswerValue] = [:]) {
        self.reference = reference
        self.answers = answers
    }

    public func parse(_ input: String, as kind: QuestionKind, bounds: Bounds = Bounds()) throws(InvalidAnswer) -> AnswerValue {
        let text = input.trimmed
        let expected = expectation(for: kind, bounds: bounds)
        let maximumLength = Self.maximumLength(for: kind)
        // Counted in UTF-8 first: a huge line is refused without walking its characters.
        guard text.utf8.count <= maximumLength * 4, text.count <= maximumLength else {
            throw InvalidAnswer(reason: "la réponse dépasse \(FrenchFormat.integer(maximumLength)) caractères", expected: expected)
        }
        guard !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw InvalidAnswer(reason: "la réponse contient des caractères de contrôle", expected: expected)
        }
        guard !text.isEmpty else { throw InvalidAnswer(reason: "la réponse est vide", expected: expected) }

        let number = Self.withoutUnit(text, bounds.unit)
        switch kind {
        case .text:
            return .text(text)
        case .integer:
            guard let n = Self.integer(number) else {
                throw InvalidAnswer(reason: "« \(text.prefix(40)) » n'est pas un nombre entier", expected: expected)
            }
            try check(Double(n), bounds, expected: expected, shown: FrenchFormat.integer(n))
            return .integer(n)
        case .year:
            guard text.count == 4, let n = Int(text), (1900...2100).contains(n) else {
                throw InvalidAnswer(reason: "« \(text.prefix(40)) » n'est pas une année", expected: expected)
            }
            try check(Double(n), bounds, expected: expected, shown: String(n))
            return .year(n)
        case .decimal:
            guard let x = Self.decimal(number) else {
                throw InvalidAnswer(reason: "« \(text.prefix(40)) » n'est pas un nombre", expected: expected)
            }
            try check(x, bounds, expected: expected, shown: FrenchFormat.decimal(x, maximumFractionDigits: 6))
            return .decimal(x)
        case .percentage:
            let stripped = text.hasSuffix("%") ? String(text.dropLast()).trimmed : text
            guard let x = Self.decimal(stripped) else {
                throw InvalidAnswer(reason: "« \(text.prefix(40)) » n'est pas un pourcentage", expected: expected)
            }
            var percentBounds = bounds
            percentBounds.minimum = bounds.minimum ?? 0
            percentBounds.maximum = bounds.maximum ?? 100
            try check(x, percentBounds, expected: expected, shown: FrenchFormat.percentage(x))
            return .percentage(x)
        case .amount:
            guard let cents = Self.cents(text) else {
                throw InvalidAnswer(reason: "« \(text.prefix(40)) » n'est pas un montant", expected: expected)
            }
            try check(Double(cents) / 100, bounds, expected: expected, shown: FrenchFormat.amount(cents: cents))
            return .amount(cents: cents)
        case .yesNo:
            switch text.folded {
            case "oui", "o": return .bool(true)
            case "non", "n": return .bool(false)
            default: throw InvalidAnswer(expected: expected)
            }
        case .choice(let choices):
            guard let choice = Self.match(text, in: choices) else {
                throw InvalidAnswer(reason: "« \(text.prefix(40)) » n'est pas un des choix", expected: expected)
            }
            return .choice(choice)
        case .multipleChoice(let choices):
            var picked: [String] = []
            for item in text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "+" }).map({ $0.trimmed }) where !item.isEmpty {
                guard let choice = Self.match(item, in: choices) else {
                    throw InvalidAnswer(reason: "« \(item.prefix(40)) » n'est pas un des choix", expected: expected)
                }
                if !picked.contains(choice) { picked.append(choice) }
            }
            guard !picked.isEmpty else { throw InvalidAnswer(expected: expected) }
            return .choices(choices.filter(picked.contains))
        case .date:
            return .date(try Self.date(text, expected: expected))
        case .communeCode:
            return .commune(try commune(text, expected: expected).ref)
        case .communeList:
            return .communes(try communes(text, expected: expected))
        case .epciSiren:
            return .epci(try epci(text, expected: expected))
        case .participantNames:
            return .choices(try participantNames(text, expected: expected))
        case .actionSheet:
            if text.folded == ActionSheetLibrary.customKey { return .choice(ActionSheetLibrary.customKey) }
            return .choice(try pick(text, in: actionSheets, what: "fiche", expected: expected))
        case .fundingInstrument:
            if let refusal = unavailableInstruments[text.lowercased()] { throw InvalidAnswer(reason: refusal, expected: expected) }
            return .choice(
                try pick(
                    text, in: instruments, what: "dispositif", expected: expected,
                    whenNone: "un dispositif propre au territoire s'ajoute avec /aller \(QuestionKeys.localInstruments)"))
        case .list(let fields):
            return .records([try record(text, fields: fields)])
        }
    }

    /// A whole record typed on one line, fields separated by `;`: `MSP ; MSP du Val ; 14118`.
    public func record(_ text: String, fields: [ListField]) throws(InvalidAnswer) -> ListRecord {
        let parts = text.split(separator: ";", omittingEmptySubsequences: false).map { $0.trimmed }
        let labels = fields.map(\.label).joined(separator: " ; ")
        guard parts.count <= fields.count, parts.count >= fields.filter({ !$0.optional }).count else {
            throw InvalidAnswer(
                reason: "\(counted(parts.count, "champ")) au lieu de \(fields.count)",
                expected: "les champs séparés par « ; » : \(labels)")
        }
        var values: [(key: String, value: AnswerValue)] = []
        for (index, field) in fields.enumerated() {
            let part = index < parts.count ? parts[index] : ""
            if part.isEmpty {
                if field.optional { continue }
                throw InvalidAnswer(reason: "le champ « \(field.label) » est vide", expected: "les champs séparés par « ; » : \(labels)")
            }
            do throws(InvalidAnswer) {
                values.append((field.key, try parse(part, as: field.kind, bounds: field.bounds)))
            } catch {
                throw InvalidAnswer(reason: "\(field.label) : \(error.reason ?? "valeur refusée")", expected: error.expected)
            }
        }
        return ListRecord(fields: values)
    }

    private func check(_ x: Double, _ bounds: Bounds, expected: String, shown: String) throws(InvalidAnswer) {
        if let min = bounds.minimum, x < min { throw InvalidAnswer(reason: "\(shown) est trop petit", expected: expected) }
        if let max = effectiveMaximum(bounds), x > max.value {
            throw InvalidAnswer(reason: "\(shown) est trop grand", expected: expected)
        }
    }

    /// « 5 ans » → « 5 » when the question counts in years: the unit of the question, in its
    /// usual French forms (singular, plural, abbreviation), after the number.
    static func withoutUnit(_ text: String, _ unit: String?) -> String {
        guard let unit else { return text }
        let folded = unit.folded
        var forms: Set<String> = [folded, folded.hasSuffix("s") ? String(folded.dropLast()) : folded + "s"]
        switch folded {
        case "ans", "an", "annees", "annee": forms.formUnion(["an", "ans", "annee", "annees"])
        case "minutes", "minute", "min": forms.formUnion(["min", "mn", "minute", "minutes", "min."])
        case "habitants", "habitant": forms.formUnion(["hab", "hab."])
        default: break
        }
        let words = text.split(separator: " ")
        guard words.count >= 2, let last = words.last, forms.contains(String(last).folded) else { return text }
        return words.dropLast().joined(separator: " ")
    }

    /// An item by its number in the list shown, its key, or an unambiguous part of its name.
    /// `whenNone` is said after « aucun … ne correspond », where there is another way to go.
    func pick(
        _ text: String, in items: [(key: String, title: String)], what: String, expected: String, whenNone: String? = nil
    ) throws(InvalidAnswer) -> String {
        if let n = Int(text), n >= 1, n <= items.count { return items[n - 1].key }
        if let exact = items.first(where: { $0.key == text.lowercased() }) { return exact.key }
        let matches = items.filter { $0.title.folded.contains(text.folded) || $0.key.contains(text.folded) }
        if matches.count == 1 { return matches[0].key }
        let reason =
            matches.isEmpty
            ? "aucun\(what == "fiche" ? "e" : "") \(what) ne correspond à « \(text.prefix(40)) »" + (whenNone.map { " ; \($0)" } ?? "")
            : "plusieurs \(what)s correspondent à « \(text.prefix(40)) »"
        throw InvalidAnswer(reason: reason, expected: expected)
    }

    // MARK: - Lexical forms

    /// `1234`, `1 234` (spaces or no-break spaces between groups of three), `-0`.
    static func integer(_ text: String) -> Int? {
        guard let digits = groupedDigits(text) else { return nil }
        return Int(digits)
    }

    /// `12,5`, `12.5`, `1 234,5`; never exponents, `nan` or `inf`.
    static func decimal(_ text: String) -> Double? {
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "," || $0 == "." })
        guard parts.count <= 2, let whole = groupedDigits(String(parts[0])) else { return nil }
        var literal = whole
        if parts.count == 2 {
            let fraction = parts[1]
            guard !fraction.isEmpty, fraction.count <= 9, fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            literal += "." + fraction
        }
        guard let value = Double(literal), value.isFinite, abs(value) < 1e15 else { return nil }
        return value
    }

    /// `1 234,50`, `1234.5 €`, `1 234 EUR` → cents.
    static func cents(_ text: String) -> Int? {
        var t = text
        for suffix in ["€", "EUR", "eur", "euros", "euro"] where t.hasSuffix(suffix) {
            t = String(t.dropLast(suffix.count)).trimmed
            break
        }
        let parts = t.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "," || $0 == "." })
        guard parts.count <= 2, let whole = groupedDigits(String(parts[0])), let euros = Int(whole),
            euros.magnitude < 1_000_000_000_000
        else { return nil }
        var cents = 0
        if parts.count == 2 {
            let fraction = String(parts[1])
            guard (1...2).contains(fraction.count), let f = Int(fraction), fraction.allSatisfy(\.isASCII) else { return nil }
            cents = fraction.count == 1 ? f * 10 : f
        }
        return euros < 0 || whole.hasPrefix("-") ? euros * 100 - cents : euros * 100 + cents
    }

    /// The digits of `-1 234`, checking that spaces only separate groups of three.
    private static func groupedDigits(_ text: String) -> String? {
        var t = Substring(text)
        var sign = ""
        if let first = t.first, first == "-" || first == "+" {
            sign = first == "-" ? "-" : ""
            t = t.dropFirst()
        }
        let groups = t.split(omittingEmptySubsequences: false, whereSeparator: { $0 == " " || $0 == "\u{00A0}" || $0 == "\u{202F}" })
        guard let head = groups.first, !head.isEmpty, head.count <= 18 || groups.count == 1,
            groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return nil }
        if groups.count > 1 {
            guard head.count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        let digits = groups.joined()
        guard digits.count <= 18 else { return nil }
        return sign + digits
    }

    static func date(_ text: String, expected: String) throws(InvalidAnswer) -> CalendarDate {
        let iso = text.split(separator: "-", omittingEmptySubsequences: false)
        let french = text.split(separator: "/", omittingEmptySubsequences: false)
        let numbers: [Int]
        if french.count == 3, french[2].count == 4 {
            numbers = [french[2], french[1], french[0]].compactMap { $0.allSatisfy(\.isASCII) ? Int($0) : nil }
        } else if iso.count == 3, iso[0].count == 4 {
            numbers = iso.compactMap { $0.allSatisfy(\.isASCII) ? Int($0) : nil }
        } else {
            throw InvalidAnswer(reason: "« \(text.prefix(40)) » n'est pas une date", expected: expected)
        }
        guard numbers.count == 3, numbers.allSatisfy({ $0 >= 0 }) else {
            throw InvalidAnswer(reason: "« \(text.prefix(40)) » n'est pas une date", expected: expected)
        }
        guard let date = CalendarDate(year: numbers[0], month: numbers[1], day: numbers[2]) else {
            throw InvalidAnswer(reason: "le \(text) n'existe pas dans le calendrier", expected: expected)
        }
        return date
    }

    /// A choice by number (`2`), by exact name or by unambiguous beginning, ignoring accents and case.
    static func match(_ text: String, in choices: [String]) -> String? {
        if let n = Int(text), n >= 1, n <= choices.count { return choices[n - 1] }
        let folded = text.folded
        if let exact = choices.first(where: { $0.folded == folded }) { return exact }
        let prefixed = choices.filter { $0.folded.hasPrefix(folded) }
        return prefixed.count == 1 ? prefixed[0] : nil
    }

    public static func numbered(_ choices: [String]) -> String {
        choices.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: ", ")
    }
}
