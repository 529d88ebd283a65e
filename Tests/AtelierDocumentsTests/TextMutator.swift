import Foundation

/// Seeded, replayable random numbers (xorshift), as the session fuzz test uses.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed == 0 ? 1 : seed }
    mutating func next() -> UInt64 {
        state ^= state >> 12; state ^= state << 25; state ^= state >> 27
        return state &* 2_685_821_657_736_338_717
    }
}

/// The fuzz settings: `FUZZ_TEMPLATES=N` mutated copies per file (quick by default),
/// `FUZZ_SEED` to replay a run, `FUZZ_CASE` to replay one case of it.
enum FuzzSettings {
    static let environment = ProcessInfo.processInfo.environment
    static let copies = Int(environment["FUZZ_TEMPLATES"] ?? "") ?? 120
    static let seed = UInt64(environment["FUZZ_SEED"] ?? "") ?? 20_261_201
    /// `FUZZ_CASE=i` replays case i alone (the generator still runs through the cases before it)
    /// and prints its input.
    static let only = Int(environment["FUZZ_CASE"] ?? "")
}

/// Mutates a text the way a hurried or hostile editor would: cuts, repeats, swaps lines,
/// inserts syntax of the format (`tokens`), repeats one token hundreds of times (deep
/// nesting), changes single characters.
struct TextMutator {
    let tokens: [String]

    func mutate(_ text: String, using generator: inout SeededGenerator) -> String {
        var lines = text.components(separatedBy: "\n")
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
            guard !lines.isEmpty else { lines = [""]; continue }
            let index = Int.random(in: 0..<lines.count, using: &generator)
            switch Int.random(in: 0..<9, using: &generator) {
            case 0:  // cut a block of lines
                let end = min(lines.count, index + Int.random(in: 1...8, using: &generator))
                lines.removeSubrange(index..<end)
            case 1:  // repeat a block of lines (duplicate keys, repeated sections)
                let end = min(lines.count, index + Int.random(in: 1...12, using: &generator))
                lines.insert(contentsOf: lines[index..<end], at: Int.random(in: 0...lines.count, using: &generator))
            case 2:  // swap two lines
                lines.swapAt(index, Int.random(in: 0..<lines.count, using: &generator))
            case 3, 4:  // a token of the format inside a line
                lines[index] = insert(tokens.randomElement(using: &generator)!, into: lines[index], using: &generator)
            case 5:  // one token repeated: nesting, long lines
                let token = tokens.randomElement(using: &generator)!
                let count = [2, 10, 60, 600, 3_000].randomElement(using: &generator)!
                lines[index] = insert(String(repeating: token, count: count), into: lines[index], using: &generator)
            case 6:  // a character replaced by another (printable, control or non-ASCII)
                var scalars = Array(lines[index].unicodeScalars)
                guard !scalars.isEmpty else { continue }
                let replacement =
                    [0x0, 0x9, 0xD, 0x22, 0x27, 0x3A, 0x7B, 0x7D, 0x7C, 0xE9, 0x301, 0x202E, 0xFEFF, 0x1F3E5]
                    .randomElement(using: &generator).flatMap(Unicode.Scalar.init) ?? "?"
                scalars[Int.random(in: 0..<scalars.count, using: &generator)] = replacement
                lines[index] = String(String.UnicodeScalarView(scalars))
            case 7:  // indentation shifted
                lines[index] = Bool.random(using: &generator) ? "  " + lines[index] : String(lines[index].drop { $0 == " " })
            default:  // the line cut in two
                let line = lines[index]
                let cut = line.index(line.startIndex, offsetBy: Int.random(in: 0...line.count, using: &generator))
                lines[index] = String(line[..<cut])
                lines.insert(String(line[cut...]), at: index + 1)
            }
        }
        return lines.joined(separator: Int.random(in: 0..<10, using: &generator) == 0 ? "\r\n" : "\n")
    }

    func insert(_ token: String, into line: String, using generator: inout SeededGenerator) -> String {
        let cut = line.index(line.startIndex, offsetBy: Int.random(in: 0...line.count, using: &generator))
        return String(line[..<cut]) + token + String(line[cut...])
    }
}
