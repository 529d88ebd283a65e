import Foundation
import Testing

/// The analyse croisée in a piped session: meetings and voices typed in their list questions,
/// shown beside the findings of their theme (`/synthèse constats`) and in `/synthèse concertation`.
@Suite struct CrossAnalysisSessionTests {
    static let script = """
        CU Caen la Mer
        EPCI
        200065597
        Marie Dupont ; Mairie de Caen ; élu
        Paul Martin ; ARS Normandie ; ARS

        /aller concertation.reunions
        COPIL ; 12/03/2027 ; Mairie de Caen ; Marie Dupont, Paul Martin
        réunion publique ; 02/04/2027 ; Salle des fêtes

        /aller concertation.voix
        mobilités ; habitants ; Pas de bus le mardi ; ; 1
        mobilités ; habitants ; Le taxi coûte trop cher pour aller voir le médecin à Caen ; ; 2
        mobilités ; professionnels ; Nos patients viennent à pied ; ; 2
        santé mentale ; élus ; Six mois pour un rendez-vous en CMP ; Marie Dupont ; 1

        /aller mobilites.temps_acces.urgences
        45
        /aller structures.cpts_couverture
        non

        """

    /// Output piped as if for an 80-column terminal (piped output is 100 columns wide otherwise).
    static let eighty = ["COLUMNS": "80"]

    /// The lines between `start` and the next « Question en cours » reminder.
    func part(_ output: String, from start: String) -> [String] {
        guard let range = output.range(of: start) else { return [] }
        let rest = output[range.lowerBound...].components(separatedBy: "\n")
        return Array(rest.prefix { !$0.hasPrefix("Question en cours") })
    }

    @Test func theVoicesStandBesideTheFindingOfTheirThemeWithinEightyColumns() throws {
        let sandbox = Sandbox()
        let result = try Binary.run(
            [sandbox.path + "/caen.sqlite"], input: Self.script + "/synthèse constats\n", in: sandbox.path, environment: Self.eighty)
        #expect(result.status == 0, "\(result.errors)")
        let findings = part(result.output, from: "── Constats (2) ──")
        let urgences = try #require(findings.firstIndex { $0.hasPrefix("  2. Temps d'accès moyen aux urgences de 45\u{00A0}min") })
        let said = try #require(findings[urgences...].firstIndex { $0.contains("Sur le thème « mobilités », ce qu'en") })
        let sentence = findings[said...].prefix { $0.hasPrefix("     ") }
            .map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(
            sentence
                == "Sur le thème « mobilités », ce qu'en disent les acteurs : 3 propos (habitants 2, professionnels 1) en 2 réunions — "
                + "« Pas de bus le mardi » (habitants, COPIL du 12/03/2027) ; "
                + "« Le taxi coûte trop cher pour aller voir le médecin à Caen » (habitants, réunion publique du 02/04/2027) ; "
                + "« Nos patients viennent à pied » (professionnels, réunion publique du 02/04/2027)", "\(findings)")
        for line in findings[said...].prefix(5) { #expect(line.count <= 80, "\(line)") }
        // The CPTS: a figure nobody raised; mental health: raised, with no figure.
        #expect(findings.contains("     Sur le thème « structures », aucun propos n'a été noté."))
        #expect(findings.contains("  Thèmes soulevés sans constat chiffré : santé mentale : 1 propos (élus 1) en 1"))
    }

    @Test func theConcertationPartListsMeetingsVoicesByThemeAndTheCrossAnalysis() throws {
        let sandbox = Sandbox()
        let result = try Binary.run(
            [sandbox.path + "/caen.sqlite"], input: Self.script + "/synthèse concertation\n/synthese concert\n", in: sandbox.path,
            environment: Self.eighty)
        let lines = part(result.output, from: "── Concertation : réunions et propos ──")
        for expected in [
            "    1. COPIL du 12/03/2027 — Mairie de Caen — 2 présents",
            "       présents : Marie Dupont et Paul Martin",
            "    2. réunion publique du 02/04/2027 — Salle des fêtes — présents non notés",
            "    • mobilités : 3 propos (habitants 2, professionnels 1) en 2 réunions",
            "        « Pas de bus le mardi » (habitants, COPIL du 12/03/2027)",
            "    • santé mentale : 1 propos (élus 1) en 1 réunion",
            "    Constat 2 (mobilités) : 3 propos (habitants 2, professionnels 1) en 2",
            "    Constats que personne n'a soulevés : 1 (structures).",
        ] {
            #expect(lines.contains(expected), "\(expected)\n\(lines.joined(separator: "\n"))")
        }
        // The name, recorded because the person agreed, is quoted with the capacity.
        #expect(lines.contains("        « Six mois pour un rendez-vous en CMP » (Marie Dupont, élus, COPIL du"))
        #expect(lines.allSatisfy { $0.count <= 80 }, "\(lines.filter { $0.count > 80 })")
        // A part misspelt (refused, so the piped session ends in error): the hint names the new part.
        #expect((result.output + result.errors).contains("Vouliez-vous dire « concertation » ?"))
    }

    @Test func withoutAnyMeetingOrVoiceThePartSaysHowToRecordThem() throws {
        let sandbox = Sandbox()
        let result = try Binary.run([sandbox.path + "/vide.sqlite"], input: "/synthèse concertation\n/synthèse\n", in: sandbox.path)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("  Aucune réunion ni aucun propos notés : /réunion nouvelle ouvre une réunion,"))
        // The whole synthèse leaves the part out until there is something to show.
        #expect(result.output.components(separatedBy: "── Concertation : réunions et propos ──").count == 2)
    }
}
