import Mustache

/// A dictionary of the context as Mustache sees it: its names are looked up as usual, but
/// printed itself (`{{.}}` in a list of records, `{{fiches}}`, an empty tag) it is nothing,
/// where a plain dictionary would print its whole content — a template of 600 such tags
/// wrote 94 million characters.
struct DocumentObject: MustacheParent, MustacheCustomRenderable, CustomStringConvertible {
    let fields: [String: Any]
    func child(named name: String) -> Any? { fields[name] }
    var renderText: String { "" }
    var isNull: Bool { false }
    var description: String { "" }
}
