import AtelierCore

// MARK: - /annuler and /refaire

extension SessionController {
    /// `/annuler`: parsed and routed here; what it undoes is still to be written.
    func undo() -> Outcome {
        .refused("/annuler n'est pas encore disponible.")
    }

    /// `/refaire`: parsed and routed here; what it redoes is still to be written.
    func redo() -> Outcome {
        .refused("/refaire n'est pas encore disponible.")
    }
}
