import Foundation
import Testing

@testable import AtelierCore
@testable import AtelierOffice

/// The plan as .xlsx and .ods, read back by openpyxl and odfpy: amounts are numbers in euros,
/// totals are formulas whose cached values are the plan's, and typed text stays text.
@Suite(.enabled(if: OfficeReader.available, OfficeReader.skipReason))
struct SpreadsheetTests {
    /// What a hostile or careless user can type in a poste or a fiche title.
    static let hostile = "=HYPERLINK(\"http://x\";\"clic\") <b>&amp; « 1\u{202F}234 »\tsuite\nligne 2"

    static func instrument(_ key: String, entersBudget: Bool = true) -> FundingInstrument {
        FundingInstrument(
            key: key, name: "Dispositif \(key)", funderKey: key, funderName: "Financeur \(key)", nature: .investment, sheetKeys: [],
            rateMin: nil, rateMax: nil, cap: nil, base: nil, entersBudget: entersBudget, isStateDotation: false, isPublic: true,
            validFrom: nil, validTo: nil, source: "test", year: 2026, confidence: "sûr", note: nil)
    }

    /// Two fiches: the first with two expenses (1 234,56 € and 765,44 €) and two receipts, one
    /// of them outside the budget; the second with one expense and nothing to pay it.
    static let plan: FinancingPlan = {
        typealias Plan = FinancingPlan
        let first = Plan.Action(
            sheet: 1, title: hostile, libraryKey: nil,
            expenses: [
                .init(line: 1, sheet: 1, item: "+33 6 12 34 56 78", isInvestment: true, amountHT: 123_456, vatRate: 20, year: 2027),
                .init(line: 2, sheet: 1, item: "-Études", isInvestment: true, amountHT: 76_544, vatRate: 20, year: 2028),
            ],
            receipts: [
                .init(
                    line: 1, sheet: 1, instrumentKey: "a", instrument: instrument("a"), status: "sollicité", amount: 150_000, rate: nil,
                    year: 2027, base: 200_000),
                .init(
                    line: 2, sheet: 1, instrumentKey: "b", instrument: instrument("b", entersBudget: false), status: "acquis",
                    amount: 30_000, rate: nil, year: nil, base: 200_000),
            ], derogation: nil)
        let second = Plan.Action(
            sheet: 2, title: "Coordination", libraryKey: nil,
            expenses: [.init(line: 3, sheet: 2, item: "Poste", isInvestment: false, amountHT: 4_500_000, vatRate: 0, year: 2027)],
            receipts: [], derogation: nil)
        return Plan(base: "HT", actions: [first, second], orphanExpenses: [], orphanReceipts: [])
    }()

    static let problems = [
        FinancingProblem(severity: .warning, sheet: 1, line: "recette 1 (a)", message: "donnée incertaine", fix: nil),
        FinancingProblem(
            severity: .error, sheet: 2, line: "recettes", message: "les recettes ne couvrent pas les dépenses", fix: "ajoutez"),
    ]

    static func read(_ data: Data, as fileExtension: String) throws -> [String: Any] {
        let folder = try OfficeReader.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/plan." + fileExtension
        try data.write(to: URL(fileURLWithPath: path))
        return try OfficeReader.read("read_spreadsheet.py", path)
    }

    static func written(_ fileExtension: String, _ plan: FinancingPlan = plan, problems: [FinancingProblem] = problems) throws -> Data {
        fileExtension == "xlsx"
            ? try FinancingSpreadsheet.xlsx(plan, problems: problems, territory: "Val d'Exemple")
            : try FinancingSpreadsheet.ods(plan, problems: problems, territory: "Val d'Exemple")
    }

    static func sheets(_ book: [String: Any]) throws -> [String: [[[String: Any]?]]] {
        let sheets = try #require(book["sheets"] as? [[String: Any]])
        return Dictionary(
            uniqueKeysWithValues: sheets.map { sheet in
                (sheet["name"] as? String ?? "", (sheet["rows"] as? [[Any]] ?? []).map { $0.map { $0 as? [String: Any] } })
            })
    }

    /// The row whose column `column` holds `text`.
    static func row(_ rows: [[[String: Any]?]], where column: Int, is text: String) -> [[String: Any]?]? {
        rows.first { $0.indices.contains(column) && $0[column]?["value"] as? String == text }
    }

    @Test(arguments: ["xlsx", "ods"])
    func amountsAreNumbersAndTotalsAreFormulas(_ fileExtension: String) throws {
        let book = try Self.read(try Self.written(fileExtension), as: fileExtension)
        let sheets = try Self.sheets(book)
        let names = (book["sheets"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        #expect(names == ["Par action", "Par financeur", "Par année", "Contrôles"])
        let actions = try #require(sheets["Par action"])
        let header = try #require(Self.row(actions, where: 0, is: "Fiche"))
        let headers: [String] = header.compactMap { $0?["value"] as? String }
        #expect(headers.contains("Montant HT"))

        let line = try #require(Self.row(actions, where: 4, is: "+33 6 12 34 56 78"), "a typed poste stays text")
        let amount = try #require(line[8])
        #expect(amount["type"] as? String == "number")
        #expect(amount["value"] as? Double == 1234.56)
        if fileExtension == "xlsx" {
            #expect(amount["format"] as? String == "#,##0.00\\ \"€\"")
        } else {
            #expect(amount["currency"] as? String == "EUR")
            #expect(amount["display"] as? String == "1\u{202F}234,56\u{A0}€")
        }

        let expenses = try #require(actions.first { $0.indices.contains(2) && $0[2]?["value"] as? String == "Total des dépenses" })
        let total = try #require(expenses[8])
        #expect(total["type"] as? String == "formula")
        #expect(total["value"] as? Double == 2000.0)
        #expect(total["formula"] as? String == (fileExtension == "xlsx" ? "=SUM(I4:I5)" : "of:=SUM([.I4:.I5])"))

        // The receipt's share of the expenses: a ratio formula, 75 %.
        let receipt = try #require(Self.row(actions, where: 4, is: "Dispositif a"))
        #expect(receipt[9]?["type"] as? String == "formula")
        #expect(receipt[9]?["value"] as? Double == 0.75)
        // Money paid outside the budget is listed, out of the fiche's receipts total.
        let outside = try #require(Self.row(actions, where: 2, is: "recette hors budget"))
        #expect(outside[8]?["value"] as? Double == 300.0)
        let planExpenses = try #require(Self.row(actions, where: 2, is: "Total des dépenses du plan"))
        #expect(planExpenses[8]?["value"] as? Double == 47000.0)
        #expect((planExpenses[8]?["formula"] as? String)?.contains("SUM") == true)

        let funders = try #require(sheets["Par financeur"])
        let funderTotal = try #require(Self.row(funders, where: 0, is: "Total"))
        #expect(funderTotal[1]?["value"] as? Double == 1500.0)
        #expect(funderTotal[2]?["value"] as? Double == 300.0)
        let years = try #require(sheets["Par année"])
        #expect(years.contains { $0.first??["value"] as? Double == 2028 && $0[1]?["value"] as? Double == 765.44 })

        let checks = try #require(sheets["Contrôles"])
        // Errors first, then what is to be verified.
        #expect(checks.dropFirst(3).compactMap { $0.first??["value"] as? String } == ["Erreur", "À vérifier"])
    }

    /// A title beginning with `=` is shown as typed, never run as a formula; markup is text.
    @Test(arguments: ["xlsx", "ods"])
    func typedTextIsNeverAFormula(_ fileExtension: String) throws {
        let book = try Self.read(try Self.written(fileExtension), as: fileExtension)
        let actions = try #require(try Self.sheets(book)["Par action"])
        let titles = actions.compactMap { $0.count > 1 ? $0[1] : nil }.filter { ($0["value"] as? String)?.hasPrefix("=") == true }
        #expect(!titles.isEmpty)
        for title in titles {
            #expect(title["type"] as? String == "string")
            #expect(title["value"] as? String == Self.hostile)
        }
        #expect(Self.row(actions, where: 4, is: "-Études") != nil)
    }

    @Test(arguments: ["xlsx", "ods"])
    func anEmptyPlanSaysWhatIsMissing(_ fileExtension: String) throws {
        let empty = FinancingPlan(base: "TTC", actions: [], orphanExpenses: [], orphanReceipts: [])
        let book = try Self.read(try Self.written(fileExtension, empty, problems: []), as: fileExtension)
        let sheets = try Self.sheets(book)
        let actions = try #require(sheets["Par action"])
        #expect(actions.contains { $0.contains { ($0?["value"] as? String)?.hasPrefix("[À compléter") == true } })
        #expect(actions.contains { $0.contains { $0?["value"] as? String == "Montant TTC" } })
        #expect(sheets["Contrôles"]?.dropFirst(3).first?.first??["value"] as? String == "Conforme")
    }

    @Test(arguments: ["xlsx", "ods"])
    func theSamePlanGivesTheSameBytes(_ fileExtension: String) throws {
        #expect(try Self.written(fileExtension) == (try Self.written(fileExtension)))
    }

    /// The rows down to the header stay on screen and are printed at the top of every page.
    @Test func theHeaderRowIsFrozenAndRepeated() throws {
        let xlsx = try #require(try Self.read(try Self.written("xlsx"), as: "xlsx")["sheets"] as? [[String: Any]])
        for sheet in xlsx {
            #expect(sheet["frozen"] as? String == "A4")
            #expect(sheet["print_titles"] as? String == "$3:$3")
            #expect(sheet["orientation"] as? String == "landscape")
            #expect(sheet["paper"] as? String == "9" || sheet["paper"] as? Int == 9, "A4")
        }
        let ods = try #require(try Self.read(try Self.written("ods"), as: "ods")["sheets"] as? [[String: Any]])
        for sheet in ods { #expect(sheet["header_rows"] as? [Int] == [3]) }
    }
}
