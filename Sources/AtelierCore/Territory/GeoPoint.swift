import Foundation

/// A point on the Earth in degrees (WGS 84), as the La Poste base gives a commune's point.
public struct GeoPoint: Sendable, Equatable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// The mean radius of the Earth (IUGG), in kilometres.
    static let earthRadius = 6_371.0088

    /// The great-circle (« à vol d'oiseau ») distance in kilometres, by the haversine formula
    /// on a sphere: within 0,5 % of the distance on the ellipsoid, far below what separates the
    /// point of a commune from its inhabitants.
    public func distance(to other: GeoPoint) -> Double {
        let latitude1 = latitude * .pi / 180, latitude2 = other.latitude * .pi / 180
        let deltaLatitude = latitude2 - latitude1, deltaLongitude = (other.longitude - longitude) * .pi / 180
        let a =
            sin(deltaLatitude / 2) * sin(deltaLatitude / 2) + cos(latitude1) * cos(latitude2) * sin(deltaLongitude / 2)
            * sin(deltaLongitude / 2)
        return 2 * Self.earthRadius * asin(min(1, a.squareRoot()))
    }

    /// Where French communes can be, overseas included (Mayotte at 45° E, La Réunion at 55° E,
    /// Guadeloupe and Martinique at 61° W, Guyane at 2° N, La Réunion at 21° S, Dunkerque at 51° N).
    /// A point outside is a damaged line of data/points_communes.tsv.
    static let plausibleLatitudes = -22.0...52.0
    static let plausibleLongitudes = -64.0...57.0
}

/// A rectangle of latitudes and longitudes: the area around a territory whose care sites an
/// import keeps.
public struct GeoArea: Sendable, Equatable {
    public var latitudes: ClosedRange<Double>
    public var longitudes: ClosedRange<Double>

    public init(latitudes: ClosedRange<Double>, longitudes: ClosedRange<Double>) {
        self.latitudes = latitudes
        self.longitudes = longitudes
    }

    /// The smallest area holding `points`, widened by `margin` kilometres on every side (a
    /// degree of latitude is 111,2 km; one of longitude 111,2 km × cos(latitude), taken at the
    /// latitude farthest from the equator, where it is shortest).
    public static func around(_ points: [GeoPoint], margin: Double) -> GeoArea? {
        guard let first = points.first else { return nil }
        var latitudes = first.latitude...first.latitude, longitudes = first.longitude...first.longitude
        for point in points.dropFirst() {
            latitudes = min(latitudes.lowerBound, point.latitude)...max(latitudes.upperBound, point.latitude)
            longitudes = min(longitudes.lowerBound, point.longitude)...max(longitudes.upperBound, point.longitude)
        }
        let degree = 2 * .pi * GeoPoint.earthRadius / 360
        let widest = max(abs(latitudes.lowerBound), abs(latitudes.upperBound)) + margin / degree
        let longitudeMargin = margin / (degree * max(cos(min(widest, 89) * .pi / 180), 0.01))
        return GeoArea(
            latitudes: (latitudes.lowerBound - margin / degree)...(latitudes.upperBound + margin / degree),
            longitudes: (longitudes.lowerBound - longitudeMargin)...(longitudes.upperBound + longitudeMargin))
    }

    public func contains(_ point: GeoPoint) -> Bool {
        latitudes.contains(point.latitude) && longitudes.contains(point.longitude)
    }

    /// How far `point` (inside) is from the nearest edge, in kilometres: any place outside the
    /// area is at least that far, so a nearest site found closer is the nearest of all.
    public func distanceToEdge(from point: GeoPoint) -> Double {
        guard contains(point) else { return 0 }
        let degree = 2 * .pi * GeoPoint.earthRadius / 360
        let north = (latitudes.upperBound - point.latitude) * degree
        let south = (point.latitude - latitudes.lowerBound) * degree
        // Along a parallel the degree shrinks towards the poles: the edge's nearest point may be
        // at another latitude; the parallel of the point's own latitude or the area's
        // pole-ward edge, whichever is shorter, bounds it from below.
        let poleward = max(abs(latitudes.lowerBound), abs(latitudes.upperBound))
        let shortest = degree * cos(min(poleward, 89) * .pi / 180)
        let east = (longitudes.upperBound - point.longitude) * shortest
        let west = (point.longitude - longitudes.lowerBound) * shortest
        return min(north, south, east, west)
    }
}
