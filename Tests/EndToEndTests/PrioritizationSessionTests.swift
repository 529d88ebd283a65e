import Foundation
import GRDB
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `/prioriser` and `/priorités` driven through the binary, on the demo's diagnosis (22 findings)
/// with a COPIL of its four participants.
@Suite struct PrioritizationSessionTests {
    static let presents = ["Claire Martin", "Dr Louis Bernard", "Sophie Leroy", "Karim Haddad"]
    /// The demo script up to its concertation section: a diagnosis with findings, four participants.
    static let diagnosis: String = {
        let text = try! String(contentsOfFile: Binary.projectRoot + "/sessions/demo-val-d-exemple.txt", encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let end = lines.firstIndex { $0.contains("── Concertation") }!
        // Without the demo's own COPIL: each test opens the meeting it needs.
        return lines[..<end].filter { !$0.hasPrefix("/réunion") }.joined(separator: "\n") + "\n"
    }()
    static let copil =
        "/aller concertation.reunions\nCOPIL ; 12/03/2027 ; Mairie ; \(presents.joined(separator: ", ")) ; ; ouverte\n\n"

    /// The stored votes: (tour, votant, element, note or nil).
    static func votes(_ workbook: String) throws -> [(round: Int, voter: String, item: String, score: Int?)] {
        let queue = try DatabaseQueue(path: workbook)
        defer { try? queue.close() }
        let json = try queue.read { try String.fetchOne($0, sql: "SELECT value FROM answer WHERE key = 'concertation.votes'") }
        guard let json, let root = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
            let elements = root["valeur"] as? [[[String: Any]]]
        else { return [] }
        return elements.map { fields in
            func value(_ key: String) -> Any? {
                (fields.first { $0["cle"] as? String == key }?["reponse"] as? [String: Any])?["valeur"]
            }
            return (value("tour") as? Int ?? 0, value("votant") as? String ?? "", value("element") as? String ?? "", value("note") as? Int)
        }
    }

    // The labels are matched without their « % »: the screen puts a narrow no-break space before it.

    /// The entries of the first ranking after `marker`, as [rang, libellé, moyenne, médiane, écart,
    /// accord, notes]: each entry is « N. libellé » (wrapped) then « moyenne … · notes … »
    /// (or « non noté », giving [—, libellé, non noté]).
    static func table(after marker: String, in output: String) -> [[String]] {
        guard let start = output.range(of: marker) else { return [] }
        let lines = output[start.upperBound...].components(separatedBy: "\n").dropFirst()
        var rows: [[String]] = []
        var label: (rank: String, text: String)?
        for line in lines {
            guard line.hasPrefix("  "), !line.hasPrefix("  /") else { break }
            let text = line.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("      ") {
                if text == "non noté", let current = label {
                    rows.append([current.rank, current.text, "non noté"])
                    label = nil
                } else if text.hasPrefix("moyenne "), text.contains(" · médiane "), let current = label {
                    let parts = text.components(separatedBy: " · ")
                    guard parts.count == 5 else { break }
                    let values = [
                        String(parts[0].dropFirst("moyenne ".count)), String(parts[1].dropFirst("médiane ".count)),
                        String(parts[2].dropFirst("écart ".count)), parts[3], String(parts[4].dropFirst("notes ".count)),
                    ]
                    rows.append([current.rank, current.text] + values)
                    label = nil
                } else {
                    label?.text += " " + text
                }
                continue
            }
            let rank = String(text.prefix { $0 != " " })
            label = (
                rank.hasSuffix(".") ? String(rank.dropLast()) : rank,
                String(text.dropFirst(rank.count)).trimmingCharacters(in: .whitespaces)
            )
        }
        return rows
    }

    @Test(.timeLimit(.minutes(10)))
    func aCOPILScoresTheFindingsSurvivesAKillAndOrdersThePlan() throws {
        let sandbox = Sandbox()
        let workbook = sandbox.path + "/copil.sqlite"
        let setup = try Binary.run([workbook], input: Self.diagnosis + Self.copil + "/quitter\n", in: sandbox.path)
        #expect(setup.status == 0, "\(setup.errors)")

        // Given the round started, item 1 scored all at once, item 2 one voter at a time, then its
        // last line taken back and typed again, then a score of 5.
        let first = try Binary.run(
            [workbook], input: "/prioriser\n4 3 4 2\n3\n4\n1 1\n/annuler\n4 4\n5 1 1 1\n", in: sandbox.path)
        #expect(first.output.contains("Tour n° 1 de priorisation, en COPIL le 12/03/2027 : 22 constats de la synthèse."))
        #expect(
            first.output.contains(
                "Méthode : chaque participant présent note chaque constat de 1 (pas prioritaire) à 4 (très\n  prioritaire)"))
        #expect(first.output.contains("Votants, dans l'ordre : Claire Martin, Dr Louis Bernard, Sophie Leroy, Karim Haddad.\n"))
        #expect(first.output.contains("Constat 1/22 : Densité d'infirmiers (libéraux)"))
        #expect(first.output.contains("✓ Claire Martin 4, Dr Louis Bernard 3, Sophie Leroy 4, Karim Haddad 2"))
        #expect(first.output.contains("Notes attendues, dans l'ordre, de : Sophie Leroy, Karim Haddad"))
        #expect(
            first.errors.contains("Note refusée : « 5 » pour Claire Martin. Attendu une note de 1 (pas prioritaire) à 4"), "\(first.errors)"
        )
        // Then the taken-back line is gone, and nothing of the refused line was written.
        var stored = try Self.votes(workbook)
        #expect(stored.map(\.score) == [4, 3, 4, 2, 3, 4, 4, 4])
        #expect(stored.map(\.voter) == Self.presents + Self.presents)
        #expect(Set(stored.map(\.round)) == [1])
        #expect(stored.prefix(4).allSatisfy { $0.item == "densite_infirmiers_inferieure_departement_et_france" })

        // When the session is killed (-9) after two more lines are confirmed
        let (process, stdin, stdout) = try Binary.start(workbook, input: "/prioriser\n2 2 2 2\n4 4 4 4\n", in: sandbox.path, closing: false)
        let deadline = Date().addingTimeInterval(60)
        while ((try? Self.votes(workbook))?.count ?? 0) < 16 && Date() < deadline { usleep(50_000) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? stdin.fileHandleForWriting.close()
        let killed = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(killed.contains("Reprise du tour n° 1 : 2 constats notés sur 22."), "\(killed.suffix(2000))")
        // Then what was confirmed is on disk
        stored = try Self.votes(workbook)
        #expect(stored.count == 16)
        #expect(stored.suffix(8).map(\.score) == [2, 2, 2, 2, 4, 4, 4, 4])

        // When /prioriser resumes and the 18 other findings are scored, « - » for one who does not score
        let rest = ["4 4 3 4", "1 4 1 4", "3 3 2 2", "1 1 1 1", "3 3 3 4", "- 2 2 2", "4 4 4 3"] + Array(repeating: "1 1 1 1", count: 11)
        let last = try Binary.run(
            [workbook], input: "/prioriser\n" + rest.joined(separator: "\n") + "\n/priorités\n/aller plan.fiches\n/quitter\n",
            in: sandbox.path)
        #expect(last.status == 0, "\(last.errors)")
        #expect(last.output.contains("Reprise du tour n° 1 : 4 constats notés sur 22."))
        #expect(last.output.contains("Tour n° 1 terminé : classement en COPIL le 12/03/2027."))
        // Then the ranking, computed by hand (mean, then median, then number of 4; equal items share a rank):
        //   généralistes âgés 4 4 4 4: mean 4 → 1st
        //   kinés 3 4 4 4, généralistes à 5 ans 4 4 3 4, sans médecin traitant 4 4 4 3: mean 15/4 = 3,75,
        //     median (4+4)/2 = 4, three 4s each → all three 2nd (then 5th for the next)
        //   infirmiers 4 3 4 2: mean 13/4 = 3,25, median (3+4)/2 = 3,5 → 5th; spread 4-2 = 2: avis partagés
        //   APL 3 3 3 4: mean 3,25, median 3 → 6th
        //   dentistes âgés 1 4 1 4: mean 2,5, median 2,5, two 4s → 7th; spread 3: désaccord
        //   dentistes à 5 ans 3 3 2 2: mean 2,5, median 2,5, no 4 → 8th
        //   densité des dentistes 2 2 2 2 and ZIP - 2 2 2 (three scores): mean 2, median 2 → both 9th
        //   the twelve others 1 1 1 1 → all 11th
        let expected: [[String]] =
            [
                ["1", "des médecins généralistes ont 60 ans", "4,00", "4", "0", "consensus", "4 4 4 4"],
                ["2", "Densité de masseurs-kinésithérapeutes", "3,75", "4", "1", "consensus", "3 4 4 4"],
                ["2", "Effectif de médecins généralistes", "3,75", "4", "1", "consensus", "4 4 3 4"],
                ["2", "des patients n'ont pas de médecin traitant", "3,75", "4", "1", "consensus", "4 4 4 3"],
                ["5", "Densité d'infirmiers", "3,25", "3,5", "2", "avis partagés", "4 3 4 2"],
                ["6", "APL aux médecins généralistes", "3,25", "3", "1", "consensus", "3 3 3 4"],
                ["7", "des chirurgiens-dentistes ont 60 ans", "2,50", "2,5", "3", "désaccord", "1 4 1 4"],
                ["8", "Effectif de chirurgiens-dentistes", "2,50", "2,5", "1", "consensus", "3 3 2 2"],
                ["9", "Densité de chirurgiens-dentistes", "2,00", "2", "0", "consensus", "2 2 2 2"],
                ["9", "Le territoire est classé en zone d'intervention prioritaire", "2,00", "2", "0", "consensus", "2 2 2"],
            ] + Array(repeating: ["11", "", "1,00", "1", "0", "consensus", "1 1 1 1"], count: 12)
        for marker in ["Tour n° 1 terminé", "Tour n° 1 — constats, COPIL du 12/03/2027 (Mairie) — en vigueur"] {
            let rows = Self.table(after: marker, in: last.output)
            #expect(rows.count == 22, "\(marker): \(rows)")
            for (row, want) in zip(rows, expected) {
                #expect(
                    row.count == 7 && row[0] == want[0] && (want[1].isEmpty || row[1].contains(want[1]))
                        && Array(row[2...]) == Array(want[2...]), "\(row)")
            }
        }
        #expect(last.output.contains("  Votants : Claire Martin, Dr Louis Bernard, Sophie Leroy, Karim Haddad."))
        // And the proposed fiches follow the ranking: those answering « généralistes âgés » (1st)
        // first (the ESP through regroupement), then « sans médecin traitant » and « généralistes à
        // 5 ans » (2nd), then the APL (6th), then those answering only findings ranked 11th (the
        // health findings among them), the night nurse in EHPAD first since it fits the territory's
        // inventory; library order within a rank.
        let plan = try #require(last.output.components(separatedBy: "classées selon les priorités fixées en COPIL le 12/03/2027) :").last)
        let keys = plan.components(separatedBy: "\n").prefix { !$0.contains("pour une fiche à vous") }.compactMap { line -> String? in
            guard let open = line.firstIndex(of: "["), let close = line.firstIndex(of: "]") else { return nil }
            return String(line[line.index(after: open)..<close])
        }
        #expect(
            Array(keys.prefix(14)) == [
                "extension_msp", "structure_en_projet", "aides_installation", "esp", "accueil_etudiants", "sas_snp", "cpts", "telesante",
                "adhesion_aci", "ehpad_ide_nuit", "hopital_proximite", "personnes_agees", "vaccination_depistages", "equipes_mobiles",
            ], "\(keys)")
        #expect(plan.contains("[accueil_etudiants] — priorité 1 — constats 4, 5"))
    }

    @Test func aSecondRoundIsKeptBesideTheFirstAndCtrlDKeepsItsVotes() throws {
        let sandbox = Sandbox()
        let workbook = sandbox.path + "/deux.sqlite"
        let all = Array(repeating: "2 2 2 2", count: 22).joined(separator: "\n")
        #expect(
            try Binary.run([workbook], input: Self.diagnosis + Self.copil + "/prioriser\n" + all + "\n/quitter\n", in: sandbox.path).status
                == 0)
        // A new round: the first is complete. Its first line, then the end of input (Ctrl-D).
        let second = try Binary.run([workbook], input: "/prioriser\n4 4 4 4\n/sections\n", in: sandbox.path)
        #expect(second.status == 0, "\(second.errors)")
        #expect(second.output.contains("Tour n° 2 de priorisation"))
        #expect(second.output.contains("Priorisation en cours : constat 2/22, note attendue de Claire Martin"))
        #expect(try Self.votes(workbook).filter { $0.round == 2 }.map(\.score) == [4, 4, 4, 4])
        let shown = try Binary.run([workbook], input: "/prioriser fin\n", in: sandbox.path)
        #expect(shown.errors.contains("Aucun tour de priorisation en cours"), "\(shown.errors)")
        // A PTSM now covers the territory: that finding is no longer in the synthèse, its votes stay.
        let listed = try Binary.run([workbook], input: "/modifier structures.ptsm oui\n/priorités\n", in: sandbox.path)
        #expect(listed.output.contains("pas_de_ptsm — ne ressort plus de la synthèse actuelle"), "\(listed.output.suffix(3000))")
        // Round 2 stopped after one finding: round 1 stays the one in force.
        #expect(listed.output.contains("Tour n° 1 — constats, COPIL du 12/03/2027 (Mairie) — en vigueur\n"))
        #expect(listed.output.contains("Tour n° 2 — constats, COPIL du 12/03/2027 (Mairie) — inachevé\n"))
        #expect(listed.output.contains("  1 constat noté sur 22 : tant qu'il n'est pas fini, ce tour ne compte pas.\n"))
        // Round 2: one finding scored (rank 1), the 21 others not scored.
        let rows = Self.table(after: "Tour n° 2 —", in: listed.output)
        #expect(rows.first?.first == "1" && rows.first?.last == "4 4 4 4")
        #expect(rows.count == 22 && rows.dropFirst().allSatisfy { $0.first == "—" && $0.contains("non noté") }, "\(rows)")
    }

    @Test func refusedWithoutAnOpenMeetingWithoutPresentsOrWithoutFindings() throws {
        let sandbox = Sandbox()
        let workbook = sandbox.path + "/refus.sqlite"
        let none = try Binary.run([workbook], input: Self.diagnosis + "/prioriser\n", in: sandbox.path)
        #expect(
            none.errors.contains("Aucune réunion ouverte : les priorités se fixent pendant une réunion. Ouvrez-la avec /réunion nouvelle"))
        let empty = try Binary.run(
            [workbook], input: "/aller concertation.reunions\nCOPIL ; 12/03/2027 ; Mairie ; ; ; ouverte\n\n/prioriser\n", in: sandbox.path)
        #expect(empty.errors.contains("La réunion COPIL du 12/03/2027 n'a aucun présent pour noter"), "\(empty.errors)")
        #expect(try Self.votes(workbook).isEmpty)
        // A territory without any figure: no finding to rank.
        let bare = sandbox.path + "/vide.sqlite"
        let opened = try Binary.run(
            [bare],
            input: "Pays test\ncommune\n14118\nA ; Mairie ; élu\n\n"
                + "/aller concertation.reunions\nCOPIL ; 12/03/2027 ; ; A ; ; ouverte\n\n/prioriser\n",
            in: sandbox.path)
        #expect(
            opened.errors.contains("La synthèse n'a encore aucun constat à prioriser"), "\(opened.output.suffix(1500))\n\(opened.errors)")
        let queue = try DatabaseQueue(path: bare)
        defer { try? queue.close() }
        #expect(try queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM answer WHERE key = 'concertation.priorisations'") } == 0)
    }
}
