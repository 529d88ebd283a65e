/// Where care is found around a territory, as the last import of each file gave it: for each
/// kind, the communes that have some, with how many (distinct professionals, or structures).
/// Kept in the workbook so that the distances follow the territory's answers, and so that an
/// RPPS import and a FINESS import weeks apart add up.
public struct CareSites: Sendable, Equatable {
    /// What one import read: its source as the answers cite it, and the area it covered.
    public struct Reading: Sendable, Equatable {
        public var source: String
        public var year: Int?
        public var area: GeoArea

        public init(source: String, year: Int?, area: GeoArea) {
            self.source = source
            self.year = year
            self.area = area
        }
    }

    /// kind → commune code → count (≥ 1).
    public var counts: [CareKind: [String: Int]] = [:]
    /// `false` for RPPS kinds, `true` for FINESS kinds → the import that read them.
    public var readings: [Bool: Reading] = [:]

    public init(counts: [CareKind: [String: Int]] = [:], readings: [Bool: Reading] = [:]) {
        self.counts = counts
        self.readings = readings
    }

    public func reading(of kind: CareKind) -> Reading? { readings[kind.fromFINESS] }

    public var isEmpty: Bool { readings.isEmpty }

    /// The margin around the territory an import keeps, in kilometres: the nearest site farther
    /// than that is not looked for (« aucun à moins de 30 km », about 40 estimated minutes, so
    /// beyond every threshold), which keeps the import's added cost under a tenth of a national
    /// RPPS file's (50 km: 1 962 communes around 500 of the Gard and the Hérault, +15 %; 30 km:
    /// 1 194, +5 %).
    public static let margin = 30.0
}

extension CareSites {
    /// The area an import reads around `communes`: their points widened by `margin`; nil when
    /// none of them has a point.
    public static func area(around communes: [String], reference: TerritoryReference) -> GeoArea? {
        GeoArea.around(communes.compactMap { reference.points[$0] }, margin: margin)
    }

    /// The communes and arrondissements of `area` outside `territory`: the rows an import also
    /// decodes.
    public static func nearby(_ area: GeoArea, excluding territory: Set<String>, reference: TerritoryReference) -> Set<String> {
        Set(reference.points.lazy.filter { !territory.contains($0.key) && area.contains($0.value) }.map(\.key))
    }
}

extension CareSites {
    /// A SHA-256 of what was read, for the CLS draft's fingerprint: the distances it prints
    /// come from these sites, not from the answers.
    public var digest: String {
        var canonical = ""
        for fromFINESS in [false, true] {
            guard let reading = readings[fromFINESS] else { continue }
            let area = reading.area
            canonical +=
                "lecture\t\(fromFINESS)\t\(reading.source)\t\(reading.year.map(String.init) ?? "")\t\(area.latitudes.lowerBound)\t\(area.latitudes.upperBound)\t\(area.longitudes.lowerBound)\t\(area.longitudes.upperBound)\n"
        }
        for kind in CareKind.allCases {
            for (commune, count) in (counts[kind] ?? [:]).sorted(by: { $0.key < $1.key }) {
                canonical += "\(kind.rawValue)\t\(commune)\t\(count)\n"
            }
        }
        return SHA256.hex(canonical)
    }
}
