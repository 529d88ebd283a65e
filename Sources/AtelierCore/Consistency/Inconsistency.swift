/// Two recorded answers that cannot both be true: a fiche on an axis the plan does not have,
/// a dépense on a fiche that does not exist, a contract that outlives its PRS…
///
/// Found by `ConsistencyChecks`, the one place these rules live. What is done with one depends
/// on how it came about (see `ConsistencyChecks.refusal`): the value being typed that creates
/// it is refused; an older answer that a change elsewhere made wrong is reported (« À revoir »)
/// and listed by /vérifier until it is fixed.
public struct Inconsistency: Sendable, Equatable {
    public enum Rule: Sendable, Equatable {
        /// A fiche of `plan.fiches` names an axis by a number or a title the plan does not have.
        case unknownAxis
        /// The same fiche of the library twice in `plan.fiches`.
        case repeatedSheet
        /// A financing line on a fiche number the plan d'actions does not have.
        case missingSheet
        /// A recette with both an amount and a rate (the rate would be ignored).
        case amountAndRate
        /// The contract's last year past the end of the PRS.
        case pastRegionalPlan
        /// An exclusive choice (« aucune ») stored with another: imported, or from an older version.
        case combinedExclusiveChoice
        /// A library fiche with an empty `axe` whose library axis is not among `plan.axes`.
        case libraryAxisOutsidePlan
        /// A fiche key that is neither a fiche of the library nor « nouvelle » (edited by hand).
        case unknownSheet
        /// A part of `demographie.apl_parties` with a commune outside `territoire.communes`.
        case communeOutsideTerritory
        /// A commune in two parts of `demographie.apl_parties`.
        case communeInTwoParts
        /// The modes d'exercice of a profession against its count of libéraux.
        case practiceModes
        /// A CPTS en fonctionnement in `structures.liste` while the territory is said not covered.
        case cptsWithoutCoverage
        /// An installation aid whose payer cannot pay an aid of its nature.
        case aidPayer
        /// An aid already paid dated after the current year.
        case aidInTheFuture
        /// `contrat.prs_fin` other than the last year of the span written in `contrat.prs`.
        case prsSpan
        /// A fiche's calendrier that starts before the contract's signature year.
        case scheduleBeforeContract
        /// A fiche's calendrier that ends after the contract's last year.
        case scheduleAfterContract
        /// A contract indicator's échéance outside the contract's years.
        case deadlineOutsideContract
        /// A financing line dated outside the contract: an expense before its signature year or
        /// after its last year, a receipt before its signature year.
        case financingYearOutsideContract
    }

    public var rule: Rule
    /// The answer to revisit, as /modifier names it: `plan.fiches.3.axe`, `contrat.duree_annees`.
    public var target: String
    /// Its value as recorded, shown after the key.
    public var shown: String
    /// Why, naming the other answer and its value: « l'axe 7 n'existe pas : plan.axes en compte 3 ».
    public var reason: String
    /// What a typed value that creates it should have been, for its refusal.
    public var expected: String
    /// The commands that fix it, the likeliest first.
    public var fixes: [String]
    /// The questions whose typed value is refused when it creates this inconsistency; a change
    /// to any other answer only reports it.
    public var refusedWhenTyped: Set<String>
    /// Tells the same inconsistency apart before and after a change that renumbers elements
    /// (a fiche moved, a line removed): the rule and the values involved, not their positions.
    public var identity: String

    /// The section of the questionnaire it belongs to (`plan`, `financement`…).
    public var sectionKey: String { String(target.prefix { $0 != "." }) }

    /// `financement.depenses.2.fiche = 4 : la fiche 4 n'existe pas…`
    public var summary: String { "\(target) = \(shown) : \(reason)" }

    /// The fixes on one line: « /modifier … ou /retirer … ».
    public var fixLine: String { fixes.joined(separator: " ou ") }

    /// What refuses a typed value: the reason, and how to go on.
    public var refusal: InvalidAnswer { InvalidAnswer(reason: reason, expected: expected) }
}
