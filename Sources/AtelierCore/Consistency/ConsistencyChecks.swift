/// The checks between answers, in one place: the session refuses a typed value with them,
/// reports what a change made wrong elsewhere, and /vérifier lists what remains.
///
/// Which contradictions refuse and which warn: the value being typed (an answer, an element
/// added, a field changed with /modifier, a proposal confirmed) is refused when it creates a
/// contradiction with an answer already recorded — the user is looking at it and can type
/// another. An older answer that a change elsewhere made wrong (an axis or a fiche removed or
/// moved, a /annuler, an axis renamed) is not refused: the change is what the user asked for, and
/// refusing it would leave no way to reorganise the plan. It is recorded, and the program names
/// each answer to revisit with the command that fixes it; /vérifier lists them until fixed.
///
/// When either answer of a pair can be typed, both refuse only if changing one of them first
/// always settles it (a CPTS listed and the coverage answered). Otherwise only the answer that
/// comes later in the questionnaire refuses (the modes d'exercice after the libéraux, an APL
/// part after the territory's communes, `contrat.prs_fin` after the PRS's title): refusing
/// both could leave no order in which the user may change them together.
///
/// The bounds between counts (`max_reponse`, `DependentBounds.swift`) are the first family and
/// are refused both ways; a stored value they make wrong is a `StoredValueProblem`.
public struct ConsistencyChecks: Sendable {
    /// The axes of the library, which apply while `plan.axes` is empty.
    public var libraryAxes: [String]
    /// The titles of the library's fiches, by key; empty when the library could not be read
    /// (then no fiche key is said unknown).
    public var sheetTitles: [String: String]
    /// The axis of each library fiche, by key: the one a fiche with an empty `axe` takes.
    public var sheetAxes: [String: String]
    /// The questions with exclusive choices (`exclusifs:`), in questionnaire order.
    public var exclusiveChoices: [(key: String, choices: [String])]
    /// The year it is where the session runs (the core has no clock: the REPL gives it); nil
    /// and an aid dated after it is not checked.
    public var currentYear: Int?

    public init(
        libraryAxes: [String] = [], sheetTitles: [String: String] = [:], sheetAxes: [String: String] = [:],
        exclusiveChoices: [(key: String, choices: [String])] = [], currentYear: Int? = nil
    ) {
        self.libraryAxes = libraryAxes
        self.sheetTitles = sheetTitles
        self.sheetAxes = sheetAxes
        self.exclusiveChoices = exclusiveChoices
        self.currentYear = currentYear
    }

    public init(library: ActionSheetLibrary?, questionnaire: Questionnaire? = nil, currentYear: Int? = nil) {
        self.init(
            libraryAxes: library?.axes ?? [],
            sheetTitles: Dictionary(library?.sheets.map { ($0.key, $0.title) } ?? []) { first, _ in first },
            sheetAxes: Dictionary(library?.sheets.map { ($0.key, $0.axis) } ?? []) { first, _ in first },
            exclusiveChoices: questionnaire?.questions.filter { !$0.exclusiveChoices.isEmpty }.map { ($0.key, $0.exclusiveChoices) } ?? [],
            currentYear: currentYear)
    }

    /// Every inconsistency of `answers`, in questionnaire order (démographie, structures,
    /// mobilités, plan, contract, financing).
    public func inconsistencies(in answers: [String: AnswerValue]) -> [Inconsistency] {
        Self.practiceModeInconsistencies(answers) + Self.aplPartInconsistencies(answers) + Self.cptsInconsistencies(answers)
            + aidInconsistencies(answers) + combinedExclusiveChoices(answers) + planInconsistencies(answers)
            + contractInconsistencies(answers) + Self.prsSpanInconsistencies(answers) + Self.scheduleInconsistencies(answers)
            + Self.financingInconsistencies(answers)
    }

    /// The inconsistencies of `after` that `before` did not have, told apart by identity (each
    /// counted, so that a second line identical to a wrong one is new too).
    public static func introduced(_ after: [Inconsistency], since before: [Inconsistency]) -> [Inconsistency] {
        var remaining: [String: Int] = [:]
        for item in before { remaining[item.identity, default: 0] += 1 }
        return after.filter { item in
            if let count = remaining[item.identity], count > 0 {
                remaining[item.identity] = count - 1
                return false
            }
            return true
        }
    }

    /// Why the value typed for `key` cannot be recorded: the first inconsistency it creates
    /// that refuses a typed value of `key`. Nil for a removal, a move or an undo (those only warn).
    /// `found`: the inconsistencies of `before`, when the caller already has them.
    public func refusal(
        typing key: String, origin: AnswerChange.Origin, before: [String: AnswerValue], after: [String: AnswerValue],
        found: [Inconsistency]? = nil
    ) -> InvalidAnswer? {
        switch origin {
        case .typed, .modified, .imported: break
        default: return nil
        }
        let created = Self.introduced(inconsistencies(in: after), since: found ?? inconsistencies(in: before))
        return created.first { $0.refusedWhenTyped.contains(key) }?.refusal
    }

    // MARK: - Reading answers

    static func records(_ answers: [String: AnswerValue], _ key: String) -> [ListRecord] {
        if case .records(let items)? = answers[key] { items } else { [] }
    }

    static func text(_ value: AnswerValue?) -> String? { value?.words }

    static func integer(_ value: AnswerValue?) -> Int? {
        if case .integer(let n)? = value { n } else { nil }
    }

    /// « 1 commune », « 3 communes ».
    static func count(_ n: Int, _ singular: String, _ plural: String) -> String {
        "\(FrenchFormat.integer(n)) \(n == 1 || n == 0 ? singular : plural)"
    }
}

extension QuestionKeys {
    /// The last year of the PRS, which the contract must not outlast. Not `required`: a
    /// questionnaire without it loads, and the check is not made.
    public static let prsEnd = "contrat.prs_fin"
}
