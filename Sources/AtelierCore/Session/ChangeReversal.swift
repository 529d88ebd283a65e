/// What /annuler and /refaire decide, without touching the workbook: which answer goes back to
/// which value, or why the change can no longer be reverted.
public enum ChangeReversal {
    /// One answer as a change left it: its value before and after (nil: no answer), and who
    /// gave each.
    public struct Step: Sendable, Equatable {
        public var key: String
        public var before: AnswerValue?
        public var after: AnswerValue?
        /// Participant and source of the value before (from the answer's previous history line)
        /// and of the value after.
        public var beforeMeta: Meta
        public var afterMeta: Meta

        public init(key: String, before: AnswerValue?, after: AnswerValue?, beforeMeta: Meta, afterMeta: Meta) {
            self.key = key
            self.before = before
            self.after = after
            self.beforeMeta = beforeMeta
            self.afterMeta = afterMeta
        }
    }

    public struct Meta: Sendable, Equatable {
        public var participant: String?
        public var source: String?
        public var sourceYear: Int?
        /// The meeting the value was given in: /annuler puts it back with the value.
        public var meeting: String?

        public init(participant: String?, source: String?, sourceYear: Int?, meeting: String? = nil) {
            self.participant = participant
            self.source = source
            self.sourceYear = sourceYear
            self.meeting = meeting
        }
    }

    public enum Direction: Sendable { case undo, redo }

    /// An answer to set (value nil: to remove), with its provenance.
    public struct Restoration: Sendable, Equatable {
        public var key: String
        public var value: AnswerValue?
        public var meta: Meta
    }

    /// The history lines of one change, oldest first, folded into one step per key: the value
    /// before its first line and after its last.
    public static func steps(of lines: [Step]) -> [Step] {
        var order: [String] = []
        var byKey: [String: Step] = [:]
        for line in lines {
            if var step = byKey[line.key] {
                step.after = line.after
                step.afterMeta = line.afterMeta
                byKey[line.key] = step
            } else {
                order.append(line.key)
                byKey[line.key] = line
            }
        }
        return order.compactMap { byKey[$0] }
    }

    /// An answer as the workbook has it now.
    public enum State: Sendable, Equatable {
        case absent
        case answered(AnswerValue, Meta)
        /// Its value cannot be read (edited by hand): never overwritten.
        case unreadable
    }

    /// The answers to write to revert (or replay) `steps`, or the keys that another change —
    /// or a hand edit, of the value or of its source — has touched since: those are refused as
    /// a whole, so that nothing written later is lost.
    public static func plan(
        _ steps: [Step], _ direction: Direction,
        current: [String: State]
    ) -> Result<[Restoration], Conflict> {
        func expected(_ step: Step) -> State {
            let (value, meta) = direction == .undo ? (step.after, step.afterMeta) : (step.before, step.beforeMeta)
            return value.map { .answered($0, meta) } ?? .absent
        }
        let changed = steps.filter { (current[$0.key] ?? .absent) != expected($0) }.map(\.key)
        if !changed.isEmpty { return .failure(Conflict(keys: changed)) }
        return .success(
            steps.map { step in
                direction == .undo
                    ? Restoration(key: step.key, value: step.before, meta: step.beforeMeta)
                    : Restoration(key: step.key, value: step.after, meta: step.afterMeta)
            })
    }

    /// The answers changed since the change to revert: reverting it would lose them.
    public struct Conflict: Error, Sendable, Equatable {
        public var keys: [String]

        public init(keys: [String]) {
            self.keys = keys
        }
    }
}
