import Foundation
import GRDB
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A user edits the exported `.md` or `.csv` by hand, then exports again: their text is kept as a
/// dated copy beside the new document, and a sentence names both files; a file the tool wrote
/// and nobody touched is replaced without a copy.
@Suite struct ExportHandEditsTests {
    static let note = "\nNotes de l'élue : revoir l'axe 2 avec la CPTS.\n"

    func prepared() throws -> Sandbox {
        let sandbox = Sandbox()
        #expect(try Binary.run(["essai.sqlite"], input: "Pays test\ncommune\n14118\n", in: sandbox.path).status == 0)
        return sandbox
    }

    func session(_ input: String, in sandbox: Sandbox, workbook: String = "essai.sqlite") throws -> Binary.Result {
        let result = try Binary.run([workbook], input: input, in: sandbox.path)
        #expect(result.status == 0, "\(result.errors)")
        return result
    }

    func text(_ name: String, in sandbox: Sandbox) throws -> String {
        try String(contentsOfFile: sandbox.path + "/" + name, encoding: .utf8)
    }

    func append(_ text: String, to name: String, in sandbox: Sandbox) throws {
        let handle = try #require(FileHandle(forWritingAtPath: sandbox.path + "/" + name))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }

    /// The dated copies in the sandbox, by name.
    func copies(in sandbox: Sandbox) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: sandbox.path).filter { $0.contains(".votre-version-") }.sorted()
    }

    @Test func aHandEditedDraftIsKeptAndTheNewOneTakesItsName() throws {
        let sandbox = try prepared()
        let first = try session("/exporter cls\n", in: sandbox)
        #expect(first.output.contains("✓ projet de contrat écrit : essai-cls.md"), "\(first.output)")
        try append(Self.note, to: "essai-cls.md", in: sandbox)
        let edited = try text("essai-cls.md", in: sandbox)

        let second = try session("/modifier territoire.nom Pays retouché\n/exporter cls\n", in: sandbox)
        let copy = try #require(try copies(in: sandbox).first)
        #expect(try copies(in: sandbox).count == 1)
        #expect(copy.hasPrefix("essai-cls.votre-version-") && copy.hasSuffix(".md"), "\(copy)")
        #expect(try text(copy, in: sandbox) == edited, "the user's bytes, untouched")
        let new = try text("essai-cls.md", in: sandbox)
        #expect(new.contains("Pays retouché") && !new.contains("Notes de l'élue"))
        #expect(second.output.contains("✓ projet de contrat écrit : essai-cls.md"), "\(second.output)")
        let sentence = try #require(second.output.split(separator: "\n").first { $0.contains("votre version") }, "\(second.output)")
        // « … le 03/12/2026 à 06:12 : votre version … »: the date of the last export, in French.
        #expect(
            sentence.wholeMatch(
                of: #/    Le fichier essai-cls\.md avait été modifié depuis son dernier export, le \d\d/\d\d/\d{4} à \d\d:\d\d : (.+)/#
            ).map { String($0.1) }
                == "votre version est conservée sous \(copy) ; le nouveau projet de contrat est écrit sous essai-cls.md.", "\(sentence)")

        // Not edited since: replaced, no second copy, no sentence.
        let third = try session("/modifier territoire.nom Pays final\n/exporter cls\n", in: sandbox)
        #expect(try copies(in: sandbox) == [copy])
        #expect(!third.output.contains("votre version"), "\(third.output)")
        #expect(try text("essai-cls.md", in: sandbox).contains("Pays final"))
        #expect(try text(copy, in: sandbox) == edited)
    }

    @Test func exportingAgainWithoutEditingKeepsNoCopy() throws {
        let sandbox = try prepared()
        _ = try session("/exporter cls contrat.md\n", in: sandbox)
        let replaced = try session("/modifier territoire.nom Autre nom\n/exporter cls contrat.md\n", in: sandbox)
        #expect(replaced.output.contains("✓ projet de contrat écrit : contrat.md"), "\(replaced.output)")
        let again = try session("/exporter cls contrat.md\n", in: sandbox)
        #expect(again.output.contains("✓ projet de contrat inchangé : contrat.md contient déjà ce document."), "\(again.output)")
        #expect(try copies(in: sandbox).isEmpty)
        #expect(try text("contrat.md", in: sandbox).contains("Autre nom"))
        for output in [replaced.output, again.output] { #expect(!output.contains("conservée sous"), "\(output)") }
    }

    @Test func thePlansMarkdownAndCSVAreEachJudgedOnTheirOwn() throws {
        let sandbox = try prepared()
        _ = try session("/exporter plan plan.md csv\n", in: sandbox)
        try append("Ligne ajoutée à la main;1\n", to: "plan.csv", in: sandbox)
        let editedCSV = try text("plan.csv", in: sandbox)

        let second = try session("/modifier territoire.nom Autre pays\n/exporter plan plan.md csv\n", in: sandbox)
        let csvCopy = try #require(try copies(in: sandbox).first)
        #expect(try copies(in: sandbox).count == 1)
        #expect(csvCopy.hasPrefix("plan.votre-version-") && csvCopy.hasSuffix(".csv"), "\(csvCopy)")
        #expect(try text(csvCopy, in: sandbox) == editedCSV)
        #expect(!(try text("plan.csv", in: sandbox)).contains("Ligne ajoutée à la main"))
        #expect(
            second.output.contains(
                " : votre version est conservée sous \(csvCopy) ; le nouveau tableau du plan (CSV) est écrit sous plan.csv."),
            "\(second.output)")
        #expect(!second.output.contains("Le fichier plan.md"), "the Markdown was not edited: \(second.output)")

        // Now the Markdown is edited, the CSV is not.
        try append(Self.note, to: "plan.md", in: sandbox)
        let editedMarkdown = try text("plan.md", in: sandbox)
        let third = try session("/modifier territoire.nom Troisième pays\n/exporter plan plan.md csv\n", in: sandbox)
        let markdownCopy = try #require(try copies(in: sandbox).first { $0.hasSuffix(".md") })
        #expect(try copies(in: sandbox).count == 2)
        #expect(try text(markdownCopy, in: sandbox) == editedMarkdown)
        #expect(
            third.output.contains(
                " : votre version est conservée sous \(markdownCopy) ; le nouveau plan de financement est écrit sous plan.md."),
            "\(third.output)")
        #expect(!third.output.contains("Le fichier plan.csv"), "\(third.output)")
    }

    @Test func aWorkbookFromBeforeTheRecordStillExportsAndKeepsWhatItDidNotWrite() throws {
        let sandbox = Sandbox()
        let fixture = Binary.projectRoot + "/Tests/AtelierStoreTests/Fixtures/classeur-schema-v3.sqlite"
        try FileManager.default.copyItem(atPath: fixture, toPath: sandbox.path + "/ancien.sqlite")
        // Exported by an older version, then retouched: the workbook has no record of it.
        let older = "# Contrat local de santé — exporté par une version précédente, retouché\n"
        try older.write(toFile: sandbox.path + "/ancien-cls.md", atomically: true, encoding: .utf8)

        let first = try session("/exporter cls\n", in: sandbox, workbook: "ancien.sqlite")
        let copy = try #require(try copies(in: sandbox).first)
        #expect(try text(copy, in: sandbox) == older)
        #expect(try text("ancien-cls.md", in: sandbox).contains("Pays d'Auge"))
        #expect(
            first.output.contains(
                "    Le fichier ancien-cls.md existait déjà, sans trace d'un export par ce classeur : votre version est conservée sous \(copy) ; le nouveau projet de contrat est écrit sous ancien-cls.md."
            ), "\(first.output)")

        // The migrated workbook now knows the file: the next export replaces it without a copy.
        let row = try DatabaseQueue(path: sandbox.path + "/ancien.sqlite").read {
            try Row.fetchOne($0, sql: "SELECT path, sha256, bytes FROM exported_file")
        }
        let written = try #require(FileManager.default.contents(atPath: sandbox.path + "/ancien-cls.md"))
        #expect(row?["path"] == DocumentPaths.real(sandbox.path) + "/ancien-cls.md")
        #expect(row?["bytes"] == written.count)
        let digest = try python("import hashlib; print(hashlib.sha256(open('\(sandbox.path)/ancien-cls.md', 'rb').read()).hexdigest())")
        #expect(row?["sha256"] == digest.trimmingCharacters(in: .whitespacesAndNewlines))
        _ = try session("/modifier territoire.nom Pays d'Auge normand\n/exporter cls\n", in: sandbox, workbook: "ancien.sqlite")
        #expect(try copies(in: sandbox) == [copy])
    }
}

enum DocumentPaths {
    /// The path with its links resolved, as the tool records it (/tmp may be a link).
    static func real(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
