import Foundation
import GRDB
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Keeping the user's file when things go wrong: a damaged record, a copy name already taken,
/// two sessions exporting at once, a file that cannot be moved. No text is ever lost and
/// nothing is left half-written.
@Suite struct ExportHandEditsSafetyTests {
    static let notes = "mes notes, à garder\n"

    func prepared() throws -> Sandbox {
        let sandbox = Sandbox()
        #expect(try Binary.run(["essai.sqlite"], input: "Pays test\ncommune\n14118\n", in: sandbox.path).status == 0)
        return sandbox
    }

    func names(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    func holding(_ text: String, in folder: String) throws -> [String] {
        try names(in: folder).filter { FileManager.default.contents(atPath: folder + "/" + $0) == Data(text.utf8) }
    }

    @Test func aWorkbookThatCannotRecordCostsACopyNeverTheText() throws {
        let sandbox = try prepared()
        // Damaged by hand: the table of exports is gone, so nothing can be read or recorded.
        try DatabaseQueue(path: sandbox.path + "/essai.sqlite").write { try $0.execute(sql: "DROP TABLE exported_file") }
        try Self.notes.write(toFile: sandbox.path + "/contrat.md", atomically: true, encoding: .utf8)
        let first = try Binary.run(["essai.sqlite"], input: "/exporter cls contrat.md\n", in: sandbox.path)
        #expect(first.status == 0, "\(first.errors)")
        #expect(try holding(Self.notes, in: sandbox.path).count == 1)
        #expect(first.output.contains("votre version est conservée sous contrat.votre-version-"), "\(first.output)")
        #expect(
            first.output.contains(
                "    Cet export n'a pas pu être noté dans le classeur : au prochain export, contrat.md sera d'abord conservé en copie datée, par prudence."
            ), "\(first.output)")
        let exported = try String(contentsOfFile: sandbox.path + "/contrat.md", encoding: .utf8)
        // Without a record the tool's own file is not known as such: kept too, by prudence.
        let second = try Binary.run(["essai.sqlite"], input: "/modifier territoire.nom Autre\n/exporter cls contrat.md\n", in: sandbox.path)
        #expect(second.status == 0, "\(second.errors)")
        #expect(try holding(exported, in: sandbox.path).count == 1)
        #expect(try holding(Self.notes, in: sandbox.path).count == 1)
        #expect(try String(contentsOfFile: sandbox.path + "/contrat.md", encoding: .utf8).contains("Autre"))
    }

    @Test func aCopyNameAlreadyTakenIsNeverOverwritten() throws {
        let sandbox = try prepared()
        try Self.notes.write(toFile: sandbox.path + "/contrat.md", atomically: true, encoding: .utf8)
        // The names of this minute and the next, as the tool (TZ=Europe/Paris) forms them.
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Paris")!
        let taken = [Date(), Date().addingTimeInterval(60)].map { date in
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
            return String(format: "contrat.votre-version-%04d-%02d-%02d-%02d%02d.md", c.year!, c.month!, c.day!, c.hour!, c.minute!)
        }
        for name in taken { try "une copie d'hier\n".write(toFile: sandbox.path + "/" + name, atomically: true, encoding: .utf8) }
        let result = try Binary.run(["essai.sqlite"], input: "/exporter cls contrat.md\n", in: sandbox.path)
        #expect(result.status == 0, "\(result.errors)")
        for name in taken { #expect(try String(contentsOfFile: sandbox.path + "/" + name, encoding: .utf8) == "une copie d'hier\n") }
        let kept = try #require(try holding(Self.notes, in: sandbox.path).first)
        #expect(kept.hasSuffix("-2.md"), "\(kept)")
        #expect(result.output.contains("votre version est conservée sous \(kept) ;"), "\(result.output)")
    }

    /// Two sessions export onto the same edited file at once, several times over: whatever the
    /// interleaving, the user's text is in exactly one file, the name holds a whole document,
    /// and no temporary file is left.
    @Test func twoSessionsExportingAtOnceLoseNothing() throws {
        let sandbox = try prepared()
        final class Results: @unchecked Sendable {
            let lock = NSLock()
            var all: [Binary.Result] = []
            func add(_ result: Binary.Result) { lock.withLock { all.append(result) } }
        }
        for round in 1...3 {
            let notes = "notes du tour \(round)\n"
            try notes.write(toFile: sandbox.path + "/contrat.md", atomically: true, encoding: .utf8)
            let results = Results()
            let folder = sandbox.path
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                if let result = try? Binary.run(
                    ["essai.sqlite"], input: "/modifier territoire.nom Pays \(round)-\(index)\n/exporter cls contrat.md\n", in: folder)
                {
                    results.add(result)
                }
            }
            #expect(results.all.count == 2)
            for result in results.all {
                #expect(!result.signaled && !result.hung)
                #expect(
                    result.status == 0 || result.errors.contains("un fichier de ce nom vient d'apparaître ; recommencez"),
                    "\(result.errors)")
            }
            let listing = try names(in: sandbox.path)
            #expect(try holding(notes, in: sandbox.path).count == 1, "round \(round): \(listing)")
            let document = try String(contentsOfFile: sandbox.path + "/contrat.md", encoding: .utf8)
            #expect(document.contains("Contrat local de santé") && document.contains("produisent toujours ce même document."))
            #expect(try names(in: sandbox.path).filter { $0.hasPrefix(".contrat.md.") }.isEmpty, "no temporary left")
        }
    }

    /// A shared folder with the sticky bit (as /tmp): the user may create files there but not
    /// move another's. Nothing is written, the other's file stays, and a French sentence says why.
    @Test(.enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), "needs root to own the file"))
    func aFileThatCannotBeMovedAsideIsLeftAsItWas() throws {
        let sandbox = Sandbox()
        let user = 65534
        #expect(chmod(sandbox.path, 0o777) == 0)
        #expect(try Binary.run(["essai.sqlite"], input: "Pays test\n", in: sandbox.path, asUser: user).status == 0)
        let shared = sandbox.path + "/partage"
        try FileManager.default.createDirectory(atPath: shared, withIntermediateDirectories: false)
        #expect(chmod(shared, 0o1777) == 0)
        try Self.notes.write(toFile: shared + "/contrat.md", atomically: true, encoding: .utf8)
        #expect(chmod(shared + "/contrat.md", 0o644) == 0)
        let result = try Binary.run(["essai.sqlite"], input: "/exporter cls partage/contrat.md\n", in: sandbox.path, asUser: user)
        #expect(result.status == 1)
        #expect(
            result.errors.contains("Impossible d'écrire « partage/contrat.md » : droits insuffisants sur ce dossier ou ce fichier."),
            "\(result.errors)")
        #expect(try names(in: shared) == ["contrat.md"], "no copy, no temporary")
        #expect(try String(contentsOfFile: shared + "/contrat.md", encoding: .utf8) == Self.notes)
    }
}
