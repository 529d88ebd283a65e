/// A text document as the office formats lay it out: blocks of styled runs, read from the
/// Markdown the templates produce (`MarkdownReader`), so that the .docx and .odt say exactly
/// what the .md says, templates edited by the user included.
public struct OfficeText: Equatable, Sendable {
    public var blocks: [Block]

    public enum Block: Equatable, Sendable {
        /// `# …`: the document's title.
        case title([Run])
        /// `##` → 1, `###` → 2, `####` and deeper → 3.
        case heading(level: Int, [Run])
        case paragraph([Run])
        /// `> …`: a reserve, a remark set apart.
        case quote([Run])
        /// `- …`, nested by two spaces a level.
        case bullet(level: Int, [Run])
        /// `12. …`: the number is kept as written, since the text refers to it (« constat 4 »);
        /// `more` holds the item's further lines set on a line of their own (a whole italic line).
        case numbered(number: String, [Run], more: [[Run]])
        case table(Table)
        /// A party and the room to sign (`**Partie**, représentée par …` then `Signature :`).
        case signature([Run])
        /// `---`: a new page before a heading (the annexes), else a thin rule.
        case rule
        /// `![titre](graphique:densites)` alone on its line: a chart the tool drew, by name, with
        /// its caption. A name the document has no image for prints the caption alone.
        case image(id: String, caption: [Run])
    }

    /// Text with one look: bold, italic, or a « [À compléter : …] » marker to be found at a glance.
    public struct Run: Equatable, Sendable {
        public var text: String
        public var bold = false
        public var italic = false
        public var gap = false

        public init(_ text: String, bold: Bool = false, italic: Bool = false, gap: Bool = false) {
            self.text = text
            self.bold = bold
            self.italic = italic
            self.gap = gap
        }
    }

    public struct Table: Equatable, Sendable {
        public var header: [[Run]]
        public var rows: [[[Run]]]
        /// Per column: numbers and amounts read right-aligned.
        public var rightAligned: [Bool]

        public var columnCount: Int { header.count }
    }

    /// What the header, the footer and the file's properties say.
    public struct Metadata: Equatable, Sendable {
        public var title: String
        /// In the header of every page: « Contrat local de santé — Pays du Val d'Exemple ».
        public var header: String
        /// In the footer, beside the page number: the document's fingerprint, when it has one.
        public var fingerprint: String?

        public init(title: String, header: String, fingerprint: String? = nil) {
            self.title = title
            self.header = header
            self.fingerprint = fingerprint
        }
    }
}

extension [OfficeText.Run] {
    /// The text without its looks, for the table of contents and width estimates.
    var plainText: String { map(\.text).joined() }
}
