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
    /// Postal code → the codes of the communes it serves (La Poste), in code order.
    public private(set) var postalCodes: [String: [String]] = [:]
    /// Commune or arrondissement code → its point (La Poste), for distances between communes.
    public private(set) var points: [String: GeoPoint] = [:]
    private var members: [String: [String]] = [:]
    private var nameIndex = Lazy(TerritoryNames(communes: [:], epcis: [:]))

    /// The communes and EPCI by name, indexed the first time a name is looked up.
    public var names: TerritoryNames { (try? nameIndex.get()) ?? TerritoryNames(communes: [:], epcis: [:]) }

    /// What the figures are and when they date from, for the messages that use them.
    public static let populationSource = "INSEE, populations légales 2023 (en vigueur au 01/01/2026)"
    public static let epciSource = "DGCL, composition des EPCI au 01/01/2025"
    public static let communeSource = "INSEE, code officiel géographique 2026"
    public static let postalSource = "La Poste, base officielle des codes postaux, 2023"

    public init() {}

    /// Reads the two tab-separated files; `file` names are used in error messages. Every value
    /// is checked here, since the files may have been edited by hand: a population out of
    /// range would trap later, in a sum.
    public init(
        communesTSV: String, epciTSV: String, departmentsTSV: String = "", postalCodesTSV: String = "",
        pointsTSV: String = "", communesFile: String = "data/communes.tsv", epciFile: String = "data/epci.tsv",
        departmentsFile: String = "data/departements.tsv", postalCodesFile: String = "data/codes_postaux.tsv",
        pointsFile: String = "data/points_communes.tsv"
    ) throws {
        var departmentLines: [String: Int] = [:]
        for (line, fields) in try Self.rows(departmentsTSV, file: departmentsFile, columns: 3) {
            func refuse(_ message: String) -> FileProblem { FileProblem(file: departmentsFile, line: line, reason: message) }
            guard Self.isDepartmentCode(fields[0]) else {
                throw refuse("code de département « \(fields[0].prefix(20)) » invalide (01 à 95, 2A, 2B ou 971 à 976 attendu)")
            }
            guard !fields[1].isEmpty else { throw refuse("nom du département \(fields[0]) vide") }
            if let first = departmentLines.updateValue(line, forKey: fields[0]) {
                throw refuse("département \(fields[0]) déjà décrit ligne \(first)")
            }
            departments[fields[0]] = (fields[1], fields[2])
        }
        var epciLines: [String: Int] = [:]
        for (line, fields) in try Self.rows(epciTSV, file: epciFile, columns: 4) {
            func refuse(_ message: String) -> FileProblem { FileProblem(file: epciFile, line: line, reason: message) }
            guard Identifiers.isValidSiren(fields[0]) else {
                throw refuse("SIREN « \(fields[0].prefix(20)) » invalide (9 chiffres attendus)")
            }
            guard !fields[1].isEmpty else { throw refuse("nom de l'EPCI \(fields[0]) vide") }
            guard let count = Int(fields[3]), count >= 1, count <= Self.maximumCommuneCount else {
                throw refuse(
                    "nombre de communes « \(fields[3].prefix(20)) » invalide (entier de 1 à \(FrenchFormat.integer(Self.maximumCommuneCount)) attendu)"
                )
            }
            if let first = epciLines.updateValue(line, forKey: fields[0]) { throw refuse("EPCI \(fields[0]) déjà décrit ligne \(first)") }
            epcis[fields[0]] = Epci(siren: fields[0], name: fields[1], legalNature: fields[2])
        }
        var communeLines: [String: Int] = [:]
        for (line, fields) in try Self.rows(communesTSV, file: communesFile, columns: 6) {
            func refuse(_ message: String) -> FileProblem { FileProblem(file: communesFile, line: line, reason: message) }
            let code = fields[0]
            guard Identifiers.isWellFormedInseeCode(code) else {
                throw refuse("code commune « \(code.prefix(20)) » invalide (5 caractères INSEE attendus)")
            }
            guard Self.isDepartmentCode(fields[2]), code.hasPrefix(fields[2]) else {
                throw refuse("département « \(fields[2].prefix(20)) » invalide pour la commune \(code)")
            }
            guard let population = Int(fields[3]) else {
                throw refuse("population « \(fields[3].prefix(20)) » illisible (nombre entier attendu)")
            }
            if let problem = Self.populationProblem(population, commune: code) { throw refuse(problem) }
            guard let year = Int(fields[4]), Self.populationYears.contains(year) else {
                throw refuse(
                    "année de population « \(fields[4].prefix(20)) » invalide (\(Self.populationYears.lowerBound) à \(Self.populationYears.upperBound) attendu)"
                )
            }
            let siren = fields[5].isEmpty ? nil : fields[5]
            if let siren, !Identifiers.isValidSiren(siren) {
                throw refuse("SIREN d'EPCI « \(siren.prefix(20)) » invalide (9 chiffres attendus)")
            }
            // Cross-checks only when the other file was given (tests load communes alone).
            if let siren, !epcis.isEmpty, epcis[siren] == nil { throw refuse("EPCI \(siren) absent de \(epciFile)") }
            if !departments.isEmpty, departments[fields[2]] == nil { throw refuse("département \(fields[2]) absent de \(departmentsFile)") }
            if let first = communeLines.updateValue(line, forKey: code) { throw refuse("commune \(code) déjà décrite ligne \(first)") }
            communes[code] = Commune(
                code: code, name: fields[1], department: fields[2],
                population: population, populationYear: year, epciSiren: siren)
            if let siren { members[siren, default: []].append(code) }
            // Bounded: at most 3 000 000 per line, so no sum of a file that fits in memory overflows.
            departmentPopulations[fields[2], default: 0] += population
        }
        for (line, fields) in try Self.rows(postalCodesTSV, file: postalCodesFile, columns: 2) {
            guard fields[0].count == 5, fields[0].allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw FileProblem(
                    file: postalCodesFile, line: line, reason: "code postal « \(fields[0].prefix(20)) » invalide (5 chiffres attendus)")
            }
            guard communes[fields[1]] != nil else {
                throw FileProblem(
                    file: postalCodesFile, line: line, reason: "commune « \(fields[1].prefix(20)) » absente de \(communesFile)")
            }
            postalCodes[fields[0], default: []].append(fields[1])
        }
        for postal in postalCodes.keys { postalCodes[postal]?.sort() }
        points = try Self.readPoints(Self.rows(pointsTSV, file: pointsFile, columns: 4), file: pointsFile, communes: communes)
        nameIndex = Lazy { [communes, epcis] in TerritoryNames(communes: communes, epcis: epcis) }
    }

    /// The member communes of an EPCI, in code order.
    public func members(ofEpci siren: String) -> [Commune] {
        (members[siren] ?? []).compactMap { communes[$0] }.sorted { $0.code < $1.code }
    }

    /// Tab-separated rows after the header, scanned as bytes: `split` on 35 000 lines costs
    /// over 100 ms, this a few.
    static func rows(_ text: String, file: String, columns: Int) throws -> [(Int, [String])] {
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
                // A control character (ESC…) in a name would reach the terminal as a sequence.
                if let control = (lineStart..<contentEnd).first(where: { bytes[$0] < 32 && bytes[$0] != 9 || bytes[$0] == 127 }) {
                    throw FileProblem(
                        file: file, line: lineNumber,
                        reason:
                            "caractère de contrôle (code \(bytes[control])) en colonne \(bytes[lineStart..<control].filter { $0 == 9 }.count + 1) : seul du texte est attendu"
                    )
                }
                for index in lineStart...contentEnd where index == contentEnd || bytes[index] == 9 {
                    fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[fieldStart..<index]), as: UTF8.self))
                    fieldStart = index + 1
                }
                guard fields.count == columns else {
                    throw FileProblem(
                        file: file, line: lineNumber,
                        reason: "\(columns) colonnes attendues, \(fields.count) trouvées")
                }
                result.append((lineNumber, fields))
            }
            return result
        }
    }
}

// MARK: - Ranges of the values read from files (data/ and imports)

extension TerritoryReference {
    /// The largest population municipale accepted for one commune (or one arrondissement line).
    /// The largest commune is Paris, 2 103 778 inhabitants in the populations légales 2023
    /// (data/communes.tsv; Toulouse, 514 819, is the largest single line of the INSEE file, which
    /// lists Paris by arrondissement); no French commune has ever counted more than Paris in
    /// 1921, 2 906 472. 3 000 000 leaves room for that and keeps any sum of a file's populations
    /// far from overflowing (35 000 communes × 3 000 000 ≈ 10¹¹).
    public static let maximumCommunePopulation = 3_000_000

    /// The only communes whose population municipale is 0: villages of the Meuse destroyed at
    /// Verdun in 1916 and kept as communes « mortes pour la France », with no inhabitant (the six
    /// communes at 0 in the INSEE populations légales 2023 and in data/communes.tsv; Ornes, the
    /// seventh such village, has inhabitants). Any other commune at 0 is an error in the file (a
    /// blank or a shifted column).
    public static let uninhabitedCommunes: Set<String> = ["55039", "55050", "55139", "55189", "55239", "55307"]

    /// An EPCI gathers at most all the communes of France (34 875 in the COG 2026; the largest
    /// EPCI has 158): more than 40 000 is an error in the file.
    public static let maximumCommuneCount = 40_000

    /// Millésimes of populations légales: the first one published under the current census
    /// method is 2006; 2100 leaves room for future files while refusing an obvious typo.
    public static let populationYears = 2006...2100

    /// Why `population` cannot be that of `commune`, in French, or nil when it can.
    public static func populationProblem(_ population: Int, commune: String) -> String? {
        if population < 0 {
            return "population \(FrenchFormat.integer(population)) négative pour la commune \(commune) : un nombre d'habitants est positif"
        }
        if population == 0 && !uninhabitedCommunes.contains(commune) {
            return
                "population 0 pour la commune \(commune) : seuls les villages « morts pour la France » de la Meuse (55039, 55050, 55139, 55189, 55239, 55307) n'ont aucun habitant"
        }
        if population > maximumCommunePopulation {
            return
                "population \(FrenchFormat.integer(population)) trop grande pour la commune \(commune) : \(FrenchFormat.integer(maximumCommunePopulation)) au plus (Paris, la plus peuplée, compte \(FrenchFormat.integer(2_103_778)) habitants)"
        }
        return nil
    }

    /// A département code: 01 to 95 (no 20), 2A, 2B, or 971 to 976.
    static func isDepartmentCode(_ code: String) -> Bool {
        if code == "2A" || code == "2B" { return true }
        guard code.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(code) else { return false }
        return code.count == 2 ? (1...95).contains(number) && number != 20 : code.count == 3 && (971...976).contains(number)
    }
}
