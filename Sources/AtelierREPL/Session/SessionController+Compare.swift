import AtelierCore
import AtelierStore
import Foundation

/// What `/scenario comparer` reads of each workbook, computed by the same code as `/plan`,
/// `/vérifier` and `/exporter cls`.
struct WorkbookFacts {
    var label: String
    var values: [String: AnswerValue]
    /// Receipts by funder (in the budget and apart), in the plan's order.
    var funders: [(funder: String, amount: Int)]
    var years: [(year: Int?, expenses: Int, receipts: Int)]
    /// Every check that fails, as `/vérifier` words it.
    var failedChecks: [String]
    /// The CLS draft, without its fingerprint line (which differs whenever anything does).
    var draft: String
}

/// A console that keeps nothing: the second workbook of a comparison is read, never shown.
final class SilentConsole: Console {
    let style = Style(enabled: false)
    let width: Int
    init(width: Int) { self.width = width }
    func write(_ text: String) {}
    func writeError(_ text: String) {}
    func progress(_ text: String?) {}
}

extension SessionController {
    func compareScenarios(_ first: String, _ second: String?) -> Outcome {
        let a: WorkbookFacts, b: WorkbookFacts
        do {
            if let second {
                a = try facts(ofFile: try scenarioFile(first))
                b = try facts(ofFile: try scenarioFile(second))
            } else {
                a = facts(label: "ce classeur")
                b = try facts(ofFile: try scenarioFile(first))
            }
        } catch let refusal as Refusal {
            return .refused(refusal.message)
        } catch {
            return .refused(ErrorPresenter.sentence(error))
        }
        for line in ComparisonRenderer(a: a, b: b, questionnaire: questionnaire, style: style).lines() { console.write(line) }
        remindCurrent()
        return .accepted
    }

    /// The facts of another workbook, read without writing to it.
    func facts(ofFile path: String) throws -> WorkbookFacts {
        let other = try SessionController(
            questionnaire: questionnaire, store: try WorkbookStore.reading(path), resources: resources,
            console: SilentConsole(width: console.width), interactive: false, context: context)
        let name = (try? other.store.lineage()).flatMap { $0?.kind == .scenario ? "« \($0!.name) »" : nil }
        return other.facts(label: name.map { "\($0) (\(path))" } ?? path)
    }

    func facts(label: String) -> WorkbookFacts {
        let plan = try? financingPlan()
        let found = currentInconsistencies()
        var failed = found.between.map(\.summary.asSentence) + found.stored.map(\.message)
        if let plan {
            failed += FinancingChecks.check(plan).filter { $0.severity == .error }.map { problem in
                [problem.sheet.map { "Fiche \($0)" }, problem.line].compactMap { $0 }.joined(separator: ", ")
                    + (problem.sheet == nil && problem.line == nil ? "" : " : ") + problem.message
            }
        }
        let draft = (try? clsDraft().text) ?? ""
        let lines = draft.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("sha256:") }
        return WorkbookFacts(
            label: label, values: usableValues,
            funders: plan?.byFunder().map { ($0.funder, $0.inBudget + $0.outside) } ?? [],
            years: plan?.byYear() ?? [], failedChecks: Array(Set(failed)).sorted(), draft: lines.joined(separator: "\n"))
    }
}
