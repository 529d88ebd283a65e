/// The sizes past which input is refused before any work is done on it: a line, an answer, a
/// key. Each is far above anything legitimate, so that only a broken script or a hostile file
/// reaches them, and far below what could make the session slow or its memory grow.
public enum InputLimits {
    /// One line of a script or of the terminal, in bytes (without its line ending). The largest
    /// legitimate line is a département's list of communes: about 900 codes, 6 000 characters.
    public static let lineBytes = 65_536

    /// An answer typed on one line, in characters.
    public static let answerCharacters = 4_000

    /// A list of communes: the largest département (Pas-de-Calais, 887 communes) is 6 200
    /// characters as INSEE codes with « , » between them, about 14 000 as names; twice that
    /// leaves room for spaces and « (62) » after homonyms.
    public static let communeListCharacters = 32_000

    /// A question or section key typed in a command (the longest shipped key has 60 characters).
    public static let keyCharacters = 200

    /// A participant's name (`/participant`) and a source (`/source`), in characters.
    public static let participantCharacters = 200
    public static let sourceCharacters = 500
}
