import AtelierCore
import AtelierStore
import Foundation

/// Without a path, lists the workbooks of `sessions/` and lets the user resume one or name a
/// new territory. A new workbook's file name is derived from the territory's name and can
/// never leave `sessions/`.
struct WorkbookPicker {
    let directory: String
    let questionnaire: Questionnaire
    let console: Console
    let reader: LineReader
    let context: AppContext

    enum Choice {
        case open(path: String, newTerritoryName: String?)
        case cancelled
        case failed(String)
    }

    func choose() -> Choice {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".sqlite") && !$0.contains(".avant-migration-") }.sorted()
        let style = console.style
        if files.isEmpty {
            console.write("Aucun classeur dans \(directory).")
        } else {
            console.write(style.bold("Classeurs dans \(directory) :"))
            for (index, file) in files.enumerated() {
                console.write("  \(index + 1). " + describe(directory + "/" + file))
            }
        }
        let question =
            files.isEmpty
            ? "Nom du territoire pour créer un classeur :"
            : "Numéro du classeur à reprendre, ou nom d'un nouveau territoire :"
        while true {
            console.write(question)
            switch reader.readLine(prompt: style.prompt("classeur › ")) {
            case .end: return .cancelled
            case .interrupted: continue
            case .undecodable:
                if !reader.isInteractive { return .failed("la ligne n'est pas du texte UTF-8") }
                console.writeError("Ligne illisible : l'entrée n'est pas du texte UTF-8.")
            case .tooLong:
                if !reader.isInteractive { return .failed(AtelierApp.tooLongMessage) }
                console.writeError(AtelierApp.tooLongMessage)
            case .line(let raw):
                let text = raw.trimmed
                if text.isEmpty { continue }
                if let number = Int(text) {
                    if number >= 1, number <= files.count { return .open(path: directory + "/" + files[number - 1], newTerritoryName: nil) }
                    let message =
                        files.isEmpty
                        ? "Aucun classeur à reprendre : tapez le nom du territoire."
                        : "Numéro invalide : attendu un nombre entre 1 et \(files.count), ou le nom d'un nouveau territoire."
                    if !reader.isInteractive { return .failed(message) }
                    console.writeError(message)
                    continue
                }
                // The name is recorded as territoire.nom without going through the parser:
                // refused here as the parser refuses it, or it would reach every terminal.
                if TerminalText.containsControlCharacters(text) {
                    let message =
                        "Nom de territoire refusé : il contient des caractères de contrôle (échappement de terminal, tabulation…). Tapez-le en texte simple."
                    if !reader.isInteractive { return .failed(message) }
                    console.writeError(message)
                    continue
                }
                guard let name = Self.fileName(forTerritory: text) else {
                    let message = "Nom de territoire invalide : il doit contenir des lettres ou des chiffres (au plus 200 caractères)."
                    if !reader.isInteractive { return .failed(message) }
                    console.writeError(message)
                    continue
                }
                let path = directory + "/" + name
                let exists = FileManager.default.fileExists(atPath: path)
                if exists { console.write("Le classeur \(name) existe déjà : reprise.") }
                return .open(path: path, newTerritoryName: exists ? nil : text)
            }
        }
    }

    /// `CC Cœur de Nacre` → `cc-coeur-de-nacre.sqlite`: letters and digits only, so no `/`,
    /// `..` or control character can reach the file system.
    static func fileName(forTerritory name: String) -> String? {
        guard name.count <= 200 else { return nil }
        var slug = ""
        for scalar in name.folded.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.hasSuffix("-") && !slug.isEmpty {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        guard !slug.isEmpty else { return nil }
        return String(slug.prefix(80)) + ".sqlite"
    }

    func describe(_ path: String) -> String {
        let file = (path as NSString).lastPathComponent
        guard let summary = try? WorkbookStore.summary(ofFileAt: path, keys: questionnaire.questions.map(\.key)) else {
            return "\(file) — illisible (endommagé, ou d'une autre version)"
        }
        let territory = summary.territory ?? "territoire sans nom"
        let progress = Navigator(questionnaire: questionnaire).progress(answers: summary.answers, skipped: [])
        let answered = progress.reduce(0) { $0 + $1.answered }, applicable = progress.reduce(0) { $0 + $1.applicable }
        let percent = applicable == 0 ? 0 : answered * 100 / applicable
        let when = summary.lastChange.map { "modifié le " + context.timestamp($0) } ?? "vide"
        return "\(territory) — \(answered)/\(applicable) questions (\(percent) %) — \(when) (\(file))"
    }
}
