import Foundation

/// The CLS draft and the plan de financement as Word (.docx) and LibreOffice (.odt) files,
/// from the Markdown the templates produce: the same words, tables and markers, laid out on A4.
public enum TextDocument {
    public static func docx(markdown: String, metadata: OfficeText.Metadata) throws(OfficeError) -> Data {
        let layout = LaidOutText(MarkdownReader.read(markdown))
        return try OfficePackage.zip(DocxParts.parts(body: DocxBody.document(layout), metadata: metadata))
    }

    public static func odt(markdown: String, metadata: OfficeText.Metadata) throws(OfficeError) -> Data {
        let layout = LaidOutText(MarkdownReader.read(markdown))
        return try OfficePackage.zip([
            OfficePackage.Part("mimetype", "application/vnd.oasis.opendocument.text", stored: true),
            .init("META-INF/manifest.xml", OdtStyles.manifest),
            .init("meta.xml", OdtStyles.meta(metadata)),
            .init("styles.xml", OdtStyles.styles(metadata)),
            .init("content.xml", OdtBody.content(layout)),
        ])
    }

    /// `sha256:9e47638b3c22a4f6…` → `sha256:9e47638b3c22…`: enough to tell two versions apart.
    static func shortFingerprint(_ fingerprint: String) -> String {
        fingerprint.count > 19 ? String(fingerprint.prefix(19)) + "…" : fingerprint
    }
}
