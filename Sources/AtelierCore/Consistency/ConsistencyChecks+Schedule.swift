// MARK: - Plan d'actions and evaluation: within the contract's years

extension ConsistencyChecks {
    /// A fiche's calendrier typed with years (« 2025-2027 ») against the contract's signature:
    /// an action of the contract cannot start before the contract does. Library calendars
    /// count in years of the contract (« Année 1 ») and never trip it. Refused when the
    /// calendrier is typed; reported when the signature date moves.
    static func scheduleInconsistencies(_ answers: [String: AnswerValue]) -> [Inconsistency] {
        guard let (signature, last) = contractYears(answers) else { return [] }
        let sheets: [Inconsistency] = records(answers, QuestionKeys.actionSheets).enumerated().compactMap { index, record in
            guard let schedule = text(record["calendrier"]) else { return nil }
            let written = years(in: schedule)
            let target = "\(QuestionKeys.actionSheets).\(index + 1).calendrier"
            let fixes = ["/modifier \(target) CALENDRIER", "/modifier \(QuestionKeys.plannedSignature) JJ/MM/AAAA"]
            if let first = written.min(), first < signature.year {
                return Inconsistency(
                    rule: .scheduleBeforeContract, target: target, shown: schedule,
                    reason:
                        "le calendrier de la fiche \(index + 1) commence en \(first), avant la signature du contrat le \(signature.french) (\(QuestionKeys.plannedSignature))",
                    expected: "un calendrier qui commence en \(signature.year) ou après, ou en années du contrat (« Année 1 : … »)",
                    fixes: fixes, refusedWhenTyped: [QuestionKeys.actionSheets], identity: "calendrier|\(schedule)|\(signature.year)")
            }
            if let last, let end = written.max(), end > last {
                return Inconsistency(
                    rule: .scheduleAfterContract, target: target, shown: schedule,
                    reason:
                        "le calendrier de la fiche \(index + 1) va jusqu'en \(end), après la fin du contrat en \(last) (\(QuestionKeys.durationYears))",
                    expected: "un calendrier qui s'achève en \(last) au plus tard, ou en années du contrat (« Année 1 : … »)",
                    fixes: fixes + ["/modifier \(QuestionKeys.durationYears) ANNÉES"], refusedWhenTyped: [QuestionKeys.actionSheets],
                    identity: "calendrier-fin|\(schedule)|\(last)")
            }
            return nil
        }
        let deadlines: [Inconsistency] = records(answers, QuestionKeys.contractIndicators).enumerated().compactMap { index, record in
            guard case .year(let year)? = record["echeance"], year < signature.year || year > (last ?? Int.max) else { return nil }
            let target = "\(QuestionKeys.contractIndicators).\(index + 1).echeance"
            let span = contractSpan(signature: signature, last: last)
            return Inconsistency(
                rule: .deadlineOutsideContract, target: target, shown: String(year),
                reason: "l'échéance \(year) de l'indicateur \(index + 1) tombe hors du contrat, qui court \(span)",
                expected: "une année du contrat (\(span))", fixes: ["/modifier \(target) ANNÉE"],
                refusedWhenTyped: [QuestionKeys.contractIndicators], identity: "echeance|\(year)|\(signature.year)|\(last ?? 0)")
        }
        return sheets + deadlines
    }

    /// The contract's signature date and, when its duration is given, its last year.
    static func contractYears(_ answers: [String: AnswerValue]) -> (signature: CalendarDate, last: Int?)? {
        guard case .date(let signature)? = answers[QuestionKeys.plannedSignature] else { return nil }
        guard case .integer(let years)? = answers[QuestionKeys.durationYears] else { return (signature, nil) }
        return (signature, lastYear(signedOn: signature, years: years))
    }

    /// « de 2027 à 2032 », or « à partir de 2027 » without a duration.
    static func contractSpan(signature: CalendarDate, last: Int?) -> String {
        last.map { "de \(signature.year) à \($0)" } ?? "à partir de \(signature.year)"
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
