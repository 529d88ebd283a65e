import AtelierCore
import AtelierStore
import Foundation
import Testing

@testable import AtelierREPL

final class RecordingConsole: Console {
    let style = Style(enabled: false)
    /// As piped output: 100 columns, whatever the terminal the tests run in.
    var width = 100
    var output: [String] = []
    var errors: [String] = []
    func write(_ text: String) { output.append(text) }
    func writeError(_ text: String) { errors.append(text) }
    func progress(_ text: String?) {}
    var text: String { output.joined(separator: "\n") }
}

enum Shared {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .path
    static let resources = Resources(root: root)
    static let questionnaire = try! resources.loadQuestionnaire()
    static let reference = try! resources.loadReference()
    static let synthesisReferences = try! resources.loadSynthesisReferences()
}

/// A session over a real workbook file in its own temporary directory.
final class Harness {
    let directory: String
    var path: String { directory + "/classeur.sqlite" }
    let console = RecordingConsole()
    var controller: SessionController!

    init() throws {
        directory = NSTemporaryDirectory() + "atelier-repl-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try open()
    }

    /// A second session on the same workbook file, with its own connection.
    init(sharing other: Harness) throws {
        directory = other.directory
        try open()
    }

    func open() throws {
        let store = try WorkbookStore(path: path, appVersion: "test")
        controller = try SessionController(
            questionnaire: Shared.questionnaire, store: store, resources: SessionResources(Shared.resources),
            console: console, interactive: false)
        controller.start()
    }

    @discardableResult
    func type(_ lines: String...) -> [SessionController.Outcome] {
        lines.map { controller.handle($0) }
    }

    func answers() throws -> [String: StoredAnswer] {
        try WorkbookStore(path: path, appVersion: "test").answers()
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }
}

@Suite struct SessionControllerTests {
    @Test func aSirenFillsTheCommunesAndTheSessionMovesOn() throws {
        let h = try Harness()
        #expect(h.type("Caen la Mer", "EPCI", "200065597") == [.accepted, .accepted, .accepted])
        let answers = try h.answers()
        guard case .communes(let communes)? = answers["territoire.communes"]?.value else {
            Issue.record("communes not filled"); return
        }
        #expect(communes.count == 48)
        #expect(answers["territoire.communes"]?.source == "DGCL, composition des EPCI au 01/01/2025")
        #expect(h.console.text.contains("territoire.communes rempli : 48 communes, population municipale 281\u{202F}165 habitants"))
        #expect(h.controller.current?.key == "participants.liste")
    }

    @Test func aRefusedAnswerWritesNothingAndKeepsTheQuestion() throws {
        let h = try Harness()
        h.type("Pays test", "commune")
        let before = try h.answers()
        let outcome = h.type("14 118")[0]
        #expect(
            outcome
                == .refused(
                    "Réponse refusée : « 14 » n'est pas un code commune INSEE (5 caractères ; 2A/2B pour la Corse ; 971 à 976 outre-mer). Attendu : des noms de communes séparés par des virgules, comme « Montmélian, Arbin » (accents facultatifs), ou leurs codes INSEE séparés par des espaces, comme 73171 73011."
                ))
        #expect(try h.answers() == before)
        #expect(h.controller.current?.key == "territoire.communes")
    }

    @Test func unknownCommandsSuggestTheClosestOne() throws {
        let h = try Harness()
        #expect(
            h.type("/revior") == [
                .refused("Commande inconnue : /revior. Vouliez-vous dire /revoir ? Tapez /aide pour la liste des commandes.")
            ])
        #expect(h.type("/xyz") == [.refused("Commande inconnue : /xyz. Tapez /aide pour la liste des commandes.")])
    }

    @Test func listsAreTypedFieldByFieldOrOnOneLine() throws {
        let h = try Harness()
        h.type("Pays test", "commune", "14118")
        #expect(h.controller.current?.key == "participants.liste")
        h.type("Marie Dupont", "Mairie de Caen", "élu")  // field by field
        h.type("Dr Martin ; MSP du Val ; professionnel")  // on one line
        #expect(
            h.type("Paul ; CPAM") == [
                .refused("Réponse refusée : 2 champs au lieu de 3. Attendu : les champs séparés par « ; » : Nom ; Organisation ; Rôle.")
            ])
        h.type("")  // ends the list
        guard case .records(let items)? = try h.answers()["participants.liste"]?.value else { Issue.record("no list"); return }
        #expect(items.map(\.display) == ["Marie Dupont ; Mairie de Caen ; élu", "Dr Martin ; MSP du Val ; professionnel de santé"])
        #expect(h.controller.current?.key == "demographie.medecins_generalistes.effectif")
    }

    @Test func participantAndSourceAreRecordedWithTheAnswer() throws {
        let h = try Harness()
        h.type("Pays test", "commune", "14118", "Marie Dupont ; Mairie ; élu", "")
        h.type("/participant marie dupont", "/source C@rtoSanté, extraction du 3 mars 2025", "12")
        let effectif = try #require(try h.answers()["demographie.medecins_generalistes.effectif"])
        #expect(effectif.participant == "Marie Dupont")
        #expect(effectif.source == "C@rtoSanté, extraction du 3 mars 2025")
        #expect(effectif.sourceYear == 2025)
        // Text answers are not figures: no source on them.
        h.type("/aller territoire.nom", "Pays d'Auge")
        #expect(try h.answers()["territoire.nom"]?.source == nil)
    }

    @Test func modifyWithAValueIsValidatedAndKeptInHistory() throws {
        let h = try Harness()
        h.type("Pays test", "commune", "14118")
        #expect(h.type("/modifier territoire.communes 14118 14341") == [.accepted])
        #expect(h.type("/modifier territoire.communes 99999").first != .accepted)
        let history = try WorkbookStore(path: h.path, appVersion: "test").history(of: "territoire.communes")
        #expect(history.map(\.origin) == ["saisie", "modification"])
        #expect(h.controller.current?.key == "participants.liste")
    }

    @Test func backSkipAndGoTo() throws {
        let h = try Harness()
        h.type("Pays test", "commune")
        h.type("/retour")
        #expect(h.controller.current?.key == "territoire.porteur")
        h.type("")  // Enter keeps the answer and moves on
        #expect(h.controller.current?.key == "territoire.communes")
        h.type("/passer")
        #expect(h.controller.current?.key == "participants.liste")
        h.type("/aller mobilites")
        #expect(h.controller.current?.key == "mobilites.temps_acces.medecin_generaliste")
        #expect(
            h.type("/aller mobilite.x") == [
                .refused(
                    "Aucune section ou question « mobilite.x ». Vouliez-vous dire « mobilites » ? /sections liste les sections ; Tab complète les clés."
                )
            ])
    }

    @Test func resumingStartsWhereTheSessionStopped() throws {
        let h = try Harness()
        h.type("Pays test", "EPCI", "200065597", "/aller demographie", "12")
        try h.open()
        #expect(h.controller.current?.key == "demographie.medecins_generalistes.liberaux")
        #expect(h.console.text.contains("Reprise du classeur « Pays test »"))
        #expect(h.console.text.contains("Territoire 4/4 ✓"))
    }

    @Test func reviewShowsValueSourceAndWho() throws {
        let h = try Harness()
        h.type("/participant ARS Normandie", "Pays test", "commune", "14118", "/revoir territoire")
        #expect(h.console.text.contains("territoire.nom       Pays test"))
        #expect(h.console.text.contains("ARS Normandie"))
    }

    /// Found by the long fuzz run: /deplacer on an empty list built the range 1...0 and crashed.
    @Test func movingInAnEmptyListIsRefusedNotACrash() throws {
        let h = try Harness()
        _ = h.controller.handle("/aller plan.fiches")
        #expect(h.type("/deplacer 1 2") == [.refused("Il faut au moins deux éléments dans la liste pour en déplacer un.")])
        #expect(h.type("/retirer 1").first != .accepted)
    }

    @Test func completionFollowsTheCurrentQuestion() throws {
        let h = try Harness()
        h.type("Pays test")
        #expect(h.controller.completer.completions(forLine: "dep") == ["département"])
        // The dispositif field of a financing line completes the catalogue's keys.
        h.type("/aller financement.recettes", "1")
        #expect(h.controller.completer.completions(forLine: "fir") == ["fir_fonctionnement", "fir_etude_centre_sante"])
    }
}

@Suite struct WorkbookNameTests {
    @Test(arguments: [
        ("CC Cœur de Nacre", "cc-coeur-de-nacre.sqlite"), ("../../etc/passwd", "etc-passwd.sqlite"),
        ("Pays d'Auge / Lisieux", "pays-d-auge-lisieux.sqlite"), ("a\u{0}b\u{7}c", "a-b-c.sqlite"),
    ])
    func namesNeverLeaveTheSessionsFolder(name: String, file: String) {
        #expect(WorkbookPicker.fileName(forTerritory: name) == file)
    }

    @Test func namesWithoutLettersAreRefused() {
        #expect(WorkbookPicker.fileName(forTerritory: "../..") == nil)
        #expect(WorkbookPicker.fileName(forTerritory: String(repeating: "x", count: 300)) == nil)
    }
}
