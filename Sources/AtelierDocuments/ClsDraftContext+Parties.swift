import AtelierCore

// MARK: - Territoire, parties, signataires

extension ClsDraftContext {
    mutating func parties() -> [String: Any] {
        let name = text(QuestionKeys.territoryName) ?? gap("nom du territoire", command: "/aller territoire.nom")
        var porteur = name
        if case .epci(let epci)? = input.answers[QuestionKeys.territoryEPCI]?.value { porteur += " (SIREN \(epci.siren))" }
        let department = input.synthesis.territory.department
        let region = department.flatMap { input.territory.departments[$0.code]?.region }
        let ars = region.map { "Agence régionale de santé \($0)" } ?? gap("région de l'ARS (renseignez les communes)", command: "/aller territoire.communes")

        var signatories: [[String: Any]] = [
            ["organisation": ars, "representant": "le directeur général ou la directrice générale", "engagement": """
                accompagne la mise en œuvre du contrat, mobilise le fonds d'intervention régional (FIR) pour les \
                actions qui en relèvent, notamment la coordination du contrat, et copréside le comité de pilotage.
                """],
            ["organisation": porteur, "representant": "le président ou la présidente, ou le maire", "engagement": """
                porte et coordonne le contrat, emploie ou désigne sa coordination, copréside le comité de pilotage \
                et pilote les fiches actions qui lui reviennent.
                """],
        ]
        if case .records(let items)? = input.answers[QuestionKeys.signatories]?.value {
            for item in items {
                let organisation = item["organisation"]?.display ?? ""
                var engagement = "participe aux instances du contrat et contribue aux actions dont il est partenaire"
                let led = sheetsLed(by: organisation)
                if !led.isEmpty { engagement += " ; il pilote : " + led.joined(separator: ", ") }
                signatories.append(["organisation": organisation, "representant": item["representant"]?.display ?? "", "engagement": engagement + "."])
            }
        } else {
            _ = gap("autres signataires (préfecture, Département, CPAM, MSA…)", command: "/aller contrat.signataires")
        }
        for (index, _) in signatories.enumerated() { signatories[index]["numero"] = String(index + 1) }

        return [
            "titre": "Contrat local de santé — \(name)",
            "territoire": name,
            "porteur": porteur,
            "nature_porteur": answerText(QuestionKeys.territoryHolder),
            "ars": ars,
            "region": region ?? gap("région", command: "/aller territoire.communes"),
            "signataires": signatories,
        ]
    }

    /// Fiches whose pilot names this organisation (ignoring accents and case).
    func sheetsLed(by organisation: String) -> [String] {
        guard !organisation.isEmpty else { return [] }
        return plannedSheets().enumerated().compactMap { index, sheet in
            sheet.lead.folded.contains(organisation.folded) ? "fiche \(index + 1)" : nil
        }
    }
}
