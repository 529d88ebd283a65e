import Foundation

/// The PNG fallback of a chart the tool drew: its rectangles, circles and lines filled at twice
/// the SVG's size. Text is not drawn (that would need a font renderer): the readers that show
/// this picture rather than the SVG are old ones, and every chart of the documents has its
/// figures in the table beside it.
enum ChartRaster {
    static let scale = 2.0
    /// Beyond this, a hand-edited size is not drawn at all (a white square instead).
    static let largestSide = 4_000

    static func png(svg: String, width: Double, height: Double) -> Data {
        let (w, h) = pixels(width, height)
        var canvas = Canvas(width: w, height: h)
        for element in Element.all(in: svg) { canvas.draw(element, scale: scale) }
        return PNGEncoder.encode(width: w, height: h, rgb: canvas.rgb)
    }

    static func pixels(_ width: Double, _ height: Double) -> (Int, Int) {
        func side(_ value: Double) -> Int {
            let scaled = value * scale
            return scaled.isFinite && scaled >= 1 && scaled <= Double(largestSide) ? Int(scaled.rounded(.up)) : 16
        }
        return (side(width), side(height))
    }

    /// One shape of the SVG, its attributes as written.
    struct Element {
        var name: String
        var attributes: [String: String]

        func number(_ key: String) -> Double? { attributes[key].flatMap(Double.init).flatMap { $0.isFinite ? $0 : nil } }

        /// `<rect …>`, `<circle …>`, `<line …>`, in document order (later ones on top).
        static func all(in svg: String) -> [Element] {
            var elements: [Element] = []
            var rest = Substring(svg)
            while let open = rest.firstIndex(of: "<") {
                let tail = rest[rest.index(after: open)...]
                guard let close = tail.firstIndex(of: ">") else { break }
                let tag = tail[..<close]
                rest = tail[tail.index(after: close)...]
                let name = tag.prefix { $0.isLetter }
                guard name == "rect" || name == "circle" || name == "line" else { continue }
                elements.append(Element(name: String(name), attributes: parse(tag.dropFirst(name.count))))
            }
            return elements
        }

        /// `x="3" fill="#FFF"` → ["x": "3", "fill": "#FFF"].
        static func parse(_ text: Substring) -> [String: String] {
            var attributes: [String: String] = [:]
            var rest = text
            while let equals = rest.firstIndex(of: "=") {
                let key = rest[..<equals].trimmingCharacters(in: .whitespaces)
                let afterEquals = rest[rest.index(after: equals)...]
                guard let quote = afterEquals.first, quote == "\"" || quote == "'" else { break }
                let value = afterEquals.dropFirst()
                guard let end = value.firstIndex(of: quote) else { break }
                attributes[key] = String(value[..<end])
                rest = value[value.index(after: end)...]
            }
            return attributes
        }
    }

    struct Colour {
        var red: Double, green: Double, blue: Double

        /// `#RRGGBB` or `#RGB`; nil for `none` or anything else.
        init?(_ text: String?) {
            guard let text, text.hasPrefix("#") else { return nil }
            var hex = text.dropFirst().map(String.init)
            if hex.count == 3 { hex = hex.flatMap { [$0, $0] } }
            guard hex.count == 6, let value = UInt32(hex.joined(), radix: 16) else { return nil }
            red = Double(value >> 16)
            green = Double((value >> 8) & 0xFF)
            blue = Double(value & 0xFF)
        }
    }

    struct Canvas {
        let width: Int, height: Int
        var rgb: [UInt8]

        init(width: Int, height: Int) {
            self.width = width
            self.height = height
            rgb = Array(repeating: 255, count: width * height * 3)
        }

        mutating func blend(_ x: Int, _ y: Int, _ colour: Colour, _ opacity: Double) {
            guard x >= 0, y >= 0, x < width, y < height else { return }
            let index = (y * width + x) * 3
            if opacity >= 1 {
                rgb[index] = UInt8(colour.red)
                rgb[index + 1] = UInt8(colour.green)
                rgb[index + 2] = UInt8(colour.blue)
                return
            }
            func mixed(_ old: UInt8, _ value: Double) -> UInt8 {
                UInt8(max(0, min(255, (Double(old) * (1 - opacity) + value * opacity).rounded())))
            }
            rgb[index] = mixed(rgb[index], colour.red)
            rgb[index + 1] = mixed(rgb[index + 1], colour.green)
            rgb[index + 2] = mixed(rgb[index + 2], colour.blue)
        }

        /// Pixels whose centre is in the box, clipped to the canvas.
        mutating func paint(
            x0: Double, y0: Double, x1: Double, y1: Double, _ colour: Colour, _ opacity: Double, inside: (Double, Double) -> Bool
        ) {
            let left = max(0, Int((min(x0, x1)).rounded(.down))), right = min(width - 1, Int((max(x0, x1)).rounded(.up)))
            let top = max(0, Int((min(y0, y1)).rounded(.down))), bottom = min(height - 1, Int((max(y0, y1)).rounded(.up)))
            guard left <= right, top <= bottom else { return }
            for y in top...bottom {
                for x in left...right where inside(Double(x) + 0.5, Double(y) + 0.5) { blend(x, y, colour, opacity) }
            }
        }

        mutating func draw(_ element: Element, scale: Double) {
            let opacity = min(max(element.number("fill-opacity") ?? 1, 0), 1)
            let strokeWidth = max((element.number("stroke-width") ?? 1) * scale, 1)
            let fillColour = Colour(element.attributes["fill"] ?? (element.name == "line" ? "none" : "#000000"))
            let strokeColour = Colour(element.attributes["stroke"])
            switch element.name {
            case "rect":
                let x = (element.number("x") ?? 0) * scale, y = (element.number("y") ?? 0) * scale
                let w = (element.number("width") ?? 0) * scale, h = (element.number("height") ?? 0) * scale
                guard w > 0, h > 0 else { return }
                if let fillColour {
                    paint(x0: x, y0: y, x1: x + w, y1: y + h, fillColour, opacity) { px, py in
                        px >= x && px <= x + w && py >= y && py <= y + h
                    }
                }
                if let strokeColour {
                    // Four bands, not a test of every pixel of the box: a map's frame is the whole chart.
                    let s = strokeWidth / 2
                    for (x0, y0, x1, y1) in [
                        (x - s, y - s, x + w + s, y + s), (x - s, y + h - s, x + w + s, y + h + s),
                        (x - s, y - s, x + s, y + h + s), (x + w - s, y - s, x + w + s, y + h + s),
                    ] {
                        paint(x0: x0, y0: y0, x1: x1, y1: y1, strokeColour, 1) { px, py in
                            px >= x0 && px <= x1 && py >= y0 && py <= y1
                        }
                    }
                }
            case "circle":
                let cx = (element.number("cx") ?? 0) * scale, cy = (element.number("cy") ?? 0) * scale
                let r = (element.number("r") ?? 0) * scale
                guard r > 0 else { return }
                func distance(_ px: Double, _ py: Double) -> Double { ((px - cx) * (px - cx) + (py - cy) * (py - cy)).squareRoot() }
                if let fillColour { paint(x0: cx - r, y0: cy - r, x1: cx + r, y1: cy + r, fillColour, opacity) { distance($0, $1) <= r } }
                if let strokeColour {
                    let s = strokeWidth / 2
                    paint(x0: cx - r - s, y0: cy - r - s, x1: cx + r + s, y1: cy + r + s, strokeColour, 1) {
                        abs(distance($0, $1) - r) <= s
                    }
                }
            case "line":
                guard let strokeColour else { return }
                let x1 = (element.number("x1") ?? 0) * scale, y1 = (element.number("y1") ?? 0) * scale
                let x2 = (element.number("x2") ?? 0) * scale, y2 = (element.number("y2") ?? 0) * scale
                let s = strokeWidth / 2, dx = x2 - x1, dy = y2 - y1, length2 = dx * dx + dy * dy
                paint(x0: min(x1, x2) - s, y0: min(y1, y2) - s, x1: max(x1, x2) + s, y1: max(y1, y2) + s, strokeColour, 1) { px, py in
                    let t = length2 > 0 ? max(0, min(1, ((px - x1) * dx + (py - y1) * dy) / length2)) : 0
                    let qx = x1 + t * dx - px, qy = y1 + t * dy - py
                    return (qx * qx + qy * qy).squareRoot() <= s
                }
            default:
                break
            }
        }
    }
}
