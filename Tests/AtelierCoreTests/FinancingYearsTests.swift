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

/// TVA, TTC and the FCTVA: a 1,2 M€ TTC maison de santé.
@Suite struct FinancingVATTests {
    /// 1 000 000 € HT of works at 20 % (1 200 000 € TTC) and 50 000 € HT of operating costs at
    /// 0 %: the FCTVA is 16,404 % of the investments' TTC only, 196 848 €; never a receipt.
    @Test func aMaisonDeSanteOf1_2MillionTTCHasItsFCTVAEstimated() throws {
        var works = FinancingCheckTests.expense(1, "Travaux", 1_000_000)
        works.fields.append(("tva", .percentage(20)))
        let plan = FinancingCheckTests().plan(
            expenses: [works, FinancingCheckTests.expense(1, "Animation", 50_000, investment: false)],
            receipts: [FinancingCheckTests.receipt(1, "autofinancement", euros: 1_050_000)])
        let action = plan.actions[0]
        #expect(action.totalHT == 105_000_000 && action.totalVAT == 21_000_000 && action.totalTTC == 126_000_000)
        #expect(action.expenses[1].vat == 1_000_000, "an operating line without a TVA rate is at 20 %")
        #expect(action.investmentTTC == 120_000_000)
        let rate = try #require(plan.vatCompensation)
        #expect(rate.percent == 16.404 && rate.confidence == "incertain" && rate.year == 2026)
        #expect(action.fctvaEstimate(rate) == 19_684_800)
        #expect(plan.fctvaEstimate == 19_684_800)
        // Not a receipt: the balance is on the HT base, 1 050 000 € for 1 050 000 €.
        #expect(action.totalBudgetReceipts == action.totalExpenses(base: "HT"))
        #expect(!FinancingChecks.check(plan).contains { $0.line == "équilibre" })
    }
}

@Suite struct FinancingBudgetTests {
    /// Two fiches, only the first with lines: /vérifier lists the second as without a budget.
    @Test func aFicheWithoutABudgetIsListed() throws {
        let plan = FinancingCheckTests().plan(
            expenses: [FinancingCheckTests.expense(1, "Travaux", 1_000)],
            receipts: [FinancingCheckTests.receipt(1, "autofinancement", euros: 1_000)])
        let listed = FinancingChecks.check(plan).filter { $0.line == "budget" }
        #expect(listed.map(\.sheet) == [2])
        #expect(listed.first?.severity == .warning && listed.first?.fix == "/aller financement.depenses")
        // Before any line, the plan as a whole is what is missing: no fiche is listed.
        #expect(FinancingChecks.check(FinancingCheckTests().plan(expenses: [], receipts: [])).isEmpty)
    }
}
