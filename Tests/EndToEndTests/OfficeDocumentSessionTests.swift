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
        #expect(tables.contains { $0.contains(["Total des dépenses", "", "", "500\u{202F}000,00\u{A0}€"]) })
    }
}

/// An office document read by the independent readers of `Tests/AtelierOfficeTests/Readers`.
enum OfficeFile {
    static let reader: String? = {
        let python = Binary.projectRoot + "/.build/office-venv/bin/python3"
        return FileManager.default.isExecutableFile(atPath: python) ? python : nil
    }()

    static func read(_ path: String) throws -> [String: Any] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: reader ?? "/usr/bin/false")
        process.arguments = [Binary.projectRoot + "/Tests/AtelierOfficeTests/Readers/read_text_document.py", path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }
}
