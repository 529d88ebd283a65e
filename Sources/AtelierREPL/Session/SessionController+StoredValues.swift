import AtelierCore
import AtelierStore

// MARK: - Stored values read back

extension SessionController {
    /// What the questionnaire would refuse among the stored answers (a workbook edited by hand,
    /// an answer that bounded another and changed since). Computed from the answers as they
    /// stand, so a correction with /modifier clears its problem at once.
    var storedValueProblems: [StoredValueProblem] { checked().problems }

    /// The answers the synthèse, the documents, the financing plan and dependent bounds rest
    /// on: the stored ones without their problems (treated as not answered).
    var usableAnswers: [String: StoredAnswer] { checked().usable }

    private func checked() -> (problems: [StoredValueProblem], usable: [String: StoredAnswer]) {
        if let checkedAnswers { return checkedAnswers }
        let problems = StoredValueCheck.problems(in: values, questionnaire: questionnaire)
        var usable = answers
        for key in Set(problems.map(\.key)) {
            guard let stored = answers[key] else { continue }
            if let value = StoredValueCheck.usable(stored.value, key: key, problems: problems) {
                usable[key]?.value = value
            } else {
                usable[key] = nil
            }
        }
        checkedAnswers = (problems, usable)
        return (problems, usable)
    }

    var usableValues: [String: AnswerValue] { usableAnswers.mapValues(\.value) }

    /// When a workbook is opened: one warning for each stored value that is not used.
    func warnAboutStoredValues() {
        for problem in storedValueProblems { console.write(style.yellow("⚠ " + problem.message)) }
    }
}
