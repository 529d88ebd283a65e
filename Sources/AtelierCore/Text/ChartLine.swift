/// The line a document template writes where one of the tool's charts goes, alone on its line:
/// `![Densité …](graphique:densites)`. One reading for the office writers, which put the image
/// there, and for the Markdown export, which leaves the line out.
public enum ChartLine {
    /// The chart's name and caption, or nil for any other line (another `![…](…)` included);
    /// spaces and tabs around the line do not count.
    public static func parse(_ text: some StringProtocol) -> (id: String, caption: String)? {
        let isSpace = { (character: Character) in character == " " || character == "\t" }
        guard let first = text.firstIndex(where: { !isSpace($0) }), let last = text.lastIndex(where: { !isSpace($0) }) else {
            return nil
        }
        let line = text[first...last]
        guard line.hasPrefix("!["), line.hasSuffix(")"), let middle = line.range(of: "](graphique:") else { return nil }
        let caption = line[line.index(line.startIndex, offsetBy: 2)..<middle.lowerBound]
        let id = line[middle.upperBound..<line.index(before: line.endIndex)]
        guard !id.isEmpty, !id.contains(")"), !caption.contains("](") else { return nil }
        return (String(id), String(caption))
    }
}
