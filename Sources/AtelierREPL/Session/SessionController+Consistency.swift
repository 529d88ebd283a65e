import AtelierCore
import Foundation

// MARK: - Answers that agree: what a change made wrong elsewhere, and /vérifier

extension SessionController {
    /// The checks between answers, with the library's axes and fiches and the current year
    /// where the session runs (the core decides; it has no clock).
    var consistencyChecks: ConsistencyChecks {
        let year = currentYear
        if let cachedChecks, cachedChecks.year == year { return cachedChecks.checks }
        let library = try? resources.library.get()
        let checks = ConsistencyChecks(library: library, questionnaire: questionnaire, currentYear: year)
        // A library that cannot be read is not cached: the checks then run without it.
        if library != nil { cachedChecks = (year, checks) }
        return checks
    }

    /// The year of `context.now()` in the user's time zone.
    var currentYear: Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = context.timeZone
        return calendar.component(.year, from: context.now())
    }

    /// What is inconsistent in the workbook as the session has it: the answers that contradict
    /// each other, and the stored values their questions refuse (a bound between counts).
    struct Inconsistencies {
        var between: [Inconsistency]
        var stored: [StoredValueProblem]
    }

    func currentInconsistencies() -> Inconsistencies {
        Inconsistencies(between: consistencyChecks.inconsistencies(in: usableValues), stored: session.storedValueProblems)
    }

    /// After a change is recorded: each answer it made inconsistent, with the command that
    /// fixes it (« À revoir : financement.depenses.2.fiche = 4 : la fiche 4 n'existe pas… »).
    func reportRevisits(since before: Inconsistencies) {
        let now = currentInconsistencies()
        for problem in now.stored where !before.stored.contains(problem) {
            console.write(style.yellow("  À revoir : " + Self.lowercasingFirst(problem.message)))
        }
        for item in ConsistencyChecks.introduced(now.between, since: before.between) {
            console.write(style.yellow("  À revoir : \(item.summary) — \(item.fixLine)"))
        }
    }

    static func lowercasingFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.lowercased() + text.dropFirst()
    }

    /// `/vérifier`: every answer to revisit, grouped by section in questionnaire order, each
    /// with the command that fixes it; then the checks of the plan de financement.
    func verify() -> Outcome {
        let found = currentInconsistencies()
        // Financing contradictions are listed with the other financing checks (FinancingChecks).
        let between = found.between.filter { $0.sectionKey != "financement" }
        let count = between.count + found.stored.count
        console.write("")
        console.write(
            style.bold(
                count == 0
                    ? "Cohérence des réponses : aucune contradiction entre les réponses du diagnostic, du plan d'actions et du contrat"
                    : "Cohérence des réponses : \(count == 1 ? "1 réponse" : "\(count) réponses") à revoir"))
        for section in questionnaire.sections {
            let stored = found.stored.filter { $0.key.hasPrefix(section.key + ".") }
            let items = between.filter { $0.sectionKey == section.key }
            if stored.isEmpty && items.isEmpty { continue }
            console.write("  " + style.bold(section.title))
            for problem in stored { console.write("  \(style.red("✗")) " + problem.message) }
            for item in items {
                console.write("  \(style.red("✗")) \(item.summary.asSentence)")
                console.write(style.dim("      → \(item.fixLine)"))
            }
        }
        return printFinancing { $0.problemLines() }
    }
}
