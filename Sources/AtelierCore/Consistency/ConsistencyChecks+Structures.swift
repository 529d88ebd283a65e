// MARK: - Structures: the CPTS listed and the coverage answered; the aids already paid

extension ConsistencyChecks {
    /// A CPTS « en fonctionnement » in a commune of the territory, listed in `structures.liste`,
    /// while `structures.cpts_couverture` says « non » or « CPTS en projet »: the territory is
    /// covered at least in part. (A CPTS of a neighbouring commune, which the list welcomes,
    /// says nothing of the territory's coverage.) Refused whichever is typed: changing the
    /// other first settles it.
    static func cptsInconsistencies(_ answers: [String: AnswerValue]) -> [Inconsistency] {
        guard let coverage = text(answers[QuestionKeys.cptsCoverage]), ["non", "CPTS en projet"].contains(coverage) else { return [] }
        let territory: Set<String>? =
            if case .communes(let list)? = answers[QuestionKeys.territoryCommunes] { Set(list.map(\.code)) } else { nil }
        let running = records(answers, QuestionKeys.structures).enumerated().filter { _, record in
            guard text(record["type"]) == "CPTS", text(record["statut"]) == "en fonctionnement" else { return false }
            guard let territory, case .commune(let commune)? = record["commune"] else { return true }
            return territory.contains(commune.code)
        }
        guard let first = running.first else { return [] }
        let described = running.map { index, record in
            let name = text(record["nom"]).map { " « \($0) »" } ?? ""
            let place = record["commune"].map { ", \($0.display)" } ?? ""
            return "CPTS\(name) (élément \(index + 1)\(place))"
        }
        let listed = running.count == 1 ? "une CPTS en fonctionnement" : "\(running.count) CPTS en fonctionnement"
        return [
            Inconsistency(
                rule: .cptsWithoutCoverage, target: QuestionKeys.cptsCoverage, shown: coverage,
                reason:
                    "la réponse « \(coverage) » à \(QuestionKeys.cptsCoverage) contredit \(QuestionKeys.structures), qui compte \(listed) sur le territoire (\(frenchList(described))) : il est couvert, au moins en partie",
                expected:
                    "« en partie » ou « entièrement » pour \(QuestionKeys.cptsCoverage), ou une CPTS d'un autre statut (« en projet ») ou d'une commune voisine dans \(QuestionKeys.structures)",
                fixes: [
                    "/modifier \(QuestionKeys.cptsCoverage) en partie", "/modifier \(QuestionKeys.cptsCoverage) entièrement",
                    "/modifier \(QuestionKeys.structures).\(first.offset + 1).statut STATUT",
                ],
                refusedWhenTyped: [QuestionKeys.cptsCoverage, QuestionKeys.structures], identity: "cpts|\(coverage)")
        ]
    }

    static let collectivities = ["commune", "EPCI", "département", "région"]
    static let localAidNature = "aide L1511-8 d'une collectivité (installation ou maintien)"
    static let healthInsuranceAidNature = "aide à l'installation de l'Assurance Maladie"
    static let healthInsurance = "Assurance Maladie"

    /// The aids of `structures.aides_versees`: a payer that cannot pay an aid of that nature,
    /// and a year after the current one for an aid said already paid (« en cours ou versée »).
    func aidInconsistencies(_ answers: [String: AnswerValue]) -> [Inconsistency] {
        let key = SynthesisBuilder.installationAidsKey
        return Self.records(answers, key).enumerated().flatMap { index, record -> [Inconsistency] in
            let target = "\(key).\(index + 1)"
            var found: [Inconsistency] = []
            if let payer = Self.text(record["financeur"]), let nature = Self.text(record["nature"]),
                let (reason, payers, natureFix) = Self.payerContradiction(payer: payer, nature: nature)
            {
                found.append(
                    Inconsistency(
                        rule: .aidPayer, target: "\(target).financeur", shown: payer, reason: reason,
                        expected: "un financeur qui verse une aide de cette nature (\(payers)), ou une autre nature",
                        fixes: ["/modifier \(target).financeur FINANCEUR (\(payers))", "/modifier \(target).nature \(natureFix)"],
                        refusedWhenTyped: [key], identity: "aide-financeur|\(record.display)"))
            }
            if let now = currentYear, case .year(let year)? = record["annee"], year > now {
                found.append(
                    Inconsistency(
                        rule: .aidInTheFuture, target: "\(target).annee", shown: String(year),
                        reason:
                            "l'aide est dite déjà versée ou en cours (\(key)), mais son année, \(year), est après l'année en cours (\(now))",
                        expected:
                            "l'année de la convention ou du premier versement, au plus \(now) ; une aide seulement prévue ne se saisit pas ici",
                        fixes: ["/modifier \(target).annee AAAA (au plus \(now))", "/retirer \(index + 1) (dans /aller \(key))"],
                        refusedWhenTyped: [key], identity: "aide-annee|\(record.display)|\(now)"))
            }
            return found
        }
    }

    /// Why `payer` cannot pay an aid of `nature`, the payers that can, and the nature to type
    /// instead; nil when they agree. Only what the texts settle: an L1511-8 aid is a
    /// collectivité's (CGCT L1511-8: communes, their groupements, départements, régions); the
    /// Assurance Maladie's installation aid is paid by the Assurance Maladie (the ARS, which
    /// co-signs the contracts, is not said wrong); the CESP is a national contract (loi HPST,
    /// art. 46), never a collectivité's, whose own study grants are « bourse ou indemnité d'études ».
    static func payerContradiction(payer: String, nature: String) -> (reason: String, payers: String, natureFix: String)? {
        // Choices as the questionnaire spells them (the parser stores them so): compared as they are.
        let byCollectivity = collectivities.contains(payer)
        switch nature {
        case localAidNature where !byCollectivity:
            return (
                "une aide L1511-8 est celle d'une collectivité (commune, EPCI, département ou région : CGCT L1511-8), elle n'est pas versée \(AidPayer.by(payer))",
                frenchList(collectivities, or: true),
                payer == healthInsurance ? healthInsuranceAidNature : "NATURE"
            )
        case healthInsuranceAidNature where byCollectivity || payer == "État":
            return (
                "l'aide à l'installation de l'Assurance Maladie est versée par l'Assurance Maladie (convention médicale), pas \(AidPayer.by(payer))",
                healthInsurance, byCollectivity ? localAidNature : "NATURE"
            )
        case "CESP" where byCollectivity:
            return (
                "le CESP (contrat d'engagement de service public) est un contrat national (loi HPST, art. 46), il n'est pas versé \(AidPayer.by(payer)) : l'aide aux études d'une collectivité est une « bourse ou indemnité d'études »",
                "État ou ARS", "bourse ou indemnité d'études"
            )
        default:
            return nil
        }
    }
}
