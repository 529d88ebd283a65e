import AtelierCore
import AtelierStore
import Foundation
import Testing

@testable import AtelierREPL

/// Every kind of error the session can meet, as the user reads it: French, one or more whole
/// sentences, never Foundation's English nor an `Error Domain=…` dump, never a doubled full stop.
@Suite struct ErrorPresenterTests {
    struct LibraryFailure: Error, CustomStringConvertible {
        var description: String { "The operation couldn't be completed. (Library.Failure error 1.)" }
    }

    static let cases: [(any Error, String)] = [
        (
            FileProblem(importing: "/home/a/rpps.txt", line: 3, reason: "6 champs au lieu de 7 (ligne tronquée ou mal formée)"),
            "rpps.txt, ligne 3 : 6 champs au lieu de 7 (ligne tronquée ou mal formée)."
        ),
        (
            FileProblem(file: "templates/questionnaire.yaml", line: 2, column: 5, reason: "YAML mal formé : valeur attendue"),
            "templates/questionnaire.yaml, ligne 2, colonne 5 : YAML mal formé : valeur attendue."
        ),
        (
            FileProblem(file: "data/communes.tsv", reason: "fichier introuvable ou illisible."),
            "data/communes.tsv : fichier introuvable ou illisible."
        ),
        (
            FileProblem(importing: "/tmp/f\u{1B}]0;titre\u{07}\u{202E}.csv", line: nil, reason: "fichier vide"),
            "f]0;titre.csv : fichier vide."
        ),
        (
            FileProblem(file: "templates/cls/contrat.mustache", line: 4, reason: "balise inconnue « prss » (vouliez-vous dire « prs » ?)"),
            "templates/cls/contrat.mustache, ligne 4 : balise inconnue « prss » (vouliez-vous dire « prs » ?)."
        ),
        (
            WorkbookError.busy(path: "t.sqlite"),
            "Le classeur « t.sqlite » est occupé par une autre session depuis plusieurs secondes. Rien n'a été perdu ; réessayez dans un instant."
        ),
        (
            WorkbookError.storage(path: "t.sqlite", reason: "disque plein"),
            "Erreur d'écriture dans le classeur « t.sqlite » : disque plein. La dernière réponse n'a pas été enregistrée ; réessayez."
        ),
        (
            DocumentFileError.system(path: "out/contrat.md", errno: ENOSPC),
            "Impossible d'écrire « out/contrat.md » : le disque est plein ; libérez de la place et recommencez."
        ),
        (
            DocumentFileError.missingFolder(path: "x/c.md", folder: "x"),
            "Le dossier « x » n'existe pas : créez-le, ou indiquez un autre chemin que « x/c.md »."
        ),
        (
            InvalidAnswer(reason: "le 31/02/2026 n'existe pas", expected: "une date au format JJ/MM/AAAA"),
            "Réponse refusée : le 31/02/2026 n'existe pas. Attendu : une date au format JJ/MM/AAAA."
        ),
        (SessionController.Refusal(message: "Rien n'a été enregistré."), "Rien n'a été enregistré."),
        (
            CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: "templates/plan/fiches.yaml"]),
            "Le fichier « templates/plan/fiches.yaml » n'a pas pu être lu ou écrit : fichier introuvable ; vérifiez le chemin. Rien n'a été enregistré ; vérifiez le fichier et ses droits, puis réessayez."
        ),
        (
            CocoaError(.fileReadInapplicableStringEncoding, userInfo: [NSFilePathErrorKey: "data/epci.tsv"]),
            "Le fichier « data/epci.tsv » n'a pas pu être lu ou écrit : le fichier n'est pas en UTF-8. Rien n'a été enregistré ; vérifiez le fichier et ses droits, puis réessayez."
        ),
        (
            CocoaError(.coderReadCorrupt),
            "Erreur inattendue. Rien n'a été enregistré ; réessayez, et si l'erreur se répète, signalez-la avec la commande tapée."
        ),
        (
            POSIXError(.EACCES),
            "Erreur inattendue : droits insuffisants sur ce dossier ou ce fichier. Rien n'a été enregistré ; réessayez, et si l'erreur se répète, signalez-la avec la commande tapée."
        ),
        (
            NSError(domain: NSPOSIXErrorDomain, code: Int(EROFS), userInfo: [NSFilePathErrorKey: "/mnt/cd/t.md"]),
            "Le fichier « /mnt/cd/t.md » n'a pas pu être lu ou écrit : le support est en lecture seule. Rien n'a été enregistré ; vérifiez le fichier et ses droits, puis réessayez."
        ),
        (
            NSError(domain: "SQLite.Database", code: 11, userInfo: [NSLocalizedDescriptionKey: "database disk image is malformed"]),
            "Erreur inattendue. Rien n'a été enregistré ; réessayez, et si l'erreur se répète, signalez-la avec la commande tapée."
        ),
        (
            LibraryFailure(),
            "Erreur inattendue. Rien n'a été enregistré ; réessayez, et si l'erreur se répète, signalez-la avec la commande tapée."
        ),
    ]

    @Test(arguments: cases.indices)
    func everyErrorIsSaidInFrenchSentences(index: Int) {
        let (error, expected) = Self.cases[index]
        let sentence = ErrorPresenter.sentence(error)
        #expect(sentence == expected)
        for english in ["Error Domain", "The operation", "couldn", "error ", "NSError", "Code="] {
            #expect(!sentence.contains(english), "\(sentence)")
        }
        #expect(!sentence.contains("..") && !sentence.contains(". ."), "\(sentence)")
        #expect(sentence.hasSuffix("."))
        #expect(!TerminalText.containsControlCharacters(sentence), "\(sentence)")
        // French typography: a space before « : », « ; », « ? » and « ! » (outside file names).
        let words = sentence.replacingOccurrences(of: "f]0;titre.csv", with: "")
        for (offset, character) in words.enumerated() where ":;?!".contains(character) {
            #expect(offset > 0 && Array(words)[offset - 1] == " ", "« \(character) » without its space in: \(sentence)")
        }
    }

    @Test func aClauseHasNoFinalFullStopToBeQuotedInParentheses() {
        let problem = FileProblem(file: "data/communes.tsv", line: 3, reason: "population « beaucoup » illisible (nombre entier attendu)")
        #expect(
            "Le référentiel des communes est illisible (\(ErrorPresenter.clause(problem))) : réinstallez le dossier data/ de l'outil."
                == "Le référentiel des communes est illisible (data/communes.tsv, ligne 3 : population « beaucoup » illisible (nombre entier attendu)) : réinstallez le dossier data/ de l'outil."
        )
    }
}
