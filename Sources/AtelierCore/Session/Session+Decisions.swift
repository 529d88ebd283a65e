// MARK: - What an answer writes: itself, what it fills in, and the bounds it must keep

/// What the session tells its user about a decision, without words: the renderer says it.
public enum SessionEvent: Sendable, Equatable {
    /// An EPCI's SIREN filled in its member communes (count, population, populations' years).
    case communesFilled(key: String, count: Int, population: Int, years: [Int])
    /// The commune list typed by the user is kept although an EPCI was given.
    case communeListKept(key: String)
}

/// The changes one confirmed answer writes, in one transaction, and what to say of them.
public struct Decided: Sendable {
    public var changes: [AnswerChange]
    public var events: [SessionEvent]
}

extension Session {
    /// The changes to record for `value` of `question` (with what it fills in and `extra`),
    /// or the answer they contradict: a bound between counts, or a contradiction `checks`
    /// refuses for a typed value (see `ConsistencyChecks` for what refuses and what warns).
    /// `inconsistentBefore`: those of `usableValues`, when the caller computed them already.
    public func decision(
        _ question: Question, _ value: AnswerValue, origin: AnswerChange.Origin,
        provenance: (source: String?, year: Int?)?, extra: [AnswerChange],
        reference: TerritoryReference, checks: ConsistencyChecks = ConsistencyChecks(), inconsistentBefore: [Inconsistency]? = nil
    ) -> Result<Decided, InvalidAnswer> {
        // A list keeps its source when an element is added or changed without one: its other
        // elements came from it (one source per list answer).
        let isList = if case .list = question.kind { true } else { false }
        let kept = isList ? answers[question.key].flatMap { stored in stored.source.map { ($0, stored.sourceYear) } } : nil
        let applied = appliedSource(to: question) ?? kept
        let change = AnswerChange(
            key: question.key, value: value, participant: participant,
            source: provenance.map(\.source) ?? applied?.0, sourceYear: provenance.map(\.year) ?? applied?.1, origin: origin)
        let derived = derivedChanges(for: question, value: value, reference: reference)
        // Every change decided during a meeting is attributed to it.
        let meeting = meetingAttribution
        let all = ([change] + derived.changes + extra).map { item in
            var stamped = item
            stamped.meeting = meeting
            return stamped
        }
        let before = usableValues
        var after = before
        for item in all { after[item.key] = item.value }
        for item in all {
            if let violation = questionnaire.violationOfDependentBounds(key: item.key, value: item.value, answers: after) {
                return .failure(violation)
            }
            if let violation = Concertation.violation(key: item.key, before: before, after: after) { return .failure(violation) }
        }
        if let refusal = checks.refusal(typing: question.key, origin: origin, before: before, after: after, found: inconsistentBefore) {
            return .failure(refusal)
        }
        return .success(Decided(changes: all, events: derived.events))
    }

    /// An EPCI's SIREN fills in its member communes, from the bundled official data, unless
    /// the user typed the list themselves (then it is kept, and they are told how to replace it).
    func derivedChanges(for question: Question, value: AnswerValue, reference: TerritoryReference) -> Decided {
        guard case .epci(let epci) = value,
            let target = questionnaire.section(containing: question)?.questions.first(where: {
                if case .communeList = $0.kind { true } else { false }
            })
        else { return Decided(changes: [], events: []) }
        if let existing = answers[target.key], existing.source != TerritoryReference.epciSource {
            return Decided(changes: [], events: [.communeListKept(key: target.key)])
        }
        let members = reference.members(ofEpci: epci.siren).map(\.ref)
        let population = members.reduce(0) { $0 + $1.population }
        let change = AnswerChange(
            key: target.key, value: .communes(members), participant: participant,
            source: TerritoryReference.epciSource, sourceYear: 2025, origin: .reference)
        return Decided(
            changes: [change],
            events: [
                .communesFilled(
                    key: target.key, count: members.count, population: population,
                    years: Set(members.map(\.populationYear)).sorted())
            ])
    }

    /// The question to ask once `changes` are written: the next open one after the current
    /// question, as the answers will be — so that it is saved in the same transaction.
    public func questionAfter(_ changes: [AnswerChange]) -> Question? {
        var after = values
        var open = skipped
        for change in changes {
            after[change.key] = change.value
            open.remove(change.key)
        }
        return navigator.nextQuestion(after: current?.key, answers: after, skipped: open)
    }

    /// The fiches of the plan d'actions, in order, as the financing plan names them.
    public func plannedSheets(library: ActionSheetLibrary?) -> [(title: String, libraryKey: String?)] {
        records(ofKey: QuestionKeys.actionSheets).map { record in
            let key = if case .choice(let k)? = record["fiche"] { k } else { "" }
            let sheet = library?.sheet(key)
            let title = if case .text(let t)? = record["intitule"] { t } else { sheet?.title ?? "fiche à rédiger" }
            return (title, sheet?.key)
        }
    }
}
