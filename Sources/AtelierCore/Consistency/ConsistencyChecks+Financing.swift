// MARK: - Plan de financement: lines on fiches that exist, a montant or a taux

extension ConsistencyChecks {
    /// `sheetCount`: the fiches of the plan d'actions (by default, those of `answers`).
    public static func financingInconsistencies(_ answers: [String: AnswerValue], sheetCount: Int? = nil) -> [Inconsistency] {
        let count = sheetCount ?? records(answers, QuestionKeys.actionSheets).count
        return FinancingLines.keys.flatMap { missingSheets(answers, key: $0, sheetCount: count) } + amountsAndRates(answers)
            + yearsOutsideContract(answers)
    }

    /// Expenses fall within the contract's years; receipts may come after them (a grant is
    /// often paid once the work is done, the FCTVA in N+1 or N+2) but not before its signature.
    /// Refused when the line is typed; reported when the signature date or the duration moves.
    static func yearsOutsideContract(_ answers: [String: AnswerValue]) -> [Inconsistency] {
        guard let (signature, last) = contractYears(answers) else { return [] }
        let span = contractSpan(signature: signature, last: last)
        var found: [Inconsistency] = []
        for (key, noun, latest) in [(QuestionKeys.expenses, "dépense", last), (QuestionKeys.receipts, "recette", nil)] {
            for (index, record) in records(answers, key).enumerated() {
                guard case .year(let year)? = record["annee"], year < signature.year || year > (latest ?? Int.max) else { continue }
                let target = "\(key).\(index + 1).annee"
                let reason =
                    year < signature.year
                    ? "la \(noun) \(index + 1) est prévue en \(year), avant la signature du contrat le \(signature.french) (\(QuestionKeys.plannedSignature))"
                    : "la \(noun) \(index + 1) est prévue en \(year), après la fin du contrat en \(latest ?? year) (\(QuestionKeys.durationYears))"
                found.append(
                    Inconsistency(
                        rule: .financingYearOutsideContract, target: target, shown: String(year), reason: reason,
                        expected: noun == "dépense"
                            ? "une année du contrat (\(span))" : "\(signature.year) ou après (signature du contrat)",
                        fixes: ["/modifier \(target) ANNÉE", "/modifier \(QuestionKeys.plannedSignature) JJ/MM/AAAA"]
                            + (noun == "dépense" ? ["/modifier \(QuestionKeys.durationYears) ANNÉES"] : []),
                        refusedWhenTyped: [key], identity: "annee|\(key)|\(record.display)|\(signature.year)|\(last ?? 0)"))
            }
        }
        return found
    }

    /// The lines of list `key` on a fiche number `plan.fiches` does not have.
    public static func missingSheets(_ answers: [String: AnswerValue], key: String, sheetCount count: Int) -> [Inconsistency] {
        records(answers, key).enumerated().compactMap { index, record in
            guard case .integer(let sheet)? = record[FinancingLines.ficheField], sheet < 1 || sheet > count else { return nil }
            let line = index + 1
            let range = count == 1 ? "1" : "1 à \(count)"
            return Inconsistency(
                rule: .missingSheet, target: "\(key).\(line).\(FinancingLines.ficheField)", shown: String(sheet),
                reason: count == 0
                    ? "la fiche \(sheet) n'existe pas : \(QuestionKeys.actionSheets) n'a encore aucune fiche"
                    : "la fiche \(sheet) n'existe pas : \(QuestionKeys.actionSheets) en compte \(count)",
                expected: count == 0
                    ? "le numéro d'une fiche du plan d'actions : ajoutez d'abord les fiches (/aller \(QuestionKeys.actionSheets))"
                    : "le numéro d'une fiche du plan d'actions (\(range))",
                fixes: (count == 0 ? [] : ["/modifier \(key).\(line).\(FinancingLines.ficheField) N (\(range))"])
                    + ["/retirer \(line) (dans /aller \(key))"],
                refusedWhenTyped: [key], identity: "ligne|\(key)|\(record.display)|\(count)")
        }
    }

    /// A recette with both a montant and a taux: the plan would use the montant and ignore the taux.
    static func amountsAndRates(_ answers: [String: AnswerValue]) -> [Inconsistency] {
        let key = QuestionKeys.receipts
        return records(answers, key).enumerated().compactMap { index, record in
            guard let amount = record["montant"], let rate = record["taux"] else { return nil }
            let target = "\(key).\(index + 1)"
            return Inconsistency(
                rule: .amountAndRate, target: "\(target).taux", shown: rate.display,
                reason:
                    "la recette \(index + 1) a un montant (\(amount.display)) et un taux (\(rate.display)) : donnez un montant ou un taux, pas les deux",
                expected: "un montant ou un taux, l'autre champ laissé vide",
                fixes: [
                    "/modifier \(target).taux (sans valeur : le montant reste)",
                    "/modifier \(target).montant (sans valeur : le taux reste)",
                ],
                refusedWhenTyped: [key], identity: "montant-taux|\(record.display)")
        }
    }
}
