import Foundation
import Testing

/// The demo's documents exported through the binary as Word and LibreOffice files, read back by
/// python-docx and odfpy (the readers of `Tests/AtelierOfficeTests/Readers`): the same sections,
/// tables and markers as the Markdown draft.
@Suite(.enabled(if: OfficeFile.reader != nil, "python-docx et odfpy absents : lancez scripts/office_readers.sh (.ci/run le fait)"))
struct OfficeDocumentSessionTests {
    static let script = try! String(contentsOfFile: Binary.projectRoot + "/sessions/demo-val-d-exemple.txt", encoding: .utf8)

    /// The demo answered, then each document written in each format.
    static func exported(_ exports: String) throws -> Sandbox {
        let sandbox = Sandbox()
        let result = try Binary.run(["demo.sqlite"], input: script + exports, in: sandbox.path)
        #expect(result.status == 0, "\(result.errors)")
        return sandbox
    }

    static func headings(ofMarkdown text: String) -> [String] {
        text.split(separator: "\n").filter { $0.hasPrefix("## ") || $0.hasPrefix("### ") }.map { String($0.drop { $0 == "#" }.dropFirst()) }
    }

    @Test func theClsDraftInWordAndLibreOfficeSaysWhatTheMarkdownSays() throws {
        let sandbox = try Self.exported("/exporter cls contrat.md\n/exporter cls contrat.docx\n/exporter cls odt\n")
        let markdown = try String(contentsOfFile: sandbox.path + "/contrat.md", encoding: .utf8)
        let fingerprint = try #require(markdown.range(of: "sha256:[0-9a-f]{64}", options: .regularExpression).map { String(markdown[$0]) })
        for path in [sandbox.path + "/contrat.docx", sandbox.path + "/demo-cls.odt"] {
            let document = try OfficeFile.read(path)
            let blocks = try #require(document["blocks"] as? [[String: Any]])
            let headings = blocks.filter {
                ($0["style"] as? String ?? "").hasPrefix("Heading 1") || ($0["style"] as? String ?? "").hasPrefix("Heading 2")
            }
            .compactMap { $0["text"] as? String }
            #expect(headings == Self.headings(ofMarkdown: markdown), "\(path)")
            #expect(headings.contains("Article 5 — Engagements des signataires"))
            let tables = blocks.filter { $0["kind"] as? String == "table" }.compactMap { $0["rows"] as? [[String]] }
            #expect(tables.contains { $0.contains(["Médecins généralistes", "9", "6,7", "6,9", "8,1", "0,97", "0,82"]) }, "\(path)")
            #expect(
                tables.contains {
                    $0.contains(["Aménagement de deux logements pour internes", "investissement, 2027", "60\u{202F}000,00\u{A0}€"])
                })
            // Six signatories, two a row.
            #expect(tables.contains { $0.count == 3 && $0[0][0].hasPrefix("Agence régionale de santé Normandie, représentée") })
            let gaps = try #require(document["gaps"] as? [String])
            #expect(gaps.contains { $0.hasPrefix("[À compléter\u{202F}: contrat.duree_annees = 5") })
            let footer =
                (document["sections"] as? [[String: Any]])?.first?["footer"] as? String
                ?? (document["masters"] as? [String: [String: Any]])?["Standard"]?["footer"] as? String
            #expect(footer == "Empreinte \(fingerprint.prefix(19))… — page 1 sur 1")
        }
    }

    /// The synthèse's charts in both office drafts: each SVG (parsed by lxml) draws the figures
    /// the draft's tables print, its PNG fallback decodes at twice its size; the .md has none.
    @Test func theClsDraftInWordAndLibreOfficeHoldsTheSynthesisCharts() throws {
        let sandbox = try Self.exported("/exporter cls contrat.md\n/exporter cls contrat.docx\n/exporter cls contrat.odt\n")
        let markdown = try String(contentsOfFile: sandbox.path + "/contrat.md", encoding: .utf8)
        #expect(!markdown.contains("graphique:"))
        let ids = ["densites", "age", "projection", "carte", "financeurs", "annees"]
        for path in [sandbox.path + "/contrat.docx", sandbox.path + "/contrat.odt"] {
            let document = try OfficeFile.read(path)
            let images = try #require(document["images"] as? [[String: Any]])
            #expect(images.compactMap { $0["name"] as? String } == ids, "\(path)")
            for image in images {
                let svg = try #require(image["svg"] as? [String: Any]), png = try #require(image["png"] as? [String: Any])
                #expect(svg["id"] as? String == image["name"] as? String)
                #expect(png["valid"] as? Bool == true)
                #expect((png["colours"] as? Int ?? 0) >= 3, "\(path) \(image["name"] ?? "")")
            }
            let densities = try #require(images.first?["svg"] as? [String: Any])
            // The GP's density, the département's and France's, as the draft's table prints them.
            let bars = try #require(densities["bars"] as? [Double])
            #expect(bars.prefix(3).map { (($0 * 10).rounded() / 10) } == [6.7, 6.9, 8.1])
            #expect((images[3]["svg"] as? [String: Any])?["communes"] as? [String] != nil)
            #expect(((images[3]["svg"] as? [String: Any])?["communes"] as? [String])?.count == 11)
            // The plan's receipts, 640 000,00 € in all, by year.
            let years = try #require((images[5]["svg"] as? [String: Any])?["bars"] as? [Double])
            #expect(years.reduce(0, +) == 64_000_000)
            let blocks = try #require(document["blocks"] as? [[String: Any]])
            #expect(blocks.contains { $0["text"] as? String == "Recettes par année et par financeur" })
        }
        let word = try OfficeFile.read(sandbox.path + "/contrat.docx")
        let first = try #require((word["images"] as? [[String: Any]])?.first)
        #expect((first["png"] as? [String: Any])?["content_type"] as? String == "image/png")
        #expect((first["svg"] as? [String: Any])?["content_type"] as? String == "image/svg+xml")
        #expect(first["width_cm"] as? Double == 16)
        let writer = try OfficeFile.read(sandbox.path + "/contrat.odt")
        #expect((writer["images"] as? [[String: Any]])?.first?["types"] as? [String] == ["image/svg+xml", "image/png"])
    }

    @Test func thePlanInWordIsTheMarkdownPlan() throws {
        let sandbox = try Self.exported("/exporter plan plan.md\n/exporter plan plan.docx\n")
        let markdown = try String(contentsOfFile: sandbox.path + "/plan.md", encoding: .utf8)
        let document = try OfficeFile.read(sandbox.path + "/plan.docx")
        let blocks = try #require(document["blocks"] as? [[String: Any]])
        #expect(blocks.first?["text"] as? String == "Plan de financement prévisionnel — Pays du Val d'Exemple (territoire fictif)")
        let headings = blocks.filter { $0["style"] as? String == "Heading 1" || $0["style"] as? String == "Heading 2" }.compactMap {
            $0["text"] as? String
        }
        #expect(headings == Self.headings(ofMarkdown: markdown))
        let tables = blocks.filter { $0["kind"] as? String == "table" }.compactMap { $0["rows"] as? [[String]] }
        #expect(
            tables.contains {
                $0.contains([
                    "Total des dépenses", "", "", "500\u{202F}000,00\u{A0}€", "100\u{202F}000,00\u{A0}€", "600\u{202F}000,00\u{A0}€",
                ])
            })
    }

    /// The amounts of a Markdown table's rows after `heading`, by their first cell.
    static func amounts(afterHeading heading: String, in markdown: String) -> [String: [Double]] {
        let section = markdown.components(separatedBy: "## " + heading + "\n").dropFirst().first ?? ""
        var amounts: [String: [Double]] = [:]
        for line in section.split(separator: "\n").prefix(while: { !$0.hasPrefix("## ") })
        where line.hasPrefix("| ") && !line.hasPrefix("|---") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "**", with: "") }
            let numbers = cells.dropFirst().compactMap { cell -> Double? in
                if cell == "—" { return 0 }
                guard cell.hasSuffix("€") else { return nil }
                let digits = cell.filter { $0.isNumber || $0 == "," }.replacingOccurrences(of: ",", with: ".")
                return Double(digits)
            }
            if !numbers.isEmpty { amounts[cells[0]] = numbers }
        }
        return amounts
    }

    /// The plan's spreadsheets hold the Markdown plan's amounts as numbers, its totals as formulas;
    /// the draft is no spreadsheet and says so, nothing written.
    @Test func thePlanInExcelAndCalcHoldsTheMarkdownPlansAmounts() throws {
        let sandbox = try Self.exported("/exporter plan plan.md\n/exporter plan plan.xlsx\n/exporter plan ods\n")
        let markdown = try String(contentsOfFile: sandbox.path + "/plan.md", encoding: .utf8)
        var expected = Self.amounts(afterHeading: "Par financeur", in: markdown)
        #expect(expected["État (préfecture)"] == [224_000, 0])
        // The spreadsheet adds the total the Markdown leaves to the reader.
        expected["Total"] = [640_000, 10_000]
        for path in [sandbox.path + "/plan.xlsx", sandbox.path + "/demo-plan.ods"] {
            let book = try OfficeFile.read(path, with: "read_spreadsheet.py")
            let sheets = try #require(book["sheets"] as? [[String: Any]])
            #expect(sheets.compactMap { $0["name"] as? String } == ["Par action", "Par financeur", "Par année", "Contrôles"])
            let funders = try #require(sheets[1]["rows"] as? [[Any]]).map { $0.map { $0 as? [String: Any] } }
            var found: [String: [Double]] = [:]
            for row in funders.dropFirst(3) {
                guard let name = row.first??["value"] as? String else { continue }
                found[name] = row.dropFirst().compactMap { $0?["value"] as? Double }
                #expect(row.dropFirst().allSatisfy { ["number", "formula"].contains($0?["type"] as? String) }, "\(path): \(name)")
            }
            #expect(found == expected, "\(path)")
            let total = try #require(funders.last { $0.first??["value"] as? String == "Total" })
            #expect((total[1]?["formula"] as? String)?.contains("SUM(") == true, "\(path)")
        }
        let result = try Binary.run(["demo.sqlite"], input: "/exporter cls contrat.xlsx\n", in: sandbox.path)
        #expect(
            (result.output + result.errors).withPlainSpaces.contains(
                "Le projet de contrat ne s'écrit pas avec l'extension « .xlsx » ; formats possibles : .md (Markdown), .docx (Word), .odt (LibreOffice Writer)."
            ))
        #expect(!FileManager.default.fileExists(atPath: sandbox.path + "/contrat.xlsx"))
    }
}

/// An office document read by the independent readers of `Tests/AtelierOfficeTests/Readers`.
enum OfficeFile {
    static let reader: String? = {
        let python = Binary.projectRoot + "/.build/office-venv/bin/python3"
        return FileManager.default.isExecutableFile(atPath: python) ? python : nil
    }()

    static func read(_ path: String, with script: String = "read_text_document.py") throws -> [String: Any] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: reader ?? "/usr/bin/false")
        process.arguments = [Binary.projectRoot + "/Tests/AtelierOfficeTests/Readers/" + script, path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }
}
