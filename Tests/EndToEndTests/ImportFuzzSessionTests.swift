import Foundation
import Testing

/// Mutated copies of the real samples imported by the binary in a piped session on a prepared
/// workbook: exit status 0 or 1, never a signal nor a hang; when refused, a French sentence and
/// the workbook exactly as it was; when accepted, nothing of the file's control characters on
/// the terminal. `FUZZ_IMPORT_SESSIONS=N` (default 24; FUZZ_IMPORT_FILES / 100 when only that is
/// set) runs more, `FUZZ_SEED=S` replays.
@Suite struct ImportFuzzSessionTests {
    static let environment = ProcessInfo.processInfo.environment
    static let count: Int = {
        if let sessions = environment["FUZZ_IMPORT_SESSIONS"].flatMap({ Int($0) }) { return max(1, sessions) }
        if let files = environment["FUZZ_IMPORT_FILES"].flatMap({ Int($0) }) { return max(24, files / 100) }
        return 24
    }()
    static let seed = environment["FUZZ_SEED"].flatMap { UInt64($0) } ?? UInt64(Date().timeIntervalSince1970 * 1000)
    static let inseeSample = HostileImportTests.opendata + "/insee_populations_legales_communes_2023.csv"

    @Test(
        .enabled(
            if: HostileImportTests.samplesPresent && FileManager.default.fileExists(atPath: inseeSample),
            "the open-data samples of ../shared/opendata are absent"))
    func mutatedImportsEndInAProposalOrAFrenchRefusal() throws {
        let sandbox = Sandbox()
        let insee = try String(contentsOfFile: Self.inseeSample, encoding: .utf8).components(separatedBy: "\r\n")
        let formats: [(kind: String, territory: String, sample: [UInt8])] = [
            ("rpps", "01004", Array(try String(contentsOfFile: HostileImportTests.rppsSample, encoding: .utf8).utf8)),
            (
                "finess", "01053",
                Array(
                    try String(contentsOfFile: HostileImportTests.finessSample, encoding: .utf8)
                        .components(separatedBy: "\n").prefix(120).joined(separator: "\n").utf8)
            ),
            ("populations", "01053", Array(insee.prefix(400).joined(separator: "\r\n").utf8)),
        ]
        // One prepared workbook per format, copied for each run.
        for format in formats {
            let script = "Pays test\ncommune\n\(format.territory)\n"
            #expect(try Binary.run([sandbox.path + "/\(format.kind).sqlite"], input: script, in: sandbox.path).status == 0)
        }
        var random = SeededRandom(state: Self.seed)
        var outcomes: [String: Int] = [:]
        print("ImportFuzzSessionTests: \(Self.count) sessions, FUZZ_SEED=\(Self.seed)")
        for index in 0..<Self.count {
            let format = formats[index % formats.count]
            var bytes = format.sample
            var applied: [String] = []
            for _ in 0...(random.next() % 3) { applied.append(SessionMutation.apply(&bytes, &random)) }
            let file = sandbox.path + "/import-\(index).csv"
            #expect(FileManager.default.createFile(atPath: file, contents: Data(bytes)), "the test file could not be written")
            let workbook = sandbox.path + "/run-\(index).sqlite"
            try FileManager.default.copyItem(atPath: sandbox.path + "/\(format.kind).sqlite", toPath: workbook)
            let before = try InvalidInputTests.dump(workbook)
            let context = "FUZZ_SEED=\(Self.seed), session \(index) (\(format.kind)), mutations \(applied)"

            let outcome = try Binary.run([workbook], input: "/importer \(format.kind) \(file)\n/revoir\n", in: sandbox.path)

            #expect(!outcome.signaled && !outcome.hung, "\(context): \(outcome.errors)")
            #expect(outcome.status == 0 || outcome.status == 1, "\(context): status \(outcome.status)")
            #expect(!HostileImportTests.hasControl(outcome.output + outcome.errors), "\(context)")
            if outcome.status == 1 {
                #expect(outcome.errors.hasPrefix("Ligne 1 : Import refusé — import-\(index).csv"), "\(context): \(outcome.errors)")
                #expect(outcome.errors.contains(". Le classeur n'a pas été modifié."), "\(context): \(outcome.errors)")
                #expect(FrenchSentence.foreign(in: outcome.errors) == nil, "\(context): \(outcome.errors)")
                #expect(try InvalidInputTests.dump(workbook) == before, "\(context)")
                let afterName = outcome.errors.components(separatedBy: "import-\(index).csv").dropFirst().joined()
                let reason = afterName.components(separatedBy: " : ").dropFirst().first?.prefix(24) ?? "?"
                outcomes[
                    "refus : " + String(reason.map { $0.isNumber ? "N" : $0 }).replacingOccurrences(of: "NN", with: "N"), default: 0] += 1
            } else {
                #expect(outcome.output.contains(" proposée"), "\(context): \(outcome.output)")
                outcomes["proposition", default: 0] += 1
            }
            try? FileManager.default.removeItem(atPath: file)
            try? FileManager.default.removeItem(atPath: workbook)
        }
        for (outcome, number) in outcomes.sorted(by: { $0.value > $1.value }) { print("  \(number) \(outcome)") }
    }
}

/// A smaller set of the unit fuzz test's mutations: enough to reach every refusal once the
/// session's own paths (proposals, /revoir) are involved.
enum SessionMutation {
    static let numbers = ["9223372036854775807", "-9223372036854775808", "-949199", "0", "3000001", "99999999999999999999"]
    static let hostile: [[UInt8]] = [
        [0x1B, 0x5D, 0x30, 0x3B, 0x78, 0x07], [0x1B, 0x5B, 0x32, 0x4A], [0xC2, 0x9B], [0xE2, 0x80, 0xAE], [0],
    ]

    static func apply(_ bytes: inout [UInt8], _ random: inout SeededRandom) -> String {
        func position() -> Int { Int(random.next() % UInt64(bytes.count + 1)) }
        switch random.next() % 9 {
        case 0:
            if !bytes.isEmpty { bytes[Int(random.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: random.next()) }
            return "flipByte"
        case 1: bytes.removeSubrange(position()...); return "truncate"
        case 2: bytes.insert(contentsOf: hostile[Int(random.next() % UInt64(hostile.count))], at: position()); return "control"
        case 3: bytes.insert([13, 10, 34, 59, 124][Int(random.next() % 5)], at: position()); return "insertByte"
        case 4:
            // A run of digits replaced by a hostile number (a population, a code).
            var starts: [Int] = []
            for i in bytes.indices where (48...57).contains(bytes[i]) && (i == 0 || !(48...57).contains(bytes[i - 1])) { starts.append(i) }
            guard let start = starts.isEmpty ? nil : starts[Int(random.next() % UInt64(starts.count))] else { return "number (none)" }
            let end = bytes[start...].firstIndex { !(48...57).contains($0) } ?? bytes.count
            bytes.replaceSubrange(start..<end, with: Array(numbers[Int(random.next() % UInt64(numbers.count))].utf8))
            return "number"
        case 5:
            let end = bytes.firstIndex(of: 10).map { $0 + 1 } ?? bytes.count
            bytes.insert(contentsOf: Array(bytes[..<end]), at: end)
            return "duplicateHeader"
        case 6: bytes = bytes.filter { $0 != 13 }.map { $0 == 10 ? 13 : $0 }; return "crOnly"
        case 7: bytes.insert(contentsOf: [0xEF, 0xBB, 0xBF], at: 0); return "bom"
        default:
            bytes.insert(contentsOf: [UInt8](repeating: 65, count: 1 + Int(random.next() % 100_000)), at: position())
            return "longLine"
        }
    }
}
