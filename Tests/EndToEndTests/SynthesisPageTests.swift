import Foundation
import Testing

/// `/exporter synthese page.html` through the binary: one self-contained page whose charts
/// draw the synthèse's figures, read back by an XML parser and rendered by a browser.
@Suite struct SynthesisPageTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The demo workbook with its page written.
    static func demoPage() throws -> (Sandbox, String, Binary.Result) {
        let sandbox = Sandbox()
        let script = ClsDraftTruthSessionTests.script + "/exporter synthese page.html\n/synthèse demographie\n"
        let result = try Binary.run([sandbox.path + "/demo.sqlite"], input: script, in: sandbox.path, environment: ["COLUMNS": "200"])
        return (sandbox, sandbox.path + "/page.html", result)
    }

    @Test func theChartsDrawTheSynthesisFigures() throws {
        let (sandbox, page, result) = try Self.demoPage()
        defer { withExtendedLifetime(sandbox) {} }
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("✓ document de synthèse (page HTML, à ouvrir dans un navigateur) écrit : page.html ("))
        // Parsed as XML (well-formed), then every drawn value checked against its figure.
        let report = try python(
            """
            import xml.etree.ElementTree as ET, math, re
            ns = {'h': 'http://www.w3.org/1999/xhtml', 's': 'http://www.w3.org/2000/svg'}
            text = open('\(page)', encoding='utf-8').read()
            root = ET.fromstring(text.split('\\n', 1)[1])
            out = []
            # No network: nothing fetched, no script.
            out.append('external=%d' % len(re.findall(r'(src|href)=\"(https?:)?//', text)))
            out.append('scripts=%d' % len(root.findall('.//h:script', ns)))
            # Bars: length / plot width = value / the chart's largest.
            bad = 0; bars = 0
            for svg in root.iter('{http://www.w3.org/2000/svg}svg'):
                top = float(svg.get('data-max', '0')); plot = float(svg.get('data-plot-width', '0') or 0)
                for rect in svg.iter('{http://www.w3.org/2000/svg}rect'):
                    if rect.get('class') != 'bar': continue
                    bars += 1
                    expected = float(rect.get('data-value')) / top * plot if top else 0
                    if abs(float(rect.get('width')) - expected) > 0.02: bad += 1
            out.append('bars=%d bad=%d' % (bars, bad))
            # The territory's GP density drawn is the one the table under the chart prints.
            gp = [r for r in root.iter('{http://www.w3.org/2000/svg}rect') if r.get('data-category') == 'Médecins généralistes' and r.get('data-series') == 'Territoire']
            out.append('gp=' + (gp[0].get('data-value') if gp else 'none'))
            # Circles: area proportional to the population (radius = max × √(population / largest)).
            carte = root.find('.//s:svg[@id=\"carte\"]', ns)
            largest = float(carte.get('data-largest-population')); rmax = float(carte.get('data-maximum-radius'))
            circles = [c for c in carte.iter('{http://www.w3.org/2000/svg}circle') if c.get('class') == 'commune']
            off = [c for c in circles if abs(float(c.get('r')) - max(rmax * math.sqrt(float(c.get('data-population')) / largest), 1.5)) > 0.02]
            out.append('circles=%d off=%d' % (len(circles), len(off)))
            out.append('classes=' + '|'.join(g.get('data-label').replace(' ', '_') for g in carte.iter('{http://www.w3.org/2000/svg}g') if g.get('class') == 'legend-class'))
            # Stacked years: the segments add up to the receipts of the plan.
            segments = sum(int(r.get('data-value')) for r in root.iter('{http://www.w3.org/2000/svg}rect') if r.get('class') == 'segment')
            out.append('segments=%d' % segments)
            out.append('bytes=%d' % len(text.encode('utf-8')))
            print(' '.join(out))
            """
        ).trimmingCharacters(in: .whitespacesAndNewlines)
        let fields = Dictionary(
            uniqueKeysWithValues: report.split(separator: " ").compactMap { pair -> (String, String)? in
                let parts = pair.split(separator: "=", maxSplits: 1)
                return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
            })
        #expect(fields["external"] == "0" && fields["scripts"] == "0", "\(report)")
        #expect(Int(fields["bars"] ?? "0") ?? 0 >= 10 && fields["bad"] == "0", "\(report)")
        // The demo's 11 communes, each a circle.
        #expect(fields["off"] == "0" && fields["circles"] == "11", "\(report)")
        #expect(fields["classes"] == "temps_non_calculé", "\(report)")
        // The same density in the terminal's synthèse (« 9,3 ») and on the page (9.3).
        let density = try #require(fields["gp"].flatMap(Double.init), "\(report)")
        #expect(result.output.contains(String(format: "%.1f", density).replacingOccurrences(of: ".", with: ",")))
        // The plan's receipts by year, as /exporter plan writes them: 640 000 € in the demo.
        #expect(fields["segments"] == "64000000", "\(report)")
        #expect((Int(fields["bytes"] ?? "") ?? .max) < 1_000_000)
    }

    @Test func aTerritoryNamedLikeMarkupStaysText() throws {
        let sandbox = Sandbox()
        let result = try Binary.run(
            [sandbox.path + "/t.sqlite"], input: "<script>alert(1)</script> & « Cie »\n/exporter synthese page.html\n", in: sandbox.path)
        #expect(result.status == 0, "\(result.errors)")
        let check = try python(
            """
            import xml.etree.ElementTree as ET
            root = ET.fromstring(open('\(sandbox.path)/page.html', encoding='utf-8').read().split('\\n', 1)[1])
            h1 = root.find('.//{http://www.w3.org/1999/xhtml}h1')
            print(len(root.findall('.//{http://www.w3.org/1999/xhtml}script')), h1.text)
            """
        ).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(check == "0 Synthèse du diagnostic partagé — <script>alert(1)</script> & « Cie »", "\(check)")
        // An empty workbook still gives a page that says what is missing.
        let page = try String(contentsOfFile: sandbox.path + "/page.html", encoding: .utf8)
        #expect(page.contains("Aucun effectif renseigné : /aller demographie, ou /importer rpps."))
    }

    @Test(.enabled(if: chromium != nil, "Chromium is not installed (Debian package chromium: scripts/browser.sh, run by .ci/run)"))
    func chromiumRendersThePage() throws {
        let (sandbox, page, result) = try Self.demoPage()
        #expect(result.status == 0, "\(result.errors)")
        let png = sandbox.path + "/page.png"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.chromium!)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1000,2400", "--screenshot=\(png)",
            "file://\(page)",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        // Decoded by hand (zlib of the IDAT chunks): a real picture, not a blank page.
        let check = try python(
            """
            import struct, zlib
            data = open('\(png)', 'rb').read()
            assert data[:8] == b'\\x89PNG\\r\\n\\x1a\\n'
            pos, idat = 8, b''
            while pos < len(data):
                length, kind = struct.unpack('>I4s', data[pos:pos + 8])
                if kind == b'IHDR': width, height = struct.unpack('>II', data[pos + 8:pos + 16])
                if kind == b'IDAT': idat += data[pos + 8:pos + 8 + length]
                pos += 12 + length
            raw = zlib.decompress(idat)
            dark = sum(1 for b in raw[::7] if b < 128)
            print(width, height, len(set(raw[::3])), dark)
            """
        ).split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        try #require(check.count == 4)
        #expect(check[0] == 1000 && check[1] == 2400)
        #expect(check[2] > 50, "colours drawn: \(check)")
        #expect(check[3] > 1000, "dark pixels (text, bars): \(check)")
    }
}
