/// A mistake in a file the tool reads — a template, a YAML file, a `data/` table or an imported
/// national file — located so that the user can open the file and fix it: the file, the line
/// (and the column when the reader knows it) and the reason, in French. When one is raised,
/// nothing has been written anywhere.
public struct FileProblem: Error, Equatable, Sendable, CustomStringConvertible {
    /// How the file is named in the sentence.
    public enum Naming: Sendable, Equatable {
        /// The path as given: `templates/cls/contrat.mustache`, relative to the tool's folder.
        case path
        /// Only the last component: an imported file's path was typed a line above, often
        /// long and absolute; its name is what the user recognises.
        case fileName
    }

    /// The path as given, to open the file again.
    public var file: String
    public var line: Int?
    public var column: Int?
    /// What is wrong, in French, without a final full stop (« 6 champs au lieu de 7 »).
    public var reason: String
    public var naming: Naming

    public init(file: String, line: Int? = nil, column: Int? = nil, reason: String, naming: Naming = .path) {
        self.file = file
        self.line = line
        self.column = column
        self.reason = reason
        self.naming = naming
    }

    /// A problem in a file given to `/importer`, named by its file name.
    public init(importing file: String, line: Int?, reason: String) {
        self.init(file: file, line: line, reason: reason, naming: .fileName)
    }

    /// The file as the sentence names it, without control characters: a file name may hold
    /// anything, and it is printed on a terminal and may be stored as an answer's source.
    public var shownFile: String {
        let name = naming == .path ? file : (file.split(separator: "/").last.map(String.init) ?? file)
        return Self.plain(name)
    }

    /// Where, as the sentence says it: « fichier, ligne 3, colonne 7 ».
    public var location: String {
        var text = shownFile
        if let line, line > 0 {
            text += ", ligne \(line)"
            if let column, column > 0 { text += ", colonne \(column)" }
        }
        return text
    }

    /// One French sentence: « rpps.txt, ligne 3 : 6 champs au lieu de 7 (ligne tronquée). »
    public var description: String { "\(location) : \(reason)".asSentence }

    /// `text` without terminal controls and bidi marks; a tab or a line end becomes a space.
    static func plain(_ text: String) -> String { TerminalText.plainLine(text) }
}
