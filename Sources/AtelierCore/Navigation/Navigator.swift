/// Decides what to ask: which questions apply given the answers so far, which comes next,
/// and how far each section has got.
public struct Navigator: Sendable {
    public let questionnaire: Questionnaire

    public init(questionnaire: Questionnaire) {
        self.questionnaire = questionnaire
    }

    public func isApplicable(_ question: Question, answers: [String: AnswerValue]) -> Bool {
        guard let condition = question.condition else { return true }
        return condition.holds(for: answers[condition.key])
    }

    /// The first applicable question still open (neither answered nor skipped) after `key`,
    /// wrapping around to the start; nil when the questionnaire is complete.
    public func nextQuestion(after key: String?, answers: [String: AnswerValue], skipped: Set<String>) -> Question? {
        let all = questionnaire.questions
        let start = key.flatMap { k in all.firstIndex { $0.key == k }.map { $0 + 1 } } ?? 0
        let ordered = all[start...] + all[..<start]
        return ordered.first { isOpen($0, answers: answers, skipped: skipped) }
    }

    /// The applicable question before `key` in questionnaire order, answered or not.
    public func previousQuestion(before key: String, answers: [String: AnswerValue]) -> Question? {
        let all = questionnaire.questions
        guard let index = all.firstIndex(where: { $0.key == key }) else { return nil }
        return all[..<index].last { isApplicable($0, answers: answers) }
    }

    /// Where `/aller SECTION` leads: its first open question, else its first applicable one.
    public func entry(of section: Section, answers: [String: AnswerValue], skipped: Set<String>) -> Question? {
        section.questions.first { isOpen($0, answers: answers, skipped: []) }
            ?? section.questions.first { isApplicable($0, answers: answers) }
    }

    /// A question a command fills (`commande:`) is never open: the flow does not ask it.
    public func isOpen(_ question: Question, answers: [String: AnswerValue], skipped: Set<String>) -> Bool {
        question.filledByCommand == nil && answers[question.key] == nil && !skipped.contains(question.key)
            && isApplicable(question, answers: answers)
    }

    public struct SectionProgress: Sendable, Equatable {
        public var key: String
        public var title: String
        public var applicable: Int
        public var answered: Int
        public var skipped: Int
        public var isComplete: Bool { answered == applicable }

        public init(key: String, title: String, applicable: Int, answered: Int, skipped: Int) {
            self.key = key
            self.title = title
            self.applicable = applicable
            self.answered = answered
            self.skipped = skipped
        }
    }

    public func progress(answers: [String: AnswerValue], skipped: Set<String>) -> [SectionProgress] {
        questionnaire.sections.map { section in
            // A question a command fills counts once the command has filled it: it is never
            // asked, so it is never « sans réponse ».
            let applicable = section.questions.filter {
                isApplicable($0, answers: answers) && ($0.filledByCommand == nil || answers[$0.key] != nil)
            }
            return SectionProgress(
                key: section.key, title: section.title, applicable: applicable.count,
                answered: applicable.filter { answers[$0.key] != nil }.count,
                skipped: applicable.filter { answers[$0.key] == nil && skipped.contains($0.key) }.count)
        }
    }
}
