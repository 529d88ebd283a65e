import Foundation
import Testing

/// `/synthèse` through the binary on a real EPCI of a département itself under the national
/// density: the CC Intercom Bernay Terres de Normandie (SIREN 200066413, 75 communes, all in the
/// Eure, P = 54 049 from data/communes.tsv). Eure: 336 GPs libéraux for 602 714 inhabitants
/// (5,57 per 10 000, 0,69 of France's 8,13, Assurance Maladie 2024).
@Suite struct SynthesisNationalComparisonTests {
    /// 31 GPs libéraux: 5,74 per 10 000, 0,71 of France and 1,03 of the Eure. 40 nurses
    /// libéraux of 90 (90 − 5 + 3 = 88, −2,2 %). 12 dentists, 4 aged 60 or more (33,3 %),
    /// 12 − 3 + 1 = 10 (−16,7 %).
    static let script = """
        CC Intercom Bernay Terres de Normandie
        EPCI
        200066413
        Marie Dupont ; Mairie de Bernay ; élu

        /source C@rtoSanté 2025
        40
        31
        10
        5
        2
        libéral, salarié
        90
        40
        10
        5
        3
        libéral, salarié
        /aller demographie.chirurgiens_dentistes.effectif
        12
        11
        4
        3
        1
        libéral, salarié
        """

    func run(_ input: String) throws -> (Binary.Result, Sandbox) {
        let sandbox = Sandbox()
        let result = try Binary.run([sandbox.path + "/bernay.sqlite"], input: input, in: sandbox.path)
        #expect(result.status == 0, "\(result.errors)")
        return (result, sandbox)
    }

    /// The output with wrapped lines joined: findings are wrapped at 100 columns.
    func flat(_ output: String) -> String {
        output.replacingOccurrences(of: "\n +", with: " ", options: .regularExpression)
    }

    /// The cells of the first table line starting with `label`, split on runs of spaces.
    func row(_ output: String, _ label: String, after marker: String = "") -> [String] {
        let text = marker.isEmpty ? Substring(output) : output[(output.range(of: marker)?.upperBound ?? output.endIndex)...]
        let line = text.split(separator: "\n").first { $0.trimmed.hasPrefix(label + " ") } ?? ""
        return line.replacingOccurrences(of: label, with: "").split(separator: " ").map(String.init)
    }

    @Test func aTerritoryThirtyPercentUnderNationalGetsTheNationalFinding() throws {
        let (result, _) = try run(Self.script + "\n/synthese\n")
        #expect(result.output.contains("75 communes · 54\u{202F}049 habitants (INSEE, populations légales 2023)"))
        #expect(result.output.contains("Département de référence : Eure (27), 100\u{00A0}% de la population."))
        // The table states its base; both ratios are shown.
        #expect(
            result.output.contains("Profession                  Effectif  Densité libéraux  Eure  France  Rapport dép.  Rapport France"))
        #expect(row(result.output, "Médecins généralistes") == ["40", "5,7", "5,6", "8,1", "1,03", "0,71"])
        #expect(
            flat(result.output).contains(
                "Densité de médecins généralistes (libéraux) nettement inférieure à la moyenne nationale : 5,7 pour 10 000")
        )
        #expect(flat(result.output).contains("contre 8,1 en France (0,71 fois ; seuil de l'outil : 0,8) et 5,6 dans le département (Eure,"))
        #expect(!flat(result.output).contains("Densité de médecins généralistes (libéraux) nettement inférieure à celle"))
    }

    @Test func theProjectionUsesTheBaseOfTheComparedDensity() throws {
        let (result, _) = try run(Self.script + "\n/synthese demographie\n")
        // Table: −2,2 % for nurses; density libéraux 7,4 today, 7,4 × 88 / 90 = 7,2 in five years.
        #expect(row(result.output, "Infirmiers", after: "Effectif à 5 ans") == ["11,1\u{00A0}%", "88", "-2,2\u{00A0}%", "7,2", "601"])
        let bars = result.output.components(separatedBy: "  Infirmiers (libéraux pour 10 000 habitants")
        #expect(bars.count == 2)
        let chart = bars.last ?? ""
        #expect(chart.hasPrefix(" ; densité tous modes d'exercice : 16,7)"))
        #expect(chart.contains("territoire             ") && chart.contains(" 7,4\n"))
        #expect(chart.contains("territoire dans 5 ans  ") && chart.contains(" 7,2\n"))
        // The all-modes figure (90 → 88, i.e. 16,7 → 16,3) never stands for the compared density.
        #expect(!chart.contains("16,3"))
    }

    @Test func aDentistAgeAndDeparturesFindingFires() throws {
        let (result, _) = try run(Self.script + "\n/synthese constats\n")
        #expect(
            flat(result.output).contains(
                "33,3\u{00A0}% des chirurgiens-dentistes ont 60 ans ou plus (seuil de l'outil : 30\u{00A0}%) : des départs à la retraite sont à"
            ))
        #expect(flat(result.output).contains("Effectif de chirurgiens-dentistes projeté à 5 ans : 10 (-16,7\u{00A0}% ; seuil de l'outil :"))
        #expect(result.output.contains("repose sur : demographie.chirurgiens_dentistes.age_60_plus = 4 (C@rtoSanté 2025)"))
    }

    @Test func theAplOfEachPartIsRecordedAndShownBesideTheNationalMean() throws {
        let input = """
            CC Intercom Bernay Terres de Normandie
            EPCI
            200066413
            /aller demographie.apl_medecins_generalistes
            /source DREES APL 2023
            2,4
            en partie ZIP ou ZAC
            3,5 ; 27056
            1,2 ; 27049 27116

            /synthese acces
            /synthese constats
            """
        let (result, sandbox) = try run(input + "\n")
        #expect(result.output.contains("APL aux médecins généralistes par partie du territoire (moyenne nationale : 3,3)"))
        #expect(result.output.contains("partie 2 : Mesnil-en-Ouche, Brionne (2 communes, 8\u{202F}599 habitants)"))
        #expect(result.output.contains("1,2 (0,36 fois la moyenne nationale)"))
        #expect(
            flat(result.output).contains("Partie du territoire Mesnil-en-Ouche, Brionne (2 communes, 8\u{202F}599 habitants) : APL aux"))
        #expect(!result.output.contains("Partie du territoire Bernay"), "3,5 is above the repère")
        #expect(flat(result.output).contains("Une partie seulement du territoire est classée en ZIP ou en ZAC par l'arrêté du directeur"))
        #expect(!flat(result.output).contains("zonage ZIP obligatoire"))
        // On disk: one record per part, with its communes.
        let stored = try python(
            """
            import json, sqlite3
            row = sqlite3.connect('\(sandbox.path)/bernay.sqlite').execute(
                "select value, source from answer where key = 'demographie.apl_parties'").fetchone()
            parts = json.loads(row[0])['valeur']
            print([[f['reponse']['valeur'] if f['cle'] == 'valeur' else [c['code'] for c in f['reponse']['valeur']] for f in p] for p in parts], row[1])
            """)
        #expect(stored.trimmed.hasPrefix("[[3.5, ['27056']], [1.2, ['27049', '27116']]]"))
    }
}
