// MARK: - Contrat: within the projet régional de santé

extension ConsistencyChecks {
    /// The last year of a contract: signed on S for D years, it ends the day before the
    /// anniversary (the CLS draft's « du 01/03/2027 au 29/02/2032 »), in year S + D − 1 when
    /// signed on 1 January, S + D otherwise.
    static func lastYear(signedOn signature: CalendarDate, years: Int) -> Int {
        signature.year + years - (signature.month == 1 && signature.day == 1 ? 1 : 0)
    }

    /// Past the PRS's last year a contract outlives the plan it implements (the
    /// questionnaire's aide: « sans dépasser la fin du projet régional de santé »). Reported,
    /// never refused: real contracts do run past their PRS (Mont-Saint-Michel 2022-2027 under
    /// the PRS Normandie 2018-2023), with an avenant when the next PRS is adopted.
    func contractInconsistencies(_ answers: [String: AnswerValue]) -> [Inconsistency] {
        guard case .date(let signature)? = answers[QuestionKeys.plannedSignature],
            case .integer(let years)? = answers[QuestionKeys.durationYears],
            case .year(let end)? = answers[QuestionKeys.prsEnd]
        else { return [] }
        let startsTheYear = signature.month == 1 && signature.day == 1
        let last = Self.lastYear(signedOn: signature, years: years)
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

// MARK: - Contrat: the PRS's last year as its title writes it

extension ConsistencyChecks {
    /// `contrat.prs_fin` against the spans `contrat.prs` writes (« PRS Normandie 2023-2028 »,
    /// « 2023 à 2028 »): the year must be the last of one of them. Refused when the year is
    /// typed; reported when the title changes.
    static func prsSpanInconsistencies(_ answers: [String: AnswerValue]) -> [Inconsistency] {
        guard case .year(let end)? = answers[QuestionKeys.prsEnd], let title = text(answers[QuestionKeys.prs]) else { return [] }
        // « PRS 2018-2022, prorogé jusqu'au 31 décembre 2023 »: the title's span is no longer its end.
        if title.folded.contains("prorog") { return [] }
        let spans = yearSpans(in: title)
        guard !spans.isEmpty, !spans.contains(where: { $0.last == end }) else { return [] }
        let written = frenchList(spans.map { "« \($0.text) »" }, or: true)
        let ends = Array(Set(spans.map(\.last))).sorted()
        return [
            Inconsistency(
                rule: .prsSpan, target: QuestionKeys.prsEnd, shown: String(end),
                reason:
                    "le PRS cité dans \(QuestionKeys.prs) couvre \(written) : il finit en \(frenchList(ends.map(String.init), or: true)), pas en \(end)",
                expected:
                    "\(frenchList(ends.map(String.init), or: true)), la dernière année du PRS cité ; ou corrigez d'abord \(QuestionKeys.prs)",
                fixes: ["/modifier \(QuestionKeys.prsEnd) \(ends.last!)", "/modifier \(QuestionKeys.prs) INTITULÉ ET DATE DE L'ARRÊTÉ"],
                refusedWhenTyped: [QuestionKeys.prsEnd], identity: "prs-fin|\(spans.map(\.text).joined(separator: ","))|\(end)")
        ]
    }

    /// The spans of years in `text`: two years of four digits joined by a dash or « à », the
    /// second after the first and at most 15 years later (not « loi n° 2023-1268 »).
    static func yearSpans(in text: String) -> [(text: String, last: Int)] {
        // Scanned by hand: a Swift Regex here cost more than every other check at each commit.
        let scalars = Array(text.unicodeScalars)
        func isDigit(_ index: Int) -> Bool { scalars.indices.contains(index) && ("0"..."9").contains(scalars[index]) }
        func year(at index: Int) -> Int? {
            guard (index..<index + 4).allSatisfy(isDigit), !isDigit(index + 4) else { return nil }
            let value = scalars[index..<index + 4].reduce(0) { $0 * 10 + Int($1.value - 48) }
            return (1900...2099).contains(value) ? value : nil
        }
        func spaces(from index: Int) -> Int {
            var cursor = index
            while scalars.indices.contains(cursor), scalars[cursor] == " " || scalars[cursor] == "\u{00A0}" { cursor += 1 }
            return cursor
        }
        var spans: [(text: String, last: Int)] = []
        var index = 0
        while index < scalars.count {
            guard !isDigit(index - 1), let first = year(at: index) else {
                index += 1
                continue
            }
            let separator = spaces(from: index + 4)
            let second = spaces(from: separator + 1)
            if scalars.indices.contains(separator), ["-", "–", "—", "à"].contains(scalars[separator]), let last = year(at: second),
                last > first, last - first <= 15
            {
                var matched = String.UnicodeScalarView()
                matched.append(contentsOf: scalars[index..<second + 4])
                spans.append((String(matched), last))
                index = second + 4
            } else {
                index += 4
            }
        }
        return spans
    }
}
