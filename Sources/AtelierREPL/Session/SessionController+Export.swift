import AtelierCore
import AtelierDocuments
import AtelierStore
import Foundation

// MARK: - /exporter cls

extension SessionController {
    func export(_ argument: String) -> Outcome {
        let words = argument.split(separator: " ", maxSplits: 1).map(String.init)
        guard words.first?.folded == "cls" else {
            return .refused("Document inconnu : « \(words.first ?? "") ». Usage : /exporter cls [FICHIER].")
        }
        let path = words.count > 1 ? words[1].trimmed : defaultDocumentPath(suffix: "-cls.md")
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

    /// The draft as text, from the current answers and the project's templates.
    public func clsDraft() throws -> ClsDraft.Rendered {
        let folder = resources.root + "/templates/cls"
        var templates: [String: String] = [:]
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".mustache") }
        for name in names {
            templates[String(name.dropLast(".mustache".count))] = try Resources(root: resources.root).read(folder + "/" + name)
        }
        let compiled = try DocumentTemplates(sources: templates, folder: "templates/cls")
        var shaping: [String: String] = [:]
        for (name, text) in templates { shaping["templates/cls/\(name).mustache"] = text }
        for file in ["templates/questionnaire.yaml", "templates/plan/fiches.yaml", "templates/synthese/regles.yaml",
                     "templates/synthese/leviers.yaml", "templates/references/nationales.yaml",
                     "templates/references/effectifs_liberaux_2024.tsv"] {
            shaping[file] = try Resources(root: resources.root).read(resources.root + "/" + file)
        }
        let input = ClsDraftContext.Input(answers: sourcedAnswers, questionnaire: questionnaire, synthesis: try currentSynthesis(),
                                          library: try resources.library.get(), territory: try resources.territory.get())
        return try ClsDraft.render(input, templates: compiled, fingerprintInputs: shaping)
    }

    var sourcedAnswers: [String: SourcedAnswer] {
        answers.mapValues { SourcedAnswer(value: $0.value, source: $0.source, sourceYear: $0.sourceYear) }
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
