import Foundation
import Testing

/// Compares `text` with `Snapshots/<name>` beside this file. A missing snapshot, or
/// `RECORD_SNAPSHOTS=1`, records it and fails the test, so a recording is always looked at.
func assertSnapshot(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let file = folder.appendingPathComponent(name)
    let recording = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
    guard !recording, let expected = try? String(contentsOf: file, encoding: .utf8) else {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? text.write(to: file, atomically: true, encoding: .utf8)
        Issue.record("Snapshot \(name) recorded; check it and run the tests again.", sourceLocation: sourceLocation)
        return
    }
    if text != expected {
        let a = text.components(separatedBy: "\n"), b = expected.components(separatedBy: "\n")
        let line = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
        let got = line < a.count ? a[line] : "(fin)", want = line < b.count ? b[line] : "(fin)"
        Issue.record(
            "Snapshot \(name) differs at line \(line + 1):\n  got:  \(got)\n  want: \(want)\n(RECORD_SNAPSHOTS=1 to re-record)",
            sourceLocation: sourceLocation)
    }
}
