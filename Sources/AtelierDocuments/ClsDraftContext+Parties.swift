import AtelierCore

// MARK: - Territoire, parties, signataires

extension ClsDraftContext {
    mutating func parties() -> PartiesView {
        let name: Field = text("territoire.nom").map(Field.given) ?? .missing(gap("nom du territoire", command: "/aller territoire.nom"))
        let department = input.synthesis.territory.department
        let region = department.flatMap { input.territory.departments[$0.code]?.region }
        let ars: Field =
            region.map { .given("Agence régionale de santé \($0)") }
            ?? .missing(gap("région de l'ARS (renseignez les communes)", command: "/aller territoire.communes"))
        let holder = holderName(name)
        // Each line of the plan de financement is one signatory's money: the first that is its funder.
        var claimed: Set<Int> = []
        var signatories: [SignatoryView] = [
            signatory(
                ars.text, kind: .ars, representative: "le directeur général ou la directrice générale", deliberation: nil,
                claimed: &claimed),
            SignatoryView(
                number: 2, organisation: holder, represented: represented(holder), representative: holderRepresentative(),
                deliberation: nil,
                commitment: commitment(
                    "porte et coordonne le contrat, emploie ou désigne sa coordination et copréside le comité de pilotage",
                    funders: ["collectivite"], led: sheetsLed(by: name.text, isHolder: true), claimed: &claimed)),
        ]
        if case .records(let items)? = input.answers[QuestionKeys.signatories]?.value {
            for (index, item) in items.enumerated() {
                let organisation = item["organisation"]?.display ?? ""
                let own = item["engagement"]?.display.trimmed
                let kind = SignatoryKind(organisation: organisation)
                var deliberation = item["deliberation"]?.display
                // A collectivité signs on a délibération of its assembly: without it, a point to complete.
                if deliberation?.trimmed.isEmpty ?? true, kind.deliberates {
                    deliberation =
                        gap(
                            "délibération de \(organisation) autorisant sa signature",
                            command: "/modifier \(QuestionKeys.signatories).\(index + 1).deliberation TEXTE"
                        ).marker
                }
                signatories.append(
                    signatory(
                        organisation, kind: kind, representative: item["representant"]?.display ?? "",
                        deliberation: deliberation, own: own?.isEmpty == false ? own : nil, claimed: &claimed))
            }
        } else {
            gap("autres signataires (préfecture, Département, CPAM, MSA…)", command: "/aller \(QuestionKeys.signatories)")
        }
        for index in signatories.indices { signatories[index].number = index + 1 }
        // Read after the signatories: their gaps come first in the checklist.
        let holderKind = answerText("territoire.porteur")
        let regionField = region.map(Field.given) ?? .missing(gap("région", command: "/aller territoire.communes"))
        return PartiesView(territory: name, holder: holder, holderKind: holderKind, ars: ars, region: regionField, signatories: signatories)
    }

    func signatory(
        _ organisation: String, kind: SignatoryKind, representative: String, deliberation: String?, own: String? = nil,
        claimed: inout Set<Int>
    ) -> SignatoryView {
        SignatoryView(
            number: 0, organisation: organisation, represented: represented(organisation), representative: representative,
            deliberation: deliberation.flatMap { $0.trimmed.isEmpty ? nil : $0.trimmed },
            commitment: commitment(
                own.map(Self.asClause) ?? kind.defaultCommitment, funders: kind.funderKeys, led: sheetsLed(by: organisation),
                claimed: &claimed))
    }

    /// A commitment typed by the user, as the clause after the signatory's name: « S'engage à
    /// financer ! » → « s'engage à financer ».
    static func asClause(_ text: String) -> String {
        var clause = text.trimmed
        while let last = clause.last, ".;!".contains(last) { clause = String(clause.dropLast()).trimmed }
        guard let first = clause.first, first.isUppercase, !(clause.dropFirst().first?.isUppercase ?? false) else { return clause }
        return first.lowercased() + clause.dropFirst()
    }

    /// The commitment's sentence: what the signatory brings, the money the plan de financement
    /// asks of it (by fiche, with its status) — lines no earlier signatory claimed —, the
    /// fiches it leads.
    func commitment(_ text: String, funders: [String], led: [Int], claimed: inout Set<Int>) -> String {
        var sentence = text
        if let plan = input.financing, !funders.isEmpty {
            let lines = plan.actions.filter { !$0.isMissingSheet }.flatMap { action in
                action.receipts.filter { receipt in
                    !claimed.contains(receipt.line) && (receipt.instrument.map { funders.contains($0.funderKey) } ?? false)
                }
            }
            claimed.formUnion(lines.map(\.line))
            let total = lines.reduce(0) { $0 + ($1.resolved ?? 0) }
            if total > 0 {
                let detail = lines.map { "fiche \($0.sheet), \($0.name) : \(FrenchFormat.amount(cents: $0.resolved ?? 0)), \($0.status)" }
                sentence +=
                    " ; le plan de financement prévisionnel inscrit sa participation pour \(FrenchFormat.amount(cents: total)) ("
                    + detail.joined(separator: " ; ") + ")"
            }
        }
        if led.count == 1 { sentence += " ; pilote la fiche \(led[0])" }
        if led.count > 1 { sentence += " ; pilote les fiches " + frenchList(led.map(String.init)) }
        return sentence + "."
    }

    /// The party's legal name: the EPCI's, from the DGCL file (« Communauté de communes Coeur
    /// de Savoie »), with its SIREN; else the territory's name as given.
    func holderName(_ name: Field) -> String {
        guard case .epci(let epci)? = input.answers["territoire.siren_epci"]?.value else { return name.text }
        let legal = input.territory.epcis[epci.siren].map(Self.legalName) ?? epci.name
        return "\(legal) (SIREN \(epci.siren))"
    }

    /// « CC Faucigny - Glières » → « Communauté de communes Faucigny - Glières »: the DGCL file
    /// abbreviates the kind of EPCI its legal nature names.
    static func legalName(_ epci: TerritoryReference.Epci) -> String {
        let prefixes = ["CC": "Communauté de communes", "CA": "Communauté d'agglomération", "CU": "Communauté urbaine"]
        for (short, long) in prefixes where epci.name.hasPrefix(short + " ") {
            return long + " " + epci.name.dropFirst(short.count + 1)
        }
        return epci.name
    }

    /// Who signs for the holder: the user's answer, else the usual mandate of its kind.
    func holderRepresentative() -> String {
        if let given = text("contrat.porteur_representant"), !given.trimmed.isEmpty { return given }
        switch input.answers["territoire.porteur"]?.value.display {
        case "commune": return "le maire ou la maire"
        case "département": return "le président ou la présidente du conseil départemental"
        case "EPCI", "PETR ou pays": return "le président ou la présidente"
        default: return "son représentant légal"
        }
    }

    /// Fiches whose pilot names this organisation (ignoring accents and case).
    /// The name is read without its brackets (« Pays du Val (territoire fictif) »); the holder
    /// also leads the library's fiches piloted by « la collectivité porteuse ».
    func sheetsLed(by organisation: String, isHolder: Bool = false) -> [Int] {
        let name = organisation.split(separator: "(").first.map { String($0).trimmed.folded } ?? ""
        guard !name.isEmpty else { return [] }
        return planned.enumerated().compactMap { index, sheet in
            let lead = sheet.lead.folded
            return lead.contains(name) || (isHolder && lead.contains("collectivite porteuse")) ? index + 1 : nil
        }
    }
}
