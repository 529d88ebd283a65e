import Foundation
import Testing

@testable import AtelierOffice

/// The .docx and .odt read back by python-docx and odfpy: what a user's word processor finds.
@Suite(.enabled(if: OfficeReader.available, OfficeReader.skipReason))
struct TextDocumentTests {
    static let markdown = """
        # Contrat local de santé — Val d'Exemple

        Les mentions « [À compléter : …] » indiquent ce qui reste à décider.

        ## Entre les signataires

        1. **ARS Normandie**, représentée par la directrice ;

        ### Démographie

        | Profession | Densité libéraux pour 10\u{202F}000 hab. | Montant |
        |---|---|---|
        | Masseurs-kinésithérapeutes | 8,3 | 1\u{202F}234,50\u{A0}€ |
        | <w:p> & "guillemets" \\| barre | 0,67 | 60\u{202F}000,00\u{A0}€ |

        - Zonage : **ZIP**
          - sous-point [À compléter : zonage [ARS] (/aller structures.zonage)]

        #### Très large

        | \((1...12).map { "Indicateur\($0)-territorial" }.joined(separator: " | ")) |
        |\(String(repeating: "---|", count: 12))
        | \((1...12).map { "valeur\($0)" }.joined(separator: " | ")) |

        ## Signatures

        **ARS Normandie**, représentée par la directrice

        Signature :

        **CPAM de la Manche**, représentée par le directeur

        Signature :

        **MSP de Bréhal**

        Signature :

        ---

        ## Annexe 1 — Fiches

        Texte de l'annexe\u{07} avec un caractère de contrôle.
        """

    static let metadata = OfficeText.Metadata(
        title: "Contrat local de santé — Val d'Exemple", header: "Contrat local de santé — Val d'Exemple — projet",
        fingerprint: "sha256:9e47638b3c22a4f654efdb0f138d5aca891f5afed21510753a0b38275ddbafd7")

    func written(_ format: String) throws -> (path: String, data: Data) {
        let data =
            format == "docx"
            ? try TextDocument.docx(markdown: Self.markdown, metadata: Self.metadata)
            : try TextDocument.odt(markdown: Self.markdown, metadata: Self.metadata)
        let path = try OfficeReader.temporaryFolder() + "/contrat." + format
        try data.write(to: URL(fileURLWithPath: path))
        return (path, data)
    }

    static func texts(_ document: [String: Any]) -> [String] {
        (document["blocks"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
    }

    static func tables(_ document: [String: Any]) -> [[String: Any]] {
        (document["blocks"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "table" }
    }

    @Test(arguments: ["docx", "odt"]) func sameTextSameBytes(format: String) throws {
        let (path, data) = try written(format)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        #expect(try written(format).data == data)
    }

    @Test func docxHasA4PagesStylesContentsAndSignatureRoom() throws {
        let (path, _) = try written("docx")
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let document = try OfficeReader.read("read_text_document.py", path)
        let sections = try #require(document["sections"] as? [[String: Any]])
        // Portrait, then the very wide table on a landscape page, then portrait again.
        #expect(sections.map { $0["orientation"] as? String } == ["portrait", "landscape", "portrait"])
        for section in sections {
            let size = [section["width_cm"] as? Double, section["height_cm"] as? Double]
            #expect(size == [21.0, 29.7] || size == [29.7, 21.0])
            #expect(section["margins_cm"] as? [Double] == [2.5, 2.5, 2.5, 2.5])
            #expect(section["header"] as? String == "Contrat local de santé — Val d'Exemple — projet")
            #expect(section["footer"] as? String == "Empreinte sha256:9e47638b3c22… — page 1 sur 1")
        }
        #expect(document["language"] as? String == "fr-FR")
        let fields = try #require(document["fields"] as? [String])
        #expect(fields.contains { $0.contains("TOC \\o \"1-2\"") })
        #expect(fields.contains(" PAGE ") && fields.contains(" NUMPAGES "))
        let blocks = try #require(document["blocks"] as? [[String: Any]])
        let styled = blocks.filter { $0["kind"] as? String == "p" }.map { ($0["style"] as? String ?? "", $0["text"] as? String ?? "") }
        #expect(styled.contains { $0 == ("Title", "Contrat local de santé — Val d'Exemple") })
        #expect(styled.contains { $0 == ("Heading 1", "Entre les signataires") })
        #expect(styled.contains { $0 == ("Heading 2", "Démographie") })
        #expect(styled.contains { $0.0 == "toc 1" && $0.1.hasPrefix("Annexe 1 — Fiches") })
        #expect(styled.contains { $0 == ("List Number", "1.\tARS Normandie, représentée par la directrice ;") })
        #expect(styled.contains { $0 == ("List Bullet", "Zonage : ZIP") })
        // The annex starts a new page.
        #expect(blocks.contains { $0["text"] as? String == "Annexe 1 — Fiches" && $0["page_break_before"] as? Bool == true })
        #expect(Self.texts(document).contains("Texte de l'annexe avec un caractère de contrôle."))
        let gaps = try #require(document["gaps"] as? [String])
        #expect(gaps == ["[À compléter : …]", "[À compléter : zonage [ARS] (/aller structures.zonage)]"])
        let tables = Self.tables(document)
        #expect(tables.count == 3)
        let demography = try #require(tables.first)
        #expect((demography["rows"] as? [[String]])?[1] == ["Masseurs-kinésithérapeutes", "8,3", "1\u{202F}234,50\u{A0}€"])
        #expect((demography["rows"] as? [[String]])?[2].first == "<w:p> & \"guillemets\" | barre")
        #expect(demography["repeat_header"] as? Bool == true)
        let widths = try #require(demography["widths_cm"] as? [Double])
        #expect(abs(widths.reduce(0, +) - 16.0) < 0.05)
        let wide = try #require(tables.dropFirst().first?["widths_cm"] as? [Double])
        #expect(wide.count == 12 && wide.reduce(0, +) <= 24.71)
        // Two parties a row, each box at least 4 cm tall.
        let signatures = try #require(tables.last)
        #expect((signatures["rows"] as? [[String]])?.count == 2)
        #expect((signatures["rows"] as? [[String]])?[0][0] == "ARS Normandie, représentée par la directrice\nSignature :")
        #expect((signatures["heights_cm"] as? [Double])?.allSatisfy { $0 >= 3.99 } == true)
        let styles = try #require(document["styles"] as? [String])
        for style in ["À compléter", "Texte de tableau", "En-tête de tableau", "Signataire", "List Bullet", "Heading 1", "toc 1"] {
            #expect(styles.contains(style), "style \(style)")
        }
    }

    @Test func odtHasTheSameDocument() throws {
        let (path, _) = try written("odt")
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let document = try OfficeReader.read("read_text_document.py", path)
        let masters = try #require(document["masters"] as? [String: [String: Any]])
        let portrait = try #require(masters["Standard"]?["layout"] as? [String: Any])
        #expect(portrait["width"] as? String == "21cm" && portrait["height"] as? String == "29.7cm")
        #expect(portrait["margins"] as? [String] == ["1.25cm", "2.5cm", "1.25cm", "2.5cm"])
        #expect((masters["Paysage"]?["layout"] as? [String: Any])?["orientation"] as? String == "landscape")
        #expect(masters["Standard"]?["footer"] as? String == "Empreinte sha256:9e47638b3c22… — page 1 sur 1")
        #expect(masters["Standard"]?["header"] as? String == "Contrat local de santé — Val d'Exemple — projet")
        #expect(Set(document["fields"] as? [String] ?? []) == ["page-number", "page-count"])
        #expect(document["title"] as? String == "Contrat local de santé — Val d'Exemple")
        let blocks = try #require(document["blocks"] as? [[String: Any]])
        let styled = blocks.compactMap { block in (block["style"] as? String).map { ($0, block["text"] as? String ?? "") } }
        #expect(styled.contains { $0 == ("Title", "Contrat local de santé — Val d'Exemple") })
        #expect(styled.contains { $0 == ("Heading 1", "Entre les signataires") })
        #expect(styled.contains { $0 == ("Heading 2", "Démographie") })
        #expect(styled.contains { $0 == ("List Bullet", "Zonage : ZIP") })
        #expect(blocks.contains { $0["kind"] as? String == "toc" && ($0["text"] as? String ?? "").contains("Annexe 1 — Fiches") })
        #expect(Self.texts(document).contains("Texte de l'annexe avec un caractère de contrôle."))
        #expect(document["gaps"] as? [String] == ["[À compléter : …]", "[À compléter : zonage [ARS] (/aller structures.zonage)]"])
        let tables = Self.tables(document)
        #expect(tables.count == 3)
        #expect((tables[0]["rows"] as? [[String]])?[1] == ["Masseurs-kinésithérapeutes", "8,3", "1\u{202F}234,50\u{A0}€"])
        #expect((tables[0]["rows"] as? [[String]])?[2].first == "<w:p> & \"guillemets\" | barre")
        #expect(abs((tables[0]["widths_cm"] as? [Double] ?? []).reduce(0, +) - 16.0) < 0.05)
        // The very wide table's page is landscape, and the next one portrait again.
        #expect(blocks.compactMap { $0["master_page"] as? String } == ["Paysage", "Standard"])
        #expect(
            (tables[2]["rows"] as? [[String]]) == [
                ["ARS Normandie, représentée par la directriceSignature :", "CPAM de la Manche, représentée par le directeurSignature :"],
                ["MSP de BréhalSignature :", ""],
            ])
        for style in ["À compléter", "Table Contents", "Table Heading", "Signataire", "List Bullet", "Heading 1", "Contents 1"] {
            #expect((document["styles"] as? [String] ?? []).contains(style), "style \(style)")
        }
    }
}
