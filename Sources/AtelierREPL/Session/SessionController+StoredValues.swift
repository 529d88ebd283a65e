import AtelierCore
import AtelierStore

// MARK: - Stored values read back

extension SessionController {
    /// When a workbook is opened: one warning for each stored value that is not used.
    func warnAboutStoredValues() {
        for problem in session.storedValueProblems { console.write(style.yellow("⚠ " + problem.message)) }
    }
}
