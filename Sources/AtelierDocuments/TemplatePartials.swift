import AtelierCore

/// The partials a set of templates include (`{{> fiche}}`, `{{< fiche}}`), checked before
/// anything is rendered: swift-mustache follows an inclusion cycle until the stack overflows,
/// and a chain of partials adds up the nesting of each file.
enum TemplatePartials {
    /// Refuses a cycle (`fiche` including `fiche`, or `contrat` → `fiche` → `contrat`) and a
    /// chain whose sections, counted across the partials, nest deeper than
    /// `TemplateScanner.maximumDepth`. Partials that do not exist are left to
    /// `DocumentTemplates.check`, which names them.
    static func check(_ scans: [String: TemplateScanner.Scan], folder: String) throws(FileProblem) {
        var depth: [String: Int] = [:]
        for name in scans.keys.sorted() {
            _ = try effectiveDepth(name, scans: scans, folder: folder, path: [], memo: &depth)
        }
    }

    /// The deepest nesting reached when rendering `name`, its partials included.
    private static func effectiveDepth(
        _ name: String, scans: [String: TemplateScanner.Scan], folder: String,
        path: [String], memo: inout [String: Int]
    ) throws(FileProblem) -> Int {
        if let known = memo[name] { return known }
        guard let scan = scans[name] else { return 0 }
        let path = path + [name]
        var deepest = scan.depth
        for tag in scan.tags where tag.kind == ">" || tag.kind == "<" {
            guard scans[tag.name] != nil else { continue }
            let file = "\(folder)/\(name).mustache"
            if let start = path.firstIndex(of: tag.name) {
                let cycle = (path[start...] + [tag.name]).joined(separator: " → ")
                let how = tag.name == name ? "s'inclut lui-même" : "s'inclut lui-même par un autre modèle"
                throw FileProblem(
                    file: file, line: tag.line,
                    reason: "le modèle partiel « \(tag.name) » \(how) (\(cycle)) : le document ne finirait jamais")
            }
            let inner = try effectiveDepth(tag.name, scans: scans, folder: folder, path: path, memo: &memo)
            // `{{> p}}` sits at `tag.depth`; a `{{< p}}` tag counts itself as a section already.
            let total = tag.depth + inner
            guard total <= TemplateScanner.maximumDepth else {
                throw FileProblem(
                    file: file, line: tag.line,
                    reason:
                        "sections imbriquées trop profondément en comptant le modèle partiel « \(tag.name) » : \(total) niveaux, au plus \(TemplateScanner.maximumDepth)"
                )
            }
            deepest = max(deepest, total)
        }
        memo[name] = deepest
        return deepest
    }
}
