import Testing

@testable import AtelierCore

/// The one sentence every file problem is said in: where, then why, one full stop.
@Suite struct FileProblemTests {
    @Test(arguments: [
        (
            FileProblem(file: "templates/q.yaml", line: 2, column: 7, reason: "valeur attendue"),
            "templates/q.yaml, ligne 2, colonne 7 : valeur attendue."
        ),
        (
            FileProblem(file: "data/communes.tsv", line: 3, reason: "3 colonnes attendues, 2 trouvées"),
            "data/communes.tsv, ligne 3 : 3 colonnes attendues, 2 trouvées."
        ),
        (
            FileProblem(importing: "/home/a/b/rpps.txt", line: nil, reason: "réessayez dans un instant."),
            "rpps.txt : réessayez dans un instant."
        ),
        (FileProblem(importing: "/tmp/a\u{1B}[2J\u{200F}b.csv", line: 0, reason: "fichier vide"), "a[2Jb.csv : fichier vide."),
        (
            FileProblem(file: "x.yaml", line: nil, column: 4, reason: "deux fichiers mis bout à bout ?"),
            "x.yaml : deux fichiers mis bout à bout ?"
        ),
    ])
    func theSentenceNamesTheFileAndTheLine(problem: FileProblem, sentence: String) {
        #expect(problem.description == sentence)
    }

    @Test func theOldInitializerIsTheSameProblem() {
        #expect(FileProblem(file: "f", line: 1, reason: "m") == FileProblem(file: "f", line: 1, reason: "m"))
    }
}
