import AtelierCore
import Testing

/// Existing structures and aids already paid change the synthèse and the fiches proposed.
@Suite struct ExistingStructuresTests {
    static func structure(_ type: String, _ status: String) -> ListRecord {
        ListRecord(fields: [("type", .choice(type)), ("nom", .text(type)), ("statut", .choice(status))])
    }

    static func aid(_ payer: String, _ nature: String, _ profession: String, _ name: String?, _ year: Int) -> ListRecord {
        ListRecord(
            fields: [("financeur", .choice(payer)), ("nature", .choice(nature)), ("profession", .text(profession))]
                + (name.map { [("beneficiaire", AnswerValue.text($0))] } ?? []) + [("annee", .year(year))])
    }

    static let l1511 = "aide L1511-8 d'une collectivité (installation ou maintien)"

    /// Caen and Ifs with SynthesisFormulaTests' demography, and the given structures and aids.
    static func synthesis(structures: [ListRecord]?, cpts: String = "non", aids: [ListRecord]? = nil) -> Synthesis {
        var answers = SynthesisFormulaTests.full
        answers["structures.liste"] = structures.map { SourcedAnswer(value: .records($0)) }
        answers["structures.cpts_couverture"] = .init(value: .choice(cpts))
        answers[SynthesisBuilder.installationAidsKey] = aids.map { SourcedAnswer(value: .records($0), source: "Conseil départemental") }
        return SynthesisBuilder(references: Project.synthesisReferences, territory: Project.reference).build(answers: answers)
    }

    static let threeMSPAndACentre = [
        structure("MSP", "en fonctionnement"), structure("MSP", "en fonctionnement"), structure("MSP", "en fonctionnement"),
        structure("centre de santé polyvalent", "en fonctionnement"), structure("ESP", "en projet"),
        structure("centre de santé monothématique", "en difficulté"), structure("EHPAD", "en difficulté"),
    ]

    @Test func countsByTypeAndStatus() throws {
        let synthesis = Self.synthesis(structures: Self.threeMSPAndACentre)
        func value(_ id: String) -> Double? { synthesis.indicator(id)?.value }
        #expect(value("structures.nombre_msp") == 3)
        #expect(value("structures.msp_en_fonctionnement") == 3)
        #expect(value("structures.msp_en_projet") == 0)
        #expect(value("structures.nombre_centres_sante") == 2)  // both kinds of centre
        #expect(value("structures.centres_sante_en_fonctionnement") == 1)
        #expect(value("structures.centres_sante_en_difficulte") == 1)
        #expect(value("structures.esp_en_projet") == 1)
        #expect(value("structures.nombre_cpts") == 0)
        // The EHPAD is not exercice coordonné.
        #expect(value("structures.exercice_coordonne_en_difficulte") == 1)
        #expect(value("structures.exercice_coordonne_en_projet") == 1)
        #expect(value("structures.en_difficulte") == 2)
        #expect(synthesis.indicator("structures.msp_en_fonctionnement")?.label == "MSP en fonctionnement")
        // Without the list nothing is counted, not even zero.
        let unknown = Self.synthesis(structures: nil)
        #expect(unknown.indicator("structures.nombre_msp")?.isAvailable == false)
        #expect(unknown.indicator("structures.aides_versees")?.isAvailable == false)
    }

    @Test func existingMSPReplaceTheCreationFichesAndComeFirst() throws {
        let ranked = Project.library.ranked(by: Self.synthesis(structures: Self.threeMSPAndACentre))
        let keys = ranked.map(\.sheet.key)
        let suggested = ranked.filter(\.isSuggested).map(\.sheet.key)
        // The fiches that start from what exists come first, the one answering the most findings on top.
        #expect(keys.first == "extension_msp")
        #expect(
            Set(keys.prefix(5)) == ["extension_msp", "cpts_depuis_msp", "adhesion_aci", "structure_en_difficulte", "structure_en_projet"])
        #expect(ranked.prefix(5).allSatisfy { $0.isTailored })
        for key in ["creation_msp", "centre_sante", "cpts"] {
            #expect(!suggested.contains(key), "\(key) is proposed although a structure of its kind exists")
            #expect(ranked.first { $0.sheet.key == key }?.isReplaced == true)
        }
        // Replaced fiches stay choosable, at the end: the ESP in project replaces the ESP fiche too.
        #expect(Set(keys.suffix(4)) == ["creation_msp", "centre_sante", "cpts", "esp"])
        #expect(keys.count == Project.library.sheets.count)
    }

    @Test func withoutAnyStructureCreationIsProposedAndTheTailoredFichesAreNot() throws {
        let ranked = Project.library.ranked(by: Self.synthesis(structures: []))
        let suggested = ranked.filter(\.isSuggested).map(\.sheet.key)
        #expect(suggested.contains("creation_msp") && suggested.contains("centre_sante") && suggested.contains("cpts"))
        for key in ["extension_msp", "cpts_depuis_msp", "adhesion_aci", "structure_en_difficulte", "structure_en_projet"] {
            #expect(!suggested.contains(key))
        }
        // A CPTS already covering the territory: the CPTS is not built from the MSP.
        let covered = Project.library.ranked(by: Self.synthesis(structures: Self.threeMSPAndACentre, cpts: "entièrement"))
        #expect(covered.first { $0.sheet.key == "cpts_depuis_msp" }?.isSuggested == false)
        #expect(covered.first { $0.sheet.key == "cpts" }?.isReplaced == false)
    }

    @Test func aidsAlreadyPaidNameWhatTheTenYearRuleForbids() throws {
        let aids = [
            Self.aid("département", Self.l1511, "médecin généraliste", "Dr Martin", 2021),
            Self.aid("Assurance Maladie", "aide à l'installation de l'Assurance Maladie", "infirmier", nil, 2026),
            Self.aid("commune", "logement", "masseur-kinésithérapeute", nil, 2024),
        ]
        let synthesis = Self.synthesis(structures: [], aids: aids)
        #expect(synthesis.indicator("structures.aides_versees")?.value == 3)
        #expect(synthesis.indicator("structures.aides_dix_ans")?.value == 2)  // the logement is not bound
        let rule = try #require(synthesis.findings.first { $0.ruleKey == "aides_delai_dix_ans" })
        #expect(rule.message.contains("CGCT D1511-47"))
        #expect(
            rule.message.contains(
                "médecin généraliste (Dr Martin), aide du département en 2021, nouvelle aide possible en 2031 au plus tôt"))
        #expect(rule.message.contains("infirmier, aide de l'Assurance Maladie en 2026, nouvelle aide possible en 2036 au plus tôt"))
        #expect(!rule.message.contains("masseur"))
        let paid = try #require(synthesis.findings.first { $0.ruleKey == "aides_deja_versees" })
        #expect(paid.message.hasPrefix("Aides à l'installation déjà versées sur le territoire : 3 (département : "))
        #expect(paid.message.contains("sans les doubler"))
        #expect(paid.basis == ["structures.aides_versees : 3 aides (Conseil départemental)"])
        let lever = try #require(synthesis.levers.first { $0.key == "aides_deja_versees" })
        #expect(lever.explanation.contains("ne peut la recevoir de nouveau avant 10 ans"))
        // The fiche on installation aids quotes both findings in its constat.
        let sheet = try #require(Project.library.ranked(by: synthesis).first { $0.sheet.key == "aides_installation" })
        #expect(sheet.findings.contains("aides_deja_versees") && sheet.findings.contains("aides_delai_dix_ans"))
        let constat = sheet.sheet.finding(quoting: sheet.findingMessages)
        #expect(constat.hasPrefix(sheet.sheet.finding + " Diagnostic du territoire : "))
        #expect(constat.contains("nouvelle aide possible en 2031 au plus tôt"))
        // No aid recorded: neither finding.
        let none = Self.synthesis(structures: [], aids: [])
        #expect(none.indicator("structures.aides_versees")?.value == 0)
        #expect(!none.findings.contains { $0.ruleKey.hasPrefix("aides_") })
    }

    @Test func aFicheConditionOnAnUnknownIndicatorIsRefusedWithItsLine() throws {
        let yaml = """
            axes: [A]
            fiches:
              - cle: f
                intitule: F
                axe: A
                si: ["structures.msp_en_fonctionement > 0"]
                constat: c
                objectif_general: o
                objectifs_operationnels: [o]
                description: d
                pilote: p
                partenaires: [p]
                public: p
                territoire: t
                calendrier: c
                moyens: m
                indicateurs: {processus: [p], resultat: [r], valeur_cible: v, source: s}
                lien_prs: l
                sources: [s]
            """
        #expect(throws: FileProblem.self) { try ActionSheetLibrary(yaml: yaml, leverKeys: []) }
        do {
            _ = try ActionSheetLibrary(yaml: yaml, leverKeys: [])
        } catch {
            #expect(error.line == 6)
            #expect(error.reason.contains("« si » : indicateur inconnu « structures.msp_en_fonctionement »"))
            #expect(error.reason.contains("vouliez-vous dire « structures.msp_en_fonctionnement »"))
        }
    }
}
