import AtelierCore
import Testing

/// APL by part of the territory, with the national mean beside it and the ARS zoning wording.
@Suite struct SynthesisAplPartsTests {
    static func part(_ value: Double, _ codes: [String]) -> ListRecord {
        ListRecord(fields: [("valeur", .decimal(value)), ("communes", .communes(codes.map { Project.reference.communes[$0]!.ref }))])
    }

    static func build(_ answers: [String: AnswerValue]) -> Synthesis {
        SynthesisBuilder(references: Project.synthesisReferences, territory: Project.reference)
            .build(answers: answers.mapValues { SourcedAnswer(value: $0, source: "ARS, APL 2023", sourceYear: 2023) })
    }

    /// Oyonnax (01283) and Bellignat (01031) at 1,1; Ambérieu-en-Bugey (01004) at 3,4.
    let synthesis = Self.build([
        "demographie.apl_medecins_generalistes": .decimal(2.4),
        "demographie.zonage_medecins": .choice("en partie ZIP ou ZAC"),
        SynthesisBuilder.aplPartsKey: .records([part(1.1, ["01283", "01031"]), part(3.4, ["01004"])]),
    ])

    @Test func eachPartWithItsCommunesAndTheNationalMean() throws {
        #expect(synthesis.aplParts.count == 2)
        #expect(synthesis.aplParts[0].communesText == "Oyonnax, Bellignat (2 communes, 26\u{202F}005 habitants)")
        #expect(synthesis.aplParts[0].ratioToFrance.map { abs($0 - 1.1 / 3.3) < 1e-9 } == true)
        #expect(synthesis.indicator("acces.apl_france")?.formatted == "3,3")
        #expect(synthesis.indicator("acces.apl_france")?.basis.first?.contains("DREES") == true)
        #expect(synthesis.indicator("acces.apl_parties_sous_repere")?.value == 1)
        #expect(synthesis.indicator("acces.apl_partie_min")?.value == 1.1)
        #expect(synthesis.indicator("acces.apl_partie_max")?.value == 3.4)
    }

    @Test func aFindingPerPartUnderTheRepere() throws {
        let parts = synthesis.findings.filter { $0.ruleKey == "apl_partie_sous_densite" }
        #expect(parts.count == 1)
        #expect(
            parts.first?.message
                == "Partie du territoire Oyonnax, Bellignat (2 communes, 26\u{202F}005 habitants) : APL aux médecins généralistes de 1,1 consultations par an et par habitant, 0,33 fois la moyenne nationale de 3,3 (DREES, 2022), sous le repère de sous-densité de 2,5."
        )
        #expect(synthesis.findings.contains { $0.ruleKey == "apl_parties_inegales" })
        // Two parts under the repère: two findings.
        let both = Self.build([SynthesisBuilder.aplPartsKey: .records([Self.part(1.1, ["01283"]), Self.part(2.0, ["01004"])])])
        #expect(both.findings.filter { $0.ruleKey == "apl_partie_sous_densite" }.count == 2)
    }

    @Test func zoningWordingFollowsTheArsPracticeAndTheAnswer() throws {
        let messages = synthesis.findings.map(\.message)
        #expect(!messages.joined().contains("obligatoire"))
        let whole = try #require(synthesis.findings.first { $0.ruleKey == "apl_sous_densite" })
        #expect(whole.message.contains("arrêté par le directeur général de l'ARS par territoire de vie-santé"))
        #expect(whole.message.contains("révisée par l'arrêté du 9 mai 2025"))
        #expect(whole.message.contains("sous le repère de sous-densité de 2,5 (DREES, 2017, incertain)"))
        let partial = try #require(synthesis.findings.first { $0.ruleKey == "zonage_partiel" })
        #expect(partial.message.hasPrefix("Une partie seulement du territoire est classée en ZIP ou en ZAC"))
        #expect(partial.message.contains("10\u{202F}000\u{00A0}€ en ZIP, 5\u{202F}000\u{00A0}€ en ZAC"))
        #expect(!synthesis.findings.contains { $0.ruleKey == "zone_prioritaire" })
    }

    @Test func withoutPartsNothingIsInvented() throws {
        let synthesis = Self.build(["demographie.apl_medecins_generalistes": .decimal(3.0)])
        #expect(synthesis.aplParts.isEmpty)
        #expect(synthesis.indicator("acces.apl_parties")?.missingKeys == [SynthesisBuilder.aplPartsKey])
        #expect(!synthesis.findings.contains { $0.ruleKey.hasPrefix("apl_") })
    }
}
