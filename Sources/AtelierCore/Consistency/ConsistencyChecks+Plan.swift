// MARK: - Plan d'actions: the axis of each fiche, each library fiche once

extension ConsistencyChecks {
    /// The axes a fiche may name by number or title: the user's, else the library's (as the
    /// CLS draft reads them).
    func axes(_ answers: [String: AnswerValue]) -> (titles: [String], origin: String) {
        let user = Self.records(answers, QuestionKeys.axes).compactMap { Self.text($0["intitule"]) }
        return user.isEmpty ? (libraryAxes, "la bibliothèque (plan.axes est vide)") : (user, QuestionKeys.axes)
    }

    /// Whether `typed` designates one of `axes`: its number, or its title (accents and case aside).
    static func designates(_ typed: String, _ axes: [String], folded foldedAxes: [String]? = nil) -> Bool {
        if let number = Int(typed.trimmed) { return axes.indices.contains(number - 1) }
        let typed = typed.folded
        return (foldedAxes ?? axes.map(\.folded)).contains(typed)
    }

    func planInconsistencies(_ answers: [String: AnswerValue]) -> [Inconsistency] {
        let sheets = Self.records(answers, QuestionKeys.actionSheets)
        let (axes, origin) = axes(answers)
        var found: [Inconsistency] = []
        var titles: [(key: String, folded: String, number: Int)] = []
        let foldedAxes = axes.map(\.folded)  // once: folding is most of what these checks cost
        for (index, record) in sheets.enumerated() {
            let number = index + 1
            let target = "\(QuestionKeys.actionSheets).\(number)"
            if let typed = Self.text(record["axe"]), !axes.isEmpty, !Self.designates(typed, axes, folded: foldedAxes) {
                let range = axes.count == 1 ? "1" : "1 à \(axes.count)"
                let reason =
                    Int(typed.trimmed).map { "l'axe \($0) n'existe pas : \(origin) en compte \(axes.count)" }
                    ?? "« \(typed) » n'est ni le numéro ni l'intitulé d'un axe de \(origin) (\(axes.count == 1 ? "1 axe" : "\(axes.count) axes"))"
                found.append(
                    Inconsistency(
                        rule: .unknownAxis, target: "\(target).axe", shown: typed, reason: reason,
                        expected: "le numéro d'un axe (\(range)) ou son intitulé ; un axe nouveau s'ajoute d'abord à plan.axes",
                        fixes: ["/modifier \(target).axe N (\(range))", "/aller \(QuestionKeys.axes) pour ajouter l'axe"],
                        refusedWhenTyped: [QuestionKeys.actionSheets], identity: "axe|\(record.display)|\(axes.count)"))
            }
            guard case .choice(let key)? = record["fiche"], key != ActionSheetLibrary.customKey else { continue }
            if !sheetTitles.isEmpty && sheetTitles[key] == nil {
                found.append(unknownSheet(key, target: target, record: record))
                continue
            }
            if origin == QuestionKeys.axes, (Self.text(record["axe"])?.trimmed ?? "").isEmpty, let axis = sheetAxes[key],
                !foldedAxes.contains(axis.folded)
            {
                found.append(libraryAxisOutsidePlan(axis, axes: axes, target: target, record: record))
            }
            // The same fiche of the library twice, under the same title: the contract would
            // print two identical actions. (Under a title of its own it is a second action.)
            let title = Self.text(record["intitule"]) ?? sheetTitles[key] ?? key
            let foldedTitle = title.folded
            if let first = titles.first(where: { $0.key == key && $0.folded == foldedTitle }) {
                found.append(
                    Inconsistency(
                        rule: .repeatedSheet, target: "\(target).fiche", shown: key,
                        reason:
                            "la fiche « \(title) » figure deux fois dans \(QuestionKeys.actionSheets) (éléments \(first.number) et \(number))",
                        expected: "une autre fiche, ou celle-ci avec un intitulé à vous pour une seconde action distincte",
                        fixes: ["/retirer \(number) (dans /aller \(QuestionKeys.actionSheets))", "/modifier \(target).intitule INTITULÉ"],
                        refusedWhenTyped: [QuestionKeys.actionSheets], identity: "fiche|\(key)|\(foldedTitle)"))
            } else {
                titles.append((key, foldedTitle, number))
            }
        }
        return found
    }

    /// A library fiche left on « its » axis (`axe` empty) while the plan has axes of its own
    /// that do not include it: the contract would print an axis the plan does not have.
    func libraryAxisOutsidePlan(_ axis: String, axes: [String], target: String, record: ListRecord) -> Inconsistency {
        let range = axes.count == 1 ? "1" : "1 à \(axes.count)"
        let listed = axes.enumerated().map { "\($0.offset + 1). « \($0.element) »" }.joined(separator: ", ")
        return Inconsistency(
            rule: .libraryAxisOutsidePlan, target: "\(target).axe", shown: "(vide)",
            reason:
                "axe laissé vide : la fiche prendrait celui de la bibliothèque, « \(axis) », qui n'est pas un axe de \(QuestionKeys.axes) (\(listed))",
            expected:
                "le numéro d'un axe de \(QuestionKeys.axes) (\(range)) ou son intitulé ; ou ajoutez d'abord « \(axis) » à \(QuestionKeys.axes)",
            fixes: ["/modifier \(target).axe N (\(range))", "/aller \(QuestionKeys.axes) pour ajouter l'axe"],
            refusedWhenTyped: [QuestionKeys.actionSheets], identity: "axe-vide|\(record.display)|\(axes.count)")
    }

    /// A fiche key the library does not have (a workbook edited by hand, or a fiche since
    /// removed from templates/plan/fiches.yaml): the contract cannot write it. The parser
    /// refuses one typed: only /vérifier lists it.
    func unknownSheet(_ key: String, target: String, record: ListRecord) -> Inconsistency {
        Inconsistency(
            rule: .unknownSheet, target: "\(target).fiche", shown: key,
            reason: "« \(key) » n'est ni une fiche de la bibliothèque (templates/plan/fiches.yaml) ni « \(ActionSheetLibrary.customKey) »",
            expected: "la clé d'une fiche de la bibliothèque, ou « \(ActionSheetLibrary.customKey) » pour une fiche à vous",
            fixes: [
                "/modifier \(target).fiche CLÉ (les fiches : /aller \(QuestionKeys.actionSheets))",
                "/modifier \(target).fiche \(ActionSheetLibrary.customKey)",
            ],
            refusedWhenTyped: [], identity: "fiche-inconnue|\(record.display)")
    }
}
