import AtelierCore
import Foundation

/// The parts of a .docx around its body: content types, relationships, settings, numbering,
/// header and footer, properties.
enum DocxParts {
    static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"

    static let drawingNamespace = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"

    static func parts(body: String, metadata: OfficeText.Metadata, images: UsedImages = UsedImages()) -> [OfficePackage.Part] {
        let pngs = images.pngs()
        return [
            .init("[Content_Types].xml", contentTypes(withImages: !images.images.isEmpty)),
            .init("_rels/.rels", rootRelationships),
            .init("docProps/core.xml", core(metadata)),
            .init("docProps/app.xml", app),
            .init("word/document.xml", body),
            .init("word/_rels/document.xml.rels", documentRelationships(images)),
            .init("word/styles.xml", DocxStyles.xml),
            .init("word/numbering.xml", numbering),
            .init("word/settings.xml", settings),
            .init("word/header1.xml", header(metadata)),
            .init("word/footer1.xml", footer(metadata)),
        ]
            + images.images.flatMap { image in
                [
                    OfficePackage.Part("word/media/\(image.id).png", data: pngs[image.id] ?? Data(), stored: true),
                    .init("word/media/\(image.id).svg", image.svg),
                ]
            }
    }

    static func pngRelationship(_ image: OfficeImage) -> String { "rIdPng_\(image.id)" }
    static func svgRelationship(_ image: OfficeImage) -> String { "rIdSvg_\(image.id)" }

    static func contentTypes(withImages: Bool) -> String {
        declaration + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
            + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>"#
            + (withImages
                ? #"<Default Extension="png" ContentType="image/png"/><Default Extension="svg" ContentType="image/svg+xml"/>"# : "")
            + [
                ("/word/document.xml", "wordprocessingml.document.main"), ("/word/styles.xml", "wordprocessingml.styles"),
                ("/word/numbering.xml", "wordprocessingml.numbering"), ("/word/settings.xml", "wordprocessingml.settings"),
                ("/word/header1.xml", "wordprocessingml.header"), ("/word/footer1.xml", "wordprocessingml.footer"),
                ("/docProps/app.xml", "extended-properties"),
            ].map { #"<Override PartName="\#($0.0)" ContentType="application/vnd.openxmlformats-officedocument.\#($0.1)+xml"/>"# }.joined()
            + #"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#
    }

    static let rootRelationships =
        declaration + #"<Relationships xmlns="\#(packageRelationships)">"#
        + #"<Relationship Id="rId1" Type="\#(relationshipNamespace)/officeDocument" Target="word/document.xml"/>"#
        + #"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#
        + #"<Relationship Id="rId3" Type="\#(relationshipNamespace)/extended-properties" Target="docProps/app.xml"/></Relationships>"#

    static func documentRelationships(_ images: UsedImages) -> String {
        declaration + #"<Relationships xmlns="\#(packageRelationships)">"#
            + [
                ("rIdStyles", "styles", "styles.xml"), ("rIdNumbering", "numbering", "numbering.xml"),
                ("rIdSettings", "settings", "settings.xml"),
                ("rIdHeader", "header", "header1.xml"), ("rIdFooter", "footer", "footer1.xml"),
            ].map { #"<Relationship Id="\#($0.0)" Type="\#(relationshipNamespace)/\#($0.1)" Target="\#($0.2)"/>"# }.joined()
            + images.images.map { image in
                #"<Relationship Id="\#(pngRelationship(image))" Type="\#(relationshipNamespace)/image" Target="media/\#(image.id).png"/>"#
                    + #"<Relationship Id="\#(svgRelationship(image))" Type="\#(relationshipNamespace)/image" Target="media/\#(image.id).svg"/>"#
            }.joined()
            + "</Relationships>"
    }

    /// No date: the same answers give the same file, byte for byte.
    static func core(_ metadata: OfficeText.Metadata) -> String {
        declaration
            + #"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">"#
            + "<dc:title>\(XMLText.escape(metadata.title))</dc:title><dc:creator>Atelier Santé</dc:creator><dc:language>fr-FR</dc:language>"
            + (metadata.fingerprint.map { "<dc:identifier>\(XMLText.escape($0))</dc:identifier>" } ?? "") + "</cp:coreProperties>"
    }

    static let app =
        declaration
        + #"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Atelier Santé</Application></Properties>"#

    /// Word offers to update the table of contents' page numbers when the file opens.
    static let settings =
        declaration
        + #"<w:settings xmlns:w="\#(wordNamespace)"><w:defaultTabStop w:val="709"/><w:characterSpacingControl w:val="doNotCompress"/>"#
        + #"<w:updateFields w:val="true"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>"#
        + #"<w:themeFontLang w:val="fr-FR"/></w:settings>"#

    /// One bullet list definition, three levels: « • », « – », « · ».
    static let numbering =
        declaration
        + #"<w:numbering xmlns:w="\#(wordNamespace)"><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>"#
        + [("•", 0), ("–", 1), ("·", 2)].map { symbol, level in
            #"<w:lvl w:ilvl="\#(level)"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\#(symbol)"/><w:lvlJc w:val="left"/>"#
                + #"<w:pPr><w:ind w:left="\#(425 * (level + 1))" w:hanging="283"/></w:pPr></w:lvl>"#
        }.joined()
        + #"</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#

    static func header(_ metadata: OfficeText.Metadata) -> String {
        declaration + #"<w:hdr xmlns:w="\#(wordNamespace)" xmlns:r="\#(relationshipNamespace)">"#
            + #"<w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr><w:r><w:t xml:space="preserve">\#(XMLText.escape(metadata.header))</w:t></w:r></w:p></w:hdr>"#
    }

    /// « Empreinte sha256:9e47638b3c22… — page 3 sur 24 ».
    static func footer(_ metadata: OfficeText.Metadata) -> String {
        let field = { (instruction: String) in
            #"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> \#(instruction) </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"#
        }
        let text = { (text: String) in #"<w:r><w:t xml:space="preserve">\#(XMLText.escape(text))</w:t></w:r>"# }
        return declaration
            + #"<w:ftr xmlns:w="\#(wordNamespace)" xmlns:r="\#(relationshipNamespace)"><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>"#
            + (metadata.fingerprint.map { text("Empreinte \(TextDocument.shortFingerprint($0)) — ") } ?? "")
            + text("page ") + field("PAGE") + text(" sur ") + field("NUMPAGES") + "</w:p></w:ftr>"
    }
}
