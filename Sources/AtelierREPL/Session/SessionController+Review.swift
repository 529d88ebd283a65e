import AtelierCore
import AtelierStore

// MARK: - Tables: /revoir, /sections, /historique

extension SessionController {
    func review(_ section: String?) -> Outcome {
        let argument = section ?? ""
        let sections: [Section]
        if argument.isEmpty {
            sections = questionnaire.sections
        } else if let section = questionnaire.section(forKey: argument) {
            sections = [section]
        } else if let question = questionnaire.question(forKey: argument) {
            return reviewAnswer(question)
        } else {
            let keys = questionnaire.sections.map(\.key) + questionnaire.questions.map(\.key)
            let hint = closestMatch(to: argument, in: keys).map { " Vouliez-vous dire « \($0) » ?" } ?? ""
            return .refused(
                "Aucune section ni question « \(argument.shortened()) ».\(hint) Sections : \(questionnaire.sections.map(\.key).joined(separator: ", ")) ; ou la clé d'une question, comme territoire.communes."
            )
        }
        // Answers the synthèse leaves out are shown as stored, marked.
        let setAside = Set(storedValueProblems.map(\.key))
        var marked = false
        let width = console.width
        // Said once under all the sections: each table may leave out some of the same columns.
        var omitted: [String] = []
        for section in sections {
            console.write("")
            console.write(style.bold(section.title))
            var rows: [[String]] = []
            var details: [Int: [String]] = [:]
            for question in section.questions {
                guard let answer = answers[question.key] else { continue }
                let mark = setAside.contains(question.key) ? "⚠ " : ""
                marked = marked || !mark.isEmpty
                rows.append([
                    question.key, mark + Table.truncate(answer.value.display, 60),
                    answer.source ?? "—", answer.participant ?? "—", context.timestamp(answer.updatedAt),
                ])
                // The meeting it was given in, under its row: for a list, that of its last change only.
                if let meeting = answer.meeting {
                    let isList = if case .list = question.kind { true } else { false }
                    let said = isList ? wording.lastChange(meeting) : wording.given(meeting)
                    details[rows.count - 1] = [style.dim("    " + said)]
                }
                if case .communes(let communes) = answer.value, communes.count > AnswerValue.shownCommunes {
                    details[rows.count - 1, default: []].append(style.dim("    la liste entière : /revoir \(question.key)"))
                }
                if case .records(let items) = answer.value, !items.isEmpty {
                    let fields: [ListField] = if case .list(let fields) = question.kind { fields } else { [] }
                    details[rows.count - 1, default: []] += items.enumerated().map {
                        "    \($0.offset + 1). \($0.element.labelled(fields))"
                    }
                }
            }
            if rows.isEmpty {
                console.write(style.dim("  Aucune réponse dans cette section."))
                continue
            }
            // The key and its value stay; the source, who and when go first on a narrow terminal.
            let table = Table.render(
                header: ["Clé", "Valeur", "Source", "Qui", "Quand"], rows: rows, width: width, indent: "  ", dropping: [2, 3, 4])
            for line in table.styledHeader(style.bold) + [table.rule] { console.write(line) }
            for (index, lines) in table.rows.enumerated() {
                for line in lines { console.write(line) }
                for line in LineFitting.fit(details[index] ?? [], width: width) { console.write(line) }
            }
            omitted += table.omitted.filter { !omitted.contains($0) }
        }
        for line in Table.omissionNote(omitted, width: width).map({ Table.paragraph($0, indent: "  ", width: width) }) ?? [] {
            console.write(style.dim(line))
        }
        if marked {
            let warning =
                "  ⚠ : valeur hors des bornes attendues ou invalide, non utilisée par la synthèse ni les documents ; /modifier CLÉ pour la corriger."
            for line in LineFitting.fit(warning, width: width) { console.write(style.yellow(line)) }
        }
        remindCurrent()
        return .accepted
    }

    func printSections() {
        let progress = navigator.progress(answers: values, skipped: skipped)
        let rows = progress.map { p in
            [p.key, p.title, "\(p.answered)/\(p.applicable)", String(p.skipped), p.isComplete ? "✓" : ""]
        }
        let table = Table.render(header: ["Section", "Titre", "Répondues", "Passées", ""], rows: rows, width: console.width, indent: "  ")
        for line in table.styled(header: style.bold) { console.write(line) }
    }

    func history(_ key: String) -> Outcome {
        guard questionnaire.question(forKey: key) != nil else {
            let hint = closestMatch(to: key, in: questionnaire.questions.map(\.key)).map { " Vouliez-vous dire « \($0) » ?" } ?? ""
            return .refused("Aucune question « \(key.shortened()) ».\(hint)")
        }
        let events: [AnswerEvent]
        do {
            events = try store.history(of: key)
        } catch {
            return .refused(error.description)
        }
        guard !events.isEmpty else {
            console.write("Aucune réponse n'a encore été donnée à \(key).")
            return .accepted
        }
        // The meeting column only when a value was given in one.
        let inMeetings = events.contains { $0.meeting != nil }
        let rows = events.map { e in
            [
                context.timestamp(e.recordedAt), e.origin, Table.truncate(e.display ?? "—", 40),
                Table.truncate(e.previousDisplay ?? "—", 30), who(e),
                (e.source ?? "—") + (e.sourceYear.map { e.source?.contains(String($0)) == true ? "" : " (\($0))" } ?? ""),
            ] + (inMeetings ? [e.meeting.map(wording.given) ?? "—"] : [])
        }
        let header = ["Quand", "Nature", "Valeur", "Avant", "Qui", "Source"] + (inMeetings ? ["Réunion"] : [])
        // When and the value stay; the meeting, the source, who and the value before go first on a narrow terminal.
        let table = Table.render(header: header, rows: rows, width: console.width, indent: "  ", dropping: [6, 5, 4, 3])
        console.write(style.bold("Historique de \(key)"))
        for line in table.styled(header: style.bold) { console.write(line) }
        for line in table.omissionNote.map({ Table.paragraph($0, indent: "  ", width: table.width) }) ?? [] {
            console.write(style.dim(line))
        }
        remindCurrent()
        return .accepted
    }

    /// Who gave the value; for /annuler, who undid it; for a merge, both the copy's author and
    /// who merged it.
    func who(_ event: AnswerEvent) -> String {
        if event.origin == AnswerChange.Origin.merged.rawValue {
            let merged = event.actedBy.map { "fusionné par \($0)" }
            return [event.participant, merged].compactMap { $0 }.joined(separator: ", ")
        }
        return event.actedBy ?? event.participant ?? "—"
    }
}
