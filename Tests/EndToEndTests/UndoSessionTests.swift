import Foundation
import GRDB
import Testing

/// /annuler and /refaire through the binary, checked in the workbook file: a fiche removed
/// with its financing lines comes back, and the undo history survives quitting.
@Suite struct UndoSessionTests {
    /// The list elements of `key` in the workbook, each as its fields' JSON.
    static func elements(_ key: String, in workbook: String) throws -> [String] {
        let json = try DatabaseQueue(path: workbook).read {
            try String.fetchOne($0, sql: "SELECT value FROM answer WHERE key = ?", arguments: [key])
        }
        guard let json, let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
            let items = object["valeur"] as? [Any]
        else { return [] }
        return try items.map { String(decoding: try JSONSerialization.data(withJSONObject: $0, options: .sortedKeys), as: UTF8.self) }
    }

    static func origins(_ key: String, in workbook: String) throws -> [String] {
        try DatabaseQueue(path: workbook).read {
            try String.fetchAll($0, sql: "SELECT origin FROM answer_event WHERE key = ? ORDER BY id", arguments: [key])
        }
    }

    @Test func aRemovedFicheAndItsFinancingLinesComeBackAndUndoGoesOnAfterResuming() throws {
        let sandbox = Sandbox()
        let workbook = sandbox.path + "/undo.sqlite"
        let built = try Binary.run([workbook], input: FinancingDocumentTests.script + "/quitter\n", in: sandbox.path)
        #expect(built.status == 0, "\(built.errors)")
        let fiches = try Self.elements("plan.fiches", in: workbook)
        let expenses = try Self.elements("financement.depenses", in: workbook)
        let receipts = try Self.elements("financement.recettes", in: workbook)
        #expect(fiches.count == 2 && expenses.count == 3 && receipts.count == 7)

        // Removing fiche 1 takes its lines with it; /annuler puts everything back, in the file.
        let removed = try Binary.run([workbook], input: "/aller plan.fiches\n/retirer 1\n/quitter\n", in: sandbox.path)
        #expect(removed.status == 0, "\(removed.errors)")
        #expect(try Self.elements("plan.fiches", in: workbook).count == 1)
        #expect(try Self.elements("financement.depenses", in: workbook).count == 1)
        let undone = try Binary.run([workbook], input: "/annuler\n/quitter\n", in: sandbox.path)
        #expect(undone.status == 0, "\(undone.errors)")
        #expect(undone.output.contains("↶ Annulé : le retrait d'un élément"), "\(undone.output)")
        #expect(undone.output.contains("    plan.fiches : 2 éléments\n"), "\(undone.output)")
        #expect(try Self.elements("plan.fiches", in: workbook) == fiches)
        #expect(try Self.elements("financement.depenses", in: workbook) == expenses)
        #expect(try Self.elements("financement.recettes", in: workbook) == receipts)

        // Resumed, /annuler goes one step further back: the last receipt typed.
        let further = try Binary.run([workbook], input: "/annuler\n/quitter\n", in: sandbox.path)
        #expect(further.status == 0, "\(further.errors)")
        #expect(further.output.contains("↶ Annulé : la saisie"), "\(further.output)")
        #expect(try Self.elements("financement.recettes", in: workbook) == Array(receipts.dropLast()))
        #expect(try Self.elements("plan.fiches", in: workbook) == fiches)

        // /refaire replays in order: the receipt, then the removal; then there is nothing left.
        let replayed = try Binary.run([workbook], input: "/refaire\n/refaire\n/refaire\n", in: sandbox.path)
        #expect(replayed.status == 1)
        #expect(replayed.output.components(separatedBy: "↶ Rétabli").count == 3, "\(replayed.output)")
        #expect(
            replayed.errors.hasPrefix("Ligne 3 : Rien à refaire : /refaire rétablit ce que /annuler vient d'annuler"), "\(replayed.errors)")
        #expect(try Self.elements("financement.recettes", in: workbook).count == 2)  // fiche 1's five lines gone again
        #expect(try Self.elements("plan.fiches", in: workbook).count == 1)

        // The answers' history keeps the change, its undoing and its replaying.
        #expect(try Self.origins("plan.fiches", in: workbook).suffix(3) == ["retrait", "annulation", "rétablissement"])
    }

    @Test func aNewChangeAfterAnUndoEndsRedoAndNothingToUndoIsSaidInFrench() throws {
        let sandbox = Sandbox()
        let workbook = sandbox.path + "/t.sqlite"
        let empty = try Binary.run([workbook], input: "Pays test\n/annuler\n/annuler\n", in: sandbox.path)
        #expect(empty.output.contains("↶ Annulé : la saisie"), "\(empty.output)")
        #expect(empty.errors.hasPrefix("Ligne 3 : Rien à annuler :"), "\(empty.errors)")
        let result = try Binary.run([workbook], input: "Pays d'Auge\n/annuler\nPays de Caux\n/refaire\n", in: sandbox.path)
        #expect(result.errors.hasPrefix("Ligne 4 : Rien à refaire"), "\(result.errors)")
        let name = try DatabaseQueue(path: workbook).read {
            try String.fetchOne($0, sql: "SELECT display FROM answer WHERE key = 'territoire.nom'")
        }
        #expect(name == "Pays de Caux")
    }

    @Test func undoingAConfirmationPutsTheImportProposalBackToConfirm() throws {
        let sandbox = Sandbox()
        let workbook = sandbox.path + "/t.sqlite"
        try
            "Type d'identifiant PP|Identifiant PP|Code profession|Code savoir-faire|Code mode exercice|Code commune (coord. structure)|\n8|1|60||L|14118|\n"
            .write(toFile: sandbox.path + "/rpps.txt", atomically: true, encoding: .utf8)
        let key = "demographie.medecins_generalistes.effectif"
        let result = try Binary.run(
            [workbook], input: "Pays test\ncommune\n14118\n/importer rpps rpps.txt\n/confirmer\n/annuler\n", in: sandbox.path)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("↶ Annulé : la confirmation d'une proposition d'import"), "\(result.output)")
        #expect(result.output.contains("    \(key) : sans réponse\n"))
        #expect(result.output.contains("Proposition d'import de nouveau à confirmer : \(key)."))
        let (answer, proposal) = try DatabaseQueue(path: workbook).read { db in
            (
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM answer WHERE key = ?", arguments: [key]),
                try String.fetchOne(db, sql: "SELECT display FROM proposal WHERE key = ?", arguments: [key])
            )
        }
        #expect(answer == 0)
        #expect(proposal == "0")
    }

    @Test func undoRightAfterPasserTakesTheSkipBackNotTheAnswerBefore() throws {
        let sandbox = Sandbox()
        let workbook = sandbox.path + "/t.sqlite"
        let result = try Binary.run([workbook], input: "Pays P\n/passer\n/annuler\n", in: sandbox.path)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("↶ Annulé : /passer de la question territoire.porteur"), "\(result.output)")
        #expect(result.output.contains("    territoire.porteur : de nouveau à remplir\n"))
        let (name, skipped) = try DatabaseQueue(path: workbook).read { db in
            (
                try String.fetchOne(db, sql: "SELECT display FROM answer WHERE key = 'territoire.nom'"),
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM skipped_question")
            )
        }
        #expect(name == "Pays P")
        #expect(skipped == 0)
    }

    @Test func aScriptSavedWithAByteOrderMarkStartsWithItsCommand() throws {
        let sandbox = Sandbox()
        let workbook = sandbox.path + "/t.sqlite"
        #expect(try Binary.run([workbook], input: "Pays P\n", in: sandbox.path).status == 0)
        let result = try Binary.run([workbook], input: "\u{FEFF}/annuler\n", in: sandbox.path)
        #expect(result.output.contains("↶ Annulé : la saisie"), "\(result.output)")
        let answers = try DatabaseQueue(path: workbook).read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM answer") }
        #expect(answers == 0)
    }
}

/// A workbook edited by hand with sqlite3: values of the wrong storage class, unreadable JSON.
@Suite struct HandEditedWorkbookTests {
    @Test(arguments: [
        "UPDATE answer SET participant = x'00ff'",
        "UPDATE answer SET source = x'ff', source_year = 'deux mille'",
        "UPDATE answer SET value = x'ff'",
        "UPDATE answer SET value = '{cassé'",
    ])
    func anAnswerEditedIntoNonsenseIsWarnedAboutNeverACrash(edit: String) throws {
        let sandbox = Sandbox()
        let workbook = sandbox.path + "/t.sqlite"
        #expect(try Binary.run([workbook], input: "Pays P\ncommune\n", in: sandbox.path).status == 0)
        try DatabaseQueue(path: workbook).write { try $0.execute(sql: edit + " WHERE key = 'territoire.nom'") }
        let result = try Binary.run([workbook], input: "/revoir territoire\n/annuler\n/annuler\n", in: sandbox.path)
        #expect(!result.signaled, "\(result.errors)")
        #expect(!result.errors.contains("Fatal error"), "\(result.errors)")
        // The first /annuler takes back the porteur.
        #expect(result.output.contains("↶ Annulé : la saisie"), "\(result.output)")
        if edit.contains("value") {
            // The name is set aside with a warning; undoing it is refused: it changed since.
            #expect(result.output.contains("⚠ La réponse à territoire.nom est illisible dans le classeur"), "\(result.output)")
            #expect(
                result.errors.hasPrefix("Ligne 3 : Annulation impossible : la réponse territoire.nom a été modifiée"), "\(result.errors)")
        } else {
            #expect(result.status == 0, "\(result.errors)")  // an unreadable source or author reads as none
        }
    }

    @Test func aChangeRowOfTheWrongStorageClassStopsTheUndoInFrench() throws {
        let sandbox = Sandbox()
        let workbook = sandbox.path + "/t.sqlite"
        #expect(try Binary.run([workbook], input: "Pays P\n", in: sandbox.path).status == 0)
        try DatabaseQueue(path: workbook).write { db in
            try db.execute(sql: "UPDATE change_set SET participant = x'00ff', recorded_at = 12")
            try db.execute(sql: "DROP TRIGGER answer_event_is_append_only_update")
            try db.execute(sql: "UPDATE answer_event SET key = x'00ff' WHERE key = 'nothing'")
        }
        let result = try Binary.run([workbook], input: "/annuler\n", in: sandbox.path)
        #expect(!result.signaled, "\(result.errors)")
        #expect(result.output.contains("↶ Annulé : la saisie (date illisible)."), "\(result.output)")
    }
}
