/// Why an imported file was refused, with the file and the line, in French. When one is
/// raised, nothing has been written to the workbook.
public struct ImportError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        // The name was typed, but may hold anything a file name can: no control characters.
        let name = PlainText.clean(file.split(separator: "/").last.map(String.init) ?? file)
        if let line { return "\(name), ligne \(line) : \(message)" }
        return "\(name) : \(message)"
    }
}

// The refusals every format shares, worded once.
extension ImportError {
    static func binaryContent(_ file: String, line: Int) -> ImportError {
        ImportError(file: file, line: line, message: "contenu binaire (octet nul) : le fichier est endommagé ou n'est pas un fichier texte")
    }

    static func fieldCount(_ file: String, line: Int, found: Int, expected: Int) -> ImportError {
        ImportError(file: file, line: line, message: "\(found) champs au lieu de \(expected) (ligne tronquée ou mal formée)")
    }

    /// A file with a header (or only the FINESS first line) and no data: say so, rather than
    /// propose 0 for everything.
    static func noDataRow(_ file: String, detail: String = "le fichier n'a que son en-tête") -> ImportError {
        ImportError(file: file, line: nil, message: "aucune ligne de données lue : \(detail) ; rien n'est proposé")
    }
}
