import Foundation
import GRDB
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Meetings and voices through the binary, checked in what the user sees and in the workbook
/// file: a COPIL opened with four participants, an answer attributed to it, a voice, the
/// meeting closed; a voice that survives kill -9; /annuler taking back a voice, then the close.
@Suite struct MeetingSessionTests {
    /// A territory, four participants, a COPIL opened with them, the list ended.
    static let copil =
        """
        Pays d'Auge
        commune
        14118
        Marie Dupont ; Mairie ; élu
        Paul Martin ; ARS ; ARS
        Jeanne Roux ; CPAM ; CPAM
        Ali Ben ; MSP du Val ; professionnel de santé
        /réunion nouvelle COPIL ; 12/03/2027 ; Mairie ; Marie Dupont, paul martin, Jeanne Roux, Ali Ben
        """ + "\n\n"

    static func answer(_ key: String, in workbook: String) throws -> (display: String?, meeting: String?) {
        let row = try DatabaseQueue(path: workbook).read {
            try Row.fetchOne($0, sql: "SELECT display, meeting FROM answer WHERE key = ?", arguments: [key])
        }
        return (row?["display"], row?["meeting"])
    }

    /// The meeting number of a voice, as `UndoSessionTests.elements` gives it (nil: none).
    static func meetingNumber(_ element: String) throws -> Int? {
        let fields = try JSONSerialization.jsonObject(with: Data(element.utf8)) as? [[String: Any]] ?? []
        let field = fields.first { $0["cle"] as? String == "reunion" }
        return (field?["reponse"] as? [String: Any])?["valeur"] as? Int
    }

    @Test func aCopilWithFourParticipantsAttributesItsAnswersAndIsListedOnceClosed() throws {
        let sandbox = Sandbox()
        let workbook = sandbox.path + "/copil.sqlite"
        let script =
            Self.copil + """
                44
                /voix mobilités ; 1 ; Pas de bus pour aller chez le médecin le mardi
                /revoir demographie
                /historique demographie.medecins_generalistes.effectif
                /aller concertation.voix
                prévention ; élus ; Un centre de dépistage manque
                /réunion fin Priorités validées
                /réunions
                /quitter

                """
        let result = try Binary.run([workbook], input: script, in: sandbox.path)
        #expect(result.status == 0, "\(result.errors)")
        let output = result.output
        #expect(
            output.contains(
                "✓ Réunion ouverte : « COPIL du 12/03/2027 » (réunion 1), Mairie — présents : Marie Dupont, Paul Martin, Jeanne Roux, Ali Ben."
            ), "\(output)")
        // The voice is attached to the meeting, its choices typed by number or without accents.
        #expect(
            output.contains(
                "✓ Propos 1 noté (concertation.voix), rattaché à la réunion « COPIL du 12/03/2027 » (réunion 1) : Thème : mobilités ; Qui le dit : habitants ; Propos : Pas de bus pour aller chez le médecin le mardi"
            ), "\(output)")
        // After /voix, the question the user was on is asked again.
        let afterVoice = try #require(output.components(separatedBy: "✓ Propos 1 noté").last)
        #expect(afterVoice.contains("[demographie.medecins_generalistes.liberaux]"))
        #expect(output.contains("    donnée en COPIL le 12/03/2027\n"), "\(output)")
        let history = try #require(output.components(separatedBy: "Historique de demographie.medecins_generalistes.effectif").last)
        #expect(history.contains("Réunion") && history.contains("  donnée en COPIL le 12/03/2027"), "\(history)")
        #expect(output.contains("✓ Réunion close : « COPIL du 12/03/2027 » (réunion 1) — décisions : Priorités validées."), "\(output)")
        // /réunions: the meeting, its present, one answer and one voice, what was decided.
        let listed = try #require(output.components(separatedBy: "✓ Réunion close").last)
        #expect(listed.contains("  1. COPIL du 12/03/2027, Mairie\n"), "\(listed)")
        #expect(listed.contains("     Présents : Marie Dupont, Paul Martin, Jeanne Roux, Ali Ben\n"))
        #expect(listed.contains("     1 réponse, 2 propos, 0 note\n"), "\(listed)")
        #expect(listed.contains("     Décisions : Priorités validées\n"))
        #expect(!listed.contains("— en cours"))

        // On disk: the answer carries the meeting, in its row and its history.
        #expect(try Self.answer("demographie.medecins_generalistes.effectif", in: workbook).meeting == "en COPIL le 12/03/2027")
        #expect(try Self.answer("participants.liste", in: workbook).meeting == nil)  // typed before the meeting
        let events = try DatabaseQueue(path: workbook).read {
            try String.fetchAll(
                $0, sql: "SELECT meeting FROM answer_event WHERE key = 'demographie.medecins_generalistes.effectif' ORDER BY id")
        }
        #expect(events == ["en COPIL le 12/03/2027"])
        let voices = try UndoSessionTests.elements("concertation.voix", in: workbook)
        // The voice typed in the list itself is attached to the meeting too.
        #expect(try voices.map(Self.meetingNumber) == [1, 1], "\(voices)")

        // Closed, no answer given after is attributed, and a second close is refused in French.
        // The session resumes in the list of voices it was left in.
        let after = try Binary.run(
            [workbook], input: "/aller demographie.medecins_generalistes.liberaux\n12\n/réunion fin\n", in: sandbox.path)
        #expect(after.output.contains("Concertation et priorités"))
        #expect(after.errors.hasPrefix("Ligne 3 : Aucune réunion n'est ouverte : /réunion nouvelle pour en ouvrir une"), "\(after.errors)")
        #expect(try Self.answer("demographie.medecins_generalistes.liberaux", in: workbook).meeting == nil)
    }

    @Test func aVoiceSurvivesKill9AndTheResumeSaysTheMeetingIsOpen() throws {
        let sandbox = Sandbox()
        let workbook = sandbox.path + "/kill.sqlite"
        // stdin stays open: the session waits for the next line when it is killed.
        let (process, stdin, stdout) = try Binary.start(
            workbook, input: Self.copil + "/voix santé mentale ; élus ; Il manque un CMP\n", in: sandbox.path, closing: false)
        var printed = ""
        let deadline = Date().addingTimeInterval(60)
        while !printed.contains("✓ Propos 1 noté"), Date() < deadline {
            let chunk = stdout.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            printed += String(decoding: chunk, as: UTF8.self)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? stdin.fileHandleForWriting.close()
        #expect(printed.contains("✓ Propos 1 noté (concertation.voix), rattaché à la réunion « COPIL du 12/03/2027 »"), "\(printed)")
        #expect(process.terminationReason == .uncaughtSignal)

        let integrity = try DatabaseQueue(path: workbook).read { try String.fetchOne($0, sql: "PRAGMA integrity_check") }
        #expect(integrity == "ok")
        let voices = try UndoSessionTests.elements("concertation.voix", in: workbook)
        #expect(voices.count == 1 && voices[0].contains("Il manque un CMP"), "\(voices)")
        let reopened = try Binary.run([workbook], input: "/réunions\n", in: sandbox.path)
        #expect(reopened.status == 0, "\(reopened.errors)")
        #expect(reopened.output.contains("Réunion en cours : COPIL du 12/03/2027 — /réunion fin pour la clore."), "\(reopened.output)")
        #expect(reopened.output.contains("  1. COPIL du 12/03/2027, Mairie — en cours\n"), "\(reopened.output)")
        #expect(reopened.output.contains("     0 réponse, 1 propos, 0 note\n"), "\(reopened.output)")
    }

    @Test func undoTakesBackTheVoiceThenTheClose() throws {
        let sandbox = Sandbox()
        let workbook = sandbox.path + "/undo.sqlite"
        let script =
            Self.copil + "/voix structures ; professionnels ; La MSP est pleine ; Dr Ben\n/réunion fin\n/voix autre ; élus ; Rien\n"
        #expect(try Binary.run([workbook], input: script, in: sandbox.path).status == 0)
        #expect(try UndoSessionTests.elements("concertation.voix", in: workbook).count == 2)
        let wrong = try Binary.run([workbook], input: "/voix autre ; élus ; Rien ; ; 4\n", in: sandbox.path)
        #expect(
            wrong.errors.hasPrefix("Ligne 1 : Il n'y a pas de réunion 4 : concertation.reunions en compte 1 (/réunions pour les voir)."),
            "\(wrong.errors)")
        // The voice typed after the close is attached to no meeting.
        #expect(try Self.meetingNumber(UndoSessionTests.elements("concertation.voix", in: workbook)[1]) == nil)

        let undone = try Binary.run([workbook], input: "/annuler\n/annuler\n/réunions\n", in: sandbox.path)
        #expect(undone.status == 0, "\(undone.errors)")
        #expect(try UndoSessionTests.elements("concertation.voix", in: workbook).count == 1)
        // The session stays on the question it was asking, not on the list /voix wrote to.
        #expect(!undone.output.contains("[concertation.voix]") && !undone.output.contains("[concertation.reunions]"), "\(undone.output)")
        let meetings = try UndoSessionTests.elements("concertation.reunions", in: workbook)
        #expect(meetings.count == 1 && meetings[0].contains("ouverte"), "\(meetings)")
        // Reopened by /annuler: the meeting is in progress again, and answers go to it.
        #expect(undone.output.contains("— en cours"), "\(undone.output)")
        let answered = try Binary.run([workbook], input: "44\n", in: sandbox.path)
        #expect(answered.output.contains("Réunion en cours : COPIL du 12/03/2027"), "\(answered.output)")
        #expect(try Self.answer("demographie.medecins_generalistes.effectif", in: workbook).meeting == "en COPIL le 12/03/2027")
    }

    @Test func aMeetingTypedFieldByFieldReturnsToTheQuestionAndAbandoningItLeavesNothing() throws {
        let sandbox = Sandbox()
        let workbook = sandbox.path + "/fields.sqlite"
        let base = Self.copil.components(separatedBy: "/réunion").first!  // ends with the last participant
        let script = base + "\n/réunion nouvelle\n2\n13/03/2027\n/annuler\n/réunion nouvelle\nentretien\n14/03/2027\n\nmarie dupont\n"
        let result = try Binary.run([workbook], input: script, in: sandbox.path)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("  Réunion — Type de réunion : 1. COPIL, 2. groupe de travail"), "\(result.output)")
        #expect(result.output.contains("Saisie de la réunion abandonnée : rien n'a été enregistré."))
        #expect(result.output.contains("✓ Réunion ouverte : « entretien du 14/03/2027 » (réunion 1) — présents : Marie Dupont."))
        // Back to the question the user was on.
        let after = try #require(result.output.components(separatedBy: "✓ Réunion ouverte").last)
        #expect(after.contains("[demographie.medecins_generalistes.effectif]"), "\(after)")
        let meetings = try UndoSessionTests.elements("concertation.reunions", in: workbook)
        #expect(meetings.count == 1, "\(meetings)")
        // A second meeting is refused while this one is open; a present not listed is refused.
        let refused = try Binary.run([workbook], input: "/réunion nouvelle COPIL ; 15/03/2027\n", in: sandbox.path)
        #expect(
            refused.errors.hasPrefix(
                "Ligne 1 : La réunion « entretien du 14/03/2027 » (réunion 1) est encore ouverte : /réunion fin pour la clore"),
            "\(refused.errors)")
        let unknown = try Binary.run(
            [workbook], input: "/réunion fin\n/réunion nouvelle COPIL ; 15/03/2027 ; ; Inconnu\n", in: sandbox.path)
        #expect(unknown.errors.contains("« Inconnu » n'est pas dans la liste des participants"), "\(unknown.errors)")
        #expect(try UndoSessionTests.elements("concertation.reunions", in: workbook).count == 1)
    }

    @Test func removingAMeetingLeavesItsVoicesWithoutNumberAndSaysSo() throws {
        let sandbox = Sandbox()
        let workbook = sandbox.path + "/remove.sqlite"
        let script =
            Self.copil
            + "/voix prévention ; habitants ; Dépistage trop loin\n/réunion fin\n/réunion nouvelle groupe de travail ; 20/03/2027\n/voix autre ; élus ; Oui\n/réunion fin\n"
        #expect(try Binary.run([workbook], input: script, in: sandbox.path).status == 0)
        let removed = try Binary.run([workbook], input: "/aller concertation.reunions\n/retirer 1\n", in: sandbox.path)
        #expect(removed.status == 0, "\(removed.errors)")
        #expect(
            removed.output.contains("1 propos (concertation.voix.1) ne sont plus rattachés à aucune réunion"), "\(removed.output)")
        #expect(removed.output.contains("Les propos et les tours suivent leurs réunions (concertation.voix mis à jour)."))
        let voices = try UndoSessionTests.elements("concertation.voix", in: workbook)
        #expect(voices.count == 2)
        #expect(try voices.map(Self.meetingNumber) == [nil, 1], "\(voices)")
        // /annuler attaches it again.
        #expect(try Binary.run([workbook], input: "/annuler\n", in: sandbox.path).status == 0)
        let back = try UndoSessionTests.elements("concertation.voix", in: workbook)
        #expect(try back.map(Self.meetingNumber) == [1, 2], "\(back)")
    }

    @Test func aMeetingMovedTakesItsVoicesAlongAndOneWithARoundIsNotRemoved() throws {
        let sandbox = Sandbox()
        let workbook = sandbox.path + "/move.sqlite"
        let script =
            Self.copil
            + "/voix prévention ; habitants ; Dépistage trop loin\n/réunion fin\n/réunion nouvelle entretien ; 20/03/2027\n/voix autre ; élus ; Oui\n/réunion fin\n"
        #expect(try Binary.run([workbook], input: script, in: sandbox.path).status == 0)
        let moved = try Binary.run([workbook], input: "/aller concertation.reunions\n/déplacer 2 1\n/réunions\n", in: sandbox.path)
        #expect(moved.status == 0, "\(moved.errors)")
        #expect(try UndoSessionTests.elements("concertation.voix", in: workbook).map(Self.meetingNumber) == [2, 1])
        #expect(moved.output.contains("  1. entretien du 20/03/2027\n"), "\(moved.output)")

        // A round of prioritisation names meeting 1 (the entretien now): it is not removed.
        let round =
            #"{"type":"liste","valeur":[[{"cle":"reunion","reponse":{"type":"entier","valeur":1}},{"cle":"portee","reponse":{"type":"choix","valeur":"constats"}},{"cle":"elements","reponse":{"type":"texte","valeur":"a"}}]]}"#
        try DatabaseQueue(path: workbook).write {
            try $0.execute(
                sql:
                    "INSERT INTO answer (key, value, display, updated_at) VALUES ('concertation.priorisations', ?, '1 élément', '2027-03-20T10:00:00Z')",
                arguments: [round])
        }
        let refused = try Binary.run([workbook], input: "/aller concertation.reunions\n/retirer 1\n", in: sandbox.path)
        #expect(
            refused.errors.hasPrefix(
                "Ligne 2 : La réunion 1 a le tour de priorisation concertation.priorisations.1 : ses votes en dépendent, elle n'est pas retirée"
            ), "\(refused.errors)")
        // What it says to do can be done: /modifier of the meeting's fields.
        #expect(refused.errors.contains("Pour la corriger : /modifier concertation.reunions.1.CHAMP (type, date, lieu, presents)"))
        #expect(try UndoSessionTests.elements("concertation.reunions", in: workbook).count == 2)
    }
}
