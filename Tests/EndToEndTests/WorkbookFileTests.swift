import Foundation
import GRDB
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Workbooks the tool cannot or must not write.
@Suite struct WorkbookFileTests {
    /// A workbook on a read-only medium (a tmpfs remounted read-only, which needs root: as root,
    /// file permissions alone never stop a write).
    @Test(.enabled(if: getuid() == 0, "a read-only mount needs root"))
    func aReadOnlyWorkbookIsRefusedAtOnceWithoutRetryAdvice() throws {
        let sandbox = Sandbox()
        let medium = sandbox.path + "/cle-usb"
        try FileManager.default.createDirectory(atPath: medium, withIntermediateDirectories: true)
        func mount(_ arguments: [String]) throws -> Int32 {
            let process = try Process.run(URL(fileURLWithPath: "/bin/mount"), arguments: arguments)
            process.waitUntilExit()
            return process.terminationStatus
        }
        try #require(try mount(["-t", "tmpfs", "-o", "size=4m", "tmpfs", medium]) == 0)
        defer { _ = try? Process.run(URL(fileURLWithPath: "/bin/umount"), arguments: [medium]).waitUntilExit() }
        let workbook = medium + "/t.sqlite"
        #expect(try Binary.run([workbook], input: "Pays test\n", in: sandbox.path).status == 0)
        try #require(try mount(["-o", "remount,ro", medium]) == 0)

        let result = try Binary.run([workbook], input: "/modifier territoire.nom Autre\n", in: sandbox.path)
        #expect(result.status == 1)
        #expect(
            result.errors.contains(
                "Le classeur « \(workbook) » ne peut pas être modifié : le fichier, son dossier ou son support est en lecture seule."),
            "\(result.errors)")
        #expect(!result.errors.contains("réessayez"))
    }

    @Test func anotherApplicationsSQLiteFileWithoutTablesIsLeftAlone() throws {
        let sandbox = Sandbox()
        let path = sandbox.path + "/autre.sqlite"
        try DatabaseQueue(path: path).writeWithoutTransaction { try $0.execute(sql: "PRAGMA user_version = 3") }
        let before = try #require(FileManager.default.contents(atPath: path))
        let result = try Binary.run([path], input: "Pays test\n", in: sandbox.path)
        #expect(result.status == 1)
        #expect(
            result.errors.contains(
                "Le fichier « \(path) » est une base SQLite qui n'a pas été créée par Atelier Santé. Il n'a pas été modifié"),
            "\(result.errors)")
        #expect(FileManager.default.contents(atPath: path) == before)
    }

    /// The copy kept before a migration is as private as the workbook, whatever the umask.
    @Test func theBackupBeforeAMigrationHasTheWorkbooksPermissions() throws {
        let sandbox = Sandbox()
        let fixture = Binary.projectRoot + "/Tests/AtelierStoreTests/Fixtures/classeur-schema-v1.sqlite"
        let path = sandbox.path + "/ancien.sqlite"
        try FileManager.default.copyItem(atPath: fixture, toPath: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        let previous = umask(0o022)
        defer { umask(previous) }
        let result = try Binary.run([path], input: "/quitter\n", in: sandbox.path)
        #expect(result.status == 0, "\(result.errors)")
        let backup = try #require(
            try FileManager.default.contentsOfDirectory(atPath: sandbox.path).first { $0.contains(".avant-migration-") })
        #expect(try FileManager.default.attributesOfItem(atPath: sandbox.path + "/" + backup)[.posixPermissions] as? Int == 0o600)
    }
}

/// A copy of the tool whose templates/ were damaged: a French sentence, never Foundation's.
@Suite struct MissingTemplateFolderTests {
    @Test(arguments: [
        (
            "cls", "templates/cls",
            "Projet de contrat non écrit — templates/cls : dossier introuvable ou illisible : réinstallez le dossier templates/ de l'outil, ou indiquez où il est avec --ressources DOSSIER."
        ),
        // The catalogue is read first, from the same folder.
        (
            "plan", "templates/financement",
            "Plan de financement non écrit — templates/financement/catalogue.yaml : fichier introuvable ou illisible."
        ),
    ])
    func aMissingTemplateFolderIsSaidInFrench(document: String, folder: String, message: String) throws {
        let sandbox = Sandbox()
        let resources = try sandbox.copyOfTheTool()
        try FileManager.default.removeItem(atPath: resources + "/" + folder)
        let result = try Binary.run(
            [sandbox.path + "/t.sqlite"], input: "Pays test\ncommune\n14118\n/exporter \(document)\n",
            in: sandbox.path, environment: ["ATELIER_SANTE_RESSOURCES": resources])
        #expect(result.status == 1)
        #expect(result.errors.contains("Ligne 4 : \(message) Le classeur n'a pas été modifié."), "\(result.errors)")
        #expect(!result.errors.contains("Error Domain") && !result.errors.contains("The file"))
    }
}
