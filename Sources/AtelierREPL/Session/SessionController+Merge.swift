import AtelierCore
import AtelierStore
import Foundation

/// A `/fusionner` waiting for its conflicts to be settled: nothing is written until they all are.
struct MergeState {
    var path: String
    var source: MergeSource
    var merge: WorkbookMerge
    /// The choices made, by conflict identity (kept in the workbook's state, for a later resume).
    var resolutions: [String: WorkbookMerge.Resolution]

    var pending: [WorkbookMerge.Conflict] { merge.conflicts.filter { resolutions[$0.identity] == nil } }
}

// MARK: - /fusionner: a partner's copy or a scenario brought back, conflict by conflict

extension SessionController {
    /// The workbook's state holding a merge left for later: the file and the choices made.
    static let mergeStateKey = "fusion_en_cours"

    func merge(_ action: MergeAction) -> Outcome {
        switch action {
        case .start(let path): return startMerge(NSString(string: path).expandingTildeInPath)
        case .resume:
            if merging != nil { return askConflict() }
            guard let saved = savedMerge() else {
                return .refused(
                    "Aucune fusion en cours. Usage : /fusionner FICHIER, le fichier d'une copie écrite par /partager ou d'un scénario.")
            }
            return startMerge(saved.path)
        case .later:
            guard let state = merging ?? savedMerge().flatMap({ try? resumedState($0.path) }) else {
                return .refused("Aucune fusion en cours : rien à reprendre plus tard.")
            }
            merging = nil
            console.write(
                "Fusion de « \(state.path) » suspendue : \(AtelierCore.counted(state.resolutions.count, "choix gardé", "choix gardés")), "
                    + "\(AtelierCore.counted(state.pending.count, "conflit restant", "conflits restants")). Rien n'a été écrit dans le classeur ; /fusionner la reprend."
            )
            askCurrent()
            return .accepted
        case .abandon:
            guard merging != nil || savedMerge() != nil else { return .refused("Aucune fusion en cours : rien à abandonner.") }
            merging = nil
            saveMergeChoices(nil)
            console.write("Fusion abandonnée : le classeur est tel qu'avant ; /fusionner FICHIER la recommence.")
            askCurrent()
            return .accepted
        }
    }

    /// Reads the copy, merges it with the workbook as it is now, and writes at once when nothing
    /// conflicts; otherwise asks each conflict in turn.
    func startMerge(_ path: String) -> Outcome {
        if let other = merging?.path ?? savedMerge()?.path, other != path {
            return .refused(
                "Une fusion de « \(other) » est en cours : réglez ses conflits, ou /fusionner abandon, avant d'en commencer une autre.")
        }
        let state: MergeState
        do {
            state = try resumedState(path)
        } catch {
            return .refused(error.description)
        }
        if state.merge.isEmpty {
            saveMergeChoices(nil)
            merging = nil
            console.write(
                "Rien à reporter : « \(path) » n'a changé aucune réponse qui diffère de ce classeur depuis "
                    + (state.source.lastMerged.map { "la dernière fusion (\(wording.when($0)))" } ?? "la copie") + ".")
            return .accepted
        }
        describe(state)
        merging = state
        if state.pending.isEmpty { return finishMerge() }
        saveMergeChoices(state)
        return askConflict()
    }

    /// The merge of `path` against the workbook as it is now, with the choices saved for it.
    func resumedState(_ path: String) throws(WorkbookError) -> MergeState {
        let source = try store.mergeSource(path)
        let merge = workbookMerge(source, mine: try store.answers())
        var resolutions = merging?.path == path ? merging!.resolutions : [:]
        if let saved = savedMerge(), saved.path == path { resolutions.merge(saved.choices) { mine, _ in mine } }
        // Only the choices for conflicts as they still are: a value changed since is asked again.
        let identities = Set(merge.conflicts.map(\.identity))
        return MergeState(path: path, source: source, merge: merge, resolutions: resolutions.filter { identities.contains($0.key) })
    }

    /// The merge of `source` into the answers `mine`, in the questionnaire's order.
    func workbookMerge(_ source: MergeSource, mine: [String: StoredAnswer]) -> WorkbookMerge {
        WorkbookMerge(
            base: source.base, mine: mine, theirs: source.theirs, order: questionnaire.questions.map(\.key),
            fieldOrder: { self.questionnaire.listFields(ofKey: $0).map(\.key) })
    }

    func describe(_ state: MergeState) {
        let lineage = state.source.lineage
        let what = lineage.kind == .scenario ? "Scénario « \(TerminalText.plainLine(lineage.name)) »" : "Copie « \(state.path) »"
        let by = lineage.forkedBy.map { " par \(TerminalText.plainLine($0))" } ?? ""
        console.write(style.bold("\(what) (écrite le \(lineage.forkedAt.map(wording.when) ?? "?")\(by))"))
        let taken = state.merge.taken
        console.write(
            "  \(AtelierCore.counted(taken.count, "réponse changée", "réponses changées")) dans la copie seulement, à reprendre ; "
                + AtelierCore.counted(state.merge.conflicts.count, "conflit", "conflits") + " (changé des deux côtés).")
        for item in taken.prefix(20) {
            let value = item.value.map { Table.truncate(TerminalText.plainLine($0.display), 60) } ?? "réponse retirée"
            console.write("    \(item.key) : \(value)" + provenance(item.provenance, prefix: " — "))
        }
        if taken.count > 20 { console.write(style.dim("    … et \(taken.count - 20) autres")) }
        let lists = state.merge.lists.keys.sorted()
        if !lists.isEmpty {
            console.write("  Listes changées des deux côtés, fusionnées élément par élément : " + lists.joined(separator: ", "))
        }
    }

    /// « par CPAM, le 03/12/2026 à 09:12, source : SNDS 2025 ».
    func provenance(_ answer: StoredAnswer?, prefix: String) -> String {
        guard let answer else { return "" }
        var parts: [String] = []
        if let who = answer.participant { parts.append("par \(TerminalText.plainLine(who))") }
        parts.append("le \(wording.when(answer.updatedAt))")
        if let source = answer.source {
            let year = answer.sourceYear.map { source.contains(String($0)) ? "" : " (\($0))" } ?? ""
            parts.append("source : \(TerminalText.plainLine(source))" + year)
        }
        return prefix + parts.joined(separator: ", ")
    }

    /// Shows the next conflict to settle; writes the merge when none is left.
    func askConflict() -> Outcome {
        guard let state = merging else { return .accepted }
        guard let conflict = state.pending.first else { return finishMerge() }
        let number = state.merge.conflicts.count - state.pending.count + 1
        let question = questionnaire.question(forKey: conflict.key)
        let element = conflict.element.map { ", élément \($0) à la copie" } ?? ""
        console.write("")
        console.write(
            style.bold("Conflit \(number) sur \(state.merge.conflicts.count) — \(conflict.key)\(element)")
                + (question.map { " (\(TerminalText.plainLine($0.label)))" } ?? ""))
        console.write("  1. le vôtre : \(shown(conflict.mine, conflict.key))" + provenance(conflict.mineProvenance, prefix: " — "))
        console.write("  2. le leur  : \(shown(conflict.theirs, conflict.key))" + provenance(conflict.theirProvenance, prefix: " — "))
        console.write(style.dim("     à la copie : \(shown(conflict.base, conflict.key))"))
        let other = conflict.element == nil ? "une autre valeur" : "un autre élément (champs séparés par « ; »), ou « retirer »"
        console.write(
            "Tapez 1 pour garder le vôtre, 2 pour prendre le leur, ou \(other). /fusionner plus tard s'arrête là (rien n'est écrit avant le dernier conflit)."
        )
        return .accepted
    }

    func shown(_ value: AnswerValue?, _ key: String) -> String {
        guard let value else { return "retiré" }
        if case .records(let items) = value, items.count == 1 {
            return TerminalText.plainLine(items[0].labelled(questionnaire.listFields(ofKey: key)))
        }
        return Table.truncate(TerminalText.plainLine(value.display), 120)
    }

    /// A line while a conflict is asked: 1, 2 or a value (nil: no merge is waiting).
    func mergeLine(_ line: String) -> Outcome? {
        guard var state = merging else { return nil }
        guard let conflict = state.pending.first else { return finishMerge() }
        if line.isEmpty { return askConflict() }
        let resolution: WorkbookMerge.Resolution
        switch line.folded {
        case "1", "mien", "le mien", "garder", "vous", "le votre", "votre": resolution = .mine
        case "2", "leur", "le leur", "prendre", "eux": resolution = .theirs
        default:
            do {
                resolution = .typed(try typedResolution(line, for: conflict))
            } catch {
                return .refused(error.message + " Rien n'a été écrit ; tapez 1, 2 ou une valeur.")
            }
        }
        state.resolutions[conflict.identity] = resolution
        merging = state
        saveMergeChoices(state)
        let chosen =
            switch resolution {
            case .mine: "le vôtre gardé"
            case .theirs: "le leur pris"
            case .typed(let value): "remplacé par : \(shown(value, conflict.key))"
            }
        console.write("  \(style.green("✓")) \(conflict.key) : \(chosen)")
        return askConflict()
    }

    func typedResolution(_ line: String, for conflict: WorkbookMerge.Conflict) throws(Refusal) -> AnswerValue? {
        guard let question = questionnaire.question(forKey: conflict.key) else {
            throw Refusal(message: "Le questionnaire n'a plus la question \(conflict.key) : seuls 1 ou 2 sont possibles.")
        }
        guard conflict.element != nil else { return try parsed(line, as: question) }
        if line.folded == "retirer" { return nil }
        do {
            return .records([try parser(for: question.kind).record(line, fields: questionnaire.listFields(ofKey: conflict.key))])
        } catch {
            throw Refusal(message: error.description)
        }
    }

    /// Writes the merge in one transaction, decided again on the workbook as it is now: a
    /// conflict that appeared meanwhile (another session) is asked before anything is written.
    func finishMerge() -> Outcome {
        guard let state = merging else { return .accepted }
        var reopened: MergeState?
        let written: MergeWritten?
        do {
            written = try store.merge(state.source, by: participant) { mine in
                let merge = self.workbookMerge(state.source, mine: mine)
                guard let taken = merge.outcome({ state.resolutions[$0.identity] }) else {
                    reopened = MergeState(path: state.path, source: state.source, merge: merge, resolutions: state.resolutions)
                    return nil
                }
                return (taken, Self.settledJSON(merge.conflicts, state.resolutions))
            }
        } catch {
            return .refused(error.description + " Les choix faits sont gardés : /fusionner reprend.")
        }
        if let reopened {
            merging = reopened
            console.write(style.yellow("  Une autre session a changé le classeur entre-temps : un conflit de plus est à régler."))
            return askConflict()
        }
        merging = nil
        saveMergeChoices(nil)
        if let content = try? store.content() { adopt(content) }
        let count = written?.keys.count ?? 0
        console.write(
            "  \(style.green("✓")) Fusion enregistrée : \(AtelierCore.counted(count, "réponse reprise", "réponses reprises")) de « \(state.path) »"
                + (state.merge.conflicts.isEmpty
                    ? "" : ", \(AtelierCore.counted(state.merge.conflicts.count, "conflit réglé", "conflits réglés"))")
                + ". /annuler la reprend entière ; /historique CLÉ montre d'où vient chaque réponse.")
        setCurrent(session.startingQuestion(saved: savedPosition))
        askCurrent()
        return .accepted
    }

    // MARK: - Choices kept for later

    /// `{"fichier": …, "choix": {identity: {"choix": "mien"|"leur"|"saisi", "valeur": json}}}`.
    func saveMergeChoices(_ state: MergeState?) {
        var json: String?
        if let state {
            let choices = state.resolutions.mapValues { resolution -> [String: Any] in
                switch resolution {
                case .mine: ["choix": "mien"]
                case .theirs: ["choix": "leur"]
                case .typed(let value): ["choix": "saisi", "valeur": value?.json ?? NSNull()]
                }
            }
            let object: [String: Any] = ["fichier": state.path, "choix": choices]
            json = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])).map { String(decoding: $0, as: UTF8.self) }
        }
        do {
            try store.setState(Self.mergeStateKey, json)
        } catch {
            console.writeError(
                style.dim("  Les choix de la fusion n'ont pas pu être gardés (\(error.description)) : le classeur n'a pas changé."))
        }
    }

    func savedMerge() -> (path: String, choices: [String: WorkbookMerge.Resolution])? {
        guard let text = try? store.state(Self.mergeStateKey),
            let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any],
            let path = object["fichier"] as? String
        else { return nil }
        var choices: [String: WorkbookMerge.Resolution] = [:]
        for (identity, entry) in (object["choix"] as? [String: [String: Any]]) ?? [:] {
            switch entry["choix"] as? String {
            case "mien": choices[identity] = .mine
            case "leur": choices[identity] = .theirs
            case "saisi":
                let value = (entry["valeur"] as? String).flatMap { try? AnswerValue(json: $0) }
                if entry["valeur"] is String && value == nil { continue }  // edited into nonsense: asked again
                choices[identity] = .typed(value)
            default: continue
            }
        }
        return (path, choices)
    }

    /// Each conflict, both values and the choice, as the merge record keeps them.
    static func settledJSON(_ conflicts: [WorkbookMerge.Conflict], _ resolutions: [String: WorkbookMerge.Resolution]) -> String {
        let items: [[String: Any]] = conflicts.map { conflict in
            var item: [String: Any] = [
                "cle": conflict.key, "le_votre": conflict.mine?.json ?? NSNull(), "le_leur": conflict.theirs?.json ?? NSNull(),
            ]
            if let element = conflict.element { item["element"] = element }
            switch resolutions[conflict.identity] {
            case .mine?: item["choix"] = "mien"
            case .theirs?: item["choix"] = "leur"
            case .typed(let value)?:
                item["choix"] = "saisi"
                item["valeur"] = value?.json ?? NSNull()
            case nil: break
            }
            return item
        }
        return (try? JSONSerialization.data(withJSONObject: items, options: [.sortedKeys])).map { String(decoding: $0, as: UTF8.self) }
            ?? "[]"
    }
}
