import Foundation

/// How far each commune of a territory is from care: for each kind of care, the nearest commune
/// (in the territory or outside) that has some, the straight-line distance between their points
/// and the estimated time (`TravelTimeModel`). A pure function of the territory's communes, the
/// communes' points and the care sites an import kept.
public struct MobilityAnalysis: Sendable, Equatable {
    public struct Nearest: Sendable, Equatable {
        public var code: String
        public var name: String
        public var kilometres: Double
        public var minutes: Double
        public var inTerritory: Bool
    }

    public enum Access: Sendable, Equatable {
        case found(Nearest)
        /// None within the area the import read: at least that many kilometres away.
        case beyond(kilometres: Double)
        /// The commune is outside the area the import read (the territory changed since).
        case notCovered
    }

    public struct Row: Sendable, Equatable {
        public var commune: CommuneRef
        public var access: [CareKind: Access]
    }

    /// One kind over the territory, weighted by the communes' populations.
    public struct Summary: Sendable, Equatable {
        public var kind: CareKind
        /// The mean estimated time; a lower bound when a commune's nearest is beyond the area
        /// read, counted at the area's edge.
        public var meanMinutes: Double
        /// Threshold (minutes) → inhabitants beyond it.
        public var inhabitantsBeyond: [Int: Int]
        /// The inhabitants of the communes counted (those with a point, covered by the import).
        public var population: Int
        public var communesBeyondArea: Int
        public var communesNotCovered: Int

        public var isLowerBound: Bool { communesBeyondArea > 0 }

        public func share(beyond minutes: Int) -> Double? {
            population > 0 ? Double(inhabitantsBeyond[minutes] ?? 0) / Double(population) * 100 : nil
        }
    }

    /// A commune outside the territory where many GPs practise within reach of its residents.
    public struct Pole: Sendable, Equatable {
        public var code: String
        public var name: String
        public var generalPractitioners: Int
        /// The estimated time from the nearest commune of the territory.
        public var minutes: Double
    }

    public var rows: [Row] = []
    /// The territory's communes whose point is missing in data/points_communes.tsv: named in
    /// every view, never counted silently.
    public var withoutPoint: [CommuneRef] = []
    public var summaries: [CareKind: Summary] = [:]
    public var poles: [Pole] = []
    /// The kinds some import read, in `CareKind` order.
    public var kinds: [CareKind] = []
    public var sites: CareSites = CareSites()

    public static let thresholds = [10, 20, 30]
    /// Poles are outside communes within this many estimated minutes of the territory.
    public static let poleReach = 20.0
    public static let poleCount = 3

    public init() {}

    public init(communes: [CommuneRef], reference: TerritoryReference, sites: CareSites) {
        self.sites = sites
        kinds = CareKind.allCases.filter { sites.reading(of: $0) != nil }
        let territory = Set(communes.map(\.code))
        var placed: [(CommuneRef, GeoPoint)] = []
        for commune in communes {
            if let point = reference.points[commune.code] { placed.append((commune, point)) } else { withoutPoint.append(commune) }
        }
        let candidates = Dictionary(
            uniqueKeysWithValues: kinds.map { kind in
                (kind, SiteIndex(sites.counts[kind] ?? [:], points: reference.points))
            })
        rows = placed.map { commune, point in
            var access: [CareKind: Access] = [:]
            for kind in kinds {
                guard let reading = sites.reading(of: kind), reading.area.contains(point) else {
                    access[kind] = .notCovered
                    continue
                }
                let edge = reading.area.distanceToEdge(from: point)
                if let (code, kilometres) = candidates[kind]?.nearest(to: point), kilometres <= edge {
                    access[kind] = .found(
                        Nearest(
                            code: code, name: Self.name(of: code, reference),
                            kilometres: kilometres, minutes: TravelTimeModel.minutes(straightLine: kilometres),
                            inTerritory: territory.contains(code)))
                } else {
                    access[kind] = .beyond(kilometres: edge)
                }
            }
            return Row(commune: commune, access: access)
        }
        for kind in kinds { summaries[kind] = summary(kind) }
        if let general = candidates[.medecinGeneraliste] {
            poles = Self.poles(
                general, counts: sites.counts[.medecinGeneraliste] ?? [:], territory: placed, excluding: territory, reference)
        }
    }

    /// The rows from the farthest from a GP to the nearest (then by name).
    public var rowsByDistance: [Row] {
        rows.sorted { a, b in
            let x = Self.sortKey(a.access[.medecinGeneraliste]), y = Self.sortKey(b.access[.medecinGeneraliste])
            return x != y ? x > y : a.commune.name < b.commune.name
        }
    }

    static func sortKey(_ access: Access?) -> Double {
        switch access {
        case .found(let nearest)?: nearest.kilometres
        case .beyond(let kilometres)?: kilometres + 1_000
        case .notCovered?, nil: -1
        }
    }

    func summary(_ kind: CareKind) -> Summary {
        var weighted = 0.0, population = 0, beyondArea = 0, notCovered = 0
        var beyond: [Int: Int] = [:]
        for row in rows {
            let minutes: Double
            switch row.access[kind] {
            case .found(let nearest)?: minutes = nearest.minutes
            case .beyond(let kilometres)?:
                minutes = TravelTimeModel.minutes(straightLine: kilometres)
                beyondArea += 1
            case .notCovered?, nil:
                notCovered += 1
                continue
            }
            population += row.commune.population
            weighted += minutes * Double(row.commune.population)
            for threshold in Self.thresholds where minutes > Double(threshold) { beyond[threshold, default: 0] += row.commune.population }
        }
        return Summary(
            kind: kind, meanMinutes: population > 0 ? weighted / Double(population) : 0, inhabitantsBeyond: beyond, population: population,
            communesBeyondArea: beyondArea, communesNotCovered: notCovered)
    }

    static func poles(
        _ index: SiteIndex, counts: [String: Int], territory: [(CommuneRef, GeoPoint)], excluding: Set<String>,
        _ reference: TerritoryReference
    ) -> [Pole] {
        var result: [Pole] = []
        let origins = SiteIndex(points: territory.map(\.1))
        for (code, point) in zip(index.codes, index.points) where !excluding.contains(code) {
            guard let (_, nearest) = origins.nearest(to: point) else { continue }
            let minutes = TravelTimeModel.minutes(straightLine: nearest)
            guard minutes <= poleReach, let count = counts[code] else { continue }
            result.append(
                Pole(
                    code: code, name: name(of: code, reference), generalPractitioners: count,
                    minutes: minutes))
        }
        return Array(
            result.sorted {
                $0.generalPractitioners != $1.generalPractitioners ? $0.generalPractitioners > $1.generalPractitioners : $0.code < $1.code
            }.prefix(poleCount))
    }

    /// A commune's name; an arrondissement (« Paris 8e ») is not in the reference: the city's
    /// name and the arrondissement's number.
    static func name(of code: String, _ reference: TerritoryReference) -> String {
        if let commune = reference.communes[code] { return commune.name }
        let city = ["751": "75056", "693": "69123", "132": "13055"][String(code.prefix(3))]
        guard let city, let name = reference.communes[city]?.name, let number = Int(code.suffix(2)) else { return code }
        return "\(name) \(number)\(number == 1 ? "er" : "e")"
    }
}

/// The communes of one kind with their points, in cells of 0,2° so that the nearest of tens of
/// thousands is found by looking at a few cells around the origin (a territory of every commune
/// of France stays a matter of seconds, not hours). Searched by a cheap flat-Earth distance,
/// measured exactly once found (within a few hundred kilometres the two orders agree).
struct SiteIndex: Sendable {
    var codes: [String] = []
    var points: [GeoPoint] = []
    private var cells: [Cell: [Int]] = [:]
    private var bounds = (minimumRow: 0, maximumRow: 0, minimumColumn: 0, maximumColumn: 0)

    static let cellDegrees = 0.2

    struct Cell: Hashable, Sendable {
        var row: Int
        var column: Int

        init(_ point: GeoPoint) {
            row = Int((point.latitude / SiteIndex.cellDegrees).rounded(.down))
            column = Int((point.longitude / SiteIndex.cellDegrees).rounded(.down))
        }

        init(row: Int, column: Int) {
            self.row = row
            self.column = column
        }
    }

    init(_ counts: [String: Int], points reference: [String: GeoPoint]) {
        for code in counts.keys.sorted() where counts[code, default: 0] > 0 {
            guard let point = reference[code] else { continue }
            codes.append(code)
            points.append(point)
        }
        index()
    }

    /// Points alone (codes unused).
    init(points: [GeoPoint]) {
        self.points = points
        codes = Array(repeating: "", count: points.count)
        index()
    }

    private mutating func index() {
        for (position, point) in points.enumerated() { cells[Cell(point), default: []].append(position) }
        let all = cells.keys
        bounds = (
            all.map(\.row).min() ?? 0, all.map(\.row).max() ?? 0, all.map(\.column).min() ?? 0, all.map(\.column).max() ?? 0
        )
    }

    /// The nearest point and its distance in kilometres. Rings of cells are searched outward
    /// until no farther ring can hold a nearer point: the origin lies anywhere in its cell, so a
    /// point of ring r differs from it by more than r − 1 cells in latitude or in longitude.
    func nearest(to origin: GeoPoint) -> (String, Double)? {
        guard !points.isEmpty else { return nil }
        let scale = cos(origin.latitude * .pi / 180)
        let center = Cell(origin)
        let rings = max(
            abs(center.row - bounds.minimumRow), abs(center.row - bounds.maximumRow), abs(center.column - bounds.minimumColumn),
            abs(center.column - bounds.maximumColumn))
        var best = -1, bestSquare = Double.infinity
        for ring in 0...rings {
            // Before ring r: every point left is more than r − 1 cells away in one coordinate.
            let reach = Double(ring - 1) * Self.cellDegrees * scale
            if best >= 0 && ring > 1 && reach * reach >= bestSquare { break }
            for row in (center.row - ring)...(center.row + ring) {
                // The ring's first and last rows whole; the rows between, their two ends.
                let edge = row == center.row - ring || row == center.row + ring
                let step = edge || ring == 0 ? 1 : 2 * ring
                for column in stride(from: center.column - ring, through: center.column + ring, by: step) {
                    guard let positions = cells[Cell(row: row, column: column)] else { continue }
                    for position in positions {
                        let dy = points[position].latitude - origin.latitude
                        let dx = (points[position].longitude - origin.longitude) * scale
                        let square = dx * dx + dy * dy
                        if square < bestSquare || (square == bestSquare && position < best) { bestSquare = square; best = position }
                    }
                }
            }
        }
        return best < 0 ? nil : (codes[best], origin.distance(to: points[best]))
    }
}
