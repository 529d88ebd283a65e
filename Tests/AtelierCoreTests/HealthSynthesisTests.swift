import AtelierCore
import Testing

/// The état de santé section: its questions, its indicators beside the national figures, the
/// findings they raise and the prevention fiches those findings put first.
@Suite struct HealthSynthesisTests {
    /// Caen and Ifs with only the health portrait answered, so that no other finding competes.
    static func synthesis(_ health: [String: AnswerValue], source: String? = "ORS Normandie 2025") -> Synthesis {
        var answers: [String: SourcedAnswer] = ["territoire.communes": .init(value: SynthesisFormulaTests.communes)]
        for (key, value) in health { answers[key] = .init(value: value, source: source) }
        return SynthesisBuilder(references: Project.synthesisReferences, territory: Project.reference).build(answers: answers)
    }

    static let highALDAndC2S: [String: AnswerValue] = ["sante.part_ald": .percentage(24.5), "sante.part_c2s": .percentage(16.2)]

    @Test func theSectionComesAfterMobilitiesWithSourcesAndBoundedFigures() throws {
        let sections = Project.questionnaire.sections.map(\.key)
        #expect(sections.firstIndex(of: "sante") == sections.firstIndex(of: "mobilites")! + 1)
        #expect(sections.firstIndex(of: "sante")! + 1 == sections.firstIndex(of: "concertation"))
        let section = try #require(Project.questionnaire.sections.first { $0.key == "sante" })
        #expect(section.title == "État de santé de la population")
        #expect(section.takesSources)
        #expect(
            section.questions.map(\.key) == [
                "sante.part_75_ans_plus", "sante.part_ald", "sante.part_c2s", "sante.mortalite_prematuree",
                "sante.depistage_colorectal", "sante.depistage_sein", "sante.qpv", "sante.problematiques",
            ])
        let mortality = try #require(section.questions.first { $0.key == "sante.mortalite_prematuree" })
        #expect(mortality.bounds.minimum == 0 && mortality.bounds.maximum == 2000)
        // The questionnaire refuses to load without a key the synthèse reads.
        for key in section.questions.map(\.key) + ["structures.ehpad_ide_nuit"] {
            #expect(QuestionKeys.required.contains(key), "\(key)")
        }
    }

    @Test func eachIndicatorIsTheAnswerBesideTheNationalFigure() throws {
        let synthesis = Self.synthesis([
            "sante.part_75_ans_plus": .percentage(13.2), "sante.part_ald": .percentage(21.5), "sante.part_c2s": .percentage(8.1),
            "sante.mortalite_prematuree": .decimal(205.3), "sante.depistage_colorectal": .percentage(27.4),
            "sante.depistage_sein": .percentage(52.1), "sante.qpv": .integer(2),
        ])
        #expect(
            SynthesisBuilder.healthIDs == [
                "sante.part_75_ans_plus", "sante.part_ald", "sante.part_c2s", "sante.mortalite_prematuree",
                "sante.depistage_colorectal", "sante.depistage_sein", "sante.qpv",
            ])
        let shown = SynthesisBuilder.healthIDs.map { synthesis.indicator($0)?.formatted }
        #expect(shown == ["13,2\u{00A0}%", "21,5\u{00A0}%", "8,1\u{00A0}%", "205,3", "27,4\u{00A0}%", "52,1\u{00A0}%", "2"])
        let ageing = try #require(synthesis.indicator("sante.part_75_ans_plus"))
        #expect(ageing.basis.first == "sante.part_75_ans_plus = 13,2\u{00A0}% (ORS Normandie 2025)")
        #expect(ageing.basis.contains { $0.contains("10,4\u{00A0}%") && $0.contains("INSEE") })
        #expect(ageing.caveat == nil)
        let ald = try #require(synthesis.indicator("sante.part_ald"))
        #expect(ald.formula.contains("part_ald_france"))
        #expect(ald.caveat?.contains("régime général") == true)
        // The number of QPV has no national figure, and says so.
        #expect(synthesis.indicator("sante.qpv")?.formula.contains("sans référence nationale") == true)
        #expect(synthesis.sections.map(\.key).contains("sante"))
    }

    @Test func missingFiguresAreListedWithTheQuestionToAnswer() throws {
        let synthesis = Self.synthesis(["sante.part_ald": .percentage(20)])
        let missing = synthesis.missing.filter { $0.id.hasPrefix("sante.") }
        #expect(missing.map(\.id) == SynthesisBuilder.healthIDs.filter { $0 != "sante.part_ald" })
        #expect(missing.first?.missingKeys == ["sante.part_75_ans_plus"])
        #expect(synthesis.indicator("sante.part_c2s")?.formatted == "—")
    }

    @Test func figuresAboveTheNationalOnesRaiseFindingsWithThemeAndLevers() throws {
        let synthesis = Self.synthesis([
            "sante.part_75_ans_plus": .percentage(13.2), "sante.part_ald": .percentage(21.5), "sante.part_c2s": .percentage(8.1),
            "sante.mortalite_prematuree": .decimal(205.3), "sante.depistage_colorectal": .percentage(27.4),
            "sante.depistage_sein": .percentage(52.1), "sante.qpv": .integer(0),
        ])
        let keys = synthesis.findings.map(\.ruleKey)
        #expect(keys == ["sante_vieillissement", "sante_ald_elevee", "sante_mortalite_prematuree", "sante_depistage_colorectal_faible"])
        let ald = try #require(synthesis.findings.first { $0.ruleKey == "sante_ald_elevee" })
        #expect(
            ald.message.hasPrefix(
                "21,5\u{00A0}% des patients sont en affection de longue durée, contre 18\u{00A0}% (Cnam, 2021, incertain)"))
        #expect(ald.theme == "état de santé")
        #expect(ald.levers.map(\.key) == ["maladies_chroniques", "prevention_promotion"])
        let mortality = try #require(synthesis.findings.first { $0.ruleKey == "sante_mortalite_prematuree" })
        #expect(mortality.message.contains("205,3 décès pour 100 000"))
        #expect(mortality.message.contains("189 (REPSS, 2017, incertain)"))
        // A QPV on the territory makes the CLS the health part of the contrat de ville.
        let districts = Self.synthesis(["sante.qpv": .integer(2)])
        let qpv = try #require(districts.findings.first { $0.ruleKey == "sante_quartiers_prioritaires" })
        #expect(qpv.message.contains("Quartiers prioritaires de la politique de la ville sur le territoire : 2."))
        #expect(qpv.levers.first?.key == "contrat_de_ville")
        #expect(districts.findings.count == 1)
    }

    @Test func everyHealthThemeIsAChoiceOfTheVoices() throws {
        let voices = try #require(Project.questionnaire.questions.first { $0.key == "concertation.voix" })
        guard case .list(let fields) = voices.kind, let theme = fields.first(where: { $0.key == "theme" }) else {
            Issue.record("concertation.voix.theme is missing")
            return
        }
        for rule in Project.synthesisReferences.rules where rule.key.hasPrefix("sante_") {
            #expect(theme.kind.choices.contains(rule.theme ?? ""), "\(rule.key): \(rule.theme ?? "sans thème")")
        }
        #expect(theme.kind.choices.contains("état de santé"))
    }

    @Test func highALDAndC2SPutTheInequalitiesFicheFirst() throws {
        let synthesis = Self.synthesis(Self.highALDAndC2S)
        #expect(synthesis.findings.map(\.ruleKey) == ["sante_ald_elevee", "sante_c2s_elevee"])
        let ranked = Project.library.ranked(by: synthesis)
        let first = try #require(ranked.first)
        #expect(first.sheet.key == "inegalites_sante")
        #expect(first.findings == ["sante_ald_elevee", "sante_c2s_elevee"])
        #expect(
            first.sheet.finding(quoting: first.findingMessages).contains("24,5\u{00A0}% des patients sont en affection de longue durée"))
        // The prevention fiches answering one of the two findings follow, before the fiches
        // that answer none.
        let suggested = ranked.filter(\.isSuggested).map(\.sheet.key)
        for key in ["nutrition_activite_physique", "vaccination_depistages", "pass", "lhss"] {
            #expect(suggested.contains(key), "\(key) is not suggested: \(suggested)")
        }
        // Without the portrait, none of them is suggested.
        let none = Project.library.ranked(by: Self.synthesis([:])).filter(\.isSuggested).map(\.sheet.key)
        #expect(!none.contains("inegalites_sante") && !none.contains("pass"))
    }
}
