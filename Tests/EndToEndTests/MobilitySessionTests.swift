import Foundation
import Testing

/// The distances to care after `/importer rpps`, through the binary: proposals, confirmation
/// with their source, the per-commune table of `/synthèse mobilites`, and the CLS draft's annex.
@Suite struct MobilitySessionTests {
    /// CA Alès Agglomération (71 communes, Gard).
    static let siren = "200066918"

    /// The independent computation's start, in Python: the communes (rows, names), their points,
    /// the haversine distance and the stated conversion to minutes.
    static let reference = """
        import math
        rows = [l.rstrip('\\n').split('\\t') for l in open('\(Binary.projectRoot)/data/communes.tsv', encoding='utf-8') if not l.startswith('#')][1:]
        names = {r[0]: r[1] for r in rows}
        points = {}
        for l in open('\(Binary.projectRoot)/data/points_communes.tsv', encoding='utf-8'):
            f = l.rstrip('\\n').split('\\t')
            if l.startswith('#') or f[0] == 'code': continue
            points[f[0]] = (float(f[1]), float(f[2]))
        def km(a, b):
            p1, p2 = math.radians(a[0]), math.radians(b[0])
            h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b[1] - a[1]) / 2) ** 2
            return 2 * 6371.0088 * math.asin(math.sqrt(h))
        def minutes(d):
            road = d * 1.3
            return min(road, 10) / 40 * 60 + max(road - 10, 0) / 70 * 60
        """

    @Test(
        .enabled(
            if: FileManager.default.fileExists(atPath: ImportSessionTests.generator), "the RPPS generator of ../shared/tools is absent"))
    func aGeneratedNationalFileGivesEachCommuneItsNearestGP() throws {
        let sandbox = Sandbox()
        let file = sandbox.path + "/PS_LibreAcces_Personne_activite_202611020900.txt"
        _ = try python(
            "import subprocess, sys; subprocess.run([sys.executable, '\(ImportSessionTests.generator)', '--rows', '150000', '--out', '\(file)'], check=True, capture_output=True)"
        )
        // The same figures computed independently: every commune with a GP in the whole file,
        // the haversine distance from each commune of the EPCI to the nearest of them.
        let expected = try python(
            """
            \(Self.reference)
            territory = {r[0]: int(r[3]) for r in rows if r[5] == '\(Self.siren)'}
            gps = set()
            with open('\(file)', encoding='utf-8') as f:
                header = f.readline().rstrip('\\n').split('|')
                i = {n: header.index(n) for n in ('Code profession', 'Code savoir-faire', 'Code commune (coord. structure)')}
                for line in f:
                    r = line.rstrip('\\n').split('|')
                    if r[i['Code profession']] == '10' and r[i['Code savoir-faire']] in ('SM26', 'SM53', 'SM54') and r[i['Code commune (coord. structure)']] in points:
                        gps.add(r[i['Code commune (coord. structure)']])
            nearest = {c: min((km(points[c], points[g]), g) for g in gps) for c in territory}
            far = max(territory, key=lambda c: (nearest[c][0], ''))
            mean = sum(minutes(nearest[c][0]) * p for c, p in territory.items()) / sum(territory.values())
            beyond10 = sum(p for c, p in territory.items() if minutes(nearest[c][0]) > 10) / sum(territory.values()) * 100
            print(len(territory), names[far], ('%.1f' % nearest[far][0]).replace('.', ','), names[nearest[far][1]], round(mean), ('%.1f' % beyond10).replace('.', ','), sep='|')
            """
        ).trimmingCharacters(in: .whitespacesAndNewlines).components(separatedBy: "|")
        try #require(expected.count == 6 && expected[0] == "71", "\(expected)")
        let (farthest, kilometres, nearestName, mean, beyond10) = (expected[1], expected[2], expected[3], expected[4], expected[5])

        let workbook = sandbox.path + "/ales.sqlite"
        let script = """
            /aller territoire.siren_epci
            \(Self.siren)
            /participant Marie Dupont
            /importer rpps \(file)
            /confirmer mobilites.temps_acces.medecin_generaliste
            /confirmer mobilites.medecin_generaliste.plus_10_min
            /synthèse mobilites
            /exporter cls contrat.md
            /exporter synthese page.html
            """
        let result = try Binary.run([workbook], input: script + "\n", in: sandbox.path, environment: ["COLUMNS": "250"])
        #expect(result.status == 0, "\(result.errors)")
        let output = result.output
        #expect(output.contains("Distances calculées pour 71 communes"))
        let source =
            "Calcul de l'outil : distances à vol d'oiseau entre communes (La Poste 2023), temps estimés (× 1,3 ; 40 puis 70 km/h), d'après Annuaire Santé (RPPS), extraction du 02/11/2026 (PS_LibreAcces_Personne_activite_202611020900.txt)"
        #expect(output.spaced.contains("✓ mobilites.temps_acces.medecin_generaliste = \(mean) (source : \(source) ; par Marie Dupont)"))
        #expect(output.spaced.contains("✓ mobilites.medecin_generaliste.plus_10_min = \(beyond10) % (source : \(source)"))
        // The per-commune table, from the farthest: its first row is the farthest commune.
        let table = output.components(separatedBy: "Communes, de la plus éloignée d'un médecin généraliste à la plus proche").last ?? ""
        let first = table.split(separator: "\n").dropFirst(2).first.map(String.init) ?? ""
        #expect(first.trimmingCharacters(in: .whitespaces).hasPrefix("\(farthest) "), "\(first)")
        #expect(first.contains(nearestName) && first.contains(" \(kilometres) "), "\(first) — expected \(nearestName) at \(kilometres) km")
        #expect(output.contains("Méthode : Distance à vol d'oiseau"))
        #expect(output.contains("estimation, non les temps routiers de la DREES"))

        // Stored with its source, in the workbook's history.
        let stored = try python(
            "import sqlite3; print(sqlite3.connect('\(workbook)').execute(\"SELECT source FROM answer WHERE key = 'mobilites.temps_acces.medecin_generaliste'\").fetchone()[0])"
        )
        #expect(stored.spaced.trimmingCharacters(in: .whitespacesAndNewlines) == source)

        let draft = try String(contentsOfFile: sandbox.path + "/contrat.md", encoding: .utf8)
        #expect(draft.contains("### Distances aux soins par commune (estimation)"))
        #expect(draft.spaced.contains("| \(farthest) |"))
        #expect(draft.components(separatedBy: "\n").filter { $0.hasPrefix("| ") && $0.contains(" | ") }.count > 71)
        #expect(draft.spaced.contains("Méthode : Distance à vol d'oiseau"))

        // The page's map: a circle per commune, coloured by the class of its estimated time.
        let map = try python(
            """
            import xml.etree.ElementTree as ET
            root = ET.fromstring(open('\(sandbox.path)/page.html', encoding='utf-8').read().split('\\n', 1)[1])
            svg = [s for s in root.iter('{http://www.w3.org/2000/svg}svg') if s.get('id') == 'carte'][0]
            legend = {g.get('data-fill'): g.get('data-label') for g in svg.iter('{http://www.w3.org/2000/svg}g') if g.get('class') == 'legend-class'}
            circles = [c for c in svg.iter('{http://www.w3.org/2000/svg}circle') if c.get('class') == 'commune']
            print(len(circles), all(c.get('fill') in legend for c in circles), 'temps non calculé' in legend.values(), legend.get('#FDE725'))
            """
        ).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(map == "71 True False dans la commune", "\(map)")
    }

    /// The real FINESS sample of ../shared/opendata (100 establishments of the Ain): the nearest
    /// pharmacie d'officine of each commune of the CC de la Plaine de l'Ain.
    @Test(.enabled(if: HostileImportTests.samplesPresent, "the open-data samples of ../shared/opendata are absent"))
    func theRealFINESSSampleGivesTheNearestPharmacy() throws {
        let sandbox = Sandbox()
        let expected = try python(
            """
            import csv
            \(Self.reference)
            territory = {r[0]: int(r[3]) for r in rows if r[5] == '240100883'}
            with open('\(HostileImportTests.finessSample)', encoding='utf-8', errors='replace') as f:
                pharmacies = {r['cog'] for r in csv.DictReader(f, delimiter=';') if r['categetab'] == '620' and r['cog'] in points}
            mean = sum(minutes(min(km(points[c], points[p]) for p in pharmacies)) * n for c, n in territory.items()) / sum(territory.values())
            print(len(territory), round(mean))
            """
        ).split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        try #require(expected.count == 2)
        let script = """
            /aller territoire.siren_epci
            240100883
            /importer finess \(HostileImportTests.finessSample)
            /confirmer mobilites.temps_acces.pharmacie
            /synthèse mobilites
            """
        let result = try Binary.run([sandbox.path + "/ain.sqlite"], input: script + "\n", in: sandbox.path, environment: ["COLUMNS": "200"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(
            result.output.contains(
                "Distances calculées pour \(expected[0]) communes (pharmacie d'officine, MSP ou centre de santé, hôpital)"))
        #expect(result.output.contains("✓ mobilites.temps_acces.pharmacie = \(expected[1]) (source : Calcul de l'outil"))
        #expect(result.output.contains("d'après FINESS, extraction du 31/12/2020 (finess_etalab_stock_et_20201231_extrait_dep01.csv)"))
        // The summary's line: the same mean, in the table of /synthèse mobilites.
        let summary = result.output.spaced.split(separator: "\n").first { $0.hasPrefix("  pharmacie d'officine ") }
        #expect(summary?.split(separator: " ").dropFirst(2).first.map(String.init) == String(expected[1]), "\(summary ?? "")")
        // No GP was read: no per-commune GP table, and none invented.
        #expect(!result.output.contains("Communes, de la plus éloignée d'un médecin généraliste"))
    }
}

extension String {
    /// No-break spaces (narrow or not) read as spaces: the assertions are about words and figures.
    fileprivate var spaced: String {
        replacingOccurrences(of: "\u{202F}", with: " ").replacingOccurrences(of: "\u{00A0}", with: " ")
    }
}
