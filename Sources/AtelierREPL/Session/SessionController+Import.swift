import AtelierCore
import AtelierImport
import AtelierStore
import Foundation

// MARK: - /importer and /confirmer

extension SessionController {
    func importFile(kind: ImportKind, path typed: String) -> Outcome {
        // `~` is expanded here, not by the parser: it depends on the user's environment.
        let path = NSString(string: typed).expandingTildeInPath
        guard case .communes(let communes)? = answers["territoire.communes"]?.value, !communes.isEmpty else {
            return .refused(
                "Renseignez d'abord les communes du territoire (/aller territoire.communes) : l'import ne garde que leurs lignes.")
        }
        let started = context.now()
        var proposed: [Proposal]
        var note: String?
        var sites: FoundCareSites?
        var analysis: MobilityAnalysis?
        let unchanged: Int
        do {
            switch kind {
            case .rpps: (proposed, note, sites) = try rppsProposals(path: path, communes: communes)
            case .finess: (proposed, sites) = try finessProposals(path: path, communes: communes)
            case .populations: proposed = try populationProposals(path: path, communes: communes)
            }
            endProgress()
            // What the workbook already says needs no confirmation (as it is now).
            catchUpWithOtherSessions()
            if let sites {
                let (mobility, computed) = mobilityProposals(adding: sites, communes: communes, file: path)
                proposed += mobility
                analysis = computed
            }
            let count = proposed.count
            proposed.removeAll { answers[$0.key]?.value == $0.value }
            unchanged = count - proposed.count
            if let sites {
                try store.recordCareSites(
                    fromFINESS: sites.fromFINESS, reading: sites.reading, counts: sites.counts, file: path, proposals: proposed)
                derived.synthesis = nil
                derived.clsDraft = nil
            } else {
                try store.propose(proposed)
            }
            session.addProposals(proposed)
        } catch {
            endProgress()
            return .refused("Import refusé — \(ErrorPresenter.sentence(error)) Le classeur n'a pas été modifié.")
        }
        let seconds = FrenchFormat.decimal(context.now().timeIntervalSince(started), maximumFractionDigits: 2)
        let same =
            unchanged == 0 ? "" : " ; \(AtelierCore.counted(unchanged, "autre déjà identique", "autres déjà identiques")) aux réponses"
        console.write(
            "  \(style.green("✓")) \(AtelierCore.counted(proposed.count, "réponse proposée", "réponses proposées")) en \(seconds) s\(same)"
                + (proposed.isEmpty ? "." : ", à confirmer une à une :"))
        if let note { console.write("  " + note) }
        if let sites, let analysis { writeMobilityNote(sites, analysis: analysis) }
        guard !proposed.isEmpty else { return .accepted }
        let rows = proposed.map { p in [p.key, p.value.display, answers[p.key]?.value.display ?? "—"] }
        let table = Table.render(
            header: ["Question", "Proposé", "Réponse actuelle"], rows: rows.map { $0.map { Table.truncate($0, 60) } }, width: console.width,
            indent: "    ", dropping: [2])
        for line in table.lines { console.write(line) }
        for line in table.omissionNote.map({ Table.paragraph($0, indent: "    ", width: table.width) }) ?? [] {
            console.write(style.dim(line))
        }
        if let first = questionnaire.questions.first(where: { proposals[$0.key] != nil }) {
            setCurrent(first)
            askCurrent()
        }
        return .accepted
    }

    func confirm(_ typed: String?) -> Outcome {
        let key = typed ?? current?.key
        guard let key, let question = questionnaire.question(forKey: key) else {
            return .refused("Aucune question en cours : /confirmer CLÉ, par exemple /confirmer demographie.infirmiers.effectif.")
        }
        // The user confirms the proposal they saw: if another session imported or confirmed
        // meanwhile, they see the new state first.
        let seen = proposals[key]
        catchUpWithOtherSessions()
        guard let proposal = proposals[key] else {
            return .refused("Aucune proposition d'import pour \(key). Tapez la réponse, ou importez un fichier (/importer).")
        }
        guard proposal == seen else {
            return .refused(
                "La proposition d'import pour \(key) vient d'être remplacée par une autre session : c'est maintenant « \(proposal.value.display) » (\(proposal.source)). Rien n'a été enregistré ; /confirmer \(key) pour la confirmer."
            )
        }
        // The proposal is checked like a typed answer, against the answers as they are when
        // it is recorded (bounds that depend on other answers), and must still be the one shown.
        let refusal = commit(
            question, origin: .imported, provenance: (proposal.source, proposal.sourceYear), settling: [key],
            decide: { () throws(Refusal) in
                guard self.proposals[key] == proposal else {
                    throw Refusal(
                        message:
                            "La proposition d'import pour \(key) a été confirmée ou remplacée par une autre session : rien n'a été enregistré. /revoir \(key) montre la réponse actuelle."
                    )
                }
                if let violation = self.questionnaire.violationOfDependentBounds(
                    key: key, value: proposal.value, answers: self.usableValues)
                {
                    let reason = violation.reason.map { " : \($0)" } ?? ""
                    throw Refusal(
                        message: "Proposition refusée\(reason). Attendu : \(violation.expected). Tapez la bonne valeur.")
                }
                return proposal.value
            })
        if let refusal { return refusal }
        // Next: the following question with a proposal, else the next open one.
        let all = questionnaire.questions
        let index = all.firstIndex { $0.key == key } ?? 0
        if let next = (all[(index + 1)...] + all[..<index]).first(where: { proposals[$0.key] != nil }) {
            setCurrent(next)
            askCurrent()
        } else if current?.key == key {
            advance()
        }
        return .accepted
    }

    /// The source of `path`'s answers; the file's modification date is read here, the rest
    /// is `ImportSource`'s.
    func source(of path: String, publisher: String) -> ImportSource {
        let modified = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? nil
        let day = modified.map { Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: $0) }
        let date = day.flatMap { CalendarDate(year: $0.year ?? 0, month: $0.month ?? 0, day: $0.day ?? 0) }
        return ImportSource(publisher: publisher, path: path, modified: date)
    }

    /// The workbook's proposals for what the file proposes.
    func stored(_ answers: [ProposedAnswer], from path: String) -> [Proposal] {
        answers.map { Proposal(key: $0.key, value: $0.value, source: $0.source.text, sourceYear: $0.source.year, file: path) }
    }

    func rppsProposals(path: String, communes: [CommuneRef]) throws -> ([Proposal], String?, FoundCareSites?) {
        let (codes, area, nearby) = importArea(communes)
        let counts = try RPPSImport.count(fileAt: path, communes: codes, nearby: nearby, progress: progressReporter("Annuaire Santé"))
        let importSource = source(of: path, publisher: "Annuaire Santé (RPPS)")
        let (proposed, note) = counts.proposals(source: importSource)
        let sites = area.map {
            FoundCareSites(
                fromFINESS: false, reading: .init(source: importSource.text, year: importSource.year, area: $0), counts: counts.careSites())
        }
        return (stored(proposed, from: path), note, sites)
    }

    /// A progress bar on a terminal, for reads that take more than a moment.
    func progressReporter(_ what: String) -> ((Double) -> Void)? {
        guard interactive else { return nil }
        let started = context.now()
        // Redrawn in place: a line longer than the terminal would wrap and be redrawn below itself.
        let width = min(30, max(console.width - what.count - 14, 5))
        return { [console, context] fraction in
            guard context.now().timeIntervalSince(started) > 0.3 else { return }
            let filled = Int(fraction * Double(width))
            console.progress(
                "  \(what) : " + String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
                    + " \(Int(fraction * 100)) %")
        }
    }

    func endProgress() { console.progress(nil) }
}

// MARK: - FINESS and INSEE

extension SessionController {
    func finessProposals(path: String, communes: [CommuneRef]) throws -> ([Proposal], FoundCareSites?) {
        let (codes, area, nearby) = importArea(communes)
        let found = try FINESSImport.structures(fileAt: path, communes: codes, nearby: nearby, progress: progressReporter("FINESS"))
        let existing: [ListRecord] = if case .records(let records)? = answers[ProposalTable.structuresKey]?.value { records } else { [] }
        let importSource = source(of: path, publisher: "FINESS")
        let proposed = FINESSImport.proposals(
            found.filter { codes.contains($0.commune) }, existing: existing, reference: territory, source: importSource)
        let sites = area.map {
            FoundCareSites(
                fromFINESS: true, reading: .init(source: importSource.text, year: importSource.year, area: $0),
                counts: FINESSImport.careSites(found))
        }
        return (stored(proposed, from: path), sites)
    }

    func populationProposals(path: String, communes: [CommuneRef]) throws -> [Proposal] {
        let populations = try PopulationImport.populations(
            fileAt: path, communes: Set(communes.map(\.code)), progress: progressReporter("INSEE"))
        return stored([try PopulationImport.proposal(populations, communes: communes, path: path)], from: path)
    }
}
