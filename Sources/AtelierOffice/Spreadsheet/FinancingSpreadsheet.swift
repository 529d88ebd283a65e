import AtelierCore
import Foundation

/// The plan de financement as a spreadsheet, for Excel (`.xlsx`) or LibreOffice Calc (`.ods`):
/// the same workbook in either format, amounts as numbers in euros, totals as formulas.
/// Pure functions of the plan and its checks: the same plan gives the same bytes.
public enum FinancingSpreadsheet {
    public static func xlsx(_ plan: FinancingPlan, problems: [FinancingProblem], territory: String) throws(OfficeError) -> Data {
        try XLSXWriter.data(FinancingBook.book(plan, problems: problems, territory: territory))
    }

    public static func ods(_ plan: FinancingPlan, problems: [FinancingProblem], territory: String) throws(OfficeError) -> Data {
        try ODSWriter.data(FinancingBook.book(plan, problems: problems, territory: territory))
    }
}
