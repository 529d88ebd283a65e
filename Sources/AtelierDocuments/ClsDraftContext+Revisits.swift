import AtelierCore

// MARK: - What /vérifier lists, as points to complete

extension ClsDraftContext {
    /// The point to complete of an inconsistency: what /vérifier says, with the commands that fix it.
    static func gap(_ item: Inconsistency) -> Gap {
        Gap(item.summary, command: item.fixLine)
    }

    /// The point to complete of a stored value the questionnaire refuses (it is not used).
    static func gap(_ problem: StoredValueProblem) -> Gap {
        let target = problem.correctionKey
        let what =
            switch problem.kind {
            case .outOfBounds: "\(target) (\(problem.shown)) hors des bornes attendues (\(problem.expected)), non utilisée"
            case .invalid: "\(target) (\(problem.shown)) non valide (attendu : \(problem.expected)), non utilisée"
            case .unreadable: "\(target) illisible dans le classeur, non utilisée"
            }
        return Gap(what, command: "/modifier \(target)")
    }

    /// The inconsistency that makes `target` wrong, of `rule`, if the core found one.
    func inconsistency(_ rule: Inconsistency.Rule, at target: String) -> Inconsistency? {
        input.revisits.inconsistencies.first { $0.rule == rule && $0.target == target }
    }

    /// After the sections: every stored value problem and inconsistency, in the order
    /// /vérifier lists them (those a section already printed are listed once).
    mutating func noteRevisits() {
        for problem in input.revisits.storedProblems { collected.note(Self.gap(problem)) }
        for item in input.revisits.inconsistencies { collected.note(Self.gap(item)) }
    }
}

// MARK: - The contract and the end of the PRS

/// How the contract's dates stand against the last year of the PRS (`contrat.prs_fin`).
enum RegionalPlanFit {
    /// The contract ends in or before the PRS's last year.
    case within(lastYear: Int)
    /// The contract runs past it: an avenant will align it with the next PRS.
    case past(lastYear: Int)
    /// The PRS's end is known, the contract's dates are not.
    case undated(lastYear: Int)
    /// The PRS's end is not answered: neither claim, its gap.
    case unknown(Gap)
}

extension ClsDraftContext {
    /// Compares the contract's end (`ClsDraftContext.end(of:years:)`) with `contrat.prs_fin`:
    /// the same comparison as `ConsistencyChecks.contractInconsistencies`, whose item the
    /// checklist lists when the contract runs past.
    mutating func regionalPlanFit(_ dates: ContractView.Dates) -> RegionalPlanFit {
        guard case .year(let last)? = input.answers[QuestionKeys.prsEnd]?.value else {
            return .unknown(gap(label(QuestionKeys.prsEnd), command: "/aller \(QuestionKeys.prsEnd)"))
        }
        guard case .known(_, let end) = dates else { return .undated(lastYear: last) }
        return end.year > last ? .past(lastYear: last) : .within(lastYear: last)
    }
}
