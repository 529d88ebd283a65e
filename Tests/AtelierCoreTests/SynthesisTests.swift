import AtelierCore
import Testing

/// Every formula against values worked out by hand.
///
/// The territory: Caen (14118, PMUN 2023 = 109 400) and Ifs (14341, 11 937), so P = 121 337.
/// Calvados: 638 GPs libéraux in 2024 (Assurance Maladie file, row "Ensemble des médecins
/// généralistes;…;14;Calvados;…;638;89.7") and PMUN 2023 = 709 441 (sum of the INSEE file,
/// DEP = 14). France: 55 546 GPs libéraux, PMUN 68 094 280 + Mayotte 256 518 = 68 350 798.
@Suite struct SynthesisFormulaTests {
    static let communes: AnswerValue = .communes([
        CommuneRef(code: "14118", name: "Caen", population: 109_400, populationYear: 2023),
        CommuneRef(code: "14341", name: "Ifs", population: 11_937, populationYear: 2023),
    ])

    static let full: [String: SourcedAnswer] = [
        "territoire.nom": .init(value: .text("Caen et Ifs")),
        "territoire.communes": .init(value: communes, source: "DGCL, composition des EPCI au 01/01/2025", sourceYear: 2025),
        "demographie.medecins_generalistes.effectif": .init(value: .integer(100), source: "C@rtoSanté 2025", sourceYear: 2025),
        "demographie.medecins_generalistes.liberaux": .init(value: .integer(80), source: "C@rtoSanté 2025", sourceYear: 2025),
        "demographie.medecins_generalistes.age_60_plus": .init(value: .integer(30)),
        "demographie.medecins_generalistes.departs_5_ans": .init(value: .integer(20)),
        "demographie.medecins_generalistes.installations_prevues": .init(value: .integer(5)),
        "demographie.infirmiers.effectif": .init(value: .integer(0)),
        "demographie.infirmiers.installations_prevues": .init(value: .integer(2)),
        "demographie.pharmacies.effectif": .init(value: .integer(30)),
        "demographie.pharmacies.fermetures_5_ans": .init(value: .integer(2)),
        "demographie.pharmacies.ouvertures_prevues": .init(value: .integer(0)),
        "demographie.patients_sans_medecin_traitant": .init(value: .percentage(14)),
        "demographie.apl_medecins_generalistes": .init(value: .decimal(2.1)),
        "demographie.zonage_medecins": .init(value: .choice("ZIP")),
        "structures.liste": .init(
            value: .records([
                record("MSP", "en fonctionnement"), record("centre de santé polyvalent", "en projet"),
                record("hôpital de proximité", "en fonctionnement"), record("ESP", "en difficulté"),
            ])),
        "structures.cpts_couverture": .init(value: .choice("non")),
        "structures.sas": .init(value: .bool(true)),
        "mobilites.temps_acces.urgences": .init(value: .integer(35)),
        "mobilites.population_urgences_plus_30_min": .init(value: .percentage(12.5)),
        "mobilites.poles_exterieurs": .init(
            value: .records([ListRecord(fields: [("pole", .text("Bayeux")), ("motif", .text("urgences"))])])),
        "mobilites.offre_transport": .init(value: .choices(["aucune"])),
    ]

    static func record(_ type: String, _ status: String) -> ListRecord {
        ListRecord(fields: [("type", .choice(type)), ("nom", .text(type)), ("statut", .choice(status))])
    }

    let synthesis = SynthesisBuilder(references: Project.synthesisReferences, territory: Project.reference).build(answers: full)

    func value(_ id: String) -> Double? { synthesis.indicator(id)?.value }

    func close(_ a: Double?, _ b: Double, within tolerance: Double = 1e-9) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= tolerance
    }

    @Test func territory() throws {
        #expect(value("territoire.population") == 121_337)
        #expect(synthesis.territory.department?.code == "14")
        #expect(synthesis.territory.department?.name == "Calvados")
        #expect(synthesis.territory.department?.populationShare == 1)
    }

    @Test func densitiesAndRatios() throws {
        #expect(close(value("medecins_generalistes.densite"), 100.0 / 121_337 * 10_000))  // 8,24
        #expect(close(value("medecins_generalistes.densite_comparee"), 80.0 / 121_337 * 10_000))  // 6,59 (libéraux)
        #expect(close(value("medecins_generalistes.densite_departement"), 638.0 / 709_441 * 10_000))  // 8,99
        #expect(close(value("medecins_generalistes.densite_france"), 55_546.0 / 68_350_798 * 10_000))  // 8,13
        #expect(close(value("medecins_generalistes.rapport_departement"), (80.0 / 121_337) / (638.0 / 709_441)))
        #expect(synthesis.indicator("medecins_generalistes.densite_comparee")?.formatted == "6,6")
        #expect(synthesis.indicator("medecins_generalistes.densite_departement")?.formatted == "9,0")
        #expect(synthesis.indicator("medecins_generalistes.rapport_departement")?.formatted == "0,73")
        #expect(synthesis.indicator("medecins_generalistes.densite_comparee")?.caveat == nil)
    }

    @Test func ageingProjectionAndInhabitantsPerProfessional() throws {
        #expect(value("medecins_generalistes.part_60_plus") == 30)
        #expect(value("medecins_generalistes.effectif_5_ans") == 85)  // 100 − 20 + 5
        // On the base of the compared density (80 libéraux), scaled by 85 / 100.
        #expect(close(value("medecins_generalistes.densite_5_ans"), 80.0 / 121_337 * 10_000 * 85 / 100))
        #expect(value("medecins_generalistes.evolution_5_ans") == -15)  // (85 − 100) / 100
        #expect(close(value("medecins_generalistes.habitants_par_professionnel"), 1_213.37, within: 1e-6))
        #expect(synthesis.indicator("medecins_generalistes.evolution_5_ans")?.formatted == "-15\u{00A0}%")
    }

    @Test func zeroProfessionalsIsNotADivisionByZero() throws {
        #expect(value("infirmiers.densite") == 0)
        #expect(synthesis.indicator("infirmiers.part_60_plus")?.text == "sans objet")
        #expect(value("infirmiers.effectif_5_ans") == 2)  // departures are not asked when nobody works
    }

    @Test func pharmacies() throws {
        #expect(close(value("pharmacies.densite"), 30.0 / 121_337 * 10_000))
        #expect(value("pharmacies.effectif_5_ans") == 28)
        #expect(close(value("pharmacies.evolution_5_ans"), -2.0 / 30 * 100))
    }

    @Test func structures() throws {
        #expect(value("structures.nombre") == 4)
        #expect(value("structures.en_fonctionnement") == 2)
        #expect(value("structures.en_projet") == 1)
        #expect(value("structures.en_difficulte") == 1)
        #expect(value("structures.exercice_coordonne") == 1)  // the MSP; the ESP is not in operation
        #expect(close(value("structures.msp_cds_pour_10000"), 1.0 / 121_337 * 10_000))
        #expect(value("structures.hopital_proximite") == 1)
        #expect(synthesis.indicator("structures.cpts")?.text == "non")
        #expect(synthesis.indicator("structures.sas")?.text == "oui")
        let msp = try #require(synthesis.structures.first)
        #expect([msp.type] == ["MSP"] && [msp.operating, msp.planned, msp.struggling] == [1, 0, 0])
    }

    @Test func mobility() throws {
        #expect(value("mobilites.temps_urgences") == 35)
        #expect(close(value("mobilites.population_plus_30_min"), 12.5 * 121_337 / 100))  // 15 167,1
        #expect(value("mobilites.modes_transport") == 0)
        #expect(synthesis.poles == ["Bayeux ; urgences"])
    }

    @Test func findingsNameTheirFiguresAndLevers() throws {
        let keys = synthesis.findings.map(\.ruleKey)
        // Zero nurses is a density finding too; the MSP in operation keeps "pas_exercice_coordonne" silent.
        #expect(
            keys == [
                "densite_medecins_generalistes_inferieure_departement", "densite_infirmiers_inferieure_departement_et_france",
                "generalistes_ages", "perte_generalistes_5_ans", "apl_sous_densite", "zone_prioritaire",
                "patients_sans_medecin_traitant", "pas_de_cpts", "urgences_eloignees", "population_loin_des_urgences",
                "soins_hors_territoire_sans_transport", "msp_existantes", "msp_sans_cpts", "structures_en_difficulte",
                "structures_en_projet",
            ])
        let density = try #require(synthesis.findings.first)
        #expect(
            density.message
                == "Densité de médecins généralistes (libéraux) nettement inférieure à celle du département : 6,6 pour 10 000 habitants contre 9,0 dans le département (Calvados, 0,73 fois) et 8,1 en France (0,81 fois ; seuil de l'outil : 0,8)."
        )
        #expect(density.basis.contains("demographie.medecins_generalistes.liberaux = 80 (C@rtoSanté 2025)"))
        #expect(
            density.basis.contains {
                $0.hasPrefix(
                    "Calvados : 638 médecins généralistes libéraux (Assurance Maladie, professionnels libéraux 2024) pour 709\u{202F}441 habitants"
                )
            })
        #expect(density.levers.map(\.key) == ["accueil_etudiants", "aides_installation", "regroupement", "teleconsultation_delegation"])
        #expect(synthesis.levers.map(\.key).contains("transport"))
        #expect(!synthesis.levers.map(\.key).contains("sante_mentale"))  // structures.ptsm unanswered: that rule says nothing
    }

    @Test func withoutLiberauxTheComparisonIsFlagged() throws {
        var answers = Self.full
        answers["demographie.medecins_generalistes.liberaux"] = nil
        let synthesis = SynthesisBuilder(references: Project.synthesisReferences, territory: Project.reference).build(answers: answers)
        #expect(
            synthesis.indicator("medecins_generalistes.densite_comparee")?.value
                == synthesis.indicator("medecins_generalistes.densite")?.value)
        #expect(
            synthesis.indicator("medecins_generalistes.densite_comparee")?.caveat?.contains("demographie.medecins_generalistes.liberaux")
                == true)
    }
}

@Suite struct SynthesisWithMissingDataTests {
    let builder = SynthesisBuilder(references: Project.synthesisReferences, territory: Project.reference)

    @Test func nothingAnsweredShowsNoNumberAndNoFinding() throws {
        let synthesis = builder.build(answers: [:])
        let shown = synthesis.indicators.values.filter { $0.isAvailable && $0.text != "sans objet" }
        // The only figures that exist without answers are the references themselves.
        #expect(shown.allSatisfy { $0.id.hasSuffix("densite_france") || $0.id == "acces.apl_france" }, "\(shown.map(\.id))")
        #expect(synthesis.findings.isEmpty)
        #expect(
            synthesis.indicator("medecins_generalistes.densite")?.missingKeys == [
                "demographie.medecins_generalistes.effectif", "territoire.communes",
            ])
    }

    @Test(arguments: ["demographie", "structures", "mobilites"])
    func anEmptySectionJustifiesEveryNumberItShows(emptied: String) throws {
        let answers = SynthesisFormulaTests.full.filter { !$0.key.hasPrefix(emptied + ".") }
        let synthesis = builder.build(answers: answers)
        for indicator in synthesis.indicators.values where indicator.value != nil {
            #expect(!indicator.basis.isEmpty, "\(indicator.id) shows a number without basis")
        }
        let section = emptied == "demographie" ? ["medecins_generalistes.", "pharmacies."] : [emptied + "."]
        for indicator in synthesis.indicators.values
        where section.contains(where: indicator.id.hasPrefix) && !indicator.id.hasSuffix("densite_france")
            && !indicator.id.hasSuffix("densite_departement")
        {
            #expect(!indicator.isAvailable, "\(indicator.id) has a value with its section empty")
            #expect(!indicator.missingKeys.isEmpty, "\(indicator.id) does not say what it needs")
        }
    }
}

@Suite struct SynthesisReferenceTests {
    let references = Project.synthesisReferences

    @Test func headcountsAreRowsOfTheAssuranceMaladieFile() throws {
        // Rows of ameli_demographie_ps_effectifs_densite_departement_2024.csv, read by hand.
        let calvados = try #require(references.liberal["medecins_generalistes"]?["14"])
        #expect(calvados.departmentName == "Calvados" && calvados.count == 638 && calvados.publishedDensity == 89.7)
        #expect(references.liberal["medecins_generalistes"]?["999"]?.count == 55_546)
        #expect(references.liberal["infirmiers"]?["999"]?.count == 99_023)
        #expect(references.liberal["sages_femmes"]?["999"]?.count == 8_190)
        #expect(references.liberal.values.allSatisfy { $0.count == 102 })  // 101 départements and France
    }

    /// Our density (headcount / population légale 2023) agrees with the published one within 5 %
    /// where the published denominator is the whole population (not for sages-femmes).
    @Test(arguments: ["medecins_generalistes", "infirmiers", "masseurs_kinesitherapeutes", "chirurgiens_dentistes"])
    func recomputedDensitiesAgreeWithThePublishedOnes(profession: String) throws {
        var population: [String: Int] = [:]
        for commune in Project.reference.communes.values { population[commune.department, default: 0] += commune.population }
        for (code, row) in try #require(references.liberal[profession]) where code != "999" && code != "976" && row.publishedDensity > 0 {
            let ours = Double(row.count) / Double(population[code]!) * 100_000
            #expect(
                abs(ours - row.publishedDensity) / row.publishedDensity < 0.05, "\(profession) \(code): \(ours) vs \(row.publishedDensity)")
        }
    }

    @Test func nationalReferencesCarrySourceYearAndConfidence() throws {
        #expect(references.national["patients_sans_medecin_traitant"]?.value == 11)
        #expect(references.national["patients_sans_medecin_traitant"]?.year == 2021)
        #expect(references.national["msp_pour_10000"]?.confidence == "incertain")
        #expect(references.national.values.allSatisfy { !$0.source.isEmpty && $0.year > 2000 })
    }

    @Test func theReadmeListsEveryIndicator() throws {
        let readme = Project.text("README.md")
        for id in SynthesisBuilder.indicatorIDs {
            #expect(readme.contains("`\(id)`"), "README does not list \(id)")
        }
    }

    @Test func everyLeverIsCitedByARuleAndEveryRuleLoads() throws {
        let cited = Set(references.rules.flatMap(\.leverKeys))
        #expect(cited == Set(references.levers.keys))
        #expect(references.rules.count == 54)
    }

    func ruleError(_ body: String) -> FileProblem? {
        let levers = "leviers:\n  - cle: cpts\n    titre: CPTS\n    explication: x\n    sources: [y]\n    confiance: sûr\n"
        do {
            _ = try SynthesisReferences(
                nationalYAML:
                    "references:\n  - cle: a\n    libelle: A\n    valeur: 1\n    unite: nombre\n    annee: 2024\n    source: s\n    source_courte: s\n    confiance: sûr\n",
                liberalTSV: "profession\tdepartement\tlibelle_departement\teffectif\tdensite_publiee\n",
                rulesYAML: "regles:\n" + body, leversYAML: levers)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: [
        (
            "  - cle: r\n    si: [\"medecins_generalistes.rapport < 0.8\"]\n    constat: x\n    leviers: [cpts]\n", 3,
            "indicateur inconnu « medecins_generalistes.rapport »"
        ),
        ("  - cle: r\n    si: [\"structures.cpts = non\"]\n    constat: x\n    leviers: [sas]\n", 5, "levier inconnu « sas »"),
        (
            "  - cle: r\n    si: [\"structures.cpts = non\"]\n    constat: \"{structures.cpt}\"\n    leviers: [cpts]\n", 4,
            "indicateur inconnu « {structures.cpt} »"
        ),
        ("  - cle: r\n    si: [\"structures.cpts\"]\n    constat: x\n    leviers: [cpts]\n", 3, "condition illisible"),
        (
            "  - cle: r\n    si: [\"acces.apl_medecins_generalistes < ref.seuil_ap\"]\n    constat: x\n    leviers: [cpts]\n", 3,
            "règle r : référence inconnue « ref.seuil_ap »"
        ),
        (
            "  - cle: r\n    si: [\"structures.cpts = non\"]\n    constat: \"{ref.b} en France\"\n    leviers: [cpts]\n", 4,
            "règle r : référence inconnue « ref.b » (vouliez-vous dire « ref.a » ?)"
        ),
    ])
    func ruleMistakesAreReportedWithFileAndLine(body: String, line: Int, message: String) throws {
        let error = try #require(ruleError(body))
        #expect(error.file == "templates/synthese/regles.yaml")
        #expect(error.line == line, "\(error)")
        #expect(error.reason.contains(message), "\(error)")
    }
}
