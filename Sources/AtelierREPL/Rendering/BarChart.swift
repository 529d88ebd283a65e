/// Horizontal bars drawn with Unicode blocks, to an eighth of a character.
enum BarChart {
    static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    /// The longest bar: enough to tell eighths apart, short enough to keep the figures near the labels.
    static let widest = 32
    /// The shortest a bar gets on a narrow terminal: below that bars no longer compare.
    static let narrowest = 8

    /// A bar of `value` on a scale where `maximum` fills `width` characters.
    static func bar(_ value: Double, maximum: Double, width: Int = widest) -> String {
        guard maximum > 0, value > 0, maximum.isFinite, value.isFinite else { return "" }
        let units = Int((min(value, maximum) / maximum * Double(width * 8)).rounded())
        return String(repeating: "█", count: units / 8) + eighths[units % 8]
    }

    /// Labelled bars sharing one scale: `label  ██████▍ 4,3`, in lines of at most `available`
    /// characters (the bars shrink, down to `narrowest`).
    static func lines(
        _ rows: [(label: String, value: Double?, shown: String)], available: Int,
        highlight: (String) -> String = { $0 }
    ) -> [String] {
        let maximum = rows.compactMap(\.value).max() ?? 0
        let labelWidth = rows.map(\.label.count).max() ?? 0
        let shownWidth = rows.map(\.shown.count).max() ?? 0
        // label, two spaces, the bar, a space, the figure.
        let width = min(max(available - labelWidth - 2 - 1 - shownWidth, narrowest), widest)
        return rows.map { row in
            let label = row.label.padding(toLength: labelWidth, withPad: " ", startingAt: 0)
            guard let value = row.value else { return "\(label)  —" }
            let bar = bar(value, maximum: maximum, width: width)
            return "\(label)  \(highlight(bar))\(bar.isEmpty ? "" : " ")\(row.shown)"
        }
    }
}
