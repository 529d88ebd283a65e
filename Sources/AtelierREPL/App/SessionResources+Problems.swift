import AtelierCore

/// What the session says when a reference it needs cannot be read. Loading stays lazy (start-up
/// does not wait for files a session may never use), but where a reference matters — the
/// catalogue when a dispositif is typed, the library before a fiche — a silently empty list would
/// mislead (« aucun dispositif ne correspond à « detr » »): the user must read which file is
/// wrong, and where.
extension SessionResources {
    public enum Reference: CaseIterable, Sendable {
        case territory, synthesis, library, catalogue, clsTemplates, planTemplates

        /// What the user knows it as, with its article.
        var name: String {
            switch self {
            case .territory: "Le référentiel des communes (data/)"
            case .synthesis: "Les références de la synthèse (templates/references/, templates/synthese/)"
            case .library: "La bibliothèque de fiches actions (templates/plan/fiches.yaml)"
            case .catalogue: "Le catalogue des dispositifs (templates/financement/catalogue.yaml)"
            case .clsTemplates: "Les modèles du projet de contrat (templates/cls/)"
            case .planTemplates: "Les modèles du plan de financement (templates/financement/)"
            }
        }

        /// « est illisible », agreeing with the name: « Les modèles … sont illisibles ».
        var unreadable: String { name.hasPrefix("Les ") ? "sont illisibles" : "est illisible" }
    }

    /// Why `reference` cannot be used, as one French sentence naming the file (and line), or nil
    /// when it loads (loading it if needed).
    public func problem(_ reference: Reference) -> String? {
        // The library reads the levers of the synthèse, the catalogue the library's fiches: a
        // file they depend on that cannot be read is the one to name.
        let dependencies: [Reference] =
            switch reference {
            case .library: [.synthesis]
            case .catalogue: [.synthesis, .library]
            default: []
            }
        for dependency in dependencies { if let problem = problem(dependency) { return problem } }
        let failure: (any Error)? =
            switch reference {
            case .territory: territory.failure
            case .synthesis: synthesis.failure
            case .library: library.failure
            case .catalogue: catalogue.failure
            case .clsTemplates: clsTemplates.failure
            case .planTemplates: planTemplates.failure
            }
        guard let failure else { return nil }
        // The file is read once per session: after a correction, the tool must be started again.
        return
            "\(reference.name) \(reference.unreadable) — \(ErrorPresenter.sentence(failure)) Corrigez ce fichier (ou réinstallez le dossier de l'outil), puis relancez l'outil."
    }
}
