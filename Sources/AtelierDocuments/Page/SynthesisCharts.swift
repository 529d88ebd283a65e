import AtelierCore

/// The synthèse's charts, built once from the synthèse and the plan for every document that
/// shows them: the HTML page draws them inline, the CLS draft embeds them as images in its
/// .odt and .docx. A chart that has nothing to draw is absent.
public struct DocumentChart: Equatable, Sendable {
    /// `densites`, `age`, `projection`, `carte`, `financeurs`, `annees`.
    public var id: String
    public var title: String
    /// A standalone SVG document (its own namespace, font and size), as an image file holds it.
    public var svg: String
    /// The SVG's size in its own units (CSS pixels).
    public var width: Double
    public var height: Double

    /// Every chart a document can hold, in the order of the synthèse.
    public static let ids = ["densites", "age", "projection", "carte", "financeurs", "annees"]

    /// The Markdown without its chart lines (`ChartLine`, as the office writers read them): a
    /// plain .md file has no image to show there.
    public static func withoutChartLines(_ markdown: String) -> String {
        guard markdown.contains("](graphique:") else { return markdown }
        return markdown.split(separator: "\n", omittingEmptySubsequences: false).filter { line in
            ChartLine.parse(line) == nil
        }.joined(separator: "\n")
    }
}

enum SynthesisCharts {
    /// On the root of every chart: an image file has no page style to inherit a font from.
    static let fontFamily = "DejaVu Sans, Arial, Helvetica, sans-serif"

    /// The professions with a headcount, in the synthèse's order.
    static func professions(_ synthesis: Synthesis) -> [Synthesis.Profession] {
        synthesis.professions.filter { synthesis.indicator("\($0.key).effectif")?.isAvailable == true }
    }

    static func value(_ synthesis: Synthesis, _ profession: Synthesis.Profession, _ name: String) -> Double? {
        synthesis.indicator("\(profession.key).\(name)")?.value
    }

    static func densities(_ synthesis: Synthesis) -> SVGBarChart? {
        let professions = professions(synthesis)
        guard !professions.isEmpty else { return nil }
        return SVGBarChart(
            id: "densites", title: "Densité de professionnels pour 10 000 habitants : territoire, département, France",
            description: "Barres horizontales, trois par profession : le territoire, son département de référence et la France.",
            unit: "pour 10 000 habitants", categories: professions.map(\.label),
            series: [
                .init(name: "Territoire", fill: SVGBarChart.dark.fill), .init(name: "Département", fill: SVGBarChart.middle.fill),
                .init(name: "France", fill: SVGBarChart.hollow.fill),
            ],
            values: professions.map {
                [
                    value(synthesis, $0, "densite_comparee"), value(synthesis, $0, "densite_departement"),
                    value(synthesis, $0, "densite_france"),
                ]
            },
            format: { FrenchFormat.fixed($0, fractionDigits: 1) })
    }

    static func age(_ synthesis: Synthesis) -> SVGBarChart? {
        let professions = professions(synthesis)
        let chart = SVGBarChart(
            id: "age", title: "Part des professionnels âgés de 60 ans ou plus", description: "Une barre par profession renseignée.",
            unit: "%", categories: professions.map(\.label), series: [.init(name: "60 ans ou plus", fill: SVGBarChart.dark.fill)],
            values: professions.map { [value(synthesis, $0, "part_60_plus")] }, format: FrenchFormat.percentage)
        return chart.values.contains(where: { $0[0] != nil }) ? chart : nil
    }

    static func projection(_ synthesis: Synthesis) -> SVGBarChart? {
        let professions = professions(synthesis)
        guard !professions.isEmpty else { return nil }
        return SVGBarChart(
            id: "projection", title: "Effectifs aujourd'hui et dans cinq ans (départs à 65 ans, sans arrivée)",
            description: "Deux barres par profession : l'effectif actuel et l'effectif projeté à cinq ans.", unit: "professionnels",
            categories: professions.map(\.label),
            series: [.init(name: "Aujourd'hui", fill: SVGBarChart.dark.fill), .init(name: "Dans 5 ans", fill: SVGBarChart.middle.fill)],
            values: professions.map { [value(synthesis, $0, "effectif"), value(synthesis, $0, "effectif_5_ans")] },
            format: { FrenchFormat.integer(Int($0.rounded())) })
    }

    /// The estimated minutes to the nearest GP, by commune code, once the distances exist.
    static func minutesToGP(_ synthesis: Synthesis) -> [String: Double] {
        var minutes: [String: Double] = [:]
        for row in synthesis.mobility?.rows ?? [] {
            if case .found(let nearest)? = row.access[.medecinGeneraliste] { minutes[row.commune.code] = nearest.minutes }
        }
        return minutes
    }

    static func mapCaption(computed: Bool) -> String {
        "Un cercle par commune, de surface proportionnelle à sa population municipale"
            + (computed
                ? ", coloré selon le temps estimé jusqu'au médecin généraliste le plus proche."
                : " ; temps d'accès non calculés tant que l'Annuaire Santé n'est pas importé (/importer rpps).")
    }

    static func map(_ synthesis: Synthesis, communes: [CommuneRef], points: [String: GeoPoint]) -> SVGCommuneMap? {
        let minutes = minutesToGP(synthesis)
        let places = communes.compactMap { commune in
            points[commune.code].map { SVGCommuneMap.Place(commune: commune, point: $0, minutes: minutes[commune.code]) }
        }
        guard !places.isEmpty else { return nil }
        return SVGCommuneMap(places: places, caption: mapCaption(computed: !minutes.isEmpty))
    }

    static func funders(_ plan: FinancingPlan) -> SVGBarChart? {
        let funders = plan.byFunder().filter { $0.inBudget > 0 }
        guard plan.hasLines, !funders.isEmpty else { return nil }
        return SVGBarChart(
            id: "financeurs", title: "Recettes par financeur (dans le budget, base \(plan.base))",
            description: "Une barre par financeur, proportionnelle au montant qu'il apporte.", unit: "euros",
            categories: funders.map(\.funder), series: [.init(name: "Montant", fill: SVGBarChart.dark.fill)],
            values: funders.map { [Double($0.inBudget) / 100] }, format: { FrenchFormat.amount(cents: Int(($0 * 100).rounded())) })
    }

    static func years(_ plan: FinancingPlan) -> SVGStackedBars? {
        var amounts: [Int?: [String: Int]] = [:]
        for action in plan.actionsWithLines {
            for receipt in action.budgetReceipts {
                amounts[receipt.year, default: [:]][receipt.instrument?.funderName ?? receipt.name, default: 0] += receipt.resolved ?? 0
            }
        }
        let years = amounts.keys.sorted { ($0 ?? Int.max) < ($1 ?? Int.max) }
        guard plan.hasLines, !years.isEmpty else { return nil }
        let parts = Array(Set(amounts.values.flatMap(\.keys))).sorted()
        return SVGStackedBars(
            id: "annees", title: "Recettes par année et par financeur",
            description: "Une colonne par année, empilant les montants de chaque financeur.",
            columns: years.map { $0.map(String.init) ?? "sans année" }, parts: parts,
            cents: years.map { year in parts.map { amounts[year]?[$0] ?? 0 } })
    }

    /// Every chart there is to draw, as standalone images for the office documents.
    static func all(_ synthesis: Synthesis, communes: [CommuneRef], points: [String: GeoPoint], plan: FinancingPlan?)
        -> [DocumentChart]
    {
        var charts: [DocumentChart] = []
        for chart in [densities(synthesis), age(synthesis), projection(synthesis)].compactMap({ $0 }) {
            charts.append(standalone(id: chart.id, title: chart.title, svg: chart.svg))
        }
        if let map = map(synthesis, communes: communes, points: points) {
            charts.append(standalone(id: "carte", title: "Communes du territoire et temps d'accès au médecin généraliste", svg: map.svg))
        }
        if let plan, let chart = funders(plan) { charts.append(standalone(id: chart.id, title: chart.title, svg: chart.svg)) }
        if let plan, let chart = years(plan) { charts.append(standalone(id: chart.id, title: chart.title, svg: chart.svg)) }
        return charts
    }

    /// The inline SVG as a file of its own: an XML declaration, and the size its root states.
    static func standalone(id: String, title: String, svg: String) -> DocumentChart {
        func attribute(_ name: String) -> Double {
            guard let range = svg.range(of: " \(name)=\""), let end = svg[range.upperBound...].firstIndex(of: "\"") else { return 0 }
            return Double(svg[range.upperBound..<end]) ?? 0
        }
        return DocumentChart(
            id: id, title: title, svg: #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n" + svg + "\n", width: attribute("width"),
            height: attribute("height"))
    }
}
