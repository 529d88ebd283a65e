import Foundation

// MARK: - The one parser of command lines

extension Command {
    /// The typed command of a line, or why it is refused; nil when the line is not a command
    /// (it answers the question). Names ignore accents and case (`/deplacer`, `/SYNTHESE`).
    public static func parse(_ line: String) -> Result<Command, CommandRefusal>? {
        let text = line.trimmed
        guard text.hasPrefix("/") else { return nil }
        let body = text.dropFirst()
        let name = String(body.prefix { !$0.isWhitespace })
        let argument = body.dropFirst(name.count).trimmed
        guard let spec = CommandCatalog.spec(named: name) else {
            let hint = closestMatch(to: name, in: CommandCatalog.all.map(\.spelling)).map { " Vouliez-vous dire /\($0) ?" } ?? ""
            return .failure(
                CommandRefusal("Commande inconnue : \(("/" + name).shortened(to: 60)).\(hint) Tapez /aide pour la liste des commandes."))
        }
        if spec.argumentRequired && argument.isEmpty {
            return .failure(CommandRefusal("Il manque un argument. Usage : \(spec.usage) (/aide pour le détail)."))
        }
        // « /annuler 3 » undoing one step without a word would mislead: refused, nothing done.
        if spec.argument == nil && !argument.isEmpty {
            let again =
                spec.name == .annuler || spec.name == .refaire ? " ; répétez-la pour aller plus loin, une modification à la fois" : ""
            return .failure(
                CommandRefusal(
                    "/\(spec.spelling) ne prend pas d'argument (« \(argument.shortened(to: 40)) » en trop) : tapez « /\(spec.spelling) » sans rien après\(again). Rien n'a été fait."
                ))
        }
        do {
            return .success(try command(spec.name, argument: argument))
        } catch {
            return .failure(error)
        }
    }

    /// `argument` is the rest of the line, trimmed, not empty when the command requires one.
    static func command(_ name: CommandName, argument: String) throws(CommandRefusal) -> Command {
        let optional = argument.isEmpty ? nil : argument
        switch name {
        case .aide: return .help(try topic(argument))
        case .sections: return .sections
        case .aller: return .goTo(argument)
        case .retour: return .back
        case .passer: return .skip
        case .revoir: return .review(section: optional)
        case .modifier: return try modification(argument)
        case .historique: return .history(key: argument)
        case .annuler: return .undo
        case .refaire: return .redo
        case .participant: return .participant(argument)
        case .source: return .source(optional)
        case .retirer: return .remove(try removal(argument))
        case .deplacer: return try move(argument)
        case .synthese: return .synthesis(part: try part(argument))
        case .importer: return try importing(argument)
        case .confirmer: return .confirm(key: optional)
        case .plan: return .plan
        case .verifier: return .verify
        case .exporter: return .export(try exportRequest(argument))
        case .reunion: return .meeting(try meetingAction(argument))
        case .reunions: return .meetings
        case .voix: return .voice(argument)
        case .prioriser: return .prioritize(try prioritizeAction(argument))
        case .priorites: return .priorities
        case .scenario: return .scenario(try scenarioAction(argument))
        case .partager: return try sharing(argument)
        case .fusionner: return .merge(mergeAction(argument))
        case .quitter: return .quit
        }
    }

    // MARK: - Arguments

    /// `/aide modifier` or `/aide /modifier`.
    static func topic(_ argument: String) throws(CommandRefusal) -> CommandName? {
        guard !argument.isEmpty else { return nil }
        let name = argument.hasPrefix("/") ? String(argument.dropFirst()) : argument
        guard let spec = CommandCatalog.spec(named: name) else {
            let hint = closestMatch(to: name, in: CommandCatalog.all.map(\.spelling)).map { " Vouliez-vous dire /\($0) ?" } ?? ""
            throw CommandRefusal("Commande inconnue : /\(name.shortened(to: 60)).\(hint) /aide liste les commandes.")
        }
        return spec.name
    }

    /// `/modifier CLÉ [VALEUR]`, or `/modifier LISTE.N.CHAMP [VALEUR]` when the key's
    /// next-to-last part is a number.
    static func modification(_ argument: String) throws(CommandRefusal) -> Command {
        let key = String(argument.prefix { !$0.isWhitespace })
        if let refusal = CommandRefusal.keyTooLong(key) { throw refusal }
        let value = argument.dropFirst(key.count).trimmed
        let parts = key.split(separator: ".")
        if parts.count >= 3, let number = Int(parts[parts.count - 2]) {
            return .modifyField(
                list: parts.dropLast(2).joined(separator: "."), number: number,
                field: String(parts[parts.count - 1]), value: value)
        }
        return .modify(key: key, value: value.isEmpty ? nil : value)
    }

    /// `/réunion nouvelle [CHAMPS]` or `/réunion fin [DÉCISIONS]`.
    static func meetingAction(_ argument: String) throws(CommandRefusal) -> MeetingAction {
        let word = String(argument.prefix { !$0.isWhitespace })
        let rest = argument.dropFirst(word.count).trimmed
        switch word.folded {
        case "nouvelle", "ouvrir", "debut": return .start(rest.isEmpty ? nil : rest)
        case "fin", "clore", "fermer": return .end(rest.isEmpty ? nil : rest)
        default:
            throw CommandRefusal(
                "Usage : /réunion nouvelle (ouvre une réunion) ou /réunion fin [ce qui a été décidé] (la clôt) ; « \(word.shortened()) » n'est ni l'un ni l'autre."
            )
        }
    }

    /// `/prioriser`, `/prioriser constats|leviers` or `/prioriser fin`.
    static func prioritizeAction(_ argument: String) throws(CommandRefusal) -> PrioritizeAction {
        switch argument.folded {
        case "", "constats", "constat": return .start(.findings)
        case "leviers", "levier": return .start(.levers)
        case "fin", "stop", "arreter": return .stop
        default:
            throw CommandRefusal(
                "Usage : /prioriser (les constats), /prioriser leviers, ou /prioriser fin ; « \(argument.shortened()) » n'est aucun des trois."
            )
        }
    }

    /// `/scenario nouveau NOM`, `/scenario liste`, `/scenario comparer A [B]`.
    static func scenarioAction(_ argument: String) throws(CommandRefusal) -> ScenarioAction {
        let word = String(argument.prefix { !$0.isWhitespace })
        let rest = argument.dropFirst(word.count).trimmed
        switch word.folded {
        case "nouveau", "creer", "nouvelle":
            guard !rest.isEmpty else {
                throw CommandRefusal("Il manque le nom du scénario : /scenario nouveau NOM, par exemple /scenario nouveau sans DSIL.")
            }
            return .create(rest)
        case "liste", "lister": return .list
        case "comparer", "compare":
            let names = rest.split(whereSeparator: \.isWhitespace).map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"'")) }
            guard (1...2).contains(names.count) else {
                throw CommandRefusal(
                    "Usage : /scenario comparer A (ce classeur et le scénario A) ou /scenario comparer A B ; un nom de scénario (sans espace : sans-dsil) ou un fichier .sqlite."
                )
            }
            return .compare(names[0], names.count == 2 ? names[1] : nil)
        default:
            throw CommandRefusal(
                "Usage : /scenario nouveau NOM, /scenario liste ou /scenario comparer A [B] ; « \(word.shortened()) » n'est aucun des trois."
            )
        }
    }

    /// `/partager FICHIER [SECTION…]`: the file is the first word (quotes allowed around it).
    static func sharing(_ argument: String) throws(CommandRefusal) -> Command {
        var words = argument.split(whereSeparator: \.isWhitespace).map(String.init)
        if let first = words.first, first.hasPrefix("\"") || first.hasPrefix("'"), let quote = first.first {
            // A quoted name with spaces: up to the closing quote.
            guard let end = words.firstIndex(where: { $0.hasSuffix(String(quote)) && ($0 != first || $0.count > 1) }) else {
                throw CommandRefusal("Guillemet non fermé dans le nom du fichier : /partager \"copie cpam.sqlite\" demographie.")
            }
            let name = words[0...end].joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: String(quote)))
            words = [name] + words[(end + 1)...]
        }
        return .share(path: words[0], sections: Array(words.dropFirst()))
    }

    static func mergeAction(_ argument: String) -> MergeAction {
        switch argument.folded {
        case "": .resume
        case "plus tard", "plustard", "pause", "suspendre": .later
        case "abandon", "abandonner", "annuler": .abandon
        default: .start(argument.trimmingCharacters(in: CharacterSet(charactersIn: "\"'")))
        }
    }

    static func removal(_ argument: String) throws(CommandRefusal) -> Int {
        guard let number = Int(argument) else {
            throw CommandRefusal(
                "Numéro d'élément invalide : « \(argument.shortened()) » n'est pas un numéro. Usage : /retirer NUMÉRO, par exemple /retirer 2."
            )
        }
        return number
    }

    static func move(_ argument: String) throws(CommandRefusal) -> Command {
        let words = argument.split(whereSeparator: \.isWhitespace)
        guard words.count == 2, let from = Int(words[0]), let to = Int(words[1]) else {
            throw CommandRefusal("Usage : /déplacer N M, deux numéros d'éléments : « /déplacer 4 1 » met le quatrième élément en tête.")
        }
        return .move(from: from, to: to)
    }

    static func part(_ argument: String) throws(CommandRefusal) -> String? {
        let part = argument.folded
        if part.isEmpty { return nil }
        guard SynthesisParts.all.contains(part) else {
            let hint = closestMatch(to: argument, in: SynthesisParts.all).map { " Vouliez-vous dire « \($0) » ?" } ?? ""
            throw CommandRefusal(
                "Partie inconnue : « \(argument.shortened()) ».\(hint) Parties : \(SynthesisParts.all.joined(separator: ", ")).")
        }
        return part
    }

    /// `/importer rpps|finess|populations FICHIER`: the file name is the rest of the line,
    /// without the quotes a shell user may type around it (`~` is the session's to expand).
    static func importing(_ argument: String) throws(CommandRefusal) -> Command {
        let words = argument.split(separator: " ", maxSplits: 1).map(String.init)
        let path = words.count == 2 ? words[1].trimmed.trimmingCharacters(in: CharacterSet(charactersIn: "\"'")) : ""
        guard let kind = words.first.flatMap({ ImportKind(rawValue: $0.folded) }), !path.isEmpty else {
            throw CommandRefusal(
                "Usage : /importer rpps|finess|populations FICHIER (par exemple /importer rpps PS_LibreAcces_Personne_activite_202611020900.txt)."
            )
        }
        return .importFile(kind: kind, path: path)
    }

    /// `/exporter cls|plan|synthese [FICHIER.EXT | EXT] [csv]`: the file name is the rest of the line as
    /// typed, spaces kept, and its extension chooses the format; a format alone (`docx`) means
    /// the default name in that format. For the plan, a last word `csv` asks for the CSV file too.
    static func exportRequest(_ argument: String) throws(CommandRefusal) -> ExportRequest {
        let kind = String(argument.prefix { $0 != " " })
        let rest = argument.drop { $0 != " " }.trimmed
        let document: ExportRequest.Document
        switch kind.folded {
        case "cls": document = .cls
        case "plan": document = .plan
        case "synthese": document = .synthese
        default:
            throw CommandRefusal(
                "Document inconnu : « \(kind.shortened()) ». Usage : /exporter cls [FICHIER], /exporter plan [FICHIER] [csv] ou /exporter synthese [FICHIER.html] ; l'extension du fichier choisit le format, par exemple /exporter cls contrat.docx."
            )
        }
        // `/exporter plan csv` has long meant « the plan, and its CSV too ».
        let csv = document == .plan && (rest.folded == "csv" || rest.folded.hasSuffix(" csv"))
        let named = csv ? String(rest.dropLast(3)).trimmed : rest
        if named.isEmpty { return ExportRequest(document: document, csv: csv, format: document.formats[0]) }
        if let format = ExportRequest.Format.allCases.first(where: {
            $0.rawValue == named.folded || $0 == .markdown && named.folded == "markdown"
        }) {
            guard document.formats.contains(format) else { throw wrongFormat(document, "« \(named) »") }
            return ExportRequest(document: document, csv: csv, format: format)
        }
        let name = named.split(separator: "/").last.map(String.init) ?? named
        let dot = name.dropFirst().lastIndex(of: ".")
        let fileExtension = dot.map { String(name[name.index(after: $0)...]).folded } ?? ""
        guard let format = document.formats.first(where: { $0.fileExtension == fileExtension }) else {
            let choices = document.formats.prefix(3).map { "\(named.shortened()).\($0.fileExtension)" }
            let refusal =
                fileExtension.isEmpty
                ? "Le nom « \(named.shortened()) » n'a pas d'extension : elle choisit le format. Par exemple \(choices.joined(separator: ", "))."
                : wrongFormat(document, "l'extension « .\(fileExtension.shortened()) »").message
            return ExportRequest(document: document, path: named, csv: csv, formatRefusal: refusal)
        }
        return ExportRequest(document: document, path: named, csv: csv, format: format)
    }

    static func wrongFormat(_ document: ExportRequest.Document, _ what: String) -> CommandRefusal {
        let formats = document.formats.map { ".\($0.fileExtension) (\($0.label))" }
        let name = ["cls": "Le projet de contrat", "plan": "Le plan de financement"][document.rawValue] ?? "La synthèse"
        return CommandRefusal("\(name) ne s'écrit pas avec \(what) ; formats possibles : \(formats.joined(separator: ", ")).")
    }
}

extension CommandRefusal {
    /// A key longer than any key could be: refused at once, quoted short. Searching suggestions
    /// for a megabyte « key » took seconds, and echoing it back filled the screen.
    public static func keyTooLong(_ key: String) -> CommandRefusal? {
        guard key.utf8.count > InputLimits.keyCharacters, key.count > InputLimits.keyCharacters else { return nil }
        return CommandRefusal(
            "Clé trop longue : « \(key.prefix(40))… » dépasse \(InputLimits.keyCharacters) caractères ; une clé de question est courte, comme demographie.infirmiers.effectif. /sections liste les sections ; Tab complète les clés."
        )
    }
}
