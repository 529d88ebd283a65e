// MARK: - Lists that name an element of another list by its number

/// A list whose elements name an element of another list by its number: a financing line its
/// fiche, a voice or a round its meeting, a vote its round. When the element named moves or
/// goes, the number follows it.
public struct ListReference: Sendable, Equatable {
    /// What becomes of an element whose target is removed.
    public enum WhenRemoved: Sendable, Equatable {
        /// It goes with it (a financing line with its fiche, a vote with its round).
        case goesWith
        /// It stays, without the number (a voice of a meeting removed keeps what was said).
        case losesNumber
        /// The target cannot be removed while it is named (a meeting that has rounds).
        case blocksRemoval
    }

    /// The list that names, the field holding the number, the list named.
    public var list: String
    public var field: String
    public var target: String
    public var whenRemoved: WhenRemoved

    public init(list: String, field: String, target: String, whenRemoved: WhenRemoved) {
        self.list = list
        self.field = field
        self.target = target
        self.whenRemoved = whenRemoved
    }
}

public enum ListReferences {
    public static let all: [ListReference] =
        FinancingLines.keys.map {
            ListReference(list: $0, field: FinancingLines.ficheField, target: QuestionKeys.actionSheets, whenRemoved: .goesWith)
        } + [
            ListReference(
                list: QuestionKeys.voices, field: Concertation.meetingField, target: QuestionKeys.meetings, whenRemoved: .losesNumber),
            ListReference(
                list: QuestionKeys.priorityRounds, field: Concertation.meetingField, target: QuestionKeys.meetings,
                whenRemoved: .blocksRemoval),
            ListReference(list: QuestionKeys.votes, field: "tour", target: QuestionKeys.priorityRounds, whenRemoved: .goesWith),
        ]

    /// The references to the elements of `target`.
    public static func naming(_ target: String) -> [ListReference] { all.filter { $0.target == target } }

    /// `items` with the number in `field` mapped (nil: the element named is gone, and the
    /// element goes too or loses its number); nil when nothing changes.
    public static func renumbered(
        _ items: [ListRecord], field: String, whenRemoved: ListReference.WhenRemoved, _ map: (Int) -> Int?
    ) -> [ListRecord]? {
        var changed = false
        let result: [ListRecord] = items.compactMap { record in
            guard case .integer(let old)? = record[field] else { return record }
            guard let new = map(old) else {
                changed = true
                if whenRemoved == .goesWith { return nil }
                return record.setting(field, to: nil, order: [])
            }
            if new == old { return record }
            changed = true
            var copy = record
            copy.fields = copy.fields.map { $0.key == field ? ($0.key, AnswerValue.integer(new)) : $0 }
            return copy
        }
        return changed ? result : nil
    }

    /// Where each element goes when element `number` is removed (nil: it is gone).
    public static func afterRemoving(_ number: Int) -> (Int) -> Int? {
        { old in old == number ? nil : (old > number ? old - 1 : old) }
    }

    /// Where each element goes when element `from` moves to position `to` among `count`.
    public static func afterMoving(_ from: Int, to: Int, count: Int) -> (Int) -> Int? {
        var order = Array(1...max(count, 1))
        order.insert(order.remove(at: from - 1), at: to - 1)
        // order[new - 1] = old
        return { old in order.firstIndex(of: old).map { $0 + 1 } }
    }
}

extension Session {
    /// The lists naming elements of `target` by number, with the numbers mapped by `map`, as
    /// changes to commit with `target` itself.
    public func referencesRenumbered(to target: String, _ map: (Int) -> Int?) -> [AnswerChange] {
        ListReferences.naming(target).compactMap { reference in
            guard let answer = answers[reference.list], case .records(let items) = answer.value,
                let renumbered = ListReferences.renumbered(items, field: reference.field, whenRemoved: reference.whenRemoved, map)
            else { return nil }
            return AnswerChange(
                key: reference.list, value: .records(renumbered), participant: participant, source: answer.source,
                sourceYear: answer.sourceYear, origin: .modified)
        }
    }

    /// The elements naming element `number` of `target`: what goes with it, loses its number,
    /// or keeps it from being removed. `index` from 1.
    public func elements(naming number: Int, of target: String) -> [(reference: ListReference, index: Int, record: ListRecord)] {
        ListReferences.naming(target).flatMap { reference in
            records(ofKey: reference.list).enumerated().compactMap { offset, record in
                guard case .integer(number)? = record[reference.field] else { return nil }
                return (reference, offset + 1, record)
            }
        }
    }
}
