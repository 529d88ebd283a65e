import Foundation

// MARK: - Expectations

extension AnswerParser {
    /// What a valid answer looks like, in French, for the message that refuses an invalid one.
    public func expectation(for kind: QuestionKind, bounds: Bounds = Bounds()) -> String {
        switch kind {
        case .text: return "un texte non vide"
        // Bounds come from a questionnaire edited by hand: formatted from the double, never
        // converted to `Int` (which traps past 2⁶³).
        case .integer: return "un nombre entier" + range(bounds, format: { FrenchFormat.integer($0) })
        case .year: return "une année à 4 chiffres" + range(bounds, format: { $0.isFinite ? String(format: "%.0f", $0) : "—" })
        case .decimal: return "un nombre comme 12,5" + range(bounds, format: { FrenchFormat.decimal($0) })
        case .percentage:
            let b = Bounds(minimum: bounds.minimum ?? 0, maximum: bounds.maximum ?? 100, maximumKey: bounds.maximumKey)
            return "un pourcentage comme 12,5" + range(b, format: { FrenchFormat.decimal($0) })
        case .amount: return "un montant en euros comme 1 234,50" + range(bounds, format: Self.euros)
        case .yesNo: return "oui ou non"
        case .choice(let choices): return "un des choix, par son numéro ou son nom : " + Self.numbered(choices)
        case .multipleChoice(let choices):
            return "un ou plusieurs choix séparés par des virgules, par numéro ou par nom : " + Self.numbered(choices)
        case .date: return "une date au format JJ/MM/AAAA, comme 22/11/2026"
        case .communeCode:
            return "le nom d'une commune, comme « Montmélian » (accents facultatifs), ou son code INSEE, comme 73171 ou 2A004"
        case .communeList:
            return
                "des noms de communes séparés par des virgules, comme « Montmélian, Arbin » (accents facultatifs), ou leurs codes INSEE séparés par des espaces, comme 73171 73011"
        case .epciSiren:
            return
                "le nom d'un EPCI à fiscalité propre, comme « CC Cœur de Savoie » ou « coeur de savoie », ou son SIREN à 9 chiffres, comme 200041010"
        case .participantNames:
            let names = Self.listedParticipants(in: answers)
            let listed = names.isEmpty ? " (la liste est vide : /aller participants.liste)" : " : " + names.joined(separator: ", ")
            return "des noms de la liste des participants, séparés par des virgules" + listed.shortened(to: 300)
        case .actionSheet:
            let count = actionSheets.isEmpty ? "" : " (1 à \(actionSheets.count))"
            return
                "le numéro\(count) ou la clé d'une fiche de la bibliothèque, ou « \(ActionSheetLibrary.customKey) » pour une fiche à vous"
        case .fundingInstrument:
            return "la clé d'un dispositif du catalogue (detr, dsil, autofinancement…), ou une partie de son nom"
        case .list(let fields): return "les champs séparés par « ; » : " + fields.map(\.label).joined(separator: " ; ")
        }
    }

    func effectiveMaximum(_ bounds: Bounds) -> (value: Double, because: String?)? {
        if let key = bounds.maximumKey, let n = answers[key]?.boundingNumber {
            if let max = bounds.maximum, max < n { return (max, nil) }
            return (n, "la réponse à \(key)")
        }
        return bounds.maximum.map { ($0, nil) }
    }

    func range(_ bounds: Bounds, format: (Double) -> String) -> String {
        let maximum = effectiveMaximum(bounds)
        let because = maximum?.because.map { " (\($0))" } ?? ""
        switch (bounds.minimum, maximum?.value) {
        case (let min?, let max?): return " entre \(format(min)) et \(format(max))\(because)"
        case (let min?, nil): return min == 0 ? " positif ou nul" : " d'au moins \(format(min))"
        case (nil, let max?): return " d'au plus \(format(max))\(because)"
        case (nil, nil): return ""
        }
    }

    /// Euros as a budget line writes them, for any bound (`Int(exactly:)` never traps).
    static func euros(_ value: Double) -> String {
        if let cents = Int(exactly: (value * 100).rounded()) { return FrenchFormat.amount(cents: cents) }
        return FrenchFormat.integer(value) + "\u{00A0}€"
    }

}
