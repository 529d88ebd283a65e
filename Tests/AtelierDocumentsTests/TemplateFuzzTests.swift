import AtelierCore
import Foundation
import Testing

@testable import AtelierDocuments

/// Thousands of mutated copies of the shipped templates (`FUZZ_TEMPLATES=N` per file, quick by
/// default; `FUZZ_SEED` to replay): compiled, checked and rendered at unit level, each ends in
/// a document or a French sentence with file and line — a crash would end the test process, a
/// hang its time limit.
@Suite struct TemplateFuzzTests {
    static let mustacheTokens = [
        "{{", "}}", "{{{", "}}}", "{{#actions}}", "{{/actions}}", "{{^actions}}", "{{#fiches}}", "{{/fiches}}", "{{#a}}", "{{/a}}",
        "{{> fiche}}", "{{> contrat}}", "{{> plan}}", "{{>*titre}}", "{{<fiche}}", "{{$bloc}}", "{{/bloc}}", "{{!", "{{! note }}",
        "{{=<% %>=}}", "<%#a%>", "<%/a%>", "{{=| |=}}", "{{&titre}}", "{{% CONTENT_TYPE: HTML }}", "{{%", "{{titre}}", "{{inconnu}}",
        "{{.}}", "{{a.b.c}}", "{{uppercased(titre)}}", "{{#first}}", "|", "\u{0}", "é", "\u{301}", "{", "}", "\r",
    ]

    /// A context that answers every tag of the shipped templates: lists of two elements that
    /// hold every key again, so that sections repeat and nest when rendered.
    static func universalContext(_ sources: [String: String]) throws -> [String: Any] {
        var sectionNames: Set<String> = [], names: Set<String> = []
        for (name, text) in sources {
            for tag in try TemplateScanner.scan(text, file: name).tags {
                switch tag.kind {
                case "#", "^": sectionNames.insert(tag.name)
                case nil, "&": names.insert(tag.name)
                default: break
                }
            }
        }
        func level(_ depth: Int) -> [String: Any] {
            var context: [String: Any] = [:]
            for name in names { context[name] = "valeur | \(name)" }
            for name in sectionNames { context[name] = depth == 0 ? true : [level(depth - 1), level(depth - 1)] as [Any] }
            return context
        }
        return level(1)
    }

    static func run(folder: String, main: String) throws -> FuzzOutcome {
        let shipped = try ShippedTemplates.mustache(in: folder)
        let context = try universalContext(shipped)
        let mutator = TextMutator(tokens: mustacheTokens)
        var generator = SeededGenerator(seed: FuzzSettings.seed ^ UInt64(folder.utf8.count))
        var outcome = FuzzOutcome()
        for index in 0..<(FuzzSettings.copies * shipped.count) {
            var sources = shipped
            let target = shipped.keys.sorted().randomElement(using: &generator)!
            sources[target] = mutator.mutate(shipped[target]!, using: &generator)
            let files = Dictionary(uniqueKeysWithValues: sources.map { ("\(folder)/\($0.key).mustache", $0.value) })
            if let only = FuzzSettings.only {
                guard only == index else { continue }
                print("FUZZ case \(index), \(target).mustache:\n\(sources[target]!)")
            }
            let start = Date()
            do throws(FileProblem) {
                let templates = try DocumentTemplates(sources: sources, folder: folder)
                try templates.check(against: [context])
                _ = try templates.render(context, template: main)
                outcome.results += 1
            } catch {
                outcome.refused(error, files: files, case: index)
            }
            outcome.timed(index, since: start)
        }
        return outcome
    }

    @Test(.timeLimit(.minutes(30)), arguments: [("templates/cls", "contrat"), ("templates/financement", "plan")])
    func mutatedTemplatesEndInADocumentOrAFrenchSentence(folder: String, main: String) throws {
        let outcome = try Self.run(folder: folder, main: main)
        print("FUZZ \(folder) seed \(FuzzSettings.seed): \(outcome.summary)")
        #expect(outcome.problems.isEmpty, "\(outcome.problems.prefix(10).joined(separator: "\n"))")
        if FuzzSettings.copies >= 50 { #expect(outcome.refusals > 0 && outcome.results > 0, "\(outcome.summary)") }
    }
}
