import AtelierCore
import Testing

/// Distances from each commune to the nearest care, on hand-computed cases (haversine on a
/// sphere of 6 371,0088 km; minutes = 1,3 × km, 10 km at 40 km/h then 70 km/h).
@Suite struct MobilityAnalysisTests {
    /// Alpha (49,0 ; 0,0) and Beta (49,1 ; 0,0) are the territory; Gamma (49,0 ; 0,2) is not.
    /// Alpha–Gamma 14,5901 km, Beta–Gamma 18,3327 km, Alpha–Beta 11,1195 km.
    static let reference = try! TerritoryReference(
        communesTSV: """
            code\tnom\tdepartement\tpopulation_municipale\tannee_population\tsiren_epci
            14001\tAlpha\t14\t1000\t2023\t
            14002\tBeta\t14\t3000\t2023\t
            14003\tGamma\t14\t500\t2023\t
            14004\tDelta\t14\t200\t2023\t
            """,
        epciTSV: "siren\tnom\tnature_juridique\tnombre_communes\n",
        pointsTSV: """
            code\tlatitude\tlongitude\torigine
            14001\t49.0\t0.0\ttest
            14002\t49.1\t0.0\ttest
            14003\t49.0\t0.2\ttest
            """)

    static func communes(_ codes: [String], in reference: TerritoryReference = reference) -> [CommuneRef] {
        codes.compactMap { reference.communes[$0]?.ref }
    }

    static func sites(_ gps: [String: Int], around codes: [String], in reference: TerritoryReference = reference) -> CareSites {
        let area = CareSites.area(around: codes, reference: reference)!
        return CareSites(counts: [.medecinGeneraliste: gps], readings: [false: .init(source: "RPPS test", year: 2026, area: area)])
    }

    func nearest(_ analysis: MobilityAnalysis, _ code: String) -> MobilityAnalysis.Nearest? {
        guard case .found(let nearest)? = analysis.rows.first(where: { $0.commune.code == code })?.access[.medecinGeneraliste] else {
            return nil
        }
        return nearest
    }

    @Test func aGPOnlyOutsideTheTerritoryIsTheNearestOfEveryCommune() throws {
        let analysis = MobilityAnalysis(
            communes: Self.communes(["14001", "14002"]), reference: Self.reference,
            sites: Self.sites(["14003": 4], around: ["14001", "14002"]))
        let alpha = try #require(nearest(analysis, "14001"))
        #expect(alpha.code == "14003" && alpha.name == "Gamma" && !alpha.inTerritory)
        #expect(abs(alpha.kilometres - 14.5901) < 0.001)
        #expect(abs(alpha.minutes - 22.6861) < 0.001)
        let beta = try #require(nearest(analysis, "14002"))
        #expect(abs(beta.kilometres - 18.3327) < 0.001 && abs(beta.minutes - 26.8564) < 0.001)
        let summary = try #require(analysis.summaries[.medecinGeneraliste])
        // (1 000 × 22,6861 + 3 000 × 26,8564) / 4 000
        #expect(abs(summary.meanMinutes - 25.8138) < 0.001)
        #expect(summary.inhabitantsBeyond == [10: 4000, 20: 4000])
        #expect(summary.share(beyond: 30) == 0)
        #expect(!summary.isLowerBound && summary.population == 4000)
        // Gamma, outside, within 20 minutes of Alpha… no: 22,7 min; beyond the poles' reach.
        #expect(analysis.poles.isEmpty)
        #expect(analysis.rowsByDistance.map(\.commune.code) == ["14002", "14001"])
    }

    @Test func aCommuneWithItsOwnGPIsAtZeroAndNearestToItsNeighbour() throws {
        let analysis = MobilityAnalysis(
            communes: Self.communes(["14001", "14002"]), reference: Self.reference,
            sites: Self.sites(["14002": 2, "14003": 7], around: ["14001", "14002"]))
        let beta = try #require(nearest(analysis, "14002"))
        #expect(beta.code == "14002" && beta.kilometres == 0 && beta.minutes == 0 && beta.inTerritory)
        #expect(MobilityAnalysis.cells(.found(beta)) == ["dans la commune", "0,0", "0"])
        let alpha = try #require(nearest(analysis, "14001"))
        #expect(alpha.code == "14002" && abs(alpha.kilometres - 11.1195) < 0.001 && abs(alpha.minutes - 18.8189) < 0.001)
        let summary = try #require(analysis.summaries[.medecinGeneraliste])
        #expect(summary.inhabitantsBeyond == [10: 1000])
        #expect(abs(summary.meanMinutes - 18.8189 * 1000 / 4000) < 0.001)
        // Gamma is beyond 20 minutes of the territory (22,7 from Alpha): not a pole.
        #expect(analysis.poles.isEmpty)
    }

    @Test func aCommuneWithoutAPointIsNamedAndLeftOutOfTheMeans() {
        let analysis = MobilityAnalysis(
            communes: Self.communes(["14001", "14004"]), reference: Self.reference, sites: Self.sites(["14001": 1], around: ["14001"]))
        #expect(analysis.withoutPoint.map(\.name) == ["Delta"])
        #expect(analysis.rows.map(\.commune.code) == ["14001"])
        #expect(analysis.summaries[.medecinGeneraliste]?.population == 1000)
        #expect(analysis.withoutPointSentence?.contains("Delta (14004, 200 habitants)") == true)
    }

    @Test func corsicaIsAnIslandTheMainlandIsNotSearched() throws {
        let reference = Project.reference
        // Ajaccio (2A004) with a GP only in Bastia (2B033), 102,6 km away: beyond the 30 km
        // searched around the territory, said as a bound, never as a mean.
        let far = MobilityAnalysis(
            communes: Self.communes(["2A004"], in: reference), reference: reference,
            sites: Self.sites(["2B033": 30], around: ["2A004"], in: reference))
        guard case .beyond(let kilometres)? = far.rows.first?.access[.medecinGeneraliste] else {
            Issue.record("Bastia is beyond the area read around Ajaccio")
            return
        }
        #expect(abs(kilometres - CareSites.margin) < 0.01 && CareSites.margin == 30)
        #expect(MobilityAnalysis.cells(far.rows.first?.access[.medecinGeneraliste]) == ["aucun à moins de 30 km", "> 30", "—"])
        #expect(far.summaries[.medecinGeneraliste]?.isLowerBound == true)
        // Furiani (2B120) and Bastia: 3,8683 km, 7,5431 min; Bastia is a pole of Furiani.
        let near = MobilityAnalysis(
            communes: Self.communes(["2B120"], in: reference), reference: reference,
            sites: Self.sites(["2B033": 30], around: ["2B120"], in: reference))
        let bastia = try #require(nearest(near, "2B120"))
        #expect(bastia.name == "Bastia" && abs(bastia.kilometres - 3.8683) < 0.001 && abs(bastia.minutes - 7.5431) < 0.001)
        #expect(near.poles.map(\.name) == ["Bastia"] && near.poles.first?.generalPractitioners == 30)
    }

    @Test func overseasCommunesAreMeasuredOnTheirIsland() throws {
        let reference = Project.reference
        // Les Abymes (97101) → Pointe-à-Pitre (97120): 5,508 km, 10,7406 min.
        let analysis = MobilityAnalysis(
            communes: Self.communes(["97101"], in: reference), reference: reference,
            sites: Self.sites(["97120": 12, "75056": 5_000], around: ["97101"], in: reference))
        let found = try #require(nearest(analysis, "97101"))
        #expect(found.name == "Pointe-à-Pitre" && abs(found.kilometres - 5.508) < 0.001 && abs(found.minutes - 10.7406) < 0.001)
        #expect(analysis.summaries[.medecinGeneraliste]?.inhabitantsBeyond == [10: 51_055])
    }

    @Test func theMinutesFollowTheStatedModel() {
        #expect(TravelTimeModel.minutes(straightLine: 0) == 0)
        // 10 km straight → 13 km of road: 10 at 40 km/h (15 min) + 3 at 70 km/h (2,571 min).
        #expect(abs(TravelTimeModel.minutes(straightLine: 10) - (15 + 3.0 / 70 * 60)) < 1e-9)
        #expect(TravelTimeModel.method.contains("× 1,3") && TravelTimeModel.method.contains("estimation"))
    }

    @Test func theAreaBoundsTheSearchFromBelow() throws {
        let area = try #require(GeoArea.around([GeoPoint(latitude: 45, longitude: 5)], margin: 50))
        let edge = area.distanceToEdge(from: GeoPoint(latitude: 45, longitude: 5))
        #expect(abs(edge - 50) < 0.01)
        // A point 50 km due east is on the edge or outside; 49 km east is inside.
        #expect(area.contains(GeoPoint(latitude: 45, longitude: 5 + 49 / (111.195 * 0.7071))))
    }

    @Test func aDamagedPointLineIsRefusedWithItsLine() {
        #expect(throws: FileProblem.self) {
            try TerritoryReference(
                communesTSV: "code\tnom\tdepartement\tpopulation_municipale\tannee_population\tsiren_epci\n14001\tAlpha\t14\t10\t2023\t\n",
                epciTSV: "siren\tnom\tnature_juridique\tnombre_communes\n",
                pointsTSV: "code\tlatitude\tlongitude\torigine\n14001\t49,0\t0.0\ttest\n")
        }
        do {
            _ = try TerritoryReference(
                communesTSV: "code\tnom\tdepartement\tpopulation_municipale\tannee_population\tsiren_epci\n14001\tAlpha\t14\t10\t2023\t\n",
                epciTSV: "siren\tnom\tnature_juridique\tnombre_communes\n",
                pointsTSV: "code\tlatitude\tlongitude\torigine\n14001\t49.0\t0.0\ttest\n14001\t48.0\t0.0\ttest\n")
            Issue.record("a commune placed twice is refused")
        } catch let problem as FileProblem {
            #expect(problem.line == 3 && problem.file == "data/points_communes.tsv")
            #expect(problem.reason.contains("déjà placée ligne 2"))
        } catch { Issue.record("\(error)") }
    }

    @Test func theBundledPointsCoverEveryCommuneButTheTwelveNamed() {
        let reference = Project.reference
        let missing = reference.communes.keys.filter { reference.points[$0] == nil }.sorted()
        #expect(missing == ["12218", "14581", "15031", "15035", "15047", "15171", "27676", "49126", "60694", "69114", "85165", "85212"])
        #expect(reference.points["75108"] != nil && reference.points["75056"] != nil)
    }
}

/// The shares beyond 10, 20 and 30 minutes cannot contradict each other.
@Suite struct MobilityShareBoundsTests {
    @Test func aShareBeyondThirtyMinutesIsAtMostTheShareBeyondTwenty() throws {
        let questionnaire = Project.questionnaire
        let answers: [String: AnswerValue] = ["mobilites.medecin_generaliste.plus_20_min": .percentage(12.5)]
        let violation = try #require(
            questionnaire.violationOfDependentBounds(
                key: "mobilites.medecin_generaliste.plus_30_min", value: .percentage(20), answers: answers))
        #expect(violation.reason?.contains("supérieur à la réponse donnée à mobilites.medecin_generaliste.plus_20_min") == true)
        #expect(violation.expected == "un pourcentage d'au plus 12,5\u{00A0}%")
        // And the other way: a share beyond 10 minutes below the one beyond 20 is refused.
        let reverse = try #require(
            questionnaire.violationOfDependentBounds(
                key: "mobilites.medecin_generaliste.plus_10_min", value: .percentage(5), answers: answers))
        #expect(reverse.reason?.contains("inférieur à la réponse déjà donnée à mobilites.medecin_generaliste.plus_20_min") == true)
        // Typed: the parser's bound says which answer bounds it.
        let question = try #require(questionnaire.question(forKey: "mobilites.medecin_generaliste.plus_30_min"))
        #expect(throws: InvalidAnswer.self) {
            try AnswerParser(reference: Project.reference, answers: answers).parse("30", as: question.kind, bounds: question.bounds)
        }
        #expect(
            AnswerParser(reference: Project.reference, answers: answers).expectation(for: question.kind, bounds: question.bounds)
                == "un pourcentage comme 12,5 entre 0 et 12,5 (la réponse à mobilites.medecin_generaliste.plus_20_min)")
    }
}

/// The grid search finds what a search of every site finds, even for a territory of all France.
@Suite struct MobilitySearchTests {
    @Test func theNearestIsTheNearestOfAllSitesForEveryCommuneOfFrance() throws {
        let reference = Project.reference
        let placed = reference.communes.keys.sorted().filter { reference.points[$0] != nil }
        // Every commune is the territory (a hostile perimeter: it must end, not hang); one in
        // 37 has a GP.
        let sites = Dictionary(uniqueKeysWithValues: placed.enumerated().filter { $0.offset % 37 == 0 }.map { ($0.element, 1) })
        let communes = placed.compactMap { reference.communes[$0]?.ref }
        let analysis = MobilityAnalysis(
            communes: communes, reference: reference, sites: MobilityAnalysisTests.sites(sites, around: placed, in: reference))
        #expect(analysis.rows.count == placed.count)
        let sitePoints = sites.keys.map { ($0, reference.points[$0]!) }
        for row in analysis.rows.enumerated().filter({ $0.offset % 700 == 0 }).map(\.element) {
            let origin = reference.points[row.commune.code]!
            let best = sitePoints.map { origin.distance(to: $0.1) }.min()!
            guard case .found(let nearest)? = row.access[.medecinGeneraliste] else {
                // Beyond the area read: every site is at least that far.
                if case .beyond(let bound)? = row.access[.medecinGeneraliste] {
                    #expect(best >= bound - 0.05)
                } else {
                    Issue.record("\(row.commune.name)")
                }
                continue
            }
            // The flat-Earth search may pick a site a few metres farther on a near tie.
            #expect(abs(nearest.kilometres - best) < 0.05, "\(row.commune.name): \(nearest.kilometres) km, nearest is \(best) km")
        }
    }
}
