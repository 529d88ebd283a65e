import AtelierCore

// MARK: - Territoire, parties, signataires

extension ClsDraftContext {
    mutating func parties() -> PartiesView {
        let name: Field = text("territoire.nom").map(Field.given) ?? .missing(gap("nom du territoire", command: "/aller territoire.nom"))
        var siren: String?
        if case .epci(let epci)? = input.answers["territoire.siren_epci"]?.value { siren = epci.siren }
        let department = input.synthesis.territory.department
        let region = department.flatMap { input.territory.departments[$0.code]?.region }
        let ars: Field =
            region.map { .given("Agence régionale de santé \($0)") }
            ?? .missing(gap("région de l'ARS (renseignez les communes)", command: "/aller territoire.communes"))
        var signatories: [(organisation: String, representative: String, commitment: String)] = [
            (
                ars.text, "le directeur général ou la directrice générale",
                """
                accompagne la mise en œuvre du contrat, mobilise le fonds d'intervention régional (FIR) pour les \
                actions qui en relèvent, notamment la coordination du contrat, et copréside le comité de pilotage.
                """
            ),
            (
                PartiesView.holder(name, siren: siren), "le président ou la présidente, ou le maire",
                """
                porte et coordonne le contrat, emploie ou désigne sa coordination, copréside le comité de pilotage \
                et pilote les fiches actions qui lui reviennent.
                """
            ),
        ]
        if case .records(let items)? = input.answers["contrat.signataires"]?.value {
            for item in items {
                let organisation = item["organisation"]?.display ?? ""
                var engagement = "participe aux instances du contrat et contribue aux actions dont il est partenaire"
                let led = sheetsLed(by: organisation)
                if !led.isEmpty { engagement += " ; il pilote : " + led.joined(separator: ", ") }
                signatories.append((organisation, item["representant"]?.display ?? "", engagement + "."))
            }
        } else {
            gap("autres signataires (préfecture, Département, CPAM, MSA…)", command: "/aller contrat.signataires")
        }
        // Read after the signatories: their gaps come first in the checklist.
        let holderKind = answerText("territoire.porteur")
        let regionField = region.map(Field.given) ?? .missing(gap("région", command: "/aller territoire.communes"))
        return PartiesView(
            territory: name, siren: siren, holderKind: holderKind, ars: ars, region: regionField,
            signatories: signatories.enumerated().map { index, s in
                SignatoryView(
                    number: index + 1, organisation: s.organisation, representative: s.representative,
                    commitment: s.commitment)
            })
    }

    /// Fiches whose pilot names this organisation (ignoring accents and case).
    func sheetsLed(by organisation: String) -> [String] {
        guard !organisation.isEmpty else { return [] }
        return plannedSheets().enumerated().compactMap { index, sheet in
            sheet.lead.folded.contains(organisation.folded) ? "fiche \(index + 1)" : nil
        }
    }
}
