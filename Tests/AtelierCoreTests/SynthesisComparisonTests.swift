import AtelierCore
import Testing

/// Both comparisons on one base, every profession, references quoted from one file, APL by part.
///
/// The territory: CC Intercom Bernay Terres de Normandie (SIREN 200066413), 75 communes, all in
/// the Eure, P = 54 049 (sum of data/communes.tsv). Eure: 336 GPs libéraux for 602 714
/// inhabitants (5,57 per 10 000); France: 55 546 for 68 350 798 (8,13): the Eure is itself at
/// 0,69 of the national density.
@Suite struct SynthesisComparisonTests {
    static let communes = Project.reference.members(ofEpci: "200066413").map(\.ref)

    static func answers(_ extra: [String: AnswerValue] = [:]) -> [String: SourcedAnswer] {
        var values: [String: AnswerValue] = [
            "territoire.communes": .communes(communes),
            // 31 libéraux: 5,74 per 10 000, 0,71 of France, 1,03 of the Eure.
            "demographie.medecins_generalistes.effectif": .integer(40),
            "demographie.medecins_generalistes.liberaux": .integer(31),
            // 40 libéraux among 90 nurses; 90 − 5 + 3 = 88 in five years (−2,2 %).
            "demographie.infirmiers.effectif": .integer(90),
            "demographie.infirmiers.liberaux": .integer(40),
            "demographie.infirmiers.departs_5_ans": .integer(5),
            "demographie.infirmiers.installations_prevues": .integer(3),
            // 4 of 12 dentists aged 60 or more (33,3 %); 12 − 3 + 1 = 10 (−16,7 %).
            "demographie.chirurgiens_dentistes.effectif": .integer(12),
            "demographie.chirurgiens_dentistes.liberaux": .integer(11),
            "demographie.chirurgiens_dentistes.age_60_plus": .integer(4),
            "demographie.chirurgiens_dentistes.departs_5_ans": .integer(3),
            "demographie.chirurgiens_dentistes.installations_prevues": .integer(1),
        ]
        values.merge(extra) { $1 }
        return values.mapValues { SourcedAnswer(value: $0, source: "C@rtoSanté 2025", sourceYear: 2025) }
    }

    static func build(_ extra: [String: AnswerValue] = [:]) -> Synthesis {
        SynthesisBuilder(references: Project.synthesisReferences, territory: Project.reference).build(answers: answers(extra))
    }

    let synthesis = Self.build()

    func finding(_ key: String) -> Synthesis.Finding? { synthesis.findings.first { $0.ruleKey == key } }

    @Test func aFindingOnEveryModeSaysSoNeverLibéraux() throws {
        var answers = Self.answers(["demographie.medecins_generalistes.effectif": .integer(31)])
        answers.removeValue(forKey: "demographie.medecins_generalistes.liberaux")
        let synthesis = SynthesisBuilder(references: Project.synthesisReferences, territory: Project.reference).build(answers: answers)
        let finding = try #require(synthesis.findings.first { $0.ruleKey == "densite_medecins_generalistes_inferieure_france" })
        #expect(finding.message.hasPrefix("Densité de médecins généralistes (tous modes, à défaut de libéraux) nettement inférieure"))
    }

    @Test func aTerritoryUnderNationalButNotUnderItsDepartementGetsTheNationalFinding() throws {
        #expect(Self.communes.count == 75 && synthesis.territory.population == 54_049)
        #expect(synthesis.indicator("medecins_generalistes.rapport_france")?.formatted == "0,71")
        #expect(synthesis.indicator("medecins_generalistes.rapport_departement")?.formatted == "1,03")
        let keys = synthesis.findings.map(\.ruleKey)
        #expect(keys.contains("densite_medecins_generalistes_inferieure_france"))
        // One finding, never the département one beside it.
        #expect(!keys.contains("densite_medecins_generalistes_inferieure_departement"))
        #expect(!keys.contains("densite_medecins_generalistes_inferieure_departement_et_france"))
        let message = try #require(finding("densite_medecins_generalistes_inferieure_france")?.message)
        #expect(
            message
                == "Densité de médecins généralistes (libéraux) nettement inférieure à la moyenne nationale : 5,7 pour 10 000 habitants contre 8,1 en France (0,71 fois ; seuil de l'outil : 0,8) et 5,6 dans le département (Eure, 1,03 fois), lui-même sous la moyenne nationale."
        )
        // The threshold is a reference, cited with its source.
        #expect(finding("densite_medecins_generalistes_inferieure_france")?.basis.contains { $0.contains("choix de l'outil") } == true)
    }

    @Test func whenBothComparisonsFireOneFindingSaysBoth() throws {
        // 11 dentists libéraux: 2,04 per 10 000, 0,63 of the Eure (3,24), 0,36 of France (5,72).
        let keys = synthesis.findings.map(\.ruleKey).filter { $0.hasPrefix("densite_chirurgiens_dentistes") }
        #expect(keys == ["densite_chirurgiens_dentistes_inferieure_departement_et_france"])
        let message = try #require(finding(keys[0])?.message)
        #expect(message.contains("2,0 pour 10 000 habitants contre 3,2 dans le département (Eure, 0,63 fois) et 5,7 en France (0,36 fois"))
    }

    @Test func theProjectionStaysOnTheBaseOfTheComparedDensity() throws {
        // 40 / 54 049 × 10 000 = 7,40 today; × 88 / 90 = 7,24 in five years: down, as the −2,2 %.
        #expect(synthesis.indicator("infirmiers.densite_comparee")?.formatted == "7,4")
        #expect(synthesis.indicator("infirmiers.densite_5_ans")?.formatted == "7,2")
        #expect(synthesis.indicator("infirmiers.evolution_5_ans")?.formatted == "-2,2\u{00A0}%")
        #expect(synthesis.indicator("infirmiers.densite_comparee")?.label == "Densité d'infirmiers (libéraux)")
        #expect(synthesis.indicator("infirmiers.densite_5_ans")?.label.contains("libéraux") == true)
        // The all-modes density stays, labelled so: 90 / 54 049 × 10 000 = 16,7.
        #expect(synthesis.indicator("infirmiers.densite")?.formatted == "16,7")
        #expect(synthesis.indicator("infirmiers.densite")?.label.contains("tous modes") == true)
    }

    @Test func ageAndDeparturesAreReadForEveryProfession() throws {
        let age = try #require(finding("chirurgiens_dentistes_ages"))
        #expect(
            age.message
                == "33,3\u{00A0}% des chirurgiens-dentistes ont 60 ans ou plus (seuil de l'outil : 30\u{00A0}%) : des départs à la retraite sont à anticiper."
        )
        let departures = try #require(finding("perte_chirurgiens_dentistes_5_ans"))
        #expect(
            departures.message.hasPrefix(
                "Effectif de chirurgiens-dentistes projeté à 5 ans : 10 (-16,7\u{00A0}% ; seuil de l'outil : -10\u{00A0}%)"))
        // 11 / 54 049 × 10 000 × 10 / 12 = 1,70.
        #expect(departures.message.contains("soit 1,7 pour 10 000 habitants à population constante"))
        // −2,2 % for nurses is above the threshold: no finding.
        #expect(finding("perte_infirmiers_5_ans") == nil)
        for profession in SynthesisBuilder.professions.map(\.key) {
            let rules = Project.synthesisReferences.rules.filter { $0.conditions.contains { $0.key.hasPrefix(profession + ".") } }
            #expect(rules.contains { $0.conditions.contains { $0.key == "\(profession).part_60_plus" } }, "\(profession)")
            #expect(rules.contains { $0.conditions.contains { $0.key == "\(profession).evolution_5_ans" } }, "\(profession)")
            #expect(rules.contains { $0.conditions.contains { $0.key == "\(profession).rapport_france" } }, "\(profession)")
        }
    }

    @Test func referenceValuesAreQuotedFromTheReferencesFile() throws {
        let synthesis = Self.build([
            "demographie.medecins_generalistes.age_60_plus": .integer(14),
            "demographie.patients_sans_medecin_traitant": .percentage(14),
        ])
        let ageing = try #require(synthesis.findings.first { $0.ruleKey == "generalistes_ages" })
        #expect(ageing.message.contains("23\u{00A0}% (CNOM, 2024) pour l'ensemble des médecins en France"))
        let patients = try #require(synthesis.findings.first { $0.ruleKey == "patients_sans_medecin_traitant" })
        #expect(patients.message.contains("(11\u{00A0}% (CNAM, 2021, incertain) en France ; pas de chiffre national plus récent confirmé)"))
        #expect(patients.basis.contains { $0.contains("Chiffre ancien ; pas de chiffre national plus récent confirmé.") })
        // No rule message types a national figure itself.
        for rule in Project.synthesisReferences.rules {
            for figure in ["23 %", "11 %", "84 %", "3,3", "2,5", "30 min"] {
                #expect(!rule.message.contains(figure), "\(rule.key) types \(figure)")
            }
        }
    }

    @Test func theReadmeListsEveryRuleWithItsConditionAndEveryReference() throws {
        let readme = Project.text("README.md")
        for rule in Project.synthesisReferences.rules {
            let line = readme.split(separator: "\n").first { $0.hasPrefix("| `\(rule.key)` |") }
            #expect(line != nil, "README does not list the rule \(rule.key)")
            for condition in rule.conditions {
                #expect(line?.contains("`\(condition.key)` \(condition.op.rawValue)") == true, "\(rule.key)")
            }
        }
        for key in Project.synthesisReferences.national.keys { #expect(readme.contains("| `ref.\(key)` |"), "README: ref.\(key)") }
    }

    @Test func updatedReferences() throws {
        let national = Project.synthesisReferences.national
        #expect(national["apl_medecins_generalistes_france"].map { [$0.value, Double($0.year)] } == [3.3, 2022])
        #expect(national["medecins_generalistes_tous_modes_pour_100000"].map { [$0.value, Double($0.year)] } == [146, 2023])
        #expect(national["msp_pour_10000"].map { [$0.value, Double($0.year)] } == [0.40, 2025])
        #expect(national["seuil_apl_sous_densite"]?.confidence == "incertain")
        #expect(national["seuil_apl_sous_densite"]?.note?.contains("9 mai 2025") == true)
        #expect(national["part_population_couverte_cpts"]?.confidence == "incertain")
        #expect(national["patients_sans_medecin_traitant"]?.confidence == "incertain")
        for key in ["seuil_rapport_densite", "seuil_part_60_ans_et_plus", "seuil_evolution_5_ans"] {
            #expect(national[key]?.shortSource == NationalReference.toolChoice, "\(key)")
        }
        #expect(national["seuil_rapport_densite"]?.quoted == "0,8 (choix de l'outil)")
    }
}
