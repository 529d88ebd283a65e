/// Something the draft cannot say yet, and how the user fills it. Documents print it as its
/// `marker`; the closing checklist lists the gaps met while building, never text searched
/// for markers.
public struct Gap: Hashable, Sendable {
    public enum Remedy: Hashable, Sendable {
        /// The command that fills the gap: `/aller territoire.nom`.
        case command(String)
        /// No command fills it; what the user must do instead (« fiche à rédiger hors bibliothèque »).
        case note(String)
    }

    /// What is missing, as it reads after « À compléter : ».
    public var what: String
    public var remedy: Remedy

    public init(_ what: String, command: String) {
        self.what = what
        self.remedy = .command(command)
    }

    public init(_ what: String, note: String) {
        self.what = what
        self.remedy = .note(note)
    }

    /// The one spelling of a gap in documents: `[À compléter : nom du territoire (/aller territoire.nom)]`.
    public var marker: String {
        switch remedy {
        case .command(let command): "[À compléter : \(what) (\(command))]"
        case .note(let note): "[À compléter : \(what), \(note)]"
        }
    }
}

/// The gaps met while building a document, in document order, each once (two gaps printing
/// the same marker are one point to complete).
struct GapList {
    private(set) var all: [Gap] = []
    /// The markers already listed: a plan of 30 fiches notes hundreds of gaps, and comparing
    /// each to every earlier one, marker string by marker string, was half of an export.
    private var markers: Set<String> = []

    /// Remembers `gap` (once) and hands it back, to be placed in the view.
    @discardableResult
    mutating func note(_ gap: Gap) -> Gap {
        if markers.insert(gap.marker).inserted { all.append(gap) }
        return gap
    }
}

/// A text of a document: given, or missing and printed as its gap's marker.
enum Field {
    case given(String)
    case missing(Gap)

    var text: String {
        switch self {
        case .given(let text): text
        case .missing(let gap): gap.marker
        }
    }

    var gap: Gap? {
        if case .missing(let gap) = self { return gap }
        return nil
    }
}
