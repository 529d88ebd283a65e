// MARK: - Plan d'actions: no fiche starts before the contract

extension ConsistencyChecks {
    /// A fiche's calendrier typed with years (« 2025-2027 ») against the contract's signature:
    /// an action of the contract cannot start before the contract does. Library calendars
    /// count in years of the contract (« Année 1 ») and never trip it. Refused when the
    /// calendrier is typed; reported when the signature date moves.
    static func scheduleInconsistencies(_ answers: [String: AnswerValue]) -> [Inconsistency] {
        guard case .date(let signature)? = answers[QuestionKeys.plannedSignature] else { return [] }
        return records(answers, QuestionKeys.actionSheets).enumerated().compactMap { index, record in
            guard let schedule = text(record["calendrier"]), let first = years(in: schedule).min(), first < signature.year else {
                return nil
            }
            let target = "\(QuestionKeys.actionSheets).\(index + 1).calendrier"
            return Inconsistency(
                rule: .scheduleBeforeContract, target: target, shown: schedule,
                reason:
                    "le calendrier de la fiche \(index + 1) commence en \(first), avant la signature du contrat le \(signature.french) (\(QuestionKeys.plannedSignature))",
                expected: "un calendrier qui commence en \(signature.year) ou après, ou en années du contrat (« Année 1 : … »)",
                fixes: ["/modifier \(target) CALENDRIER", "/modifier \(QuestionKeys.plannedSignature) JJ/MM/AAAA"],
                refusedWhenTyped: [QuestionKeys.actionSheets], identity: "calendrier|\(schedule)|\(signature.year)")
        }
    }

    /// The years 2000 to 2099 written in a text, as whole words: « 2027-2031 » → 2027, 2031.
    static func years(in text: String) -> [Int] {
        var found: [Int] = []
        var digits = ""
        for character in text + " " {
            if character.isASCII, character.isNumber {
                digits.append(character)
                continue
            }
            if digits.count == 4, let year = Int(digits), (2000...2099).contains(year) { found.append(year) }
            digits = ""
        }
        return found
    }
}
