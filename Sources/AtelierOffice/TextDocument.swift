import Foundation

/// The CLS draft and the plan de financement as Word (.docx) and LibreOffice (.odt) files,
/// from the Markdown the templates produce: the same words, tables and markers, laid out on A4.
public enum TextDocument {
    /// - Parameter images: the charts the Markdown's `![titre](graphique:id)` lines name, by id.
    public static func docx(markdown: String, metadata: OfficeText.Metadata, images: [OfficeImage] = []) throws(OfficeError) -> Data {
        let layout = LaidOutText(MarkdownReader.read(markdown))
        let used = UsedImages(layout, available: byID(images))
        return try OfficePackage.zip(DocxParts.parts(body: DocxBody.document(layout, images: used), metadata: metadata, images: used))
    }

    public static func odt(markdown: String, metadata: OfficeText.Metadata, images: [OfficeImage] = []) throws(OfficeError) -> Data {
        let layout = LaidOutText(MarkdownReader.read(markdown))
        let used = UsedImages(layout, available: byID(images))
        let pngs = used.pngs()
        return try OfficePackage.zip(
            [
                OfficePackage.Part("mimetype", "application/vnd.oasis.opendocument.text", stored: true),
                .init("META-INF/manifest.xml", OdtStyles.manifest(used)),
                .init("meta.xml", OdtStyles.meta(metadata)),
                .init("styles.xml", OdtStyles.styles(metadata)),
                .init("content.xml", OdtBody.content(layout, images: used)),
            ]
                + used.images.flatMap { image in
                    [
                        OfficePackage.Part("Pictures/\(image.id).svg", image.svg),
                        .init("Pictures/\(image.id).png", data: pngs[image.id] ?? Data(), stored: true),
                    ]
                })
    }

    static func byID(_ images: [OfficeImage]) -> [String: OfficeImage] {
        Dictionary(images.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// `sha256:9e47638b3c22a4f6…` → `sha256:9e47638b3c22…`: enough to tell two versions apart.
    static func shortFingerprint(_ fingerprint: String) -> String {
        fingerprint.count > 19 ? String(fingerprint.prefix(19)) + "…" : fingerprint
    }
}
