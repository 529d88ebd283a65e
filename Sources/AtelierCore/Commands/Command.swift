/// A command line, parsed once into typed arguments (`Command.parse`): the session's handlers
/// receive numbers, kinds and paths, never the rest of the line to split again.
///
/// What only the session can check (a number within the list being typed, a key of the
/// questionnaire, a section) stays with the handlers.
public enum Command: Equatable, Sendable {
    /// `/aide [COMMANDE]`: nil lists every command.
    case help(CommandName?)
    case sections
    /// `/aller SECTION|CLÉ`, as typed.
    case goTo(String)
    case back
    case skip
    /// `/revoir [SECTION]`: nil shows every section.
    case review(section: String?)
    /// `/modifier CLÉ [VALEUR]`: a nil value asks the question again.
    case modify(key: String, value: String?)
    /// `/modifier LISTE.N.CHAMP [VALEUR]`: one field of element `number` (counted from 1, as
    /// typed: the session checks the range); an empty value clears the field.
    case modifyField(list: String, number: Int, field: String, value: String)
    case history(key: String)
    case participant(String)
    /// `/source [TEXTE]`: nil clears the source.
    case source(String?)
    /// `/retirer N`, N as typed (the session checks it is in the list).
    case remove(Int)
    /// `/déplacer N M`, both as typed (the session checks they are in the list).
    case move(from: Int, to: Int)
    /// `/synthèse [PARTIE]`: one of `SynthesisParts.all`, folded; nil shows them all.
    case synthesis(part: String?)
    case importFile(kind: ImportKind, path: String)
    /// `/confirmer [CLÉ]`: nil confirms the proposal of the current question.
    case confirm(key: String?)
    case plan
    case verify
    case export(ExportRequest)
    case undo
    case redo
    /// `/réunion nouvelle [TYPE ; DATE ; LIEU ; PRÉSENTS]` or `/réunion fin [DÉCISIONS]`.
    case meeting(MeetingAction)
    case meetings
    /// `/voix THÈME ; QUI ; PROPOS [; NOM]`: the fields as typed, for the session to parse.
    case voice(String)
    /// `/prioriser [constats|leviers]` starts (or resumes) a round; `/prioriser fin` leaves it.
    case prioritize(PrioritizeAction)
    case priorities
    case scenario(ScenarioAction)
    /// `/partager FICHIER [SECTION…]`: the file as typed, the sections as typed (the session checks them).
    case share(path: String, sections: [String])
    case merge(MergeAction)
    case quit
}

public enum ScenarioAction: Equatable, Sendable {
    /// `/scenario nouveau NOM`.
    case create(String)
    case list
    /// `/scenario comparer A [B]`: nil compares A with the workbook open.
    case compare(String, String?)
}

public enum MergeAction: Equatable, Sendable {
    /// `/fusionner FICHIER`.
    case start(String)
    /// `/fusionner` alone: the merge left for later.
    case resume
    case later
    case abandon
}

public enum MeetingAction: Equatable, Sendable {
    /// The fields as typed after `nouvelle` (nil: asked one by one).
    case start(String?)
    /// What was decided, as typed after `fin` (nil: nothing said).
    case end(String?)
}

public enum PrioritizeAction: Equatable, Sendable {
    case start(PriorityScope)
    case stop
}

/// What a round of prioritisation ranks: the synthèse's findings or its levers.
public enum PriorityScope: String, Equatable, Sendable, CaseIterable {
    case findings = "constats"
    case levers = "leviers"
}

/// The national files `/importer` reads.
public enum ImportKind: String, CaseIterable, Equatable, Sendable {
    case rpps, finess, populations
}

/// `/exporter cls|plan|synthese [FICHIER.EXT | EXT] [csv]`.
public struct ExportRequest: Equatable, Sendable {
    public enum Document: String, Equatable, Sendable {
        case cls, plan, synthese

        /// What each document can be written as, the first being the default.
        public var formats: [Format] {
            switch self {
            case .cls: [.markdown, .docx, .odt]
            case .plan: [.markdown, .docx, .odt, .xlsx, .ods, .csv]
            case .synthese: [.html]
            }
        }
    }

    /// Chosen by the file name's extension, or named alone (`/exporter cls docx`).
    public enum Format: String, Equatable, Sendable, CaseIterable {
        case markdown = "md"
        case docx, odt, xlsx, ods, csv, html

        public var fileExtension: String { rawValue }

        /// How the user knows it: « Word », « LibreOffice »…
        public var label: String {
            switch self {
            case .markdown: "Markdown"
            case .docx: "Word"
            case .odt: "LibreOffice Writer"
            case .xlsx: "Excel"
            case .ods: "LibreOffice Calc"
            case .csv: "CSV"
            case .html: "page HTML"
            }
        }
    }

    public var document: Document
    /// The file name as typed (spaces kept); nil writes beside the workbook.
    public var path: String?
    /// A CSV file too, beside the plan (plan only).
    public var csv: Bool
    public var format: Format
    /// Why the name's extension chooses no format. Said only once the name is known not to be
    /// the workbook's: « essai.sqlite » must hear that it is the workbook, not that `.sqlite` is
    /// no document format.
    public var formatRefusal: String?

    public init(document: Document, path: String? = nil, csv: Bool = false, format: Format = .markdown, formatRefusal: String? = nil) {
        self.document = document
        self.path = path
        self.csv = csv
        self.format = format
        self.formatRefusal = formatRefusal
    }
}

/// Why a command line was refused before anything was done, in French, ready to show.
public struct CommandRefusal: Error, Equatable, Sendable {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }
}

extension Command {
    /// Commands that show or export the answers without changing them.
    public var onlyReads: Bool {
        switch self {
        case .sections, .review, .history, .synthesis, .plan, .verify, .export, .meetings, .priorities: true
        case .scenario(let action): action != .list
        default: false
        }
    }
}
