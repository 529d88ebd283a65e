/// Official names and populations of communes and the composition of EPCI, bundled with the
/// tool in `data/` (built by `scripts/build_reference_data.py` from INSEE COG 2026, INSEE
/// populations légales 2023 and DGCL epcicom 2025).
public struct TerritoryReference: Sendable {
    public struct Commune: Sendable, Equatable {
        public var code: String
        public var name: String
        public var department: String
        public var population: Int
        public var populationYear: Int
        public var epciSiren: String?

        public var ref: CommuneRef {
            CommuneRef(code: code, name: name, population: population, populationYear: populationYear)
        }
    }

    public struct Epci: Sendable, Equatable {
        public var siren: String
        public var name: String
        public var legalNature: String
    }

    public private(set) var communes: [String: Commune] = [:]
    public private(set) var epcis: [String: Epci] = [:]
    /// Département code → its name and its région's name.
    public private(set) var departments: [String: (name: String, region: String)] = [:]
    /// Département code → population municipale, summed from its communes.
    public private(set) var departmentPopulations: [String: Int] = [:]
    private var members: [String: [String]] = [:]

    /// What the figures are and when they date from, for the messages that use them.
    public static let populationSource = "INSEE, populations légales 2023 (en vigueur au 01/01/2026)"
    public static let epciSource = "DGCL, composition des EPCI au 01/01/2025"
    public static let communeSource = "INSEE, code officiel géographique 2026"

    public init() {}

    /// Reads the two tab-separated files; `file` names are used in error messages.
    public init(communesTSV: String, epciTSV: String, departmentsTSV: String = "",
                communesFile: String = "data/communes.tsv", epciFile: String = "data/epci.tsv") throws {
        for (line, fields) in try Self.rows(communesTSV, file: communesFile, columns: 6) {
            guard let population = Int(fields[3]), let year = Int(fields[4]) else {
                throw ReferenceFileError(file: communesFile, line: line, message: "population illisible")
            }
            let siren = fields[5].isEmpty ? nil : fields[5]
            communes[fields[0]] = Commune(code: fields[0], name: fields[1], department: fields[2],
                                          population: population, populationYear: year, epciSiren: siren)
            if let siren { members[siren, default: []].append(fields[0]) }
            departmentPopulations[fields[2], default: 0] += population
        }
        for (_, fields) in try Self.rows(epciTSV, file: epciFile, columns: 4) {
            epcis[fields[0]] = Epci(siren: fields[0], name: fields[1], legalNature: fields[2])
        }
        for (_, fields) in try Self.rows(departmentsTSV, file: "data/departements.tsv", columns: 3) {
            departments[fields[0]] = (fields[1], fields[2])
        }
    }

    /// The member communes of an EPCI, in code order.
    public func members(ofEpci siren: String) -> [Commune] {
        (members[siren] ?? []).compactMap { communes[$0] }.sorted { $0.code < $1.code }
    }

    /// Tab-separated rows after the header, scanned as bytes: `split` on 35 000 lines costs
    /// over 100 ms, this a few.
    private static func rows(_ text: String, file: String, columns: Int) throws -> [(Int, [String])] {
        var result: [(Int, [String])] = []
        result.reserveCapacity(40_000)
        var text = text
        return try text.withUTF8 { bytes throws -> [(Int, [String])] in
            var lineNumber = 0, lineStart = 0, sawHeader = false
            while lineStart < bytes.count {
                lineNumber += 1
                var lineEnd = lineStart
                while lineEnd < bytes.count && bytes[lineEnd] != 10 { lineEnd += 1 }
                var contentEnd = lineEnd
                if contentEnd > lineStart && bytes[contentEnd - 1] == 13 { contentEnd -= 1 }
                defer { lineStart = lineEnd + 1 }
                if contentEnd == lineStart || bytes[lineStart] == 35 { continue }  // empty or "#"
                if !sawHeader { sawHeader = true; continue }
                var fields: [String] = []
                fields.reserveCapacity(columns)
                var fieldStart = lineStart
                for index in lineStart...contentEnd where index == contentEnd || bytes[index] == 9 {
                    fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[fieldStart..<index]), as: UTF8.self))
                    fieldStart = index + 1
                }
                guard fields.count == columns else {
                    throw ReferenceFileError(file: file, line: lineNumber,
                                             message: "\(columns) colonnes attendues, \(fields.count) trouvées")
                }
                result.append((lineNumber, fields))
            }
            return result
        }
    }
}

public struct ReferenceFileError: Error, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String
    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { line > 0 ? "\(file), ligne \(line) : \(message)" : "\(file) : \(message)" }
}
