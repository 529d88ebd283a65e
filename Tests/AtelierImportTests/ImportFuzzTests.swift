import AtelierCore
import Foundation
import Testing

@testable import AtelierImport

/// Mutated copies of the real samples fed to the three readers: every outcome is a result
/// whose values are in range and free of control characters, or an FileProblem with a French
/// message; a trap would end the test process. `FUZZ_IMPORT_FILES=N` runs N files (default
/// 300, a few seconds unoptimised), `FUZZ_SEED=S` replays a run (the seed is printed and in every issue).
@Suite struct ImportFuzzTests {
    static let environment = ProcessInfo.processInfo.environment
    static let count = environment["FUZZ_IMPORT_FILES"].flatMap { Int($0) }.map { max(1, $0) } ?? 300
    static let seed = environment["FUZZ_SEED"].flatMap { UInt64($0) } ?? UInt64(Date().timeIntervalSince1970 * 1000)
    static let territory: Set<String> = ["01001", "01004", "01033", "01053", "75056", "14118"]

    /// The French beginnings of every refusal the readers give.
    static let frenchStarts = [
        "population", "colonne", "aucune ligne de données lue", "fichier", "ligne", "contenu binaire",
        "commune", "raison sociale", "c'est", "lecture", "erreur de lecture", "ce n'est pas", "en-tête",
    ]

    enum Format: CaseIterable { case rpps, finess, insee }

    @Test(.enabled(if: HostileFileTests.samplesPresent, "the open-data samples of ../shared/opendata are absent"))
    func mutatedSamplesGiveAResultOrAFrenchRefusal() throws {
        let samples = try Self.samples()
        let directory = NSTemporaryDirectory() + "atelier-fuzz-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var random = SplitMix64(seed: Self.seed)
        var outcomes: [String: Int] = [:]
        let started = Date()
        print("ImportFuzzTests: \(Self.count) fichiers, FUZZ_SEED=\(Self.seed)")
        for index in 0..<Self.count {
            let format = Format.allCases[Int(random.next() % 3)]
            var bytes = samples[format]!
            var applied: [String] = []
            for _ in 0..<(1 + Int(random.next() % 4)) {
                applied.append(Mutation.apply(to: &bytes, using: &random))
            }
            let path = directory + "/f\(index % 16).txt"
            #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)), "the test file could not be written")
            // One file in eight goes to another format's reader.
            let reader = random.next() % 8 == 0 ? Format.allCases[Int(random.next() % 3)] : format
            let context = "FUZZ_SEED=\(Self.seed), fichier \(index) (\(format) → \(reader)), mutations \(applied)"
            do throws(FileProblem) {
                try Self.read(path, with: reader, context: context)
                outcomes["résultat", default: 0] += 1
            } catch {
                #expect(error.file == path, "\(context)")
                let french = Self.frenchStarts.contains { error.reason.hasPrefix($0) } || error.reason.first?.isNumber == true
                #expect(french && !error.reason.isEmpty, "\(context): \(error.reason)")
                #expect(!Self.hasControl(error.reason), "\(context): \(error.reason)")
                let kind = error.reason.prefix { $0 != ":" && $0 != "«" && !$0.isNumber }.trimmingCharacters(in: .whitespaces)
                outcomes["refus : " + (kind.isEmpty ? "N champs au lieu de M" : kind), default: 0] += 1
            }
        }
        let seconds = Date().timeIntervalSince(started)
        print("ImportFuzzTests: \(Self.count) fichiers en \(String(format: "%.1f", seconds)) s, FUZZ_SEED=\(Self.seed)")
        for (outcome, number) in outcomes.sorted(by: { $0.value > $1.value }) { print("  \(number) \(outcome)") }
        #expect(outcomes.values.reduce(0, +) == Self.count)
    }

    /// Reads with one reader and checks what a result holds.
    static func read(_ path: String, with format: Format, context: String) throws(FileProblem) {
        switch format {
        case .rpps:
            let counts = try RPPSImport.count(fileAt: path, communes: territory)
            #expect(counts.rows > 0 && counts.matchedRows <= counts.rows, "\(context)")
            for (_, value) in counts.total { #expect(value >= 0 && value <= counts.rows, "\(context)") }
        case .finess:
            for structure in try FINESSImport.structures(fileAt: path, communes: territory) {
                let text = [structure.finess, structure.name, structure.commune, structure.category, structure.categoryLabel].joined()
                #expect(!hasControl(text), "\(context): \(structure)")
                #expect(structure.name.count <= FINESSImport.maximumNameLength, "\(context)")
            }
        case .insee:
            for (code, population) in try PopulationImport.populations(fileAt: path, communes: territory) {
                #expect(TerritoryReference.populationProblem(population, commune: code) == nil, "\(context): \(code) \(population)")
            }
        }
    }

    static func hasControl(_ text: String) -> Bool {
        text.unicodeScalars.contains {
            $0.value < 32 || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value)
                || (0x2066...0x2069).contains($0.value)
        }
    }

    /// The RPPS sample whole; the first 80 lines of FINESS; the INSEE file's first 120 lines and
    /// Paris's arrondissements (summed by the reader).
    static func samples() throws -> [Format: [UInt8]] {
        func lines(_ path: String) throws -> [Substring] {
            try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        }
        let insee = try lines(HostileFileTests.inseeSample)
        let paris = insee.filter { $0.contains(";751") }
        return [
            .rpps: Array(try String(contentsOfFile: HostileFileTests.rppsSample, encoding: .utf8).utf8),
            .finess: Array(try lines(HostileFileTests.finessSample).prefix(80).joined(separator: "\n").utf8),
            .insee: Array((insee.prefix(120) + paris).joined(separator: "\n").utf8),
        ]
    }
}

/// A small, seedable generator (SplitMix64): the same seed gives the same files.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
