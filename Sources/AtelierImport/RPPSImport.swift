import AtelierCore
import Dispatch
import Foundation

/// Counts the health professionals of a territory in the Annuaire Santé extraction
/// `PS_LibreAcces_Personne_activite` (`|`-separated, header line, trailing `|`, one row per
/// activity of a professional).
///
/// Rules (../shared/domain/diagnostic-et-cls.md §3.1): médecins généralistes are profession
/// 10 with a general-medicine savoir-faire (SM26, SM53, SM54); infirmiers 60,
/// masseurs-kinésithérapeutes 70, chirurgiens-dentistes 40, sages-femmes 50, pharmaciens 21.
/// A professional is counted once per commune and profession (deduplicated on the
/// Identifiant PP), and once in the territory's total even with several sites in it;
/// « libéraux » are those with at least one activity in mode `L`.
public enum RPPSImport {
    public enum Profession: String, CaseIterable, Sendable {
        case medecinsGeneralistes = "medecins_generalistes"
        case infirmiers
        case masseursKinesitherapeutes = "masseurs_kinesitherapeutes"
        case chirurgiensDentistes = "chirurgiens_dentistes"
        case sagesFemmes = "sages_femmes"
        case pharmaciens

        static func classify(profession: String, savoirFaire: String) -> Profession? {
            switch profession {
            case "10": ["SM26", "SM53", "SM54"].contains(savoirFaire) ? .medecinsGeneralistes : nil
            case "60": .infirmiers
            case "70": .masseursKinesitherapeutes
            case "40": .chirurgiensDentistes
            case "50": .sagesFemmes
            case "21": .pharmaciens
            default: nil
            }
        }
    }

    public struct Counts: Sendable, Equatable {
        /// Distinct professionals in the territory, and those with a libéral activity.
        public var total: [Profession: Int] = [:]
        public var liberal: [Profession: Int] = [:]
        /// commune → profession → distinct professionals in that commune, for the territory's
        /// communes and the `nearby` ones (the distances to care look for the nearest there).
        public var byCommune: [String: [Profession: Int]] = [:]
        public var rows = 0
        public var matchedRows = 0
    }

    static let columns = (
        identifier: ["Identifiant PP"],
        profession: ["Code profession"],
        savoirFaire: ["Code savoir-faire", "Code savoir faire"],
        mode: ["Code mode exercice", "Code mode d'exercice"],
        commune: ["Code commune (coord. structure)", "Code commune (coord structure)", "Code commune"]
    )

    /// The columns the counts need, found in the header by name.
    struct Layout: Sendable {
        var identifier = 0, profession = 0, savoirFaire = 0, mode = 0, commune = 0, separators = 0
    }

    /// What one part of the file gives, merged at the end.
    struct Partial: Sendable {
        var seen: [Profession: Set<String>] = [:]
        var liberal: [Profession: Set<String>] = [:]
        var byCommune: [String: [Profession: Set<String>]] = [:]
        /// Around the territory: (packed commune << 8 | profession's index) → hashed identifiers
        /// (nearby codes come from data/points_communes.tsv: 5 characters, 40 bits).
        var nearby: [UInt64: Set<UInt64>] = [:]
        var rows = 0, matchedRows = 0, lines = 0
        var error: FileProblem?
    }

    /// Scans the file once, its two halves in parallel (this machine's two cores); only the
    /// rows of `communes` and `nearby` are decoded. The totals are the territory's
    /// (`communes`); `byCommune` also holds the nearby communes.
    public static func count(
        fileAt path: String, communes: Set<String>, nearby: Set<String> = [],
        progress: ((Double) -> Void)? = nil
    ) throws(FileProblem) -> Counts {
        let (layout, headerEnd) = try readHeader(path)
        let size = ChunkedLines.size(of: path) ?? 0
        // Split at the first line start after the middle; a small file is read in one part.
        let middle = size - headerEnd > (8 << 20) ? ChunkedLines.lineStart(after: headerEnd + (size - headerEnd) / 2, in: path) : size
        let ranges = [headerEnd..<middle, middle..<size]
        // One lookup per row for the union; the rare matched rows then ask which side they are on.
        let filter = CodeFilter(communes.union(nearby).map(pack))
        let territory = nearby.isEmpty ? nil : CodeFilter(communes.map(pack))
        // The progress callback is called by part 0 alone; each part hands its result over
        // through a lock (two threads never write one array).
        nonisolated(unsafe) let report = progress
        let results = PartResults()
        DispatchQueue.concurrentPerform(iterations: ranges[1].isEmpty ? 1 : 2) { part in
            results.set(
                part,
                scan(path, range: ranges[part], layout: layout, filter: filter, territory: territory, progress: part == 0 ? report : nil))
        }
        let partials = results.all
        // Line numbers: the header, then the first part's lines, then the second's.
        if let error = partials[0].error { throw shifted(error, by: 1) }
        if let error = partials[1].error { throw shifted(error, by: 1 + partials[0].lines) }
        var counts = Counts()
        var seen: [Profession: Set<String>] = [:], liberal: [Profession: Set<String>] = [:]
        var byCommune: [String: [Profession: Set<String>]] = [:]
        for partial in partials {
            counts.rows += partial.rows
            counts.matchedRows += partial.matchedRows
            seen.merge(partial.seen) { $0.union($1) }
            liberal.merge(partial.liberal) { $0.union($1) }
            byCommune.merge(partial.byCommune) { $0.merging($1) { $0.union($1) } }
        }
        guard counts.rows > 0 else { throw .noDataRow(path) }
        counts.total = seen.mapValues(\.count)
        counts.liberal = liberal.mapValues(\.count)
        counts.byCommune = byCommune.mapValues { $0.mapValues(\.count) }
        var nearby = partials[0].nearby
        nearby.merge(partials[1].nearby) { $0.union($1) }
        for (key, identifiers) in nearby {
            let profession = Profession.allCases[Int(key & 0xFF)]
            counts.byCommune[unpack(key >> 8), default: [:]][profession] = identifiers.count
        }
        return counts
    }

    static func shifted(_ error: FileProblem, by lines: Int) -> FileProblem {
        var error = error
        error.line = error.line.map { $0 + lines }
        return error
    }

    /// The header line: the columns by name, and where the data starts.
    static func readHeader(_ path: String) throws(FileProblem) -> (Layout, Int) {
        var result: Layout?
        let reader = ChunkedLines(path: path, range: 0..<min(ChunkedLines.size(of: path) ?? 0, 1 << 20))
        do {
            try reader.forEach { (line, number) throws(FileProblem) in
                guard result == nil else { throw FileProblem(importing: "", line: nil, reason: "") }  // stop after the header
                let parsed = try HeaderLine.read(line, separator: 124, file: path, line: 1)
                func find(_ names: [String]) throws(FileProblem) -> Int {
                    guard let index = parsed.index(of: names) else {
                        throw FileProblem(
                            importing: path, line: 1,
                            reason:
                                "colonne « \(names[0]) » introuvable : ce n'est pas une extraction PS_LibreAcces_Personne_activite de l'Annuaire Santé (en-tête attendu en ligne 1, séparé par « | »)"
                        )
                    }
                    return index
                }
                result = Layout(
                    identifier: try find(columns.identifier), profession: try find(columns.profession),
                    savoirFaire: try find(columns.savoirFaire), mode: try find(columns.mode),
                    commune: try find(columns.commune), separators: parsed.names.count - 1)
            }
        } catch  where error.file.isEmpty {
            // The header was read: the rest of the file is for the parallel scan.
        }
        guard let result else {
            throw FileProblem(
                importing: path, line: nil, reason: ChunkedLines.size(of: path) == nil ? "fichier introuvable ou illisible" : "fichier vide"
            )
        }
        return (result, ChunkedLines.lineStart(after: 0, in: path))
    }

    /// Counts one part of the file; an error is returned in the partial, with its line
    /// number within the part.
    static func scan(
        _ path: String, range: Range<Int>, layout: Layout, filter: CodeFilter, territory: CodeFilter? = nil,
        progress: ((Double) -> Void)?
    ) -> Partial {
        var partial = Partial()
        do {
            partial.lines = try ChunkedLines(path: path, range: range).forEach(progress: progress) { (line, number) throws(FileProblem) in
                if line.isEmpty { return }
                partial.rows += 1
                let (separators, hasNul) = countSeparators(line, 124)
                if hasNul { throw .binaryContent(path, line: number) }
                guard separators == layout.separators else {
                    throw .fieldCount(path, line: number, found: separators + 1, expected: layout.separators + 1)
                }
                let commune = field(layout.commune, of: line, separators: separators)
                guard commune.count >= 5, commune.count <= 8 else { return }
                let packed = pack(commune)
                guard filter.contains(packed) else { return }
                guard territory?.contains(packed) ?? true else {
                    // Around the territory: tens of thousands of rows, read as bytes (no String).
                    guard let (profession, identifier) = professional(line, layout: layout) else { return }
                    partial.nearby[packed << 8 | UInt64(profession), default: []].insert(identifier)
                    return
                }
                partial.matchedRows += 1
                let values = fields([layout.identifier, layout.profession, layout.savoirFaire, layout.mode], of: line)
                guard let profession = Profession.classify(profession: values[1], savoirFaire: values[2]), !values[0].isEmpty else {
                    return
                }
                let code = String(decoding: commune, as: UTF8.self)
                partial.byCommune[code, default: [:]][profession, default: []].insert(values[0])
                partial.seen[profession, default: []].insert(values[0])
                if values[3] == "L" { partial.liberal[profession, default: []].insert(values[0]) }
            }
        } catch {
            partial.error = error
        }
        return partial
    }

    /// A commune code of up to 8 ASCII bytes as one integer, for a cheap set lookup.
    @inline(__always)
    static func pack(_ bytes: UnsafeRawBufferPointer.SubSequence) -> UInt64 {
        var value: UInt64 = 0
        for byte in bytes { value = value << 8 | UInt64(byte) }
        return value
    }

    static func pack(_ bytes: [UInt8]) -> UInt64 {
        bytes.reduce(0) { $0 << 8 | UInt64($1) }
    }

    static func pack(_ code: String) -> UInt64 { pack(Array(code.utf8)) }

    static func unpack(_ value: UInt64) -> String {
        var bytes: [UInt8] = []
        var rest = value
        while rest != 0 { bytes.insert(UInt8(rest & 0xFF), at: 0); rest >>= 8 }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Field `index` of a line with `separators` separators, reached from the nearer end.
    @inline(__always)
    static func field(_ index: Int, of line: UnsafeRawBufferPointer, separators: Int) -> UnsafeRawBufferPointer.SubSequence {
        if index * 2 < separators {
            var start = 0, seen = 0
            while seen < index { if line[start] == 124 { seen += 1 }; start += 1 }
            var end = start
            while end < line.count && line[end] != 124 { end += 1 }
            return line[start..<end]
        }
        // From the end: field `index` is followed by separator number `index` (0-based), the
        // (separators − index)-th one counted from the end.
        let end = nthSeparatorFromEnd(separators - index, in: line)
        var start = end
        while start > 0 && line[start - 1] != 124 { start -= 1 }
        return line[start..<end]
    }

    /// The position of the `n`-th `|` counted from the end of the line (n ≥ 1), found 16 bytes
    /// at a time: a block's matches are counted from its compare mask, and only the block that
    /// holds the wanted one is searched byte by byte.
    @inline(__always)
    static func nthSeparatorFromEnd(_ n: Int, in line: UnsafeRawBufferPointer) -> Int {
        var remaining = n
        var end = line.count
        if let base = line.baseAddress {
            let wanted = SIMD16<UInt8>(repeating: 124)
            while end >= 16 {
                let bytes = base.loadUnaligned(fromByteOffset: end - 16, as: SIMD16<UInt8>.self)
                let mask = unsafeBitCast(bytes .== wanted, to: SIMD2<UInt64>.self)
                let found = countSetBytes(mask[0]) &+ countSetBytes(mask[1])
                if found >= remaining { break }
                remaining -= found
                end -= 16
            }
        }
        while remaining > 0 { end -= 1; if line[end] == 124 { remaining -= 1 } }
        return end
    }

    /// Several leading fields as strings (only for the few rows of the territory).
    static func fields(_ indexes: [Int], of line: UnsafeRawBufferPointer) -> [String] {
        var result = [String](repeating: "", count: indexes.count)
        let last = indexes.max() ?? 0
        var fieldIndex = 0, start = 0
        for position in 0...line.count where position == line.count || line[position] == 124 {
            if let slot = indexes.firstIndex(of: fieldIndex) {
                result[slot] = String(decoding: UnsafeRawBufferPointer(rebasing: line[start..<position]), as: UTF8.self)
            }
            fieldIndex += 1
            start = position + 1
            if fieldIndex > last { break }
        }
        return result
    }
}

/// The two halves' results, written from two threads.
private final class PartResults: @unchecked Sendable {
    private let lock = NSLock()
    private var parts = [RPPSImport.Partial(), RPPSImport.Partial()]

    func set(_ index: Int, _ partial: RPPSImport.Partial) { lock.withLock { parts[index] = partial } }
    var all: [RPPSImport.Partial] { lock.withLock { parts } }
}
