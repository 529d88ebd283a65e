import AtelierCore

// MARK: - Meetings and voices: /réunion, /réunions, /voix

/// A meeting typed field by field after `/réunion nouvelle`.
struct MeetingEntry {}

extension SessionController {
    func meeting(_ action: MeetingAction) -> Outcome {
        .refused("/réunion n'est pas encore disponible.")
    }

    func listMeetings() -> Outcome {
        .refused("/réunions n'est pas encore disponible.")
    }

    func addVoice(_ fields: String) -> Outcome {
        .refused("/voix n'est pas encore disponible.")
    }

    /// The line, when a meeting is being typed field by field (nil: not this mode's line).
    func meetingLine(_ line: String) -> Outcome? { nil }

    /// Asks the next field of the meeting being typed; false when none is.
    func askMeetingField() -> Bool { false }
}
