import AtelierCore

// MARK: - Visas, durée, gouvernance

extension ClsDraftContext {
    /// The default length of a CLS: most real contracts run five years, aligned on the PRS.
    static let defaultYears = 5

    mutating func contract() -> [String: Any] {
        var context: [String: Any] = [:]
        context["prs"] = answerText(QuestionKeys.prs)
        context["deliberation"] = answerText(QuestionKeys.deliberation)
        var years = Self.defaultYears
        if case .integer(let n)? = input.answers[QuestionKeys.durationYears]?.value {
            years = n
            context["duree_par_defaut"] = false
        } else {
            context["duree_par_defaut"] = true
        }
        context["duree_annees"] = String(years)
        if case .date(let start)? = input.answers[QuestionKeys.plannedSignature]?.value {
            context["date_signature"] = start.french
            context["date_debut"] = start.french
            let end = Self.end(of: start, years: years)
            context["date_fin"] = end.french
            context["periode"] = "\(start.year)-\(end.year)"
        } else {
            let marker = gap("date prévue de signature", command: "/aller contrat.signature_prevue")
            for key in ["date_signature", "date_debut", "date_fin", "periode"] { context[key] = marker }
        }
        context["coordinateur"] = answerText(QuestionKeys.coordinator, what: "coordinateur·rice du contrat")
        context["lieu_signature"] = answerText(QuestionKeys.signaturePlace, what: "lieu de signature")
        context["frequence_copil"] = answerText(QuestionKeys.steeringFrequency, what: "fréquence du comité de pilotage")
        return context
    }

    /// The day before the same date `years` later: a contract signed on 01/03/2027 for 5 years
    /// ends on 28/02/2032.
    public static func end(of start: CalendarDate, years: Int) -> CalendarDate {
        var year = start.year + years, month = start.month, day = start.day - 1
        if day == 0 {
            month -= 1
            if month == 0 { month = 12; year -= 1 }
            day = CalendarDate.days(inMonth: month, year: year)
        }
        day = min(day, CalendarDate.days(inMonth: month, year: year))
        return CalendarDate(year: year, month: month, day: day)!
    }
}
