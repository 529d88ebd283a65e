/// Horizontal bars drawn with Unicode blocks, to an eighth of a character.
enum BarChart {
    static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// A bar of `value` on a scale where `maximum` fills `width` characters.
    static func bar(_ value: Double, maximum: Double, width: Int = 32) -> String {
        guard maximum > 0, value > 0, maximum.isFinite, value.isFinite else { return "" }
        let units = Int((min(value, maximum) / maximum * Double(width * 8)).rounded())
        return String(repeating: "█", count: units / 8) + eighths[units % 8]
    }

    /// Labelled bars sharing one scale: `label  ██████▍ 4,3`.
    static func lines(
        _ rows: [(label: String, value: Double?, shown: String)], width: Int = 32,
        highlight: (String) -> String = { $0 }
    ) -> [String] {
        let maximum = rows.compactMap(\.value).max() ?? 0
        let labelWidth = rows.map(\.label.count).max() ?? 0
        return rows.map { row in
            let label = row.label.padding(toLength: labelWidth, withPad: " ", startingAt: 0)
            guard let value = row.value else { return "\(label)  —" }
            let bar = bar(value, maximum: maximum, width: width)
            return "\(label)  \(highlight(bar))\(bar.isEmpty ? "" : " ")\(row.shown)"
        }
    }
}
