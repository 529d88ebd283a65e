import AtelierCore
import AtelierImport
import AtelierStore
import Foundation

// MARK: - /importer and /confirmer

extension SessionController {
    func importFile(_ argument: String) -> Outcome {
        let words = argument.split(separator: " ", maxSplits: 1).map(String.init)
        let kind = words.first?.folded ?? ""
        guard ["rpps", "finess", "populations"].contains(kind), words.count == 2 else {
            return .refused("Usage : /importer rpps|finess|populations FICHIER (par exemple /importer rpps PS_LibreAcces_Personne_activite_202611020900.txt).")
        }
        let path = NSString(string: words[1].trimmed.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))).expandingTildeInPath
        guard case .communes(let communes)? = answers[QuestionKeys.territoryCommunes]?.value, !communes.isEmpty else {
            return .refused("Renseignez d'abord les communes du territoire (/aller territoire.communes) : l'import ne garde que leurs lignes.")
        }
        let codes = Set(communes.map(\.code))
        let started = Date()
        var proposed: [Proposal]
        var note: String?
        let unchanged: Int
        do {
            switch kind {
            case "rpps": (proposed, note) = try rppsProposals(path: path, communes: codes)
            case "finess": proposed = try finessProposals(path: path, communes: codes)
            default: proposed = try populationProposals(path: path, communes: communes)
            }
            endProgress()
            // What the workbook already says needs no confirmation (as it is now).
            catchUpWithOtherSessions()
            let count = proposed.count
            proposed.removeAll { answers[$0.key]?.value == $0.value }
            unchanged = count - proposed.count
            try store.propose(proposed)
            for proposal in proposed { proposals[proposal.key] = proposal }
        } catch {
            endProgress()
            return .refused("Import refusé — \("\(error)".asSentence) Le classeur n'a pas été modifié.")
        }
        let seconds = FrenchFormat.decimal(Date().timeIntervalSince(started), maximumFractionDigits: 2)
        let same = unchanged == 0 ? "" : " ; \(unchanged) déjà identique(s) aux réponses"
        console.write("  \(style.green("✓")) \(proposed.count) réponse(s) proposée(s) en \(seconds) s\(same)" + (proposed.isEmpty ? "." : ", à confirmer une à une :"))
        if let note { console.write("  " + note) }
        guard !proposed.isEmpty else { return .accepted }
        let rows = proposed.map { p in [p.key, p.value.display, answers[p.key]?.value.display ?? "—"] }
        for line in Table.render(header: ["Question", "Proposé", "Réponse actuelle"], rows: rows.map { $0.map { Table.truncate($0, 60) } }) {
            console.write("    " + line)
        }
        if let first = questionnaire.questions.first(where: { proposals[$0.key] != nil }) {
            setCurrent(first)
            askCurrent()
        }
        return .accepted
    }

    func confirm(_ argument: String) -> Outcome {
        let key = argument.isEmpty ? current?.key : argument
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
            return .refused("La proposition d'import pour \(key) vient d'être remplacée par une autre session : c'est maintenant « \(proposal.value.display) » (\(proposal.source)). Rien n'a été enregistré ; /confirmer \(key) pour la confirmer.")
        }
        // The proposal is checked like a typed answer, against the answers as they are when
        // it is recorded (bounds that depend on other answers), and must still be the one shown.
        let refusal = commit(question, origin: .imported, provenance: (proposal.source, proposal.sourceYear), settling: [key],
                             decide: { () throws(Refusal) in
            guard self.proposals[key] == proposal else {
                throw Refusal(message: "La proposition d'import pour \(key) a été confirmée ou remplacée par une autre session : rien n'a été enregistré. /revoir \(key) montre la réponse actuelle.")
            }
            if let violation = self.questionnaire.violationOfDependentBounds(key: key, value: proposal.value, answers: self.usableValues) {
                throw Refusal(message: "Proposition non conforme : \(violation.description) Tapez la bonne valeur.")
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

    /// « Annuaire Santé (RPPS), extraction du 02/12/2021 (PS_LibreAcces_…txt) ».
    func describe(_ path: String, publisher: String) -> (source: String, year: Int?) {
        // Stored as the answers' source and replayed later: no control characters from the name.
        let name = PlainText.clean((path as NSString).lastPathComponent)
        if let date = Self.extractionDate(inFileName: name) {
            return ("\(publisher), extraction du \(date.french) (\(name))", date.year)
        }
        let modified = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? nil
        let year = modified.map { Calendar(identifier: .gregorian).component(.year, from: $0) }
        return ("\(publisher), fichier \(name)" + (modified.map { " du " + String(FrenchFormat.timestamp($0).prefix(10)) } ?? ""), year)
    }

    /// The AAAAMMJJ stamp the national files carry in their names (`…_202112020908.txt`).
    static func extractionDate(inFileName name: String) -> CalendarDate? {
        var digits = ""
        for character in name {
            if character.isASCII && character.isNumber { digits.append(character) } else {
                if digits.count >= 8, let year = Int(digits.prefix(4)), let month = Int(digits.dropFirst(4).prefix(2)),
                   let day = Int(digits.dropFirst(6).prefix(2)), let date = CalendarDate(year: year, month: month, day: day), year >= 2000 {
                    return date
                }
                digits = ""
            }
        }
        return nil
    }

    /// The proposals, and a note when no row of the file is in the territory (the zeros are
    /// then those of an absence, which the user should know before confirming them).
    func rppsProposals(path: String, communes: Set<String>) throws -> ([Proposal], String?) {
        let counts = try RPPSImport.count(fileAt: path, communes: communes, progress: progressReporter("Annuaire Santé"))
        let (source, year) = describe(path, publisher: "Annuaire Santé (RPPS)")
        var result: [Proposal] = []
        for profession in RPPSImport.Profession.allCases where profession != .pharmaciens {
            let base = "demographie.\(profession.rawValue)"
            result.append(Proposal(key: base + ".effectif", value: .integer(counts.total[profession] ?? 0), source: source, sourceYear: year, file: path))
            result.append(Proposal(key: base + ".liberaux", value: .integer(counts.liberal[profession] ?? 0), source: source, sourceYear: year, file: path))
        }
        let read = counts.rows == 1 ? "l'unique ligne lue ne concerne" : "aucune des \(FrenchFormat.integer(counts.rows)) lignes lues ne concerne"
        let note = counts.matchedRows > 0 ? nil
            : "Attention : \(read) une commune du territoire (extraction d'un autre département ?) ; les effectifs proposés sont donc 0."
        return (result, note)
    }

    /// A progress bar on a terminal, for reads that take more than a moment.
    func progressReporter(_ what: String) -> ((Double) -> Void)? {
        guard interactive else { return nil }
        let started = Date()
        return { [console] fraction in
            guard Date().timeIntervalSince(started) > 0.3 else { return }
            let width = 30, filled = Int(fraction * Double(width))
            console.progress("  \(what) : " + String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled) + " \(Int(fraction * 100)) %")
        }
    }

    func endProgress() { console.progress(nil) }
}

// MARK: - FINESS and INSEE

extension SessionController {
    /// Structures of the territory (added to those already listed, never replacing them) and
    /// the number of pharmacies d'officine.
    func finessProposals(path: String, communes: Set<String>) throws -> [Proposal] {
        let found = try FINESSImport.structures(fileAt: path, communes: communes, progress: progressReporter("FINESS"))
        let (source, year) = describe(path, publisher: "FINESS")
        let reference = territory
        var items: [ListRecord] = if case .records(let existing)? = answers[QuestionKeys.structures]?.value { existing } else { [] }
        func key(_ name: String, _ commune: String) -> String { name.folded + "|" + commune }
        var known = Set(items.compactMap { record -> String? in
            guard case .text(let name)? = record["nom"], case .commune(let commune)? = record["commune"] else { return nil }
            return key(name, commune.code)
        })
        for structure in found {
            guard let type = FINESSImport.structureTypes[structure.category], let commune = reference.communes[structure.commune],
                  known.insert(key(structure.name, structure.commune)).inserted else { continue }
            items.append(ListRecord(fields: [("type", .choice(type)), ("nom", .text(structure.name)),
                                             ("commune", .commune(commune.ref)), ("statut", .choice("en fonctionnement"))]))
        }
        let pharmacies = found.filter { $0.category == "620" }.count
        return [Proposal(key: QuestionKeys.structures, value: .records(items), source: source, sourceYear: year, file: path),
                Proposal(key: QuestionKeys.pharmacies, value: .integer(pharmacies), source: source, sourceYear: year, file: path)]
    }

    /// The territory's communes with the populations of the file; the millésime is read in the
    /// file's name (`…_2023.csv`), else in the answer's source it is said to be unknown.
    func populationProposals(path: String, communes: [CommuneRef]) throws -> [Proposal] {
        let populations = try PopulationImport.populations(fileAt: path, communes: Set(communes.map(\.code)), progress: progressReporter("INSEE"))
        let name = PlainText.clean((path as NSString).lastPathComponent)
        let year = name.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }.last { (1990...2100).contains($0) }
        let missing = communes.filter { populations[$0.code] == nil }.map(\.code)
        guard missing.count < communes.count else {
            throw ImportError(file: path, line: nil, message: "aucune commune du territoire dans ce fichier")
        }
        let updated = communes.map { commune in
            CommuneRef(code: commune.code, name: commune.name, population: populations[commune.code] ?? commune.population,
                       populationYear: populations[commune.code] == nil ? commune.populationYear : (year ?? commune.populationYear))
        }
        var source = "INSEE, populations légales" + (year.map { " \($0)" } ?? " (millésime absent du nom du fichier)") + " (\(name))"
        if !missing.isEmpty { source += " ; absentes du fichier, inchangées : " + missing.joined(separator: ", ") }
        return [Proposal(key: QuestionKeys.territoryCommunes, value: .communes(updated), source: source, sourceYear: year, file: path)]
    }
}
