import AtelierCore

/// Vertical stacked bars as inline SVG: one column per year, one segment per funder, heights
/// proportional to the amounts (`data-value` in cents), with the table under it.
struct SVGStackedBars {
    var id: String
    var title: String
    var description: String
    var columns: [String]
    var parts: [String]
    /// cents[column][part]
    var cents: [[Int]]

    /// Okabe–Ito, then the same hues again: the table names every figure.
    static let palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
    static let plotHeight = 220.0, columnWidth = 46.0, columnGap = 28.0, left = 90.0

    var totals: [Int] { cents.map { $0.reduce(0, +) } }

    var svg: String {
        let top = Double(totals.max() ?? 0)
        let legendRows = Double((parts.count + 2) / 3)
        let width = Self.left + Double(columns.count) * (Self.columnWidth + Self.columnGap) + 20
        let height = Self.plotHeight + 40 + legendRows * 16 + 10
        var out =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" font-family=\"\(SynthesisCharts.fontFamily)\" class=\"chart\" id=\"\(id)\" role=\"img\" aria-labelledby=\"\(id)-t \(id)-d\" viewBox=\"0 0 \(HTMLText.number(max(width, 520))) \(HTMLText.number(height))\" width=\"\(HTMLText.number(max(width, 520)))\" height=\"\(HTMLText.number(height))\" data-max=\"\(HTMLText.number(top))\" data-plot-height=\"\(HTMLText.number(Self.plotHeight))\">"
        out += "<title id=\"\(id)-t\">\(HTMLText.escape(title))</title><desc id=\"\(id)-d\">\(HTMLText.escape(description))</desc>"
        let base = 10 + Self.plotHeight
        out +=
            "<line x1=\"\(HTMLText.number(Self.left - 6))\" y1=\"\(HTMLText.number(base))\" x2=\"\(HTMLText.number(width))\" y2=\"\(HTMLText.number(base))\" stroke=\"#000\"/>"
        for (index, column) in columns.enumerated() {
            let x = Self.left + Double(index) * (Self.columnWidth + Self.columnGap)
            var y = base
            for (part, amount) in cents[index].enumerated() where amount > 0 {
                let h = top > 0 ? Double(amount) / top * Self.plotHeight : 0
                y -= h
                out +=
                    "<rect class=\"segment\" data-column=\"\(HTMLText.escape(column))\" data-part=\"\(HTMLText.escape(parts[part]))\" data-value=\"\(amount)\" x=\"\(HTMLText.number(x))\" y=\"\(HTMLText.number(y))\" width=\"\(HTMLText.number(Self.columnWidth))\" height=\"\(HTMLText.number(h))\" fill=\"\(Self.palette[part % Self.palette.count])\" stroke=\"#FFFFFF\" stroke-width=\"1\"><title>\(HTMLText.escape("\(column), \(parts[part]) : \(FrenchFormat.amount(cents: amount))"))</title></rect>"
            }
            out +=
                "<text x=\"\(HTMLText.number(x + Self.columnWidth / 2))\" y=\"\(HTMLText.number(base + 14))\" font-size=\"11\" text-anchor=\"middle\">\(HTMLText.escape(column))</text>"
            out +=
                "<text x=\"\(HTMLText.number(x + Self.columnWidth / 2))\" y=\"\(HTMLText.number(y - 4))\" font-size=\"9\" text-anchor=\"middle\">\(HTMLText.escape(FrenchFormat.amount(cents: totals[index])))</text>"
        }
        for (part, name) in parts.enumerated() {
            let x = Self.left + Double(part % 3) * 170, y = base + 26 + Double(part / 3) * 16
            out +=
                "<rect class=\"legend\" x=\"\(HTMLText.number(x))\" y=\"\(HTMLText.number(y))\" width=\"10\" height=\"10\" fill=\"\(Self.palette[part % Self.palette.count])\"/><text x=\"\(HTMLText.number(x + 14))\" y=\"\(HTMLText.number(y + 9))\" font-size=\"10\">\(HTMLText.escape(name))</text>"
        }
        return out + "</svg>"
    }

    var table: String {
        var out = "<table class=\"figures\"><caption>\(HTMLText.escape(title))</caption><thead><tr><th scope=\"col\"></th>"
        for column in columns { out += "<th scope=\"col\">\(HTMLText.escape(column))</th>" }
        out += "</tr></thead><tbody>"
        for (part, name) in parts.enumerated() {
            out += "<tr><th scope=\"row\">\(HTMLText.escape(name))</th>"
            for index in columns.indices { out += "<td>\(HTMLText.escape(FrenchFormat.amount(cents: cents[index][part])))</td>" }
            out += "</tr>"
        }
        out += "<tr><th scope=\"row\">Total</th>"
        for total in totals { out += "<td>\(HTMLText.escape(FrenchFormat.amount(cents: total)))</td>" }
        return out + "</tr></tbody></table>"
    }
}
