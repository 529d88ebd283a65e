import AtelierCore

// MARK: - Diagnostic: the synthèse as tables

extension ClsDraftContext {
    mutating func diagnostic() -> [String: Any] {
        let synthesis = input.synthesis
        var context: [String: Any] = [:]
        var communes: [[String: Any]] = []
        if case .communes(let list)? = input.answers[QuestionKeys.territoryCommunes]?.value {
            communes = list.map { ["code": $0.code, "nom": $0.name, "population": FrenchFormat.integer($0.population)] }
        }
        context["communes"] = communes
        context["perimetre_manquant"] = communes.isEmpty ? gap("communes du périmètre", command: "/aller territoire.communes") : ""
        context["population"] = synthesis.indicator("territoire.population")?.formatted ?? "—"
        context["nombre_communes"] = String(communes.count)
        context["annee_population"] = synthesis.territory.populationYears.map(String.init).joined(separator: " et ")
        context["departement_reference"] = synthesis.territory.department.map { "\($0.name) (\($0.code))" } ?? "—"

        func value(_ id: String) -> String { synthesis.indicator(id)?.formatted ?? "—" }
        var professions: [[String: Any]] = []
        for profession in synthesis.professions where synthesis.indicator("\(profession.key).effectif")?.isAvailable == true {
            let p = profession.key
            professions.append(["profession": profession.label, "effectif": value("\(p).effectif"), "densite": value("\(p).densite_comparee"),
                                "departement": value("\(p).densite_departement"), "france": value("\(p).densite_france"),
                                "rapport": value("\(p).rapport_departement"), "age_60_plus": value("\(p).part_60_plus"),
                                "effectif_5_ans": value("\(p).effectif_5_ans"), "evolution_5_ans": value("\(p).evolution_5_ans")])
        }
        context["professions"] = professions
        context["demographie_manquante"] = professions.isEmpty
            ? gap("effectifs des professionnels de santé", command: "/aller demographie") : ""
        context["reserves_demographie"] = synthesis.professions.compactMap { p in
            synthesis.indicator("\(p.key).densite_comparee")?.caveat.map { "\(p.label) : \($0)." }
        }

        context["acces"] = indicatorRows(SynthesisBuilder.accessIDs, section: "demographie")
        context["structures_par_type"] = synthesis.structures.map {
            ["type": $0.type, "en_fonctionnement": String($0.operating), "en_projet": String($0.planned), "en_difficulte": String($0.struggling)]
        }
        context["structures_recensees"] = !synthesis.structures.isEmpty
        context["structures"] = indicatorRows(SynthesisBuilder.structureIDs, section: "structures")
        context["mobilites"] = indicatorRows(["mobilites.temps_medecin", "mobilites.temps_pharmacie", "mobilites.temps_urgences",
                                              "mobilites.part_plus_30_min", "mobilites.population_plus_30_min",
                                              "mobilites.points_teleconsultation"], section: "mobilites")
        context["poles_exterieurs"] = synthesis.poles
        context["transports"] = synthesis.transport.isEmpty ? "aucune offre déclarée" : synthesis.transport.joined(separator: ", ")
        context["constats"] = synthesis.findings.enumerated().map { ["numero": String($0.offset + 1), "texte": $0.element.message] }
        context["constats_manquants"] = synthesis.findings.isEmpty
            ? gap("constats : aucun constat ne ressort des réponses ; complétez le diagnostic", command: "/synthèse manquants") : ""
        context["leviers"] = synthesis.levers.map { ["titre": $0.title, "explication": $0.explanation, "sources": $0.sources.joined(separator: " ; ")] }
        context["obstacles"] = input.answers[QuestionKeys.obstacles]?.value.display ?? gap("obstacles à l'accès aux soins", command: "/aller mobilites.obstacles")
        return context
    }

    /// `{indicateur, valeur, base}` rows of the indicators that exist; when none does, one
    /// gap naming them and the first question to answer.
    mutating func indicatorRows(_ ids: [String], section: String) -> [[String: Any]] {
        let indicators = ids.compactMap { input.synthesis.indicator($0) }
        let rows: [[String: Any]] = indicators.filter(\.isAvailable).map { indicator in
            var row: [String: Any] = ["indicateur": indicator.label, "valeur": indicator.formatted]
            if !indicator.basis.isEmpty { row["base"] = indicator.basis.joined(separator: " ; ") }  // an empty string would still open {{#base}}
            return row
        }
        guard rows.isEmpty else { return rows }
        let labels = indicators.prefix(3).map { Self.midSentence($0.label) }.joined(separator: ", ")
        let key = indicators.first { !$0.missingKeys.isEmpty }?.missingKeys.first ?? section
        return [["indicateur": gap(labels + (indicators.count > 3 ? "…" : ""), command: "/aller \(key)"), "valeur": "—"]]
    }
}
