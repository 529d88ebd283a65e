// MARK: - Contrat: within the projet régional de santé

extension ConsistencyChecks {
    /// A contract signed on S for D years ends the day before the anniversary (the CLS draft's
    /// « du 01/03/2027 au 29/02/2032 »): in year S + D − 1 when signed on 1 January, S + D
    /// otherwise. Past the PRS's last year it outlives the plan it implements (the
    /// questionnaire's aide: « sans dépasser la fin du projet régional de santé »). Reported,
    /// never refused: real contracts do run past their PRS (Mont-Saint-Michel 2022-2027 under
    /// the PRS Normandie 2018-2023), with an avenant when the next PRS is adopted.
    func contractInconsistencies(_ answers: [String: AnswerValue]) -> [Inconsistency] {
        guard case .date(let signature)? = answers[QuestionKeys.plannedSignature],
            case .integer(let years)? = answers[QuestionKeys.durationYears],
            case .year(let end)? = answers[QuestionKeys.prsEnd]
        else { return [] }
        let startsTheYear = signature.month == 1 && signature.day == 1
        let last = signature.year + years - (startsTheYear ? 1 : 0)
        guard last > end else { return [] }
        let longest = end - signature.year + (startsTheYear ? 1 : 0)
        let duration = years == 1 ? "1 an" : "\(years) ans"
        let reason =
            "signé le \(signature.french) pour \(duration), le contrat court jusqu'en \(last), après la fin du PRS en \(end) (\(QuestionKeys.prsEnd)) : alignez sa durée sur le PRS, ou prévoyez un avenant à l'adoption du PRS suivant"
        let shorter = longest >= 1 ? ["/modifier \(QuestionKeys.durationYears) \(longest)"] : []
        return [
            Inconsistency(
                rule: .pastRegionalPlan, target: QuestionKeys.durationYears, shown: String(years), reason: reason,
                expected: longest >= 1
                    ? "une durée d'au plus \(longest == 1 ? "1 an" : "\(longest) ans"), une signature plus tôt, ou l'année de fin du PRS corrigée"
                    : "une signature plus tôt, ou l'année de fin du PRS corrigée",
                fixes: shorter + ["/modifier \(QuestionKeys.plannedSignature) JJ/MM/AAAA", "/modifier \(QuestionKeys.prsEnd) ANNÉE"],
                refusedWhenTyped: [],
                identity: "prs|\(signature.year)|\(years)|\(end)")
        ]
    }
}
