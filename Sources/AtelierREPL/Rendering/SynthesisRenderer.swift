import AtelierCore

/// The synthèse as a French screen: aligned tables, bar charts, findings, levers, gaps.
struct SynthesisRenderer {
    let synthesis: Synthesis
    let style: Style
    /// The columns of the terminal (`Console.width`): tables fit it, paragraphs wrap within it.
    let width: Int
    /// Stored answers the synthèse was computed without (`StoredValueCheck`): said at the top,
    /// since every figure resting on them is missing.
    var setAside: [StoredValueProblem] = []

    func render(part: String?) -> [String] {
        var lines: [String] = []
        let parts: [(String, () -> [String])] = [
            ("territoire", territory), ("demographie", demography), ("acces", access), ("structures", structures),
            ("mobilites", { mobility(all: part == "mobilites") }), ("sante", health), ("constats", findings),
            ("concertation", concertation), ("manquants", missing),
        ]
        for (key, render) in parts where part == nil || part == key || (key == "territoire" && part != "manquants") {
            // The whole synthèse shows the concertation once there is one to show.
            if part == nil && key == "concertation" && !hasConcertation { continue }
            lines += render()
        }
        // Lines built whole (a label and its figure, a note) fold at spaces rather than at the terminal's edge.
        return LineFitting.fit(lines, width: width)
    }

    /// Paragraphs wrap at the terminal's width, but no wider than lines one reads at a glance.
    var prose: Int { min(width, Table.longestProse) }

    /// A table indented by two spaces, fitting the terminal, its header bold and the columns
    /// it leaves out (`dropping`, the first to go first) said under it.
    func table(_ header: [String], _ rows: [[String]], dropping: [Int] = []) -> [String] {
        let table = Table.render(header: header, rows: rows, width: width, indent: "  ", dropping: dropping)
        var lines = table.styled(header: style.bold)
        if let note = table.omissionNote { lines += Table.paragraph(note, indent: "  ", width: width).map(style.dim) }
        return lines
    }

    func value(_ id: String) -> String { synthesis.indicator(id)?.formatted ?? "—" }

    func heading(_ title: String) -> [String] { ["", style.bold("── \(title) ──")] }

    /// `label : valeur` lines for indicators, with their basis dimmed and caveats flagged.
    func indicatorLines(_ ids: [String]) -> [String] {
        guard ids.contains(where: { synthesis.indicator($0)?.isAvailable == true }) else {
            return [style.dim("  Rien à calculer tant que les questions de cette partie sont sans réponse (/synthèse manquants).")]
        }
        var lines: [String] = []
        for id in ids {
            guard let indicator = synthesis.indicator(id) else { continue }
            guard indicator.isAvailable else { continue }
            lines.append("  \(indicator.label) : \(style.bold(indicator.formatted))")
            if !indicator.basis.isEmpty {
                lines += Table.wrap(indicator.basis.joined(separator: " ; "), width: prose - 6, indent: "      ").map(style.dim)
            }
            if let caveat = indicator.caveat { lines.append("      " + style.yellow("⚠ " + caveat)) }
        }
        return lines
    }

    // MARK: - Parts

    func territory() -> [String] {
        let t = synthesis.territory
        var lines = ["", style.bold("Synthèse du diagnostic" + (t.name.map { " — \($0)" } ?? ""))] + setAsideLines()
        guard let population = t.population else {
            lines.append(
                style.yellow("Le périmètre n'est pas renseigné : aucune densité ne peut être calculée (/aller territoire.communes)."))
            return lines
        }
        let years = t.populationYears.map(String.init).joined(separator: " et ")
        lines.append(
            "\(counted(t.communeCount, "commune")) · \(FrenchFormat.integer(population)) habitants (INSEE, populations légales \(years))")
        if let department = t.department {
            let share = FrenchFormat.percentage(department.populationShare * 100)
            var text = "Département de référence : \(department.name) (\(department.code)), \(share) de la population"
            if !t.otherDepartments.isEmpty { text += " ; aussi : " + t.otherDepartments.joined(separator: ", ") }
            lines.append(text + ".")
        }
        return lines
    }

    func demography() -> [String] {
        var lines = heading("Démographie des professionnels de santé")
        let department = synthesis.territory.department?.name ?? "Dép."
        /// A density compared on every mode (libéraux unknown) is starred: the base differs.
        func compared(_ id: String) -> String {
            value(id) + (synthesis.indicator(id)?.caveat == nil || synthesis.indicator(id)?.isAvailable != true ? "" : "*")
        }
        var densities: [[String]] = [], outlook: [[String]] = []
        for profession in synthesis.professions {
            let p = profession.key
            densities.append([
                profession.label, value("\(p).effectif"), compared("\(p).densite_comparee"), value("\(p).densite_departement"),
                value("\(p).densite_france"), value("\(p).rapport_departement"), value("\(p).rapport_france"),
            ])
            outlook.append([
                profession.label, value("\(p).part_60_plus"), value("\(p).effectif_5_ans"), value("\(p).evolution_5_ans"),
                compared("\(p).densite_5_ans"), value("\(p).habitants_par_professionnel"),
            ])
        }
        outlook.append([
            "Pharmacies d'officine", "—", value("pharmacies.effectif_5_ans"), value("pharmacies.evolution_5_ans"),
            value("pharmacies.densite_5_ans"), value("pharmacies.habitants_par_pharmacie"),
        ])
        lines.append(
            style.dim(
                "  Base : professionnels libéraux pour 10 000 habitants, comme les références (Assurance Maladie 2024, rapportée aux populations légales 2023) ; effectif : tous modes d'exercice."
            ))
        // The ratios follow from the densities: they go first on a narrow terminal.
        lines += table(
            ["Profession", "Effectif", "Densité libéraux", department, "France", "Rapport dép.", "Rapport France"], densities,
            dropping: [6, 5, 1])
        lines.append("")
        lines.append(
            style.dim(
                "  À 5 ans : effectif − départs + installations ; densité libéraux à 5 ans = densité libéraux × effectif à 5 ans / effectif (population constante)."
            ))
        lines += table(
            ["Profession", "60 ans +", "Effectif à 5 ans", "Évolution", "Densité libéraux à 5 ans", "Hab./pro"], outlook,
            dropping: [5, 4, 1])
        for profession in synthesis.professions {
            if let caveat = synthesis.indicator("\(profession.key).densite_comparee")?.caveat {
                lines.append("  " + style.yellow("⚠ * \(profession.label) : \(caveat)."))
            }
        }

        // Bars: the territory against its references, today and in five years, on one base.
        for profession in synthesis.professions {
            let p = profession.key
            guard let territory = synthesis.indicator("\(p).densite_comparee"), territory.isAvailable else { continue }
            let liberal = SynthesisBuilder.liberal(p)
            let base = territory.caveat == nil ? liberal : "tous modes, à défaut de \(liberal)"
            lines.append("")
            lines.append(
                "  " + style.bold(profession.label)
                    + style.dim(" (\(base) pour 10 000 habitants ; densité tous modes d'exercice : \(value("\(p).densite")))"))
            let rows: [(label: String, value: Double?, shown: String)] = [
                ("territoire", territory.value, territory.formatted),
                ("territoire dans 5 ans", synthesis.indicator("\(p).densite_5_ans")?.value, value("\(p).densite_5_ans")),
                (department, synthesis.indicator("\(p).densite_departement")?.value, value("\(p).densite_departement")),
                ("France", synthesis.indicator("\(p).densite_france")?.value, value("\(p).densite_france")),
            ]
            lines += BarChart.lines(rows, available: width - 4, highlight: style.cyan).map { "    " + $0 }
        }
        return lines
    }

    func access() -> [String] {
        var lines = heading("Accès aux soins de premier recours") + indicatorLines(SynthesisBuilder.accessIDs)
        guard !synthesis.aplParts.isEmpty else { return lines }
        let france = synthesis.indicator("acces.apl_france")?.formatted ?? "—"
        lines.append("")
        lines.append("  APL aux médecins généralistes par partie du territoire (moyenne nationale : \(france))")
        let rows: [(label: String, value: Double?, shown: String)] =
            synthesis.aplParts.enumerated().map { index, part in
                let ratio =
                    part.ratioToFrance.map { " (" + FrenchFormat.fixed($0, fractionDigits: 2) + " fois la moyenne nationale)" } ?? ""
                return ("partie \(index + 1)", part.value, FrenchFormat.decimal(part.value) + ratio)
            } + [("France", synthesis.indicator("acces.apl_france")?.value, france)]
        lines += BarChart.lines(rows, available: width - 4, highlight: style.cyan).map { "    " + $0 }
        for (index, part) in synthesis.aplParts.enumerated() {
            lines += Table.wrap("partie \(index + 1) : \(part.communesText)", width: prose - 4, indent: "    ").map(style.dim)
        }
        return lines
    }

    func structures() -> [String] {
        var lines = heading("Structures existantes")
        if !synthesis.structures.isEmpty {
            let rows = synthesis.structures.map { [$0.type, String($0.operating), String($0.planned), String($0.struggling)] }
            lines += table(["Type", "En fonctionnement", "En projet", "En difficulté"], rows)
        }
        return lines + indicatorLines(SynthesisBuilder.structureIDs.filter { $0 != "structures.nombre" })
    }

    func mobility(all: Bool) -> [String] {
        var lines = heading("Mobilités et parcours des patients")
        let times: [(label: String, value: Double?, shown: String)] = [
            ("médecin généraliste", synthesis.indicator("mobilites.temps_medecin")?.value, value("mobilites.temps_medecin")),
            ("pharmacie", synthesis.indicator("mobilites.temps_pharmacie")?.value, value("mobilites.temps_pharmacie")),
            ("urgences", synthesis.indicator("mobilites.temps_urgences")?.value, value("mobilites.temps_urgences")),
            (
                "référence urgences", synthesis.nationalReferences["temps_acces_soins_urgents_minutes"]?.value,
                synthesis.nationalReferences["temps_acces_soins_urgents_minutes"]?.formattedValue ?? "—"
            ),
        ]
        if times.dropLast().contains(where: { $0.value != nil }) {
            lines.append("  Temps d'accès moyens")
            lines += BarChart.lines(times, available: width - 4, highlight: style.cyan).map { "    " + $0 }
        }
        let answered =
            MobilityAnalysis.thresholds.flatMap { ["mobilites.part_mg_plus_\($0)_min", "mobilites.population_mg_plus_\($0)_min"] }
            + ["mobilites.part_plus_30_min", "mobilites.population_plus_30_min", "mobilites.points_teleconsultation"]
        // Distances computed but not yet confirmed: the table below says it all, no « rien à calculer ».
        if synthesis.mobility == nil || answered.contains(where: { synthesis.indicator($0)?.isAvailable == true }) {
            lines += indicatorLines(answered)
        }
        if !synthesis.poles.isEmpty { lines.append("  Pôles de soins hors du territoire : " + synthesis.poles.joined(separator: " · ")) }
        if let transport = synthesis.indicator("mobilites.modes_transport"), transport.isAvailable {
            lines.append(
                "  Transport vers les soins : "
                    + (synthesis.transport.isEmpty ? "aucune offre" : synthesis.transport.joined(separator: ", ")))
        }
        if let analysis = synthesis.mobility { lines += mobilityTables(analysis, all: all) }
        return lines
    }

    /// The état de santé block: each figure with the national one it is compared with (in its basis).
    func health() -> [String] {
        heading("État de santé de la population") + indicatorLines(SynthesisBuilder.healthIDs)
    }

    func findings() -> [String] {
        let cross = synthesis.crossAnalysis
        var lines = heading("Constats (\(synthesis.findings.count))")
        if synthesis.findings.isEmpty {
            lines.append(
                style.dim("  Aucun constat : les règles de templates/synthese/regles.yaml ne s'appliquent pas aux réponses données."))
        }
        for (index, finding) in synthesis.findings.enumerated() {
            lines += Table.wrap("\(index + 1). \(finding.message)", width: prose - 2, indent: "  ").enumerated().map {
                $0.offset == 0 ? style.yellow($0.element) : $0.element
            }
            for basis in finding.basis { lines += Table.wrap("repose sur : " + basis, width: prose - 5, indent: "     ").map(style.dim) }
            lines.append("     leviers : " + finding.levers.map(\.title).joined(separator: " ; "))
            if let said = cross.sentence(for: cross.findings[index]) {
                lines += wrap(said, indent: "     ", hanging: "       ").map(style.cyan)
            }
        }
        if let themes = cross.themesWithoutFindingSentence { lines += [""] + wrap(themes, indent: "  ").map(style.cyan) }
        if !synthesis.levers.isEmpty {
            lines += heading("Leviers proposés")
            for lever in synthesis.levers {
                lines.append("  • " + style.bold(lever.title))
                lines += Table.wrap(lever.explanation, width: prose - 4, indent: "    ")
                lines.append(
                    style.dim(
                        "    Sources : " + lever.sources.joined(separator: " ; ")
                            + (lever.confidence == "sûr" ? "" : " (confiance : \(lever.confidence))")))
            }
        }
        return lines
    }

    /// The answers left out, each with its correction.
    func setAsideLines() -> [String] {
        guard !setAside.isEmpty else { return [] }
        let count =
            setAside.count == 1
            ? "Une réponse enregistrée n'est pas utilisée" : "\(setAside.count) réponses enregistrées ne sont pas utilisées"
        var lines = [
            style.yellow(
                "⚠ \(count) (hors des bornes attendues ou invalide) : les indicateurs qui en dépendent sont comptés comme manquants.")
        ]
        for problem in setAside {
            let what = problem.element.map { "\(problem.key), élément \($0), \(problem.fieldLabel ?? problem.field ?? "")" } ?? problem.key
            lines.append(style.yellow("    \(what) = \(problem.shown) ; /modifier \(problem.correctionKey) pour la corriger"))
        }
        return lines
    }

    /// Indicators that cannot be computed, grouped by the first answer they wait for.
    func missing() -> [String] {
        var groups: [(keys: [String], labels: [String])] = []
        for indicator in synthesis.missing {
            if let index = groups.firstIndex(where: { $0.keys.first == indicator.missingKeys.first }) {
                groups[index].labels.append(indicator.label)
                for key in indicator.missingKeys where !groups[index].keys.contains(key) { groups[index].keys.append(key) }
            } else {
                groups.append((indicator.missingKeys, [indicator.label]))
            }
        }
        var lines = heading("Données manquantes (\(counted(synthesis.missing.count, "indicateur")))") + setAsideLines()
        if groups.isEmpty { lines.append(style.dim("  Tous les indicateurs sont calculés.")) }
        for group in groups {
            let labels =
                group.labels.count > 3
                ? group.labels.prefix(3).joined(separator: ", ") + " et " + counted(group.labels.count - 3, "autre")
                : group.labels.joined(separator: ", ")
            lines.append("  • \(labels)")
            lines.append("    à renseigner : " + group.keys.map { "/aller \($0)" }.joined(separator: " ; "))
        }
        return lines
    }
}
