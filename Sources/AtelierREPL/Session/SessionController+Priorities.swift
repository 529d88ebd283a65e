import AtelierCore

// MARK: - Prioritisation: /prioriser, /priorités

/// Where a round of `/prioriser` stands in this session.
struct PrioritizationState {}

extension SessionController {
    func prioritize(_ action: PrioritizeAction) -> Outcome {
        .refused("/prioriser n'est pas encore disponible.")
    }

    func showPriorities() -> Outcome {
        .refused("/priorités n'est pas encore disponible.")
    }

    /// The line, when a round is being scored (nil: not this mode's line).
    func priorityLine(_ line: String) -> Outcome? { nil }

    /// Asks the next score of the round in progress; false when none is.
    func askPriority() -> Bool { false }
}
