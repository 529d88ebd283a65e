import AtelierCore
import Testing

/// Lines as users type them, and the typed command or the French refusal each one gets.
@Suite struct CommandParsingTests {
    typealias Parsed = Result<Command, CommandRefusal>

    static func refused(_ message: String) -> Parsed { .failure(CommandRefusal(message)) }

    static func message(of parsed: Parsed?) -> String? {
        if case .failure(let refusal)? = parsed { return refusal.message }
        return nil
    }

    // MARK: - Every command, accents and case optional, spaces ignored around words

    static let commands: [(String, Command)] = [
        ("/aide", .help(nil)),
        ("/aide modifier", .help(.modifier)),
        ("/aide /Déplacer", .help(.deplacer)),
        ("/AIDE synthese", .help(.synthese)),
        ("/sections", .sections),
        ("/SECTIONS  ", .sections),
        ("/aller demographie", .goTo("demographie")),
        ("/Aller   territoire.communes  ", .goTo("territoire.communes")),
        ("/retour", .back),
        ("/passer", .skip),
        ("/revoir", .review(section: nil)),
        ("/revoir demographie", .review(section: "demographie")),
        ("/modifier territoire.nom", .modify(key: "territoire.nom", value: nil)),
        ("/modifier  territoire.nom  Pays d'Auge ", .modify(key: "territoire.nom", value: "Pays d'Auge")),
        (
            "/modifier structures.liste MSP ; Mairie ; 14118 ; en projet",
            .modify(key: "structures.liste", value: "MSP ; Mairie ; 14118 ; en projet")
        ),
        (
            "/modifier plan.fiches.2.pilote Mairie de Lisieux",
            .modifyField(list: "plan.fiches", number: 2, field: "pilote", value: "Mairie de Lisieux")
        ),
        ("/modifier plan.fiches.2.pilote", .modifyField(list: "plan.fiches", number: 2, field: "pilote", value: "")),
        (
            "/modifier financement.recettes.1.montant 12 000",
            .modifyField(list: "financement.recettes", number: 1, field: "montant", value: "12 000")
        ),
        (
            "/modifier demographie.medecins_generalistes.effectif 14",
            .modify(key: "demographie.medecins_generalistes.effectif", value: "14")
        ),
        ("/historique territoire.nom", .history(key: "territoire.nom")),
        ("/annuler", .undo),
        ("/ANNULER", .undo),
        ("/refaire", .redo),
        ("/participant Marie Durand", .participant("Marie Durand")),
        ("/source C@rtoSanté 2025", .source("C@rtoSanté 2025")),
        ("/source", .source(nil)),
        ("/retirer 2", .remove(2)),
        ("/retirer  -1 ", .remove(-1)),
        ("/déplacer 4 1", .move(from: 4, to: 1)),
        ("/deplacer 2   1", .move(from: 2, to: 1)),
        ("/DÉPLACER 0 9999", .move(from: 0, to: 9999)),
        ("/synthèse", .synthesis(part: nil)),
        ("/SYNTHESE", .synthesis(part: nil)),
        ("/synthese Démographie", .synthesis(part: "demographie")),
        ("/synthèse acces", .synthesis(part: "acces")),
        ("/importer rpps PS_LibreAcces.txt", .importFile(kind: .rpps, path: "PS_LibreAcces.txt")),
        ("/importer FINESS \"mon fichier.csv\"", .importFile(kind: .finess, path: "mon fichier.csv")),
        ("/importer populations 'donnees communes.csv'", .importFile(kind: .populations, path: "donnees communes.csv")),
        ("/importer rpps ~/Téléchargements/rpps.txt", .importFile(kind: .rpps, path: "~/Téléchargements/rpps.txt")),
        ("/confirmer", .confirm(key: nil)),
        ("/confirmer demographie.infirmiers.effectif", .confirm(key: "demographie.infirmiers.effectif")),
        ("/plan", .plan),
        ("/verifier", .verify),
        ("/Vérifier", .verify),
        ("/exporter cls", .export(ExportRequest(document: .cls))),
        ("/exporter CLS chemin/contrat.md", .export(ExportRequest(document: .cls, path: "chemin/contrat.md"))),
        ("/exporter cls mon  contrat final.md", .export(ExportRequest(document: .cls, path: "mon  contrat final.md"))),
        ("/exporter cls contrat.docx", .export(ExportRequest(document: .cls, path: "contrat.docx", format: .docx))),
        ("/exporter cls Contrat Final.ODT", .export(ExportRequest(document: .cls, path: "Contrat Final.ODT", format: .odt))),
        ("/exporter cls docx", .export(ExportRequest(document: .cls, format: .docx))),
        ("/exporter plan odt", .export(ExportRequest(document: .plan, format: .odt))),
        (
            "/exporter plan budget/plan.docx csv",
            .export(ExportRequest(document: .plan, path: "budget/plan.docx", csv: true, format: .docx))
        ),
        ("/exporter plan plan.csv", .export(ExportRequest(document: .plan, path: "plan.csv", format: .csv))),
        ("/exporter synthèse", .export(ExportRequest(document: .synthese, format: .html))),
        ("/exporter synthese copil/page.html", .export(ExportRequest(document: .synthese, path: "copil/page.html", format: .html))),
        ("/exporter plan Budget 2027.XLSX", .export(ExportRequest(document: .plan, path: "Budget 2027.XLSX", format: .xlsx))),
        ("/exporter plan ods csv", .export(ExportRequest(document: .plan, csv: true, format: .ods))),
        // A name whose extension is no format is refused once the REPL knows it is not the workbook.
        (
            "/exporter cls contrat csv",
            .export(
                ExportRequest(
                    document: .cls, path: "contrat csv",
                    formatRefusal:
                        "Le nom « contrat csv » n'a pas d'extension : elle choisit le format. Par exemple contrat csv.md, contrat csv.docx, contrat csv.odt."
                ))
        ),
        (
            "/exporter cls contrat.pdf",
            .export(
                ExportRequest(
                    document: .cls, path: "contrat.pdf",
                    formatRefusal:
                        "Le projet de contrat ne s'écrit pas avec l'extension « .pdf » ; formats possibles : .md (Markdown), .docx (Word), .odt (LibreOffice Writer)."
                ))
        ),
        (
            "/exporter plan dossier.v2/plan",
            .export(
                ExportRequest(
                    document: .plan, path: "dossier.v2/plan",
                    formatRefusal:
                        "Le nom « dossier.v2/plan » n'a pas d'extension : elle choisit le format. Par exemple dossier.v2/plan.md, dossier.v2/plan.docx, dossier.v2/plan.odt."
                ))
        ),
        ("/exporter plan", .export(ExportRequest(document: .plan))),
        ("/exporter plan csv", .export(ExportRequest(document: .plan, csv: true))),
        ("/exporter plan CSV", .export(ExportRequest(document: .plan, csv: true))),
        ("/exporter plan plan.md csv", .export(ExportRequest(document: .plan, path: "plan.md", csv: true))),
        ("/exporter plan mon plan.md", .export(ExportRequest(document: .plan, path: "mon plan.md"))),
        ("/exporter plan plan-csv.md", .export(ExportRequest(document: .plan, path: "plan-csv.md"))),
        ("/quitter", .quit),
        ("  /quitter  ", .quit),
    ]

    @Test(arguments: commands)
    func aCommandIsParsedOnceIntoTypedArguments(line: String, command: Command) {
        #expect(Command.parse(line) == .success(command))
    }

    // MARK: - Refusals

    static let usageOfImport =
        "Usage : /importer rpps|finess|populations FICHIER (par exemple /importer rpps PS_LibreAcces_Personne_activite_202611020900.txt)."
    static let usageOfMove = "Usage : /déplacer N M, deux numéros d'éléments : « /déplacer 4 1 » met le quatrième élément en tête."

    static let refusals: [(String, String)] = [
        (
            "/SECTIONS  ignoré",
            "/sections ne prend pas d'argument (« ignoré » en trop) : tapez « /sections » sans rien après. Rien n'a été fait."
        ),
        (
            "/annuler 3",
            "/annuler ne prend pas d'argument (« 3 » en trop) : tapez « /annuler » sans rien après ; répétez-la pour aller plus loin, une modification à la fois. Rien n'a été fait."
        ),
        ("/zzz", "Commande inconnue : /zzz. Tapez /aide pour la liste des commandes."),
        ("/revior", "Commande inconnue : /revior. Vouliez-vous dire /revoir ? Tapez /aide pour la liste des commandes."),
        ("/hist", "Commande inconnue : /hist. Vouliez-vous dire /historique ? Tapez /aide pour la liste des commandes."),
        (
            "/modifer territoire.nom X",
            "Commande inconnue : /modifer. Vouliez-vous dire /modifier ? Tapez /aide pour la liste des commandes."
        ),
        ("/aide zzz", "Commande inconnue : /zzz. /aide liste les commandes."),
        ("/aide /revior", "Commande inconnue : /revior. Vouliez-vous dire /revoir ? /aide liste les commandes."),
        ("/aller", "Il manque un argument. Usage : /aller SECTION|CLÉ (/aide pour le détail)."),
        ("/modifier   ", "Il manque un argument. Usage : /modifier CLÉ [VALEUR] (/aide pour le détail)."),
        ("/historique", "Il manque un argument. Usage : /historique CLÉ (/aide pour le détail)."),
        ("/participant", "Il manque un argument. Usage : /participant NOM (/aide pour le détail)."),
        ("/retirer", "Il manque un argument. Usage : /retirer NUMÉRO (/aide pour le détail)."),
        ("/deplacer", "Il manque un argument. Usage : /déplacer N M (/aide pour le détail)."),
        ("/importer", "Il manque un argument. Usage : /importer rpps|finess|populations FICHIER (/aide pour le détail)."),
        ("/exporter", "Il manque un argument. Usage : /exporter cls|plan|synthese [FICHIER.EXT | EXT] [csv] (/aide pour le détail)."),
        (
            "/exporter cls xlsx",
            "Le projet de contrat ne s'écrit pas avec « xlsx » ; formats possibles : .md (Markdown), .docx (Word), .odt (LibreOffice Writer)."
        ),
        ("/exporter synthese docx", "La synthèse ne s'écrit pas avec « docx » ; formats possibles : .html (page HTML)."),

        ("/retirer deux", "Numéro d'élément invalide : « deux » n'est pas un numéro. Usage : /retirer NUMÉRO, par exemple /retirer 2."),
        ("/retirer 2 3", "Numéro d'élément invalide : « 2 3 » n'est pas un numéro. Usage : /retirer NUMÉRO, par exemple /retirer 2."),
        (
            "/retirer 99999999999999999999",
            "Numéro d'élément invalide : « 99999999999999999999 » n'est pas un numéro. Usage : /retirer NUMÉRO, par exemple /retirer 2."
        ),
        ("/déplacer 2 x", usageOfMove),
        ("/deplacer a b", usageOfMove),
        ("/deplacer 2", usageOfMove),
        ("/deplacer 2 x 1", usageOfMove),
        (
            "/synthese inconnue",
            "Partie inconnue : « inconnue ». Parties : territoire, demographie, acces, structures, mobilites, sante, constats, concertation, manquants."
        ),
        (
            "/synthèse demographi",
            "Partie inconnue : « demographi ». Vouliez-vous dire « demographie » ? Parties : territoire, demographie, acces, structures, mobilites, sante, constats, concertation, manquants."
        ),
        ("/importer rpps", usageOfImport),
        ("/importer xls a", usageOfImport),
        ("/importer rpps \"\"", usageOfImport),
        (
            "/exporter docx",
            "Document inconnu : « docx ». Usage : /exporter cls [FICHIER], /exporter plan [FICHIER] [csv] ou /exporter synthese [FICHIER.html] ; l'extension du fichier choisit le format, par exemple /exporter cls contrat.docx."
        ),
    ]

    @Test(arguments: refusals)
    func aMalformedCommandIsRefusedWithTheExpectedForm(line: String, message: String) {
        #expect(Command.parse(line) == Self.refused(message))
    }

    @Test func aHugeKeyIsRefusedAtOnceAndQuotedShort() throws {
        let key = String(repeating: "k", count: 60_000) + ".1.x"
        let message = try #require(Self.message(of: Command.parse("/modifier \(key) 3")))
        #expect(message.hasPrefix("Clé trop longue : « \(String(repeating: "k", count: 40))… » dépasse 200 caractères"))
        #expect(message.count < 300)
    }

    @Test func anUnknownCommandIsQuotedShort() throws {
        let message = try #require(Self.message(of: Command.parse("/" + String(repeating: "z", count: 5_000))))
        #expect(message.hasPrefix("Commande inconnue : /zzz"))
        #expect(message.count < 150)
    }

    @Test(arguments: ["12", "Pays d'Auge", "", "   ", "14118 / 14341", "a/b"])
    func aLineThatDoesNotStartWithASlashAnswersTheQuestion(line: String) {
        #expect(Command.parse(line) == nil)
    }
}
