// MARK: - What a line typed means where the session stands

/// A line that is not a command, read against the current question (or list element).
public enum LineMeaning: Sendable {
    /// An empty line with nothing to keep: the question stays.
    case nothing
    /// Text typed while no question is open.
    case noQuestion
    /// Enter on a question that has an answer: it is kept, the session goes on.
    case keepAnswer
    /// A value for the current question, to check and record (`origin` says whether it
    /// replaces an answer).
    case answer(String, origin: AnswerChange.Origin)
    /// An empty line at the start of a list element: the list is done.
    case finishList
    /// A whole element of the current list, to append.
    case element(ListRecord)
    /// The element being typed took its field: keep this draft and ask its next field.
    case nextField(ListDraft)
    case refused(LineRefusal)
}

/// Why a line was refused before anything was written.
public enum LineRefusal: Error, Sendable {
    /// A field that must be filled was left empty; `expectation` says what is expected.
    case fieldRequired(ListField, expectation: String)
    case invalidField(ListField, InvalidAnswer)
    case invalidElement(InvalidAnswer)
}

extension Session {
    /// What `line` (trimmed) means now. `parser` gives the parser for a kind of answer (it
    /// needs the session's references, and may read the session: this does not change it).
    public func interpret(_ line: String, parser: (QuestionKind) -> AnswerParser) -> LineMeaning {
        guard let question = current else { return line.isEmpty ? .nothing : .noQuestion }
        guard case .list(let fields) = question.kind else {
            if line.isEmpty { return reAsking ? .keepAnswer : .nothing }
            return .answer(line, origin: reAsking ? .modified : .typed)
        }
        var element = draft ?? newDraft(fields, for: question)
        if element.index == 0 {
            if line.isEmpty { return .finishList }
            if line.contains(";") {
                do {
                    return .element(try parser(question.kind).record(line, fields: fields))
                } catch {
                    return .refused(.invalidElement(error))
                }
            }
        }
        let field = fields[element.index]
        if line.isEmpty {
            guard field.optional else {
                return .refused(.fieldRequired(field, expectation: parser(field.kind).expectation(for: field.kind, bounds: field.bounds)))
            }
        } else {
            do {
                element.values.append((field.key, try parser(field.kind).parse(line, as: field.kind, bounds: field.bounds)))
            } catch {
                return .refused(.invalidField(field, error))
            }
        }
        element.index += 1
        if element.index == fields.count { return .element(ListRecord(fields: element.values)) }
        return .nextField(element)
    }
}
