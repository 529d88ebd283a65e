import Testing

@testable import AtelierCore

/// The analyse croisée: each finding's theme, the voices of that theme beside it, the findings
/// nobody raised and the themes raised without a figure.
@Suite struct CrossAnalysisTests {
    static func records(_ items: [[(String, AnswerValue)]]) -> AnswerValue { .records(items.map { ListRecord(fields: $0) }) }

    static func meeting(_ kind: String, _ day: Int, _ month: Int, present: [String] = []) -> [(String, AnswerValue)] {
        [("type", .choice(kind)), ("date", .date(CalendarDate(year: 2027, month: month, day: day)!)), ("presents", .choices(present))]
    }

    static func voice(_ theme: String, _ who: String, _ said: String, meeting: Int? = nil) -> [(String, AnswerValue)] {
        [("theme", .choice(theme)), ("qui", .choice(who)), ("propos", .text(said))] + (meeting.map { [("reunion", .integer($0))] } ?? [])
    }

    /// No CPTS (structures), no SAS (accès aux soins), urgences at 45 minutes (mobilités).
    static let figures: [String: AnswerValue] = [
        "structures.cpts_couverture": .choice("non"), "structures.sas": .bool(false), "mobilites.temps_acces.urgences": .integer(45),
    ]

    static func synthesis(_ answers: [String: AnswerValue]) -> Synthesis {
        SynthesisBuilder(references: Project.synthesisReferences, territory: Project.reference)
            .build(answers: answers.mapValues { SourcedAnswer(value: $0) })
    }

    @Test func everyShippedRuleHasAThemeAmongTheVoiceThemesOfTheQuestionnaire() throws {
        let themes = Project.questionnaire.voiceThemes
        #expect(themes.contains("mobilités") && themes.contains("démographie des professionnels"))
        let references = try SynthesisReferences(
            nationalYAML: Project.text("templates/references/nationales.yaml"),
            liberalTSV: Project.text("templates/references/effectifs_liberaux_2024.tsv"),
            rulesYAML: Project.text("templates/synthese/regles.yaml"), leversYAML: Project.text("templates/synthese/leviers.yaml"),
            voiceThemes: themes)
        for rule in references.rules {
            #expect(rule.theme.map(themes.contains) == true, "\(rule.key) : \(rule.theme ?? "sans thème")")
        }
        let byKey = Dictionary(uniqueKeysWithValues: references.rules.map { ($0.key, $0.theme) })
        #expect(byKey["generalistes_ages"] == "démographie des professionnels")
        #expect(byKey["patients_sans_medecin_traitant"] == "accès aux soins")
        #expect(byKey["urgences_eloignees"] == "mobilités")
        #expect(byKey["msp_existantes"] == "structures")
    }

    @Test func aThemeThatIsNoVoiceThemeIsRefusedWithTheFileTheLineAndTheList() throws {
        var lines = Project.text("templates/synthese/regles.yaml").components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.hasPrefix("    theme: ") })
        lines[index] = "    theme: transports"
        #expect(throws: FileProblem.self) {
            _ = try SynthesisReferences(
                nationalYAML: Project.text("templates/references/nationales.yaml"),
                liberalTSV: Project.text("templates/references/effectifs_liberaux_2024.tsv"),
                rulesYAML: lines.joined(separator: "\n"), leversYAML: Project.text("templates/synthese/leviers.yaml"),
                voiceThemes: Project.questionnaire.voiceThemes)
        }
        do {
            _ = try SynthesisReferences(
                nationalYAML: Project.text("templates/references/nationales.yaml"),
                liberalTSV: Project.text("templates/references/effectifs_liberaux_2024.tsv"),
                rulesYAML: lines.joined(separator: "\n"), leversYAML: Project.text("templates/synthese/leviers.yaml"),
                voiceThemes: Project.questionnaire.voiceThemes)
        } catch {
            #expect(error.file == "templates/synthese/regles.yaml" && error.line == index + 1)
            #expect(error.reason.hasPrefix("règle densite_medecins_generalistes_inferieure_departement : thème inconnu « transports » "))
            #expect(error.reason.contains("(thèmes des propos : démographie des professionnels, accès aux soins, structures, mobilités,"))
        }
        // An empty theme is a bad value too.
        lines[index] = "    theme: \"\""
        #expect(throws: FileProblem.self) {
            _ = try SynthesisReferences(
                nationalYAML: Project.text("templates/references/nationales.yaml"),
                liberalTSV: Project.text("templates/references/effectifs_liberaux_2024.tsv"),
                rulesYAML: lines.joined(separator: "\n"), leversYAML: Project.text("templates/synthese/leviers.yaml"))
        }
    }

    @Test func theVoicesOfAThemeStandBesideItsFindingCountedByCapacityAndMeeting() throws {
        var answers = Self.figures
        answers[QuestionKeys.meetings] = Self.records([
            Self.meeting("COPIL", 12, 3), Self.meeting("réunion publique", 2, 4), Self.meeting("groupe de travail", 9, 4),
        ])
        answers[QuestionKeys.voices] = Self.records([
            Self.voice("mobilités", "habitants", "Pas de bus le mardi", meeting: 1),
            Self.voice("mobilités", "habitants", "Le taxi coûte trop cher", meeting: 2),
            Self.voice("mobilités", "professionnels", "Nos patients viennent à pied", meeting: 2),
            Self.voice("mobilités", "habitants", "Ma voisine renonce aux soins", meeting: 3),
            Self.voice("mobilités", "professionnels", "Les urgences sont à 45 minutes", meeting: 3),
            Self.voice("santé mentale", "élus", "Les jeunes attendent six mois un rendez-vous"),
        ])
        let synthesis = Self.synthesis(answers)
        let cross = synthesis.crossAnalysis
        let urgences = try #require(cross.findings.first { $0.finding.ruleKey == "urgences_eloignees" })
        let voices = try #require(urgences.voices)
        #expect(voices.voices.count == 5 && voices.meetings.map(\.number) == [1, 2, 3])
        #expect(voices.bySpeaker == [.init(speaker: "habitants", count: 3), .init(speaker: "professionnels", count: 2)])
        // Three quotes at most, the residents and the professionals both heard, in the order said.
        #expect(
            cross.sentence(for: urgences)
                == "Sur le thème « mobilités », ce qu'en disent les acteurs : 5 propos (habitants 3, professionnels 2) en 3 réunions — "
                + "« Pas de bus le mardi » (habitants, COPIL du 12/03/2027) ; "
                + "« Le taxi coûte trop cher » (habitants, réunion publique du 02/04/2027) ; "
                + "« Nos patients viennent à pied » (professionnels, réunion publique du 02/04/2027)")
        // The CPTS and the SAS: nobody raised them.
        #expect(Set(cross.unraised.map(\.ruleKey)) == ["pas_de_cpts", "pas_de_sas"])
        let cpts = try #require(cross.findings.first { $0.finding.ruleKey == "pas_de_cpts" })
        #expect(
            cross.sentence(for: cpts) == "Sur le thème « structures », aucun propos n'a été noté."
        )
        // Santé mentale: said, with no figure.
        #expect(cross.themesWithoutFinding.map(\.theme) == ["santé mentale"])
        #expect(
            cross.themesWithoutFindingSentence == "Thèmes soulevés sans constat chiffré : santé mentale : 1 propos (élus 1) hors réunion.")
    }

    @Test func withoutAnyVoiceThereIsNothingToCross() {
        let cross = Self.synthesis(Self.figures).crossAnalysis
        #expect(!cross.findings.isEmpty)
        #expect(cross.findings.allSatisfy { cross.sentence(for: $0) == nil })
        #expect(cross.unraised.isEmpty && cross.themesWithoutFinding.isEmpty && cross.themesWithoutFindingSentence == nil)
    }

    @Test func aVoiceOfAMeetingRemovedCountsOutsideMeetingsAndANameIsQuotedOnlyWhenRecorded() throws {
        var answers = Self.figures
        answers[QuestionKeys.meetings] = Self.records([Self.meeting("COPIL", 12, 3)])
        answers[QuestionKeys.voices] = Self.records([
            Self.voice("mobilités", "élus", "Une navette le jeudi", meeting: 1) + [("nom", .text("Marie Dupont"))],
            Self.voice("mobilités", "habitants", "Rien le soir", meeting: 4),
        ])
        let cross = Self.synthesis(answers).crossAnalysis
        let urgences = try #require(cross.findings.first { $0.finding.ruleKey == "urgences_eloignees" })
        #expect(
            cross.sentence(for: urgences)
                == "Sur le thème « mobilités », ce qu'en disent les acteurs : 2 propos (élus 1, habitants 1) en 1 réunion et 1 hors réunion — "
                + "« Une navette le jeudi » (Marie Dupont, élus, COPIL du 12/03/2027) ; « Rien le soir » (habitants)")
    }
}
