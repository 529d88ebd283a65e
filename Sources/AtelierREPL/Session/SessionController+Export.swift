import AtelierCore
import AtelierDocuments
import AtelierStore
import Foundation

// MARK: - /exporter cls

extension SessionController {
    func export(_ argument: String) -> Outcome {
        var words = argument.split(separator: " ").map(String.init)
        let kind = words.isEmpty ? "" : words.removeFirst().folded
        if kind == "plan" { return exportPlan(words) }
        guard kind == "cls" else {
            return .refused("Document inconnu : « \(kind) ». Usage : /exporter cls [FICHIER] ou /exporter plan [FICHIER] [csv].")
        }
        let path = words.isEmpty ? defaultDocumentPath(suffix: "-cls.md") : words.joined(separator: " ")
        let started = Date()
        let document: ClsDraft.Rendered
        do {
            document = try clsDraft()
        } catch {
            return .refused("Projet de contrat non écrit — \(error) Le classeur n'a pas été modifié.")
        }
        do {
            try writeAtomically(document.text, to: path)
        } catch {
            return .refused("Impossible d'écrire « \(path) » : \(error.localizedDescription). Vérifiez le dossier et les droits.")
        }
        let milliseconds = Int(Date().timeIntervalSince(started) * 1000)
        console.write("  \(style.green("✓")) projet de contrat écrit : \(path) (\(FrenchFormat.integer(document.text.utf8.count)) octets, \(milliseconds) ms)")
        console.write(document.gaps.isEmpty ? "    Rien n'est marqué « À compléter »."
                      : "    \(document.gaps.count) point(s) à compléter, listés à la fin du document.")
        return .accepted
    }

    /// `/exporter plan [FICHIER] [csv]`: the plan in Markdown, and in CSV on request.
    func exportPlan(_ words: [String]) -> Outcome {
        var words = words
        let withCSV = words.last?.folded == "csv"
        if withCSV { words.removeLast() }
        let path = words.isEmpty ? defaultDocumentPath(suffix: "-plan.md") : words.joined(separator: " ")
        let plan: FinancingPlan
        let problems: [FinancingProblem]
        let text: String
        do {
            plan = try financingPlan()
            problems = FinancingChecks.check(plan)
            let (sources, _) = try templateSources("templates/financement")
            let templates = try DocumentTemplates(sources: sources, folder: "templates/financement")
            text = try FinancingDocument.markdown(plan, problems: problems, territory: territoryName, templates: templates)
        } catch {
            return .refused("Plan de financement non écrit — \(error) Le classeur n'a pas été modifié.")
        }
        let csvPath = (path.hasSuffix(".md") ? String(path.dropLast(3)) : path) + ".csv"
        do {
            try writeAtomically(text, to: path)
            if withCSV { try writeAtomically(FinancingDocument.csv(plan), to: csvPath) }
        } catch {
            return .refused("Impossible d'écrire « \(path) » : \(error.localizedDescription). Vérifiez le dossier et les droits.")
        }
        console.write("  \(style.green("✓")) plan de financement écrit : \(path)" + (withCSV ? " et \(csvPath)" : ""))
        let errors = problems.filter { $0.severity == .error }.count
        if errors > 0 { console.write(style.yellow("    \(errors) erreur(s) de contrôle, listées dans le document : /verifier pour les voir.")) }
        return .accepted
    }

    var territoryName: String {
        if case .text(let name)? = answers["territoire.nom"]?.value { return name }
        return "territoire sans nom"
    }

    /// The `.mustache` files of a folder of `templates/`, by name, and their paths for the fingerprint.
    func templateSources(_ folder: String) throws -> ([String: String], [String: String]) {
        var sources: [String: String] = [:], shaping: [String: String] = [:]
        let directory = resources.root + "/" + folder
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) where name.hasSuffix(".mustache") {
            let text = try Resources(root: resources.root).read(directory + "/" + name)
            sources[String(name.dropLast(".mustache".count))] = text
            shaping["\(folder)/\(name)"] = text
        }
        return (sources, shaping)
    }

    /// The draft as text, from the current answers and the project's templates.
    public func clsDraft() throws -> ClsDraft.Rendered {
        let (templates, templateFiles) = try templateSources("templates/cls")
        let compiled = try DocumentTemplates(sources: templates, folder: "templates/cls")
        var shaping = templateFiles
        for file in Resources.TemplateFile.allCases {
            shaping[file.rawValue] = try Resources(root: resources.root).read(file)
        }
        let input = ClsDraftContext.Input(answers: sourcedAnswers, questionnaire: questionnaire, synthesis: try currentSynthesis(),
                                          library: try resources.library.get(), territory: try resources.territory.get(),
                                          financing: try financingPlan())
        return try ClsDraft.render(input, templates: compiled, fingerprintInputs: shaping)
    }

    var sourcedAnswers: [String: SourcedAnswer] {
        usableAnswers.mapValues { SourcedAnswer(value: $0.value, source: $0.source, sourceYear: $0.sourceYear) }
    }

    /// Next to the workbook: `sessions/caen.sqlite` → `sessions/caen-cls.md`.
    func defaultDocumentPath(suffix: String) -> String {
        let base = store.path.hasSuffix(".sqlite") ? String(store.path.dropLast(".sqlite".count)) : store.path
        return base + suffix
    }

    /// Written beside, then renamed: a reader never sees half a document.
    func writeAtomically(_ text: String, to path: String) throws {
        let temporary = path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
        if rename(temporary, path) != 0 {
            try? FileManager.default.removeItem(atPath: temporary)
            throw CocoaError(.fileWriteUnknown)
        }
    }
}
