import AtelierCore

/// Text and numbers placed in the synthèse page's HTML and SVG: text escaped as any XML
/// (`XMLText`), numbers written with a point and never as « nan ».
enum HTMLText {
    static func escape(_ text: String) -> String { XMLText.escape(text) }

    /// A number for an SVG attribute: a point, at most two decimals, never « nan ».
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let rounded = (value * 100).rounded() / 100
        // Whole numbers without « .0 »; `Int` only where it cannot trap.
        if rounded == rounded.rounded(), rounded.magnitude < 1e15 { return String(Int(rounded)) }
        return String(rounded)
    }

    /// A figure kept whole in a `data-` attribute, for readers that check what was drawn.
    static func exact(_ value: Double) -> String { value.isFinite ? "\(value)" : "0" }
}
