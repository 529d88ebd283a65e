import AtelierCore

/// `/scenario comparer`: what differs between two workbooks, in four parts: answers, plan de
/// financement, checks, CLS draft.
struct ComparisonRenderer {
    var a: WorkbookFacts
    var b: WorkbookFacts
    var questionnaire: Questionnaire
    var style: Style
    /// Lines of the draft's differences shown; the rest is counted.
    static let draftLineLimit = 120

    func lines() -> [String] {
        var out = [style.bold("Comparaison : A = \(plain(a.label)) ; B = \(plain(b.label))")]
        out += answerLines() + planLines() + checkLines() + draftLines()
        return out
    }

    func plain(_ text: String) -> String { TerminalText.plainLine(text) }

    func answerLines() -> [String] {
        let differences = AnswerDifferences(a: a.values, b: b.values, order: questionnaire.questions.map(\.key))
        var out = ["", style.bold("Réponses qui diffèrent : \(differences.entries.count)")]
        if differences.entries.isEmpty { out.append("  aucune") }
        for entry in differences.entries {
            guard !entry.elements.isEmpty else {
                out.append("  \(entry.key)")
                out.append("    A : " + (entry.a.map { Table.truncate(plain($0.display), 100) } ?? "sans réponse"))
                out.append("    B : " + (entry.b.map { Table.truncate(plain($0.display), 100) } ?? "sans réponse"))
                continue
            }
            out.append("  \(entry.key)")
            let schema = questionnaire.listFields(ofKey: entry.key)
            for element in entry.elements {
                switch element {
                case .removed(let number, let record):
                    out.append("    − élément \(number) de A, absent de B : " + Table.truncate(plain(record.labelled(schema)), 100))
                case .added(let number, let record):
                    out.append("    + élément \(number) de B, absent de A : " + Table.truncate(plain(record.labelled(schema)), 100))
                case .changed(let numberA, let numberB, let changes):
                    let place = numberA == numberB ? "élément \(numberA)" : "élément \(numberA) de A (\(numberB) de B)"
                    for change in changes {
                        let label = schema.first { $0.key == change.key }?.shortLabel ?? change.key
                        let x = change.a.map { Table.truncate(plain($0.display), 45) } ?? "vide"
                        let y = change.b.map { Table.truncate(plain($0.display), 45) } ?? "vide"
                        out.append("    ~ \(place), \(label) : \(x) → \(y)")
                    }
                }
            }
        }
        return out
    }

    func planLines() -> [String] {
        var out = ["", style.bold("Plan de financement")]
        var rows: [(String, Int, Int)] = []
        var funders = a.funders.map(\.funder)
        funders += b.funders.map(\.funder).filter { !funders.contains($0) }
        for funder in funders {
            let x = a.funders.first { $0.funder == funder }?.amount ?? 0
            let y = b.funders.first { $0.funder == funder }?.amount ?? 0
            rows.append((funder, x, y))
        }
        rows.append(("Total des recettes", a.funders.map(\.amount).reduce(0, +), b.funders.map(\.amount).reduce(0, +)))
        var years = a.years.map(\.year)
        years += b.years.map(\.year).filter { !years.contains($0) }
        for year in years.sorted(by: { ($0 ?? Int.max) < ($1 ?? Int.max) }) {
            let name = year.map { "Dépenses \($0)" } ?? "Dépenses sans année"
            rows.append((name, a.years.first { $0.year == year }?.expenses ?? 0, b.years.first { $0.year == year }?.expenses ?? 0))
            let receipts = year.map { "Recettes au budget \($0)" } ?? "Recettes sans année"
            rows.append((receipts, a.years.first { $0.year == year }?.receipts ?? 0, b.years.first { $0.year == year }?.receipts ?? 0))
        }
        let differing = rows.filter { $0.1 != $0.2 }
        if differing.isEmpty {
            out.append("  mêmes totaux par financeur et par année")
            return out
        }
        let width = max(28, differing.map(\.0.count).max() ?? 0)
        out.append("  " + "".padding(toLength: width, withPad: " ", startingAt: 0) + pad("A") + pad("B") + pad("B − A"))
        for row in differing {
            out.append(
                "  " + plain(row.0).padding(toLength: width, withPad: " ", startingAt: 0) + pad(FrenchFormat.amount(cents: row.1))
                    + pad(FrenchFormat.amount(cents: row.2)) + pad(signed(row.2 - row.1)))
        }
        return out
    }

    func pad(_ text: String) -> String {
        String(repeating: " ", count: max(1, 18 - text.count)) + text
    }

    func signed(_ cents: Int) -> String { (cents > 0 ? "+" : cents < 0 ? "−" : "") + FrenchFormat.amount(cents: abs(cents)) }

    /// `text` cut to 110 characters, starting a little before where it parts from `other` when
    /// that is further: the difference is what the reader looks for.
    static func focus(_ text: String, against other: String?, width: Int = 110) -> String {
        guard let other, text.count > width else { return Table.truncate(text, width) }
        let common = zip(text, other).prefix { $0 == $1 }.count
        guard common > width - 40 else { return Table.truncate(text, width) }
        return "…" + Table.truncate(String(text.dropFirst(common - 30)), width - 1)
    }

    func checkLines() -> [String] {
        let onlyA = a.failedChecks.filter { !b.failedChecks.contains($0) }
        let onlyB = b.failedChecks.filter { !a.failedChecks.contains($0) }
        var out = ["", style.bold("Contrôles (/vérifier)")]
        if onlyA.isEmpty && onlyB.isEmpty {
            out.append(
                "  mêmes résultats : \(AtelierCore.counted(a.failedChecks.count, "contrôle échoue", "contrôles échouent")) des deux côtés")
        }
        for item in onlyA { out.append("  échoue dans A, réussi dans B : \(plain(item))") }
        for item in onlyB { out.append("  échoue dans B, réussi dans A : \(plain(item))") }
        return out
    }

    func draftLines() -> [String] {
        let diff = TextDiff(a.draft, b.draft)
        var out = [
            "",
            style.bold(
                "Projet de contrat : "
                    + (diff.hunks.isEmpty
                        ? "identique"
                        : "\(AtelierCore.counted(diff.removedCount, "ligne", "lignes")) de A remplacées ou retirées, \(AtelierCore.counted(diff.addedCount, "ligne", "lignes")) de B ajoutées")
            ),
        ]
        var shown = 0
        for hunk in diff.hunks {
            if shown >= Self.draftLineLimit { break }
            out.append(style.cyan("  @ ligne \(hunk.startA) de A, \(hunk.startB) de B"))
            let removed = hunk.lines.compactMap { if case .removed(let t) = $0 { t } else { nil } }
            let added = hunk.lines.compactMap { if case .added(let t) = $0 { t } else { nil } }
            var removedIndex = 0, addedIndex = 0
            for line in hunk.lines {
                switch line {
                case .same(let text): out.append("    " + Table.truncate(plain(text), 110))
                case .removed(let text):
                    // A line replaced by another: both shown from a little before where they part.
                    let other = added.indices.contains(removedIndex) ? added[removedIndex] : nil
                    out.append(style.red("  − " + Self.focus(plain(text), against: other.map(plain))))
                    removedIndex += 1
                case .added(let text):
                    let other = removed.indices.contains(addedIndex) ? removed[addedIndex] : nil
                    out.append(style.green("  + " + Self.focus(plain(text), against: other.map(plain))))
                    addedIndex += 1
                }
                shown += 1
            }
        }
        let total = diff.hunks.map(\.lines.count).reduce(0, +)
        if total > shown {
            out.append(style.dim("  … \(total - shown) lignes de plus : /exporter cls dans chaque classeur pour les lire en entier."))
        }
        return out
    }
}
