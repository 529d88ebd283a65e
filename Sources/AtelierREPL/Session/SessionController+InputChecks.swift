import AtelierCore

// MARK: - Arguments refused before any work

extension SessionController {
    /// A key longer than any key could be (the refusal `/modifier` gets when it is parsed).
    static func keyTooLong(_ key: String) -> Refusal? {
        CommandRefusal.keyTooLong(key).map { Refusal(message: $0.message) }
    }

    /// A participant's name or a source is stored and shown next to every answer it marks, in
    /// this session and the ones after: it must be plain text of one line, or it could act on
    /// the terminal of whoever reads the workbook (an escape sequence clears the screen or
    /// changes the window title).
    static func refusal(ofLabel text: String, what: String, feminine: Bool = false, limit: Int) -> Outcome? {
        let (it, object) = feminine ? ("elle", "la") : ("il", "le")
        if TerminalText.containsControlCharacters(text) {
            return .refused(
                "\(what) : \(it) contient des caractères de contrôle (échappement de terminal, tabulation, retour à la ligne…). Tapez-\(object) en texte simple ; rien n'a été enregistré."
            )
        }
        if text.utf8.count > limit, text.count > limit {
            return .refused(
                "\(what) : \(it) dépasse \(limit) caractères. Tapez-\(object) plus court\(feminine ? "e" : "") ; rien n'a été enregistré.")
        }
        return nil
    }
}
