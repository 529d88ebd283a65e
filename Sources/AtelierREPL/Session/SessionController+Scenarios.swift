import AtelierCore
import AtelierStore
import Foundation

// MARK: - /scenario and /partager: the workbook forked into a file beside it

extension SessionController {
    func scenario(_ action: ScenarioAction) -> Outcome {
        switch action {
        case .create(let name): return createScenario(name)
        case .list: return listScenarios()
        case .compare(let a, let b): return compareScenarios(a, b)
        }
    }

    /// `sessions/val.sqlite` and « sans DSIL » → `sessions/val--sans-dsil.sqlite`.
    func scenarioPath(_ name: String) -> String {
        let base = store.path.hasSuffix(".sqlite") ? String(store.path.dropLast(".sqlite".count)) : store.path
        return base + "--" + Self.slug(name) + ".sqlite"
    }

    /// A name as a file name: lowercase letters, digits and dashes.
    static func slug(_ name: String) -> String {
        let words = name.folded.split { !($0.isLetter || $0.isNumber) || !$0.isASCII }
        return words.joined(separator: "-").shortened(to: 60)
    }

    func createScenario(_ name: String) -> Outcome {
        let name = name.trimmed
        guard !Self.slug(name).isEmpty else {
            return .refused("Le nom du scénario doit contenir des lettres ou des chiffres, par exemple /scenario nouveau sans DSIL.")
        }
        let path = scenarioPath(name)
        do {
            try store.fork(
                to: path, as: Lineage(kind: .scenario, name: name), by: participant, territory: territoryName,
                firstQuestion: current?.key)
        } catch {
            return .refused(error.description)
        }
        console.write(
            "  \(style.green("✓")) Scénario « \(TerminalText.plainLine(name)) » écrit dans \(path) : une copie complète de ce classeur.")
        console.write(
            "  Ouvrez-le pour y changer le plan (atelier-sante \(path)) ; ce classeur-ci reste tel quel. /scenario comparer \(Self.slug(name)) montre les différences ; /fusionner \(path) reporte ici le scénario retenu."
        )
        remindCurrent()
        return .accepted
    }

    /// The scenarios of this workbook in its folder (and the one it is a scenario of).
    func scenarioFiles() -> [(path: String, lineage: Lineage)] {
        let directory = (store.path as NSString).deletingLastPathComponent
        guard let mine = try? store.uid(),
            let names = try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory)
        else { return [] }
        return names.filter { $0.hasSuffix(".sqlite") }.sorted().compactMap { name in
            let path = directory.isEmpty ? name : directory + "/" + name
            guard path != store.path, let lineage = try? WorkbookStore.reading(path).lineage(),
                lineage.parentUID == mine, lineage.kind == .scenario
            else { return nil }
            return (path, lineage)
        }
    }

    func listScenarios() -> Outcome {
        if let lineage = try? store.lineage() {
            let kind = lineage.kind == .scenario ? "le scénario « \(TerminalText.plainLine(lineage.name)) »" : "une copie partagée"
            console.write("Ce classeur est \(kind) de \(lineage.parentPath) (écrit le \(lineage.forkedAt.map(wording.when) ?? "?")).")
        }
        let found = scenarioFiles()
        if found.isEmpty {
            console.write("Aucun scénario de ce classeur dans son dossier. /scenario nouveau NOM en crée un.")
        } else {
            console.write(style.bold("Scénarios de ce classeur") + " (/scenario comparer NOM) :")
            for item in found {
                let by = item.lineage.forkedBy.map { ", par \(TerminalText.plainLine($0))" } ?? ""
                console.write(
                    "  \(Self.slug(item.lineage.name))  « \(TerminalText.plainLine(item.lineage.name)) » — \(item.path), écrit le \(item.lineage.forkedAt.map(wording.when) ?? "?")\(by)"
                )
            }
        }
        remindCurrent()
        return .accepted
    }

    /// A scenario's name (as listed, or as typed) or a workbook file.
    func scenarioFile(_ typed: String) throws(Refusal) -> String {
        let expanded = NSString(string: typed).expandingTildeInPath
        if expanded.hasSuffix(".sqlite") || expanded.contains("/") {
            guard FileManager.default.fileExists(atPath: expanded) else {
                throw Refusal(
                    message: "Fichier introuvable : « \(typed.shortened()) ». /scenario liste montre les scénarios de ce classeur.")
            }
            return expanded
        }
        let wanted = Self.slug(typed)
        if let found = scenarioFiles().first(where: { Self.slug($0.lineage.name) == wanted }) { return found.path }
        if let lineage = try? store.lineage(), ["parent", "principal", "origine"].contains(typed.folded) { return lineage.parentPath }
        let known = scenarioFiles().map { Self.slug($0.lineage.name) }
        throw Refusal(
            message: "Aucun scénario « \(typed.shortened()) » pour ce classeur"
                + (known.isEmpty ? " (il n'en a aucun : /scenario nouveau NOM)." : " ; scénarios : \(known.joined(separator: ", ")).")
        )
    }

    // MARK: - /partager

    func share(_ typed: String, sections: [String]) -> Outcome {
        var path = NSString(string: typed).expandingTildeInPath
        if !path.hasSuffix(".sqlite") { path += ".sqlite" }
        var keys: [String] = []
        for typed in sections {
            guard let section = questionnaire.sections.first(where: { $0.key.folded == typed.folded || $0.title.folded == typed.folded })
            else {
                return .refused(
                    "Section inconnue : « \(typed.shortened()) ». Sections : \(questionnaire.sections.map(\.key).joined(separator: ", ")). Rien n'a été écrit."
                )
            }
            keys.append(section.key)
        }
        let first = keys.first.flatMap { key in questionnaire.sections.first { $0.key == key }?.questions.first?.key }
        do {
            try store.fork(
                to: path, as: Lineage(kind: .copy, name: (path as NSString).lastPathComponent, sections: keys), by: participant,
                territory: territoryName, firstQuestion: first ?? current?.key)
        } catch {
            return .refused(error.description)
        }
        let titles = keys.compactMap { key in questionnaire.sections.first { $0.key == key }?.title }
        console.write(
            "  \(style.green("✓")) Copie pour un partenaire écrite dans \(path)"
                + (titles.isEmpty ? "" : ", à remplir : \(titles.joined(separator: ", "))") + ".")
        console.write(
            "  Le partenaire l'ouvre avec le même outil (atelier-sante \(path)), se nomme avec /participant, remplit, puis vous la renvoie ; /fusionner \(path) reporte alors son travail ici, avec sa provenance."
        )
        remindCurrent()
        return .accepted
    }

    /// At the start of a scenario or a copy: where it comes from and what to do with it; in any
    /// workbook, a merge left for later.
    func printLineageNote() {
        if let lineage = try? store.lineage() {
            let when = lineage.forkedAt.map(wording.when) ?? "?"
            let by = lineage.forkedBy.map { " par \(TerminalText.plainLine($0))" } ?? ""
            let territory = lineage.parentTerritory.map { "« \(TerminalText.plainLine($0)) »" } ?? lineage.parentPath
            switch lineage.kind {
            case .scenario:
                console.write(
                    style.cyan(
                        "Scénario « \(TerminalText.plainLine(lineage.name)) » de \(territory) (\(lineage.parentPath)), écrit le \(when)\(by)."
                    ))
            case .copy:
                let titles = lineage.sections.compactMap { key in questionnaire.sections.first { $0.key == key }?.title }
                console.write(
                    style.cyan(
                        "Copie du classeur \(territory), partagée le \(when)\(by)"
                            + (titles.isEmpty ? "." : " pour remplir : \(titles.joined(separator: ", ")).")))
                if participant == nil {
                    console.write(
                        style.cyan("Indiquez votre nom avec /participant NOM : chaque réponse le portera, et il sera repris à la fusion."))
                }
            }
        }
        if let saved = savedMerge() {
            console.write(
                style.yellow(
                    "Une fusion de « \(saved.path) » attend que ses conflits soient réglés (\(AtelierCore.counted(saved.choices.count, "choix fait", "choix faits"))) : /fusionner la reprend, /fusionner abandon y renonce."
                ))
        }
    }
}
