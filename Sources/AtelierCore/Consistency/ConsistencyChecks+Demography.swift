// MARK: - Démographie: modes d'exercice against the libéraux, APL parts within the territory

extension ConsistencyChecks {
    static let liberalMode = "libéral"
    static let salariedMode = "salarié"
    static let mixedMode = "mixte"

    /// `demographie.X.mode_exercice` (libéral, salarié, mixte) against `demographie.X.liberaux`
    /// (« exclusif ou mixte ») and the effectif, for each profession: « libéral » or « mixte »
    /// with no libéral; no « salarié » while some are not libéraux; neither « libéral » nor
    /// « mixte » with libéraux. Only the modes typed are refused: the counts come first in the
    /// questionnaire, and refusing both would leave no order in which to change them together.
    static func practiceModeInconsistencies(_ answers: [String: AnswerValue]) -> [Inconsistency] {
        SynthesisBuilder.professions.compactMap { profession in
            let key = QuestionKeys.demography(profession.key, "mode_exercice")
            let liberalKey = QuestionKeys.demography(profession.key, "liberaux")
            let countKey = QuestionKeys.demography(profession.key, "effectif")
            guard case .choices(let modes)? = answers[key], !modes.isEmpty, let liberals = integer(answers[liberalKey]) else { return nil }
            // Choices as the questionnaire spells them (the parser stores them so): compared as
            // they are, not folded (folding was most of a commit's cost here).
            let has = { (mode: String) in modes.contains(mode) }
            let liberalModes = [liberalMode, mixedMode].filter(has)
            let count = integer(answers[countKey])
            // Nobody works: the modes are not asked (the question's condition), nothing to agree with.
            if count == 0 { return nil }
            // Quoted: the modes that count as libéral (all of them when « salarié » is missing).
            let quoted = frenchList(liberalModes.map { "« \($0) »" })
            let checked = liberalModes.count == 1 ? "\(quoted) est coché" : "\(quoted) sont cochés"
            let reason: String
            let tag: String
            if !liberalModes.isEmpty && liberals == 0 {
                reason =
                    "\(checked) alors que \(liberalKey) = 0 : \(profession.key == "sages_femmes" ? "aucune" : "aucun") n'exerce en libéral"
                tag = "sans-liberal"
            } else if liberalModes.isEmpty && liberals > 0 {
                reason =
                    "seul « \(salariedMode) » est coché alors que \(liberalKey) = \(FrenchFormat.integer(liberals)) : "
                    + (liberals == 1
                        ? "1 exerce en libéral (exclusif ou mixte)"
                        : "\(FrenchFormat.integer(liberals)) exercent en libéral (exclusif ou mixte)")
                tag = "liberaux-sans-mode"
            } else if !has(salariedMode), let count, liberals < count {
                let others = count - liberals
                reason =
                    "\(checked) sans « \(salariedMode) » alors que \(liberalKey) = \(FrenchFormat.integer(liberals)) pour un effectif de \(FrenchFormat.integer(count)) (\(countKey)) : "
                    + (others == 1 ? "1 n'exerce pas en libéral" : "\(FrenchFormat.integer(others)) n'exercent pas en libéral")
                tag = "salaries-sans-mode"
            } else {
                return nil
            }
            // The modes typed, with « salarié » added, when only it was missing.
            let agreeing =
                tag == "salaries-sans-mode"
                ? (modes + [salariedMode]).joined(separator: ", ") : agreeingModes(liberals: liberals, count: count)
            return Inconsistency(
                rule: .practiceModes, target: key, shown: modes.joined(separator: ", "), reason: reason,
                expected: "des modes d'exercice qui s'accordent avec \(liberalKey) (« \(agreeing) »), ou corrigez d'abord \(liberalKey)",
                fixes: ["/modifier \(key) \(agreeing)", "/modifier \(liberalKey) N"], refusedWhenTyped: [key],
                identity: "modes|\(profession.key)|\(tag)|\(modes.joined(separator: ","))")
        }
    }

    /// The modes the counts say: salariés only, libéraux only, or both.
    static func agreeingModes(liberals: Int, count: Int?) -> String {
        if liberals == 0 { return salariedMode }
        if let count, liberals >= count { return liberalMode }
        return "\(liberalMode), \(salariedMode)"
    }

    /// The communes of `demographie.apl_parties`: each in `territoire.communes` (when it is
    /// answered), each in one part only. Refused when a part is typed; reported when the
    /// territory's communes change.
    static func aplPartInconsistencies(_ answers: [String: AnswerValue]) -> [Inconsistency] {
        let key = SynthesisBuilder.aplPartsKey
        let territory: Set<String>? =
            if case .communes(let list)? = answers[QuestionKeys.territoryCommunes] { Set(list.map(\.code)) } else { nil }
        var partOf: [String: Int] = [:]
        var found: [Inconsistency] = []
        for (index, record) in records(answers, key).enumerated() {
            guard case .communes(let communes)? = record["communes"] else { continue }
            let number = index + 1
            let target = "\(key).\(number).communes"
            let shown = record["communes"]?.display ?? ""
            if let territory {
                let outside = communes.filter { !territory.contains($0.code) }
                if !outside.isEmpty {
                    let names = frenchList(outside.map(named))
                    found.append(
                        Inconsistency(
                            rule: .communeOutsideTerritory, target: target, shown: shown,
                            reason: (outside.count == 1 ? "\(names) n'est pas une commune" : "\(names) ne sont pas des communes")
                                + " du territoire (\(QuestionKeys.territoryCommunes) : \(count(territory.count, "commune", "communes")))",
                            expected: "les codes INSEE de communes de \(QuestionKeys.territoryCommunes)",
                            fixes: [
                                "/modifier \(target) CODES",
                                "/modifier \(QuestionKeys.territoryCommunes) CODES (toutes les communes du territoire)",
                            ],
                            refusedWhenTyped: [key], identity: "apl-hors|\(record.display)|\(outside.map(\.code).joined(separator: ","))"))
                }
            }
            let twice = communes.filter { partOf[$0.code] != nil && partOf[$0.code] != number }
            if !twice.isEmpty {
                let parts = Array(Set(twice.compactMap { partOf[$0.code] })).sorted()
                let names = frenchList(twice.map(named))
                let inParts = parts.count == 1 ? "la partie \(parts[0])" : "les parties \(frenchList(parts.map(String.init)))"
                found.append(
                    Inconsistency(
                        rule: .communeInTwoParts, target: target, shown: shown,
                        reason: (twice.count == 1 ? "\(names) figure" : "\(names) figurent")
                            + " déjà dans \(inParts) de \(key) : une commune n'appartient qu'à une partie du territoire",
                        expected: "des communes qu'aucune autre partie de \(key) ne compte",
                        fixes: [
                            "/modifier \(target) CODES (sans \(frenchList(twice.map(\.code))))", "/retirer \(number) (dans /aller \(key))",
                        ],
                        refusedWhenTyped: [key],
                        identity: "apl-deux|\(twice.map(\.code).joined(separator: ","))|\(parts.map(String.init).joined(separator: ","))"))
            }
            for commune in communes where partOf[commune.code] == nil { partOf[commune.code] = number }
        }
        return found
    }

    /// `Bréhal (50076)`.
    static func named(_ commune: CommuneRef) -> String { "\(commune.name) (\(commune.code))" }
}
