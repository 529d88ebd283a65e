import AtelierCore
import Foundation

/// `styles.xml` of an .odt: the named styles every paragraph uses (LibreOffice's own names,
/// shown in French by a French LibreOffice: « Corps de texte », « Titre 1 »…), the A4 pages,
/// portrait and landscape, with their header and footer; and the package's manifest and meta.
enum OdtStyles {
    static let declaration = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
    static let namespaces =
        #"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" "#
        + #"xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" "#
        + #"xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" "#
        + #"xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" "#
        + #"xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" office:version="1.3""#

    static func manifest(_ images: UsedImages) -> String {
        declaration + #"<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">"#
            + #"<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="application/vnd.oasis.opendocument.text"/>"#
            + ["content.xml", "styles.xml", "meta.xml"].map {
                #"<manifest:file-entry manifest:full-path="\#($0)" manifest:media-type="text/xml"/>"#
            }
            .joined()
            + images.images.map { image in
                #"<manifest:file-entry manifest:full-path="Pictures/\#(image.id).svg" manifest:media-type="image/svg+xml"/>"#
                    + #"<manifest:file-entry manifest:full-path="Pictures/\#(image.id).png" manifest:media-type="image/png"/>"#
            }.joined() + "</manifest:manifest>"
    }

    static func meta(_ metadata: OfficeText.Metadata) -> String {
        declaration + "<office:document-meta \(namespaces)><office:meta><meta:generator>Atelier Santé</meta:generator>"
            + "<dc:title>\(XMLText.escape(metadata.title))</dc:title><dc:language>fr-FR</dc:language>"
            + (metadata.fingerprint.map { "<dc:identifier>\(XMLText.escape($0))</dc:identifier>" } ?? "")
            + "</office:meta></office:document-meta>"
    }

    static func styles(_ metadata: OfficeText.Metadata) -> String {
        declaration + "<office:document-styles \(namespaces)>"
            + #"<office:font-face-decls><style:font-face style:name="Arial" svg:font-family="Arial" style:font-family-generic="swiss" style:font-pitch="variable"/></office:font-face-decls>"#
            + "<office:styles>" + defaults + named.joined() + bulletList + "</office:styles>"
            + "<office:automatic-styles>" + pageLayout("pm1", landscape: false) + pageLayout("pm2", landscape: true)
            + "</office:automatic-styles>"
            + "<office:master-styles>" + master("Standard", layout: "pm1", metadata) + master("Paysage", layout: "pm2", metadata)
            + "</office:master-styles></office:document-styles>"
    }

    static let defaults =
        #"<style:default-style style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.21cm" fo:line-height="110%"/>"#
        + #"<style:text-properties style:font-name="Arial" fo:font-size="10.5pt" fo:language="fr" fo:country="FR"/></style:default-style>"#
        + #"<style:style style:name="Standard" style:family="paragraph" style:class="text"/>"#

    static let named: [String] = [
        paragraph("Text_20_body", "Text body", parent: "Standard", paragraph: #"fo:text-align="justify""#),
        paragraph(
            "Title", "Title", parent: "Standard",
            paragraph: #"fo:text-align="center" fo:margin-top="0.42cm" fo:margin-bottom="0.42cm" fo:keep-with-next="always""#,
            text: #"fo:font-size="18pt" fo:font-weight="bold" fo:color="\#(OdtColour.navy)""#),
        heading(1, size: "15pt", before: "0.63cm"),
        heading(2, size: "12.5pt", before: "0.49cm"),
        heading(3, size: "11pt", before: "0.35cm"),
        paragraph(
            "Table_20_Contents", "Table Contents", parent: "Standard",
            paragraph: #"fo:margin-top="0.04cm" fo:margin-bottom="0.04cm" fo:line-height="100%""#, text: #"fo:font-size="9pt""#),
        paragraph(
            "Table_20_Heading", "Table Heading", parent: "Table_20_Contents", paragraph: #"fo:keep-with-next="always""#,
            text: #"fo:font-weight="bold""#),
        paragraph("List_20_Bullet", "List Bullet", parent: "Standard", paragraph: #"fo:margin-bottom="0.11cm""#),
        paragraph(
            "Numbering_20_1", "Numbering 1", parent: "Standard",
            paragraph: #"fo:margin-left="0.75cm" fo:text-indent="-0.75cm" fo:margin-bottom="0.11cm""#, tabs: "0cm"),
        paragraph(
            "List_20_Contents", "List Contents", parent: "Standard", paragraph: #"fo:margin-left="0.75cm" fo:margin-bottom="0.21cm""#,
            text: #"fo:font-size="9.5pt""#),
        paragraph(
            "Quotations", "Quotations", parent: "Standard",
            paragraph: #"fo:margin-left="1cm" fo:padding-left="0.3cm" fo:border-left="1.5pt solid #808080""#,
            text: #"fo:font-style="italic""#),
        paragraph(
            "Horizontal_20_Line", "Horizontal Line", parent: "Standard",
            paragraph: #"fo:border-bottom="0.75pt solid #808080" fo:padding-bottom="0.03cm""#),
        paragraph("Signataire", "Signataire", parent: "Standard", paragraph: #"fo:margin-top="0.21cm" fo:keep-with-next="always""#),
        paragraph("Signature", "Signature", parent: "Standard", text: #"fo:font-size="9pt" fo:color="\#(OdtColour.muted)""#),
        paragraph(
            "Header", "Header", parent: "Standard", paragraph: #"fo:border-bottom="0.5pt solid #808080" fo:padding-bottom="0.1cm""#,
            text: #"fo:font-size="8pt" fo:color="\#(OdtColour.muted)""#),
        paragraph(
            "Footer", "Footer", parent: "Standard", paragraph: #"fo:text-align="end""#,
            text: #"fo:font-size="8pt" fo:color="\#(OdtColour.muted)""#),
        paragraph(
            "Contents_20_Heading", "Contents Heading", parent: "Standard", paragraph: #"fo:margin-top="0.63cm" fo:keep-with-next="always""#,
            text: #"fo:font-size="15pt" fo:font-weight="bold" fo:color="\#(OdtColour.navy)""#),
        paragraph(
            "Contents_20_1", "Contents 1", parent: "Standard", paragraph: #"fo:margin-bottom="0.07cm""#, text: #"fo:font-weight="bold""#,
            tabs: "16cm", leader: true),
        paragraph(
            "Contents_20_2", "Contents 2", parent: "Standard", paragraph: #"fo:margin-left="0.5cm" fo:margin-bottom="0.07cm""#,
            tabs: "15.5cm", leader: true),
        #"<style:style style:name="A_20_completer" style:display-name="À compléter" style:family="text"><style:text-properties fo:background-color="\#(OdtColour.highlight)"/></style:style>"#,
    ]

    static func heading(_ level: Int, size: String, before: String) -> String {
        paragraph(
            "Heading_20_\(level)", "Heading \(level)", parent: "Standard",
            paragraph: #"fo:margin-top="\#(before)" fo:margin-bottom="0.21cm" fo:keep-with-next="always""#,
            text: #"fo:font-size="\#(size)" fo:font-weight="bold" fo:color="\#(OdtColour.navy)""#, level: level)
    }

    static func paragraph(
        _ name: String, _ display: String, parent: String, paragraph: String = "", text: String = "", tabs: String? = nil,
        leader: Bool = false, level: Int? = nil
    ) -> String {
        let tabStops = tabs.map { position in
            "<style:tab-stops><style:tab-stop style:position=\"\(position)\""
                + (leader ? #" style:type="right" style:leader-style="dotted" style:leader-text=".""# : "")
                + "/></style:tab-stops>"
        }
        return
            #"<style:style style:name="\#(name)" style:display-name="\#(display)" style:family="paragraph" style:parent-style-name="\#(parent)""#
            + (level.map { #" style:default-outline-level="\#($0)" style:next-style-name="Text_20_body""# } ?? "") + ">"
            + "<style:paragraph-properties \(paragraph)" + (tabStops.map { ">\($0)</style:paragraph-properties>" } ?? "/>")
            + (text.isEmpty ? "" : "<style:text-properties \(text)/>") + "</style:style>"
    }

    static let bulletList =
        #"<text:list-style style:name="Liste_20_a_20_puces" style:display-name="Liste à puces">"#
        + [("•", 1), ("–", 2), ("·", 3)].map { symbol, level in
            #"<text:list-level-style-bullet text:level="\#(level)" text:bullet-char="\#(symbol)"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment">"#
                + #"<style:list-level-label-alignment text:label-followed-by="listtab" fo:text-indent="-0.5cm" fo:margin-left="\#(String(format: "%.2f", 0.75 * Double(level)))cm"/></style:list-level-properties></text:list-level-style-bullet>"#
        }.joined() + "</text:list-style>"

    static func pageLayout(_ name: String, landscape: Bool) -> String {
        let (width, height) = landscape ? ("29.7cm", "21cm") : ("21cm", "29.7cm")
        return
            #"<style:page-layout style:name="\#(name)"><style:page-layout-properties fo:page-width="\#(width)" fo:page-height="\#(height)" style:print-orientation="\#(landscape ? "landscape" : "portrait")" "#
            + #"fo:margin-top="1.25cm" fo:margin-bottom="1.25cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/>"#
            + #"<style:header-style><style:header-footer-properties fo:min-height="0.75cm" fo:margin-bottom="0.5cm"/></style:header-style>"#
            + #"<style:footer-style><style:header-footer-properties fo:min-height="0.75cm" fo:margin-top="0.5cm"/></style:footer-style></style:page-layout>"#
    }

    /// « Empreinte sha256:9e47638b3c22… — page 3 sur 24 » at the foot of every page.
    static func master(_ name: String, layout: String, _ metadata: OfficeText.Metadata) -> String {
        #"<style:master-page style:name="\#(name)" style:page-layout-name="\#(layout)">"#
            + #"<style:header><text:p text:style-name="Header">\#(XMLText.escape(metadata.header))</text:p></style:header>"#
            + #"<style:footer><text:p text:style-name="Footer">"#
            + (metadata.fingerprint.map { XMLText.escape("Empreinte \(TextDocument.shortFingerprint($0)) — ") } ?? "")
            + #"page <text:page-number text:select-page="current">1</text:page-number> sur <text:page-count>1</text:page-count></text:p></style:footer></style:master-page>"#
    }
}

/// The colours of the documents, readable in greyscale: navy titles, grey rules, a yellow
/// highlight for what remains to complete.
enum OdtColour {
    static let navy = "#1f3864"
    static let grey = "#808080"
    static let shade = "#d9d9d9"
    static let muted = "#595959"
    static let highlight = "#ffff00"
}
