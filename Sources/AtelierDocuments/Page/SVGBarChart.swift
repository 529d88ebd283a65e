import AtelierCore

/// A horizontal bar chart as inline SVG, with its figures in a table under it: categories
/// (professions, funders) down, one bar per series. A bar's length is its value over the
/// chart's largest (`data-value` holds the figure, for readers and tests).
struct SVGBarChart {
    struct Series {
        var name: String
        /// Fill and stroke: dark, middle and hollow read apart in greyscale too.
        var fill: String
        var stroke: String = "#000000"
    }

    var id: String
    var title: String
    var description: String
    var unit: String
    var categories: [String]
    var series: [Series]
    /// values[category][series]; nil: no figure (no bar, « — » in the table).
    var values: [[Double?]]
    var format: (Double) -> String

    static let labelWidth = 230.0, plotWidth = 420.0, barHeight = 14.0, gap = 3.0, groupGap = 12.0

    /// Colours safe for colour-blind readers (Okabe and Ito), with lightness apart.
    static let dark = Series(name: "", fill: "#0072B2"), middle = Series(name: "", fill: "#E69F00"),
        hollow = Series(name: "", fill: "#FFFFFF")

    var maximum: Double { values.flatMap { $0 }.compactMap { $0 }.max().map { max($0, 0) } ?? 0 }

    var svg: String {
        let groupHeight = Double(series.count) * (Self.barHeight + Self.gap) + Self.groupGap
        let legendHeight = 22.0
        let height = legendHeight + Double(categories.count) * groupHeight + 10
        let width = Self.labelWidth + Self.plotWidth + 90
        let top = maximum
        var out =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" font-family=\"\(SynthesisCharts.fontFamily)\" class=\"chart\" id=\"\(id)\" role=\"img\" aria-labelledby=\"\(id)-t \(id)-d\" viewBox=\"0 0 \(HTMLText.number(width)) \(HTMLText.number(height))\" width=\"\(HTMLText.number(width))\" height=\"\(HTMLText.number(height))\" data-max=\"\(HTMLText.exact(top))\" data-plot-width=\"\(HTMLText.number(Self.plotWidth))\">"
        out += "<title id=\"\(id)-t\">\(HTMLText.escape(title))</title><desc id=\"\(id)-d\">\(HTMLText.escape(description))</desc>"
        var x = Self.labelWidth
        for item in series {
            out +=
                "<rect class=\"legend\" x=\"\(HTMLText.number(x))\" y=\"4\" width=\"12\" height=\"12\" fill=\"\(item.fill)\" stroke=\"\(item.stroke)\"/><text x=\"\(HTMLText.number(x + 16))\" y=\"14\" font-size=\"11\">\(HTMLText.escape(item.name))</text>"
            x += 30 + Double(item.name.count) * 7
        }
        for (row, category) in categories.enumerated() {
            let y0 = legendHeight + Double(row) * groupHeight
            out +=
                "<text x=\"\(HTMLText.number(Self.labelWidth - 8))\" y=\"\(HTMLText.number(y0 + Self.barHeight))\" font-size=\"11\" text-anchor=\"end\">\(HTMLText.escape(category))</text>"
            for (column, item) in series.enumerated() {
                guard let value = values[row][column] else { continue }
                let y = y0 + Double(column) * (Self.barHeight + Self.gap)
                let length = top > 0 ? max(value, 0) / top * Self.plotWidth : 0
                out +=
                    "<rect class=\"bar\" data-series=\"\(HTMLText.escape(item.name))\" data-category=\"\(HTMLText.escape(category))\" data-value=\"\(HTMLText.exact(value))\" x=\"\(HTMLText.number(Self.labelWidth))\" y=\"\(HTMLText.number(y))\" width=\"\(HTMLText.number(length))\" height=\"\(HTMLText.number(Self.barHeight))\" fill=\"\(item.fill)\" stroke=\"\(item.stroke)\" stroke-width=\"0.6\"><title>\(HTMLText.escape("\(category), \(item.name) : \(format(value))"))</title></rect>"
                out +=
                    "<text x=\"\(HTMLText.number(Self.labelWidth + length + 4))\" y=\"\(HTMLText.number(y + Self.barHeight - 3))\" font-size=\"10\">\(HTMLText.escape(format(value)))</text>"
            }
        }
        return out + "</svg>"
    }

    /// The same figures as a table, for screen readers and for copying.
    var table: String {
        var out =
            "<table class=\"figures\"><caption>\(HTMLText.escape(title)) (\(HTMLText.escape(unit)))</caption><thead><tr><th scope=\"col\"></th>"
        for item in series { out += "<th scope=\"col\">\(HTMLText.escape(item.name))</th>" }
        out += "</tr></thead><tbody>"
        for (row, category) in categories.enumerated() {
            out += "<tr><th scope=\"row\">\(HTMLText.escape(category))</th>"
            for column in series.indices { out += "<td>\(HTMLText.escape(values[row][column].map(format) ?? "—"))</td>" }
            out += "</tr>"
        }
        return out + "</tbody></table>"
    }
}
