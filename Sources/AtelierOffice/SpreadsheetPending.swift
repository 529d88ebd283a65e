import AtelierCore
import Foundation

// Temporary, until the spreadsheet writers land.
public enum FinancingSpreadsheet {
    public static func xlsx(_ plan: FinancingPlan, problems: [FinancingProblem], territory: String) throws(OfficeError) -> Data {
        throw .container(part: nil)
    }
    public static func ods(_ plan: FinancingPlan, problems: [FinancingProblem], territory: String) throws(OfficeError) -> Data {
        throw .container(part: nil)
    }
}
