import AtelierCore

// MARK: - Visas, durée, gouvernance

extension ClsDraftContext {
    /// The default length of a CLS: most real contracts run five years, aligned on the PRS.
    static let defaultYears = 5

    mutating func contract() -> ContractView {
        let prs = answerText("contrat.prs")
        let deliberation = answerText("contrat.deliberation")
        var years = Self.defaultYears
        var byDefault = true
        if case .integer(let n)? = input.answers["contrat.duree_annees"]?.value {
            years = n
            byDefault = false
        }
        let dates: ContractView.Dates
        if case .date(let start)? = input.answers["contrat.signature_prevue"]?.value {
            dates = .known(start: start, end: Self.end(of: start, years: years))
        } else {
            dates = .missing(gap("date prévue de signature", command: "/aller contrat.signature_prevue"))
        }
        var territorialCouncil: Field?
        switch input.answers["contrat.cts_consulte"]?.value {
        case .bool(true)?: territorialCouncil = answerText("contrat.cts_avis", what: "avis du conseil territorial de santé")
        case .bool(false)?: territorialCouncil = nil
        default:
            territorialCouncil = .missing(
                gap("consultation du conseil territorial de santé (oui ou non)", command: "/aller contrat.cts_consulte"))
        }
        return ContractView(
            prs: prs, deliberation: deliberation, territorialCouncil: territorialCouncil, years: years, yearsByDefault: byDefault,
            dates: dates,
            regionalPlan: regionalPlanFit(dates),
            coordinator: answerText("contrat.coordinateur", what: "coordinateur·rice du contrat"),
            signingPlace: answerText("contrat.lieu_signature", what: "lieu de signature"),
            steeringFrequency: answerText("contrat.copil_frequence", what: "fréquence du comité de pilotage"))
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
