import Foundation
import GRDB
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `/exporter` never destroys a file: not the workbook, not its SQLite companions, not a file
/// the user had under that name; it writes whole files with the workbook's permissions.
@Suite struct ExportSafetyTests {
    /// A workbook `essai.sqlite` in a fresh folder, opened by a relative name as a user types it.
    func prepared() throws -> (Sandbox, String) {
        let sandbox = Sandbox()
        #expect(try Binary.run(["essai.sqlite"], input: "Pays test\ncommune\n14118\n", in: sandbox.path).status == 0)
        return (sandbox, sandbox.path + "/essai.sqlite")
    }

    func files(in sandbox: Sandbox) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: sandbox.path).filter { $0 != "historique" }.sorted()
    }

    @Test(arguments: [
        "cls essai.sqlite", "plan essai.sqlite", "cls essai.sqlite-wal", "cls essai.sqlite-shm",
        "cls ./essai.sqlite", "plan essai.md csv",
    ])
    func theWorkbookAndItsCompanionsAreNeverOverwritten(command: String) throws {
        let (sandbox, workbook) = try prepared()
        // `plan essai.md csv` would write essai.csv: make that name the workbook's through a link.
        if command.hasSuffix("csv") { #expect(symlink(workbook, sandbox.path + "/essai.csv") == 0) }
        let before = try InvalidInputTests.dump(workbook)
        let result = try Binary.run(["essai.sqlite"], input: "/exporter \(command)\n/modifier territoire.nom X\n", in: sandbox.path)
        #expect(result.status == 1)
        #expect(
            result.errors.contains("est un classeur (ou l'un de ses fichiers SQLite) : un document ne l'écrase jamais."), "\(result.errors)"
        )
        #expect(try InvalidInputTests.dump(workbook) == before)
        #expect(!FileManager.default.fileExists(atPath: sandbox.path + "/essai.md"), "no half export")
        // And the workbook still works.
        let next = try Binary.run(["essai.sqlite"], input: "/modifier territoire.nom Pays suivant\n", in: sandbox.path)
        #expect(next.status == 0, "\(next.errors)")
    }

    @Test func aSymbolicOrHardLinkToTheWorkbookIsRefused() throws {
        let (sandbox, workbook) = try prepared()
        #expect(symlink(workbook, sandbox.path + "/lien.md") == 0)
        #expect(link(workbook, sandbox.path + "/dur.md") == 0)
        let before = try InvalidInputTests.dump(workbook)
        for name in ["lien.md", "dur.md"] {
            let result = try Binary.run(["essai.sqlite"], input: "/exporter cls \(name)\n", in: sandbox.path)
            #expect(result.status == 1)
            #expect(result.errors.contains("« \(name) » est un classeur"), "\(result.errors)")
        }
        #expect(try InvalidInputTests.dump(workbook) == before)
    }

    @Test func anotherSQLiteFileIsRefused() throws {
        let (sandbox, _) = try prepared()
        let other = sandbox.path + "/autre-base.md"
        try DatabaseQueue(path: other).write { try $0.execute(sql: "CREATE TABLE t (x); INSERT INTO t VALUES (1)") }
        let result = try Binary.run(["essai.sqlite"], input: "/exporter cls autre-base.md\n", in: sandbox.path)
        #expect(result.status == 1)
        #expect(try DatabaseQueue(path: other).read { try Int.fetchOne($0, sql: "SELECT x FROM t") } == 1)
    }

    @Test func anExistingFileIsKeptUnderADatedName() throws {
        let (sandbox, _) = try prepared()
        try "mes notes de réunion\n".write(toFile: sandbox.path + "/contrat.md", atomically: true, encoding: .utf8)
        let result = try Binary.run(["essai.sqlite"], input: "/exporter cls contrat.md\n", in: sandbox.path)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("✓ projet de contrat écrit : contrat.md"))
        let kept = try #require(try files(in: sandbox).first { $0.hasPrefix("contrat.votre-version-") && $0.hasSuffix(".md") })
        #expect(
            result.output.contains(
                "Le fichier contrat.md existait déjà, sans trace d'un export par ce classeur : votre version est conservée sous \(kept) ; le nouveau projet de contrat est écrit sous contrat.md."
            ), "\(result.output)")
        #expect(try String(contentsOfFile: sandbox.path + "/" + kept, encoding: .utf8) == "mes notes de réunion\n")
        #expect(try String(contentsOfFile: sandbox.path + "/contrat.md", encoding: .utf8).contains("Contrat local de santé"))

        // The same document again: nothing to keep, nothing rewritten.
        let again = try Binary.run(["essai.sqlite"], input: "/exporter cls contrat.md\n", in: sandbox.path)
        #expect(again.output.contains("✓ projet de contrat inchangé : contrat.md contient déjà ce document."), "\(again.output)")
        #expect(try files(in: sandbox).filter { $0.hasPrefix("contrat") }.count == 2)
    }

    @Test func aSymbolicLinkToAnotherFileIsKeptNotFollowed() throws {
        let (sandbox, _) = try prepared()
        let precious = sandbox.path + "/precieux.txt"
        try "à garder\n".write(toFile: precious, atomically: true, encoding: .utf8)
        #expect(symlink(precious, sandbox.path + "/contrat.md") == 0)
        let result = try Binary.run(["essai.sqlite"], input: "/exporter cls contrat.md\n", in: sandbox.path)
        #expect(result.status == 0, "\(result.errors)")
        #expect(try String(contentsOfFile: precious, encoding: .utf8) == "à garder\n")
        let written = try FileManager.default.attributesOfItem(atPath: sandbox.path + "/contrat.md")
        #expect(written[.type] as? FileAttributeType == .typeRegular)
        let kept = try #require(try files(in: sandbox).first { $0.hasPrefix("contrat.votre-version-") })
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: sandbox.path + "/" + kept) == precious)
    }

    @Test(arguments: [
        ("cls .", "« . » est un dossier : indiquez un nom de fichier"),
        ("cls sous-dossier-absent/contrat.md", "sous-dossier-absent » n'existe pas : créez-le, ou indiquez un autre chemin"),
        ("cls /dev/null", "« /dev/null » n'est pas un fichier ordinaire"),
    ])
    func aTargetThatIsNotAFileGetsAFrenchSentence(command: String, message: String) throws {
        let (sandbox, _) = try prepared()
        let result = try Binary.run(["essai.sqlite"], input: "/exporter \(command)\n", in: sandbox.path)
        #expect(result.status == 1)
        #expect(result.errors.contains(message), "\(result.errors)")
        #expect(!result.errors.contains("NSCocoaErrorDomain") && !result.errors.contains("The file"))
        #expect(
            try files(in: sandbox)
                == ["essai.sqlite", "essai.sqlite-shm", "essai.sqlite-wal"].filter {
                    FileManager.default.fileExists(atPath: sandbox.path + "/" + $0)
                })
    }

    @Test func documentsGetTheWorkbookPermissionsWhateverTheUmask() throws {
        let (sandbox, workbook) = try prepared()
        let result = try Binary.run(["essai.sqlite"], input: "/exporter plan plan.md csv\n/exporter cls\n", in: sandbox.path)
        #expect(result.status == 0, "\(result.errors)")
        for name in ["plan.md", "plan.csv", "essai-cls.md"] {
            let mode = try FileManager.default.attributesOfItem(atPath: sandbox.path + "/" + name)[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(name): \(String(mode ?? 0, radix: 8))")
        }
        #expect(try FileManager.default.attributesOfItem(atPath: workbook)[.posixPermissions] as? Int == 0o600)
    }

    /// A full disk: a tmpfs of 16 kB, which needs root to mount.
    @Test(.enabled(if: getuid() == 0, "mounting a 16 kB tmpfs to fill needs root"))
    func aFullDiskSaysSoAndLeavesNothingBehind() throws {
        let (sandbox, _) = try prepared()
        let small = sandbox.path + "/petit"
        try FileManager.default.createDirectory(atPath: small, withIntermediateDirectories: true)
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=16k", "tmpfs", small]
        mount.standardError = FileHandle.nullDevice
        try mount.run()
        mount.waitUntilExit()
        try #require(mount.terminationStatus == 0, "mount -t tmpfs failed")
        defer { _ = try? Process.run(URL(fileURLWithPath: "/bin/umount"), arguments: [small]).waitUntilExit() }
        // Filled to the last block, as a USB key that is full.
        let filler =
            FileHandle(forWritingAtPath: small + "/plein")
            ?? {
                _ = FileManager.default.createFile(atPath: small + "/plein", contents: nil)
                return FileHandle(forWritingAtPath: small + "/plein")!
            }()
        while (try? filler.write(contentsOf: Data(count: 1024))) != nil {}
        try? filler.close()
        let result = try Binary.run(["essai.sqlite"], input: "/exporter cls petit/contrat.md\n", in: sandbox.path)
        #expect(result.status == 1)
        #expect(
            result.errors.contains("Impossible d'écrire « petit/contrat.md » : le disque est plein ; libérez de la place et recommencez."),
            "\(result.errors)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: small) == ["plein"], "no temporary left behind")
    }
}

/// The workbook opened through a symbolic link: SQLite names its companions after the file the
/// link points to, and those are protected too; a FIFO or a folder is never opened as a workbook.
@Suite struct WorkbookThroughALinkTests {
    @Test func theCompanionsOfTheLinkedWorkbookAreProtected() throws {
        let sandbox = Sandbox()
        #expect(try Binary.run(["classeur"], input: "Pays test\n", in: sandbox.path).status == 0)
        #expect(symlink("classeur", sandbox.path + "/lien") == 0)
        for name in ["classeur-wal", "classeur-shm", "classeur-journal"] {
            let result = try Binary.run(["lien"], input: "/exporter cls \(name)\n", in: sandbox.path)
            #expect(result.status == 1)
            #expect(result.errors.contains("« \(name) » est un classeur (ou l'un de ses fichiers SQLite)"), "\(result.errors)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.path).filter { $0.contains(".votre-version-") }.isEmpty)
    }

    @Test(arguments: ["fifo", "dossier"])
    func aWorkbookPathThatIsNotARegularFileIsRefusedWithoutWaiting(kind: String) throws {
        let sandbox = Sandbox()
        let path = sandbox.path + "/piege.sqlite"
        if kind == "fifo" {
            #expect(mkfifo(path, 0o600) == 0)
        } else {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        }
        let result = try Binary.run([path], input: "/quitter\n", in: sandbox.path, limit: 60)
        #expect(!result.hung && !result.signaled)
        #expect(result.status == 1)
        #expect(
            result.errors.contains(
                "« \(path) » n'est pas un fichier ordinaire (un dossier, un tube nommé…) : un classeur est un fichier .sqlite."),
            "\(result.errors)")
    }

    @Test func aFIFOInTheSessionsFolderDoesNotHangThePicker() throws {
        let sandbox = Sandbox()
        try FileManager.default.createDirectory(atPath: sandbox.path + "/sessions", withIntermediateDirectories: true)
        #expect(mkfifo(sandbox.path + "/sessions/piege.sqlite", 0o600) == 0)
        let result = try Binary.run([], input: "", in: sandbox.path, limit: 60)
        #expect(!result.hung && !result.signaled)
        #expect(result.output.contains("piege.sqlite — illisible"), "\(result.output)")
    }
}
