/// Checks the answers of a workbook against their questions, as they are read back: a value
/// typed in a session was checked then, but the file may have been edited by hand since, or
/// written by another version of the questionnaire. A pure function: the session says what it
/// finds, and the synthèse and the documents leave those values out (`usable`).
public enum StoredValueCheck {
    /// The largest magnitudes a typed answer can have (`AnswerParser`'s lexical limits): past
    /// them a value was not typed, and sums of it could overflow.
    static let integerMagnitude = 999_999_999_999_999_999
    static let decimalMagnitude = 1e15
    static let centsMagnitude = 100_000_000_000_000
    /// A commune's population municipale: the largest (Paris) has 2,1 million inhabitants.
    static let communePopulation = 0...100_000_000

    /// Every problem, in questionnaire order. Answers to keys the questionnaire does not have
    /// are not judged (another version may use them). A bound set by another answer
    /// (`max: demographie.x.effectif`) is checked only when that answer is itself valid.
    public static func problems(in answers: [String: AnswerValue], questionnaire: Questionnaire) -> [StoredValueProblem] {
        let questions = questionnaire.questions.filter { answers[$0.key] != nil }
        let unbounded = AnswerParser(reference: TerritoryReference())
        var found: [String: [StoredValueProblem]] = [:]
        for question in questions {
            let own = Bounds(minimum: question.bounds.minimum, maximum: question.bounds.maximum)
            found[question.key] = problems(of: question, answers[question.key]!, bounds: own, parser: unbounded)
        }
        // Bounds given by other answers, read from the answers found valid.
        let valid = answers.filter { found[$0.key]?.isEmpty ?? true }
        let bounded = AnswerParser(reference: TerritoryReference(), answers: valid)
        for question in questions where question.bounds.maximumKey != nil && found[question.key]?.isEmpty == true {
            found[question.key] = problems(of: question, answers[question.key]!, bounds: question.bounds, parser: bounded)
        }
        return questions.flatMap { found[$0.key] ?? [] }
    }

    /// `value` without what `problems` found in it: nil when the answer as a whole is wrong;
    /// for a list, the wrong fields are taken out of their elements (the elements stay, so
    /// that the numbers other answers refer to, « fiche 2 », still designate the same one).
    public static func usable(_ value: AnswerValue, key: String, problems: [StoredValueProblem]) -> AnswerValue? {
        let own = problems.filter { $0.key == key }
        guard !own.isEmpty else { return value }
        if own.contains(where: { $0.element == nil }) { return nil }
        guard case .records(var items) = value else { return nil }
        var dropped: Set<Int> = []
        for problem in own {
            guard let element = problem.element, let field = problem.field, element >= 1, element <= items.count else { continue }
            // Where an empty field means something (a vote without a note: « does not score »),
            // an unreadable one must not read as empty: the element is left out instead.
            if Concertation.absenceMeans(list: key, field: field) { dropped.insert(element - 1) }
            items[element - 1].fields.removeAll { $0.key == field }
        }
        return .records(items.enumerated().filter { !dropped.contains($0.offset) }.map(\.element))
    }

    // MARK: - One answer

    static func problems(of question: Question, _ value: AnswerValue, bounds: Bounds, parser: AnswerParser) -> [StoredValueProblem] {
        if case .list = question.kind, case .records(let items) = value {
            return items.enumerated().flatMap { index, record in
                question.allListFields.compactMap { field -> StoredValueProblem? in
                    guard let fieldValue = record[field.key],
                        let kind = fault(fieldValue, kind: field.kind, bounds: field.bounds, parser: parser)
                    else { return nil }
                    return StoredValueProblem(
                        key: question.key, element: index + 1, field: field.key, fieldLabel: field.label,
                        shown: shown(fieldValue), expected: parser.expectation(for: field.kind, bounds: field.bounds), kind: kind)
                }
            }
        }
        guard let kind = fault(value, kind: question.kind, bounds: bounds, parser: parser) else { return [] }
        return [
            StoredValueProblem(
                key: question.key, shown: shown(value), expected: parser.expectation(for: question.kind, bounds: bounds), kind: kind)
        ]
    }

    static func shown(_ value: AnswerValue) -> String {
        value.display.shortened(to: 40)
    }

    /// What is wrong with `value` as an answer of `kind` within `bounds`, if anything.
    static func fault(_ value: AnswerValue, kind: QuestionKind, bounds: Bounds, parser: AnswerParser) -> StoredValueProblem.Kind? {
        func within(_ x: Double, _ bounds: Bounds) -> StoredValueProblem.Kind? {
            guard x.isFinite else { return .outOfBounds }
            if let min = bounds.minimum, x < min { return .outOfBounds }
            if let max = parser.effectiveMaximum(bounds), x > max.value { return .outOfBounds }
            return nil
        }
        func valid(_ condition: Bool) -> StoredValueProblem.Kind? { condition ? nil : .invalid }
        switch (kind, value) {
        case (.text, .text(let s)):
            return valid(!s.trimmed.isEmpty)
        case (.integer, .integer(let n)):
            return n.magnitude > integerMagnitude ? .outOfBounds : within(Double(n), bounds)
        case (.year, .year(let n)):
            return (1900...2100).contains(n) ? within(Double(n), bounds) : .outOfBounds
        case (.decimal, .decimal(let x)):
            return x.magnitude >= decimalMagnitude ? .outOfBounds : within(x, bounds)
        case (.decimal, .integer(let n)):
            return Double(n).magnitude >= decimalMagnitude ? .outOfBounds : within(Double(n), bounds)
        case (.percentage, .percentage(let x)):
            let percent = Bounds(minimum: bounds.minimum ?? 0, maximum: bounds.maximum ?? 100, maximumKey: bounds.maximumKey)
            return within(x, percent)
        case (.amount, .amount(let cents)):
            return cents.magnitude >= centsMagnitude ? .outOfBounds : within(Double(cents) / 100, bounds)
        case (.yesNo, .bool):
            return nil
        case (.choice(let choices), .choice(let s)):
            return valid(choices.contains(s))
        case (.multipleChoice(let choices), .choices(let picked)):
            return valid(!picked.isEmpty && picked.allSatisfy(choices.contains))
        case (.date, .date):
            return nil
        case (.communeCode, .commune(let commune)):
            return valid(isPlausible(commune))
        case (.communeList, .communes(let communes)):
            return valid(!communes.isEmpty && communes.allSatisfy(isPlausible))
        case (.epciSiren, .epci(let epci)):
            return valid(Identifiers.isValidSiren(epci.siren))
        case (.participantNames, .choices(let names)):
            return valid(!names.isEmpty && names.allSatisfy { !$0.trimmed.isEmpty })
        case (.actionSheet, .choice(let s)), (.fundingInstrument, .choice(let s)):
            return valid(!s.trimmed.isEmpty)
        case (.list, .records):
            return nil
        default:
            return .invalid
        }
    }

    static func isPlausible(_ commune: CommuneRef) -> Bool {
        Identifiers.isWellFormedInseeCode(commune.code) && communePopulation.contains(commune.population)
            && (1900...2100).contains(commune.populationYear)
    }
}
