import AtelierCore
import AtelierStore
import Foundation

/// The French the session speaks for what its core decides: events, confirmations, typed
/// refusals, undo reports. Handlers print these lines; they do not word them.
struct SessionWording {
    let style: Style
    let context: AppContext

    /// What the session tells of a decision, in French.
    func notes(for events: [SessionEvent]) -> [String] {
        events.map { event in
            switch event {
            case .communeListKept(let key):
                style.dim("  La liste des communes déjà saisie est conservée ; /modifier \(key) pour la remplacer.")
            case .communesFilled(let key, let count, let population, let years):
                "  \(style.green("✓")) \(key) rempli : \(count) communes, population municipale \(FrenchFormat.integer(population)) habitants (INSEE, populations légales \(years.map(String.init).joined(separator: " et ")))."
            }
        }
    }

    /// `  ✓ clé = valeur (source : … ; par …)`, once the answer is on disk.
    func confirmation(_ change: AnswerChange) -> String {
        var meta: [String] = []
        if let source = change.source { meta.append("source : \(source)") }
        if let participant = change.participant { meta.append("par \(participant)") }
        let suffix = meta.isEmpty ? "" : style.dim(" (\(meta.joined(separator: " ; ")))")
        return "  \(style.green("✓")) \(change.key) = \(change.value.display)\(suffix)"
    }

    /// Why a typed line was refused.
    func message(for refusal: LineRefusal) -> String {
        switch refusal {
        case .fieldRequired(let field, let expectation): "Le champ « \(field.label) » est obligatoire. Attendu : \(expectation)."
        // « Champ « Rôle » refusé : … », not the stacked « Rôle : Réponse refusée : … ».
        case .invalidField(let field, let error):
            "Champ « \(field.label) » refusé" + (error.reason.map { " : \($0)" } ?? "") + ". Attendu : \(error.expected)."
        case .invalidElement(let error): error.description
        }
    }

    /// « 03/12/2026 à 09:12 ».
    func when(_ date: Date) -> String { context.timestamp(date).split(separator: " ").joined(separator: " à ") }

    /// What /annuler or /refaire restored.
    func reverted(_ change: RevertedChange, _ direction: ChangeReversal.Direction) -> [String] {
        var lines: [String] = []
        let what =
            if let key = change.skipped.map(TerminalText.plainLine) { "/passer de la question \(key)" } else {
                switch change.origin {
                case .removed?: "le retrait d'un élément"
                case .imported?: "la confirmation d'une proposition d'import"
                case .reference?: "le remplissage depuis le référentiel"
                case .moved?: "le déplacement d'un élément"
                case .modified?: "la modification"
                case .merged?: "la fusion d'une copie"
                default: "la saisie"
                }
            }
        // The workbook may have been edited by hand: what it says is shown, never obeyed.
        let by = change.participant.map { ", par \(TerminalText.plainLine($0))" } ?? ""
        let verb = direction == .undo ? "Annulé" : "Rétabli"
        let when = change.recordedAt.map { context.timestamp($0).split(separator: " ").joined(separator: " à ") } ?? "date illisible"
        lines.append("  \(style.green("↶")) \(verb) : \(what) (\(when)\(by)).")
        for restored in change.restored {
            let value = restored.value.map { Table.truncate(TerminalText.plainLine($0.display), 100) } ?? style.dim("sans réponse")
            lines.append("    \(TerminalText.plainLine(restored.key)) : \(value)")
        }
        if let key = change.skipped.map(TerminalText.plainLine) {
            lines.append("    \(key) : " + (direction == .undo ? "de nouveau à remplir" : "passée de nouveau"))
        }
        for key in change.skippedAgain { lines.append("    \(TerminalText.plainLine(key)) : de nouveau passée") }
        if !change.proposals.isEmpty {
            let several = change.proposals.count > 1
            let again = direction == .undo ? "de nouveau à confirmer" : several ? "confirmées à nouveau" : "confirmée à nouveau"
            let what = several ? "Propositions d'import" : "Proposition d'import"
            lines.append(style.dim("    \(what) \(again) : \(change.proposals.map(TerminalText.plainLine).joined(separator: ", "))."))
        }
        if direction == .undo { lines.append(style.dim("    /refaire pour rétablir ; /annuler encore pour remonter plus loin.")) }
        return lines
    }
}
