import Testing

@testable import AtelierCore

/// Years that mean something: a receipt is never moved into a year it was not given, and the
/// plan's lines are checked against the contract's years.
@Suite struct FinancingYearsTests {
    typealias Cases = FinancingCheckTests

    /// A receipt stored without a year (typed before the year was asked, or edited by hand):
    /// counted apart, « sans année », and an error that says how to give it one.
    @Test func aReceiptWithoutAYearIsNeverMovedAndIsAnError() throws {
        let plan = FinancingCheckTests().plan(
            expenses: [Cases.expense(1, "Travaux", 100_000, year: 2028)],
            receipts: [Cases.receipt(1, "detr", euros: 40_000, year: 2029), Cases.receipt(1, "autofinancement", euros: 60_000, year: nil)])
        let years = plan.byYear()
        #expect(years.map(\.year) == [2028, 2029, nil])
        #expect(years.map(\.expenses) == [10_000_000, 0, 0])
        #expect(years.map(\.receipts) == [0, 4_000_000, 6_000_000])
        let problem = try #require(FinancingChecks.check(plan).first { $0.line == "recette 2 (autofinancement)" })
        #expect(problem.severity == .error)
        #expect(problem.message == "sans année de versement : le plan par année ne peut pas la placer")
        #expect(problem.fix == "/modifier financement.recettes.2.annee ANNÉE")
    }

    static func answers(signature: CalendarDate, years: Int, expenseYear: Int, receiptYear: Int) -> [String: AnswerValue] {
        [
            QuestionKeys.plannedSignature: .date(signature), QuestionKeys.durationYears: .integer(years),
            QuestionKeys.expenses: .records([Cases.expense(1, "Travaux", 1_000, year: expenseYear)]),
            QuestionKeys.receipts: .records([Cases.receipt(1, "autofinancement", euros: 1_000, year: receiptYear)]),
        ]
    }

    /// Signed on 15/03/2027 for 5 years: the contract runs from 2027 to 2032. An expense in 2033
    /// or in 2026 is outside it; a receipt in 2034 is not (paid after the work), one in 2026 is.
    @Test func linesAreCheckedAgainstTheContractsYears() throws {
        let signature = try #require(CalendarDate(year: 2027, month: 3, day: 15))
        let inside = ConsistencyChecks.yearsOutsideContract(
            Self.answers(signature: signature, years: 5, expenseYear: 2032, receiptYear: 2034))
        #expect(inside.isEmpty)
        let late = ConsistencyChecks.yearsOutsideContract(
            Self.answers(signature: signature, years: 5, expenseYear: 2033, receiptYear: 2027))
        #expect(late.map(\.target) == ["financement.depenses.1.annee"])
        #expect(
            late.first?.reason
                == "la dépense 1 est prévue en 2033, après la fin du contrat en 2032 (contrat.duree_annees)")
        #expect(late.first?.expected == "une année du contrat (de 2027 à 2032)")
        let early = ConsistencyChecks.yearsOutsideContract(
            Self.answers(signature: signature, years: 5, expenseYear: 2026, receiptYear: 2026))
        #expect(early.map(\.target) == ["financement.depenses.1.annee", "financement.recettes.1.annee"])
        #expect(
            early.last?.reason
                == "la recette 1 est prévue en 2026, avant la signature du contrat le 15/03/2027 (contrat.signature_prevue)")
        // The same check serves /vérifier and the plan's controls.
        let plan = FinancingPlan(
            answers: Self.answers(signature: signature, years: 5, expenseYear: 2033, receiptYear: 2027), sheets: Cases.sheets,
            catalogue: Project.catalogue)
        #expect(FinancingChecks.check(plan).contains { $0.line == "dépense 1" && $0.message.hasPrefix("la dépense 1 est prévue en 2033") })
    }
}
