import AtelierCore
import Testing

/// The fiche library covers what a real, intersectoral CLS carries (issue 14): prevention,
/// precarity, ageing, the systems named by national policy, each with its sources.
@Suite struct ActionSheetLibraryScopeTests {
    /// The systems the issue names, each with the key of the fiche that answers it.
    static let systems: [(system: String, key: String)] = [
        ("santé mentale et CLSM", "clsm"), ("santé mentale et PTSM", "sante_mentale"),
        ("nutrition et activité physique", "nutrition_activite_physique"), ("addictions", "addictions"),
        ("santé-environnement", "sante_environnement"), ("vaccination et dépistages organisés", "vaccination_depistages"),
        ("habitat inclusif", "habitat_inclusif"), ("PASS", "pass"), ("LHSS", "lhss"), ("équipes mobiles", "equipes_mobiles"),
        ("HAD", "had"), ("EHPAD : IDE de nuit", "ehpad_ide_nuit"), ("centre de santé participatif", "centre_sante_participatif"),
        ("ESP", "esp"), ("inégalités sociales et territoriales de santé", "inegalites_sante"),
        ("démocratie sanitaire", "participation_habitants"), ("aidants et handicap", "aidants_handicap"),
    ]

    /// The keys workbooks already reference: they must keep working.
    static let formerKeys = [
        "creation_msp", "centre_sante", "cpts", "extension_msp", "adhesion_aci", "cpts_depuis_msp", "structure_en_difficulte",
        "structure_en_projet", "accueil_etudiants", "aides_installation", "telesante", "sas_snp", "transport_soins",
        "sante_mentale", "hopital_proximite", "personnes_agees", "coordination_cls", "participation_habitants",
    ]

    @Test func theLibraryHoldsAFicheForEachNamedSystemAndKeepsItsKeys() throws {
        let keys = Project.library.sheets.map(\.key)
        #expect(keys.count >= 26)
        for (system, key) in Self.systems { #expect(keys.contains(key), "no fiche for \(system) (\(key))") }
        for key in Self.formerKeys { #expect(keys.contains(key), "former key \(key) is gone") }
        let prevention = Project.library.sheets.filter { $0.axis == "Prévenir et promouvoir la santé" }
        #expect(prevention.count >= 7, "\(prevention.map(\.key))")
    }

    @Test func everyNewFicheIsSourcedRankedAndWrittenInFrench() throws {
        let citedLevers = Set(Project.synthesisReferences.rules.flatMap(\.leverKeys))
        for (system, key) in Self.systems {
            let sheet = try #require(Project.library.sheets.first { $0.key == key })
            #expect(!sheet.sources.isEmpty, "\(system): no source")
            // A fiche ranks only through a lever that a finding cites.
            #expect(
                sheet.alwaysSuggested || sheet.leverKeys.contains { citedLevers.contains($0) },
                "\(system): no lever cited by a rule")
            for text in [sheet.title, sheet.finding, sheet.description, sheet.generalObjective] + sheet.operationalObjectives {
                // French quotation marks, never typewriter ones.
                #expect(!text.contains("\""), "\(key): \(text)")
                #expect(!text.contains("{ref."), "\(key): unresolved reference in \(text)")
            }
        }
        // The screening fiche quotes the national figure from nationales.yaml, with its source.
        let screening = try #require(Project.library.sheets.first { $0.key == "vaccination_depistages" })
        #expect(screening.finding.contains("30,7\u{00A0}% (Santé publique France, 2025, incertain)"))
    }

    @Test func theInventoryDecidesWhetherPrecaritySystemsAreProposed() throws {
        func ranked(_ structures: [ListRecord], qpv: Int? = nil, nights: String? = nil) -> [ActionSheetLibrary.Suggestion] {
            var answers: [String: SourcedAnswer] = [
                "territoire.communes": .init(value: SynthesisFormulaTests.communes),
                "structures.liste": .init(value: .records(structures)),
                "sante.part_c2s": .init(value: .percentage(16)),
            ]
            if let qpv { answers["sante.qpv"] = .init(value: .integer(qpv)) }
            if let nights { answers["structures.ehpad_ide_nuit"] = .init(value: .choice(nights)) }
            let synthesis = SynthesisBuilder(references: Project.synthesisReferences, territory: Project.reference).build(answers: answers)
            return Project.library.ranked(by: synthesis)
        }
        func suggested(_ list: [ActionSheetLibrary.Suggestion]) -> [String] { list.filter(\.isSuggested).map(\.sheet.key) }
        let without = ranked([ExistingStructuresTests.structure("EHPAD", "en fonctionnement")])
        #expect(suggested(without).contains("pass") && suggested(without).contains("lhss"))
        // A PASS and LHSS already in operation: their fiches step aside (listed last, still choosable).
        let with = ranked([
            ExistingStructuresTests.structure("PASS", "en fonctionnement"), ExistingStructuresTests.structure("LHSS", "en fonctionnement"),
        ])
        #expect(!suggested(with).contains("pass") && !suggested(with).contains("lhss"))
        #expect(with.suffix(6).map(\.sheet.key).contains("pass"))
        // The participatory centre needs a QPV; night nurses need EHPAD without one.
        #expect(!suggested(without).contains("centre_sante_participatif"))
        let districts = ranked([], qpv: 1, nights: "aucun")
        #expect(districts.prefix(2).map(\.sheet.key).sorted() == ["centre_sante_participatif", "ehpad_ide_nuit"])
        #expect(!suggested(ranked([], nights: "tous")).contains("ehpad_ide_nuit"))
        #expect(!suggested(ranked([], nights: "pas d'EHPAD sur le territoire")).contains("ehpad_ide_nuit"))
    }

    @Test func theNewStructureTypesAreCountedAndTheGenericMobileTeamStaysValid() throws {
        let types = try #require(
            Project.questionnaire.questions.first { $0.key == "structures.liste" }.flatMap { question -> [String]? in
                guard case .list(let fields) = question.kind else { return nil }
                return fields.first { $0.key == "type" }?.kind.choices
            })
        for type in [
            "habitat inclusif", "équipe mobile de gériatrie", "équipe mobile psychiatrie-précarité (EMPP)", "DAC", "CLSM",
            "équipe mobile", "EHPAD", "PASS", "LHSS", "HAD", "centre de santé participatif", "ESP",
        ] {
            #expect(types.contains(type), "\(type)")
        }
        let synthesis = ExistingStructuresTests.synthesis(structures: [
            ExistingStructuresTests.structure("équipe mobile psychiatrie-précarité (EMPP)", "en fonctionnement"),
            ExistingStructuresTests.structure("équipe mobile", "en fonctionnement"),
            ExistingStructuresTests.structure("habitat inclusif", "en projet"),
            ExistingStructuresTests.structure("centre de santé participatif", "en fonctionnement"),
        ])
        #expect(synthesis.indicator("structures.empp_en_fonctionnement")?.value == 1)
        #expect(synthesis.indicator("structures.equipe_mobile_geriatrie_en_fonctionnement")?.value == 0)
        #expect(synthesis.indicator("structures.habitat_inclusif_en_projet")?.value == 1)
        // A participatory centre is a centre de santé: exercice coordonné.
        #expect(synthesis.indicator("structures.exercice_coordonne")?.value == 1)
        #expect(synthesis.indicator("structures.nombre")?.value == 4)
    }
}
