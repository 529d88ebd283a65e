import AtelierCore
import Foundation

/// The territory's communes drawn from their points: a circle per commune whose area is
/// proportional to its population, coloured by the estimated time to the nearest GP, with a
/// legend, a scale bar and the sources.
struct SVGCommuneMap {
    struct Place {
        var commune: CommuneRef
        var point: GeoPoint
        var minutes: Double?
    }

    /// Time classes: light to dark (viridis), so that greyscale keeps their order.
    static let classes: [(label: String, upper: Double, fill: String)] = [
        ("dans la commune", 0, "#FDE725"), ("moins de 10 min", 10, "#7AD151"), ("10 à 20 min", 20, "#22A884"),
        ("20 à 30 min", 30, "#2A788E"), ("plus de 30 min", .infinity, "#414487"),
    ]
    static let uncomputed = (label: "temps non calculé", fill: "#BBBBBB")
    static let width = 640.0, height = 480.0, margin = 30.0, maximumRadius = 24.0

    var places: [Place]
    var caption: String

    static func classIndex(_ minutes: Double?) -> Int? {
        guard let minutes else { return nil }
        return classes.firstIndex { minutes <= $0.upper }
    }

    var svg: String {
        let latitudes = places.map(\.point.latitude), longitudes = places.map(\.point.longitude)
        let south = latitudes.min() ?? 0, north = latitudes.max() ?? 0
        let west = longitudes.min() ?? 0, east = longitudes.max() ?? 0
        // Equirectangular at the territory's mean latitude: true to scale at that size.
        let scaleX = cos((south + north) / 2 * .pi / 180)
        let spanX = max((east - west) * scaleX, 0.01), spanY = max(north - south, 0.01)
        let drawable = (Self.width - 2 * Self.margin, Self.height - 2 * Self.margin - 40)
        let pixelsPerDegree = min(drawable.0 / spanX, drawable.1 / spanY)
        func x(_ p: GeoPoint) -> Double { Self.margin + (p.longitude - west) * scaleX * pixelsPerDegree }
        func y(_ p: GeoPoint) -> Double { Self.margin + (north - p.latitude) * pixelsPerDegree }
        let largest = Double(places.map(\.commune.population).max() ?? 1)
        var out =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" font-family=\"\(SynthesisCharts.fontFamily)\" class=\"chart map\" id=\"carte\" role=\"img\" aria-labelledby=\"carte-t carte-d\" viewBox=\"0 0 \(HTMLText.number(Self.width)) \(HTMLText.number(Self.height))\" width=\"\(HTMLText.number(Self.width))\" height=\"\(HTMLText.number(Self.height))\" data-largest-population=\"\(Int(largest))\" data-maximum-radius=\"\(HTMLText.number(Self.maximumRadius))\">"
        out +=
            "<title id=\"carte-t\">Communes du territoire</title><desc id=\"carte-d\">\(HTMLText.escape(caption))</desc><rect x=\"0\" y=\"0\" width=\"\(HTMLText.number(Self.width))\" height=\"\(HTMLText.number(Self.height))\" fill=\"#FFFFFF\" stroke=\"#999999\"/>"
        // Largest first, so that small communes stay visible on top.
        for place in places.sorted(by: { $0.commune.population > $1.commune.population }) {
            let radius = max(Self.maximumRadius * (Double(place.commune.population) / max(largest, 1)).squareRoot(), 1.5)
            let fill = Self.classIndex(place.minutes).map { Self.classes[$0].fill } ?? Self.uncomputed.fill
            let time =
                place.minutes.map { " ; \(FrenchFormat.integer(Int($0.rounded()))) min estimées du médecin généraliste le plus proche" }
                ?? ""
            out +=
                "<circle class=\"commune\" data-code=\"\(place.commune.code)\" data-population=\"\(place.commune.population)\" cx=\"\(HTMLText.number(x(place.point)))\" cy=\"\(HTMLText.number(y(place.point)))\" r=\"\(HTMLText.number(radius))\" fill=\"\(fill)\" fill-opacity=\"0.85\" stroke=\"#000000\" stroke-width=\"0.5\"><title>\(HTMLText.escape("\(place.commune.name) : \(FrenchFormat.integer(place.commune.population)) habitants\(time)"))</title></circle>"
        }
        // Scale bar: a round number of kilometres about a fifth of the width.
        let kilometresPerPixel = 111.195 / pixelsPerDegree
        let target = (Self.width / 5) * kilometresPerPixel
        let round = [1.0, 2, 5, 10, 20, 50, 100, 200].last { $0 <= target } ?? 1
        let barPixels = round / kilometresPerPixel
        let base = Self.height - 18
        out +=
            "<g class=\"scale\" data-kilometres=\"\(HTMLText.number(round))\" data-pixels=\"\(HTMLText.number(barPixels))\"><rect x=\"\(HTMLText.number(Self.margin))\" y=\"\(HTMLText.number(base))\" width=\"\(HTMLText.number(barPixels))\" height=\"4\" fill=\"#000000\"/><text x=\"\(HTMLText.number(Self.margin))\" y=\"\(HTMLText.number(base - 4))\" font-size=\"10\">\(HTMLText.number(round)) km</text></g>"
        let used = Set(places.map { Self.classIndex($0.minutes) })
        var legendX = Self.margin + barPixels + 30
        let entries =
            Self.classes.enumerated().filter { used.contains($0.offset) }.map { ($0.element.label, $0.element.fill) }
            + (used.contains(nil) ? [(Self.uncomputed.label, Self.uncomputed.fill)] : [])
        for (label, fill) in entries {
            out +=
                "<g class=\"legend-class\" data-label=\"\(HTMLText.escape(label))\" data-fill=\"\(fill)\"><circle cx=\"\(HTMLText.number(legendX))\" cy=\"\(HTMLText.number(base))\" r=\"5\" fill=\"\(fill)\" stroke=\"#000\" stroke-width=\"0.5\"/><text x=\"\(HTMLText.number(legendX + 8))\" y=\"\(HTMLText.number(base + 4))\" font-size=\"10\">\(HTMLText.escape(label))</text></g>"
            legendX += 20 + Double(label.count) * 5.2
        }
        return out + "</svg>"
    }
}
