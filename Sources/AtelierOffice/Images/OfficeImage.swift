import Foundation

/// A chart the tool drew, as the office documents embed it: the SVG itself (LibreOffice and
/// Word 2016 or later draw it, text included) and a PNG of its shapes for older readers.
public struct OfficeImage: Sendable {
    /// The name of its parts (`Pictures/densites.svg`): the tool's own chart names only, never
    /// a name typed in a template.
    public var id: String
    public var title: String
    public var svg: String
    /// The SVG's own size (CSS pixels).
    public var width: Double
    public var height: Double

    public init(id: String, title: String, svg: String, width: Double, height: Double) {
        self.id = id
        self.title = title
        self.svg = svg
        self.width = width
        self.height = height
    }

    /// On the page: 16 cm wide, at most 21 cm tall, in the chart's proportions.
    var displayCentimetres: (width: Double, height: Double) {
        guard width > 0, height > 0 else { return (16, 10) }
        let ratio = height / width
        return ratio * 16 > 21 ? (21 / ratio, 21) : (16, 16 * ratio)
    }

    /// Whether the writers may use the id in a part name.
    var hasSafeID: Bool {
        !id.isEmpty && id.count <= 40 && id.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 95 || $0 == 45 }
    }
}

/// The images a document's blocks refer to, in order of first use, each once.
struct UsedImages {
    var images: [OfficeImage] = []

    init() {}

    init(_ layout: LaidOutText, available: [String: OfficeImage]) {
        var seen: Set<String> = []
        for item in layout.items {
            guard case .image(let id, _) = item.block, let image = available[id], image.hasSafeID, seen.insert(id).inserted else {
                continue
            }
            images.append(image)
        }
    }

    func image(_ id: String) -> OfficeImage? { images.first { $0.id == id } }

    /// Each image's PNG, drawn once for the whole document.
    func pngs() -> [String: Data] {
        var out: [String: Data] = [:]
        for image in images { out[image.id] = ChartRaster.png(svg: image.svg, width: image.width, height: image.height) }
        return out
    }
}
