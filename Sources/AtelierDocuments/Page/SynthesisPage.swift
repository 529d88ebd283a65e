import AtelierCore

/// The synthèse as one self-contained HTML page for the comité de pilotage: no script, no font,
/// no image to fetch (it opens from a USB key), printable on A4. Its charts are inline SVG drawn
/// from the same synthèse as the terminal and the CLS draft, each with its figures in a table.
public enum SynthesisPage {
    public struct Input {
        public var synthesis: Synthesis
        public var territoryName: String
        public var communes: [CommuneRef]
        public var points: [String: GeoPoint]
        public var plan: FinancingPlan?
        public var planProblems: [FinancingProblem]
        public var inconsistencies: [Inconsistency]
        public var structures: [ListRecord]
        public var date: CalendarDate

        public init(
            synthesis: Synthesis, territoryName: String, communes: [CommuneRef], points: [String: GeoPoint], plan: FinancingPlan?,
            planProblems: [FinancingProblem], inconsistencies: [Inconsistency], structures: [ListRecord], date: CalendarDate
        ) {
            self.synthesis = synthesis
            self.territoryName = territoryName
            self.communes = communes
            self.points = points
            self.plan = plan
            self.planProblems = planProblems
            self.inconsistencies = inconsistencies
            self.structures = structures
            self.date = date
        }
    }

    public static func render(_ input: Input) -> String {
        let e = HTMLText.escape
        let synthesis = input.synthesis
        var body = "<header><h1>Synthèse du diagnostic partagé — \(e(input.territoryName))</h1>"
        let territory = synthesis.territory
        let department = territory.department.map { " · département de référence : \($0.name) (\($0.code))" } ?? ""
        body +=
            "<p class=\"lead\">\(e(counted(territory.communeCount, "commune"))) · \(e(territory.population.map { FrenchFormat.integer($0) } ?? "—")) habitants (INSEE, populations légales)\(e(department))</p>"
        body +=
            "<p class=\"small\">Document produit le \(e(input.date.french)) par Atelier Santé, à partir du classeur du territoire.</p></header>"
        body += demography(synthesis)
        body += map(input)
        body += structures(input)
        body += financing(input)
        body += findings(synthesis)
        body += figures(synthesis)
        return """
            <!DOCTYPE html>
            <html lang="fr" xmlns="http://www.w3.org/1999/xhtml"><head><meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>Synthèse du diagnostic — \(e(input.territoryName))</title>
            <style>\(style)</style></head>
            <body>\(body)</body></html>

            """
    }

    static let style = """
        @page { size: A4; margin: 15mm; }
        body { font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; color: #111; max-width: 190mm; margin: 0 auto; font-size: 10.5pt; line-height: 1.4; }
        h1 { font-size: 18pt; margin-bottom: 0.2em; } h2 { font-size: 14pt; border-bottom: 2px solid #0072B2; margin-top: 1.4em; }
        h3 { font-size: 11.5pt; margin-bottom: 0.3em; }
        .lead { font-size: 11.5pt; } .small, .source { font-size: 8.5pt; color: #333; }
        svg.chart { max-width: 100%; height: auto; display: block; margin: 0.4em 0; }
        figure { margin: 0.6em 0 1em; break-inside: avoid; page-break-inside: avoid; }
        table { border-collapse: collapse; margin: 0.3em 0 0.8em; font-size: 9pt; }
        th, td { border: 1px solid #999; padding: 2px 6px; text-align: left; vertical-align: top; }
        td { text-align: right; } td.text { text-align: left; } caption { text-align: left; font-weight: bold; padding: 2px 0; }
        .error { color: #A00000; } .warning { color: #6B4E00; }
        section { break-inside: auto; }
        """

    static func source(_ lines: [String]) -> String {
        var seen: Set<String> = []
        let unique = lines.filter { !$0.isEmpty && seen.insert($0).inserted }
        guard !unique.isEmpty else { return "" }
        return "<p class=\"source\">Sources : \(HTMLText.escape(unique.joined(separator: " ; ")))</p>"
    }

    // MARK: - Démographie

    static func demography(_ synthesis: Synthesis) -> String {
        let professions = SynthesisCharts.professions(synthesis)
        var out = "<section><h2>Démographie des professionnels de santé</h2>"
        guard !professions.isEmpty else {
            return out + "<p>Aucun effectif renseigné : /aller demographie, ou /importer rpps.</p></section>"
        }
        func basis(_ names: [String]) -> [String] {
            professions.flatMap { p in names.flatMap { synthesis.indicator("\(p.key).\($0)")?.basis ?? [] } }
        }
        if let densities = SynthesisCharts.densities(synthesis) {
            out +=
                "<figure>\(densities.svg)\(densities.table)\(source(basis(["densite_comparee", "densite_departement", "densite_france"])))</figure>"
        }
        if let age = SynthesisCharts.age(synthesis) {
            out += "<figure>\(age.svg)\(age.table)\(source(basis(["part_60_plus"])))</figure>"
        }
        if let projection = SynthesisCharts.projection(synthesis) {
            out += "<figure>\(projection.svg)\(projection.table)\(source(basis(["effectif", "effectif_5_ans"])))</figure>"
        }
        return out + "</section>"
    }

    // MARK: - Carte

    static func map(_ input: Input) -> String {
        var out = "<section><h2>Les communes et l'accès au médecin généraliste</h2>"
        guard let map = SynthesisCharts.map(input.synthesis, communes: input.communes, points: input.points) else {
            return out + "<p>Aucune commune à placer : /aller territoire.communes.</p></section>"
        }
        let computed = !SynthesisCharts.minutesToGP(input.synthesis).isEmpty
        out += "<figure>\(map.svg)<figcaption>\(HTMLText.escape(map.caption))</figcaption>"
        var notes = [TerritoryReference.pointsSource, TerritoryReference.populationSource]
        if computed, let analysis = input.synthesis.mobility { notes += ["méthode : " + TravelTimeModel.method, analysis.filesSentence] }
        out += source(notes)
        if let missing = MobilityAnalysis.withoutPointSentence(input.communes.filter { input.points[$0.code] == nil }) {
            out += "<p class=\"warning\">Non dessinées sur la carte. \(HTMLText.escape(missing))</p>"
        }
        return out + "</figure></section>"
    }
}
