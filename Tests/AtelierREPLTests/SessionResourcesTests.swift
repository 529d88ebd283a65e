import AtelierCore
import Foundation
import Testing

@testable import AtelierREPL

/// The references and templates of a session: loaded once, and when one cannot be read, a
/// French sentence names the file and the line.
@Suite struct SessionResourcesTests {
    @Test func theShippedFilesHaveNoProblem() {
        let resources = SessionResources(Shared.resources)
        for reference in SessionResources.Reference.allCases { #expect(resources.problem(reference) == nil, "\(reference)") }
    }

    @Test func aBrokenCatalogueIsNamedWithItsLine() throws {
        let root = NSTemporaryDirectory() + "atelier-resources-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Shared.root + "/templates", toPath: root + "/templates")
        try "instruments: [\n".write(toFile: root + "/templates/financement/catalogue.yaml", atomically: true, encoding: .utf8)
        let resources = SessionResources(Resources(root: root))
        let problem = try #require(resources.problem(.catalogue))
        #expect(
            problem.hasPrefix(
                "Le catalogue des dispositifs (templates/financement/catalogue.yaml) est illisible — templates/financement/catalogue.yaml, ligne "
            ), "\(problem)")
        #expect(problem.hasSuffix(" Corrigez ce fichier (ou réinstallez le dossier de l'outil), puis relancez l'outil."))
        #expect(FrenchSentence.foreign(in: problem) == nil, "\(problem)")
        #expect(resources.problem(.library) == nil)
    }

    @Test func aBrokenReferenceIsNamedWhereverItIsNeeded() throws {
        let root = NSTemporaryDirectory() + "atelier-resources-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Shared.root + "/templates", toPath: root + "/templates")
        let file = root + "/templates/references/nationales.yaml"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let range = try #require(text.range(of: "confiance: sûr"))
        try text.replacingCharacters(in: range, with: "confiance: peut-être").write(toFile: file, atomically: true, encoding: .utf8)
        let resources = SessionResources(Resources(root: root))

        // The library and the catalogue need the levers: the file to correct is the references'.
        for reference in [SessionResources.Reference.synthesis, .library, .catalogue] {
            let problem = try #require(resources.problem(reference))
            #expect(
                problem.hasPrefix(
                    "Les références de la synthèse (templates/references/, templates/synthese/) sont illisibles — templates/references/nationales.yaml, ligne "
                ), "\(reference): \(problem)")
        }
    }

    @Test func templatesAreCompiledOnceAndKept() throws {
        let root = NSTemporaryDirectory() + "atelier-resources-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Shared.root + "/templates", toPath: root + "/templates")
        let resources = SessionResources(Resources(root: root))
        let first = try resources.clsTemplates.get()
        // Removed after the first use: the second use reads nothing.
        try FileManager.default.removeItem(atPath: root + "/templates/cls")
        let second = try resources.clsTemplates.get()
        #expect(second.digests == first.digests)
        #expect(second.digests.keys.contains("templates/cls/contrat.mustache"))
    }
}
