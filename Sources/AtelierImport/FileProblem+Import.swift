import AtelierCore

// The refusals every import format shares, worded once. An import refusal is a `FileProblem`
// named by its file name; when one is raised, nothing has been written to the workbook.
extension FileProblem {
    static func binaryContent(_ file: String, line: Int) -> FileProblem {
        FileProblem(
            importing: file, line: line, reason: "contenu binaire (octet nul) : le fichier est endommagé ou n'est pas un fichier texte")
    }

    static func fieldCount(_ file: String, line: Int, found: Int, expected: Int) -> FileProblem {
        FileProblem(importing: file, line: line, reason: "\(found) champs au lieu de \(expected) (ligne tronquée ou mal formée)")
    }

    /// A file with a header (or only the FINESS first line) and no data: say so, rather than
    /// propose 0 for everything.
    static func noDataRow(_ file: String, detail: String = "le fichier n'a que son en-tête") -> FileProblem {
        FileProblem(importing: file, line: nil, reason: "aucune ligne de données lue : \(detail) ; rien n'est proposé")
    }
}
