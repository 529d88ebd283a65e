import AtelierCore

// MARK: - /revoir CLÉ: one answer, whole

extension SessionController {
    /// One answer as stored, nothing cut: every commune with its code and population, every
    /// element of a list with each of its fields; then where it came from and its history.
    func reviewAnswer(_ question: Question) -> Outcome {
        console.write("")
        console.write(style.bold(question.label) + " " + style.dim("[\(question.key)]"))
        guard let answer = answers[question.key] else {
            if !navigator.isApplicable(question, answers: values), let condition = question.condition {
                console.write("  Pas de réponse : cette question ne s'applique que si \(condition.description).")
            } else {
                let state = session.skipped.contains(question.key) ? "Question passée, sans réponse" : "Pas encore de réponse"
                console.write("  \(state) : /aller \(question.key) pour y répondre.")
            }
            remindCurrent()
            return .accepted
        }
        if storedValueProblems.contains(where: { $0.key == question.key }) {
            console.write(style.yellow("  ⚠ Valeur hors des bornes attendues ou invalide, non utilisée par la synthèse ni les documents."))
        }
        for line in wholeValue(answer.value, of: question) { console.write(line) }
        var origin = ["donnée le \(context.timestamp(answer.updatedAt))"]
        if let participant = answer.participant { origin.append("par \(TerminalText.plainLine(participant))") }
        if let meeting = answer.meeting { origin.append(wording.given(meeting)) }
        let said = [
            "  Source : \(answer.source.map(TerminalText.plainLine) ?? "non précisée") ; " + origin.joined(separator: ", ") + ".",
            "  Chaque changement : /historique \(question.key) ; pour la changer : /modifier \(question.key).",
        ]
        for line in LineFitting.fit(said, width: console.width) { console.write(style.dim(line)) }
        remindCurrent()
        return .accepted
    }

    private func wholeValue(_ value: AnswerValue, of question: Question) -> [String] {
        switch value {
        case .communes(let communes):
            let population = communes.map(\.population).saturatingSum()
            let years = Set(communes.map(\.populationYear)).sorted().map(String.init)
            var lines = [
                "  \(AtelierCore.counted(communes.count, "commune")), \(AtelierCore.counted(population, "habitant")) (INSEE, populations légales \(frenchList(years)))"
            ]
            // Populations right-aligned, as figures are read.
            let figures = communes.map { FrenchFormat.integer($0.population) }
            let width = max("Population".count, figures.map(\.count).max() ?? 0)
            let rows = zip(communes, figures).sorted { ($0.0.name.folded, $0.0.code) < ($1.0.name.folded, $1.0.code) }.map {
                [$0.0.code, TerminalText.plainLine($0.0.name), String(repeating: " ", count: width - $0.1.count) + $0.1]
            }
            lines += Table.render(header: ["Code", "Commune", "Population"], rows: rows, width: console.width, indent: "  ").lines
            return lines
        case .records(let items):
            guard !items.isEmpty else { return ["  Aucun élément."] }
            let fields: [ListField] = if case .list(let fields) = question.kind { fields } else { [] }
            var lines = ["  " + AtelierCore.counted(items.count, "élément")]
            for (index, item) in items.enumerated() {
                let number = "  \(index + 1). "
                // Every field typed, the empty ones too, so each element reads alike; then the
                // details given (a fiche's own texts), in the questionnaire's order.
                let details = question.detailFields.map(\.key).filter { item[$0] != nil }
                let keys =
                    fields.map(\.key) + details
                    + item.fields.map(\.key).filter { key in !question.allListFields.contains { $0.key == key } }
                for (position, key) in keys.enumerated() {
                    let label = question.allListFields.first { $0.key == key }?.label ?? key
                    let shown = item[key].map { TerminalText.plainLine($0.display) } ?? style.dim("—")
                    let lead = position == 0 ? number : String(repeating: " ", count: number.count)
                    lines += Table.paragraph(
                        "\(label) : \(shown)", indent: lead, hanging: String(repeating: " ", count: number.count + 2),
                        width: console.proseWidth)
                }
            }
            return lines
        default:
            return Table.paragraph(TerminalText.plainLine(value.display), indent: "  ", width: console.proseWidth)
        }
    }
}
