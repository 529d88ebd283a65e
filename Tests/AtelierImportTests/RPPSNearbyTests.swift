import AtelierCore
import Foundation
import Testing

@testable import AtelierImport

/// The rows around the territory: counted per commune for the distances to care, never in
/// the territory's totals.
@Suite struct RPPSNearbyTests {
    @Test(.enabled(if: RPPSImportTests.sample != nil, "the open-data samples of ../shared/opendata are absent"))
    func nearbyProfessionalsArePlacedButNotCounted() throws {
        let helper = RPPSImportTests()
        let lines = try #require(RPPSImportTests.sample).components(separatedBy: "\n")
        let base = lines[1]
        let rows = [
            RPPSImportTests.row(from: base, [1: "A1", 9: "10", 15: "SM54", 17: "L", 36: "2A004"]),  // territory GP
            RPPSImportTests.row(from: base, [1: "B2", 9: "10", 15: "SM53", 17: "L", 36: "2B033"]),  // nearby GP
            RPPSImportTests.row(from: base, [1: "B2", 9: "10", 15: "SM53", 17: "S", 36: "2B033"]),  // same GP: once
            RPPSImportTests.row(from: base, [1: "C3", 9: "10", 15: "SM26", 17: "L", 36: "2B033"]),
            RPPSImportTests.row(from: base, [1: "D4", 9: "10", 15: "SM04", 17: "L", 36: "2B033"]),  // cardiologist
            RPPSImportTests.row(from: base, [1: "E5", 9: "21", 17: "L", 36: "2B033"]),  // pharmacien: no kind of care
            RPPSImportTests.row(from: base, [1: "F6", 9: "50", 17: "L", 36: "97120"]),  // nearby sage-femme
            RPPSImportTests.row(from: base, [1: "G7", 9: "60", 17: "L", 36: "75056"]),  // neither
        ]
        let path = helper.write(([lines[0]] + rows).joined(separator: "\n") + "\n")
        let counts = try RPPSImport.count(fileAt: path, communes: ["2A004"], nearby: ["2B033", "97120"])
        #expect(counts.matchedRows == 1)
        #expect(counts.total == [.medecinsGeneralistes: 1])
        #expect(counts.liberal == [.medecinsGeneralistes: 1])
        #expect(counts.byCommune["2A004"] == [.medecinsGeneralistes: 1])
        #expect(counts.byCommune["2B033"] == [.medecinsGeneralistes: 2])
        #expect(counts.byCommune["97120"] == [.sagesFemmes: 1])
        #expect(counts.byCommune["75056"] == nil)
        let sites = counts.careSites()
        #expect(sites[.medecinGeneraliste] == ["2A004": 1, "2B033": 2])
        #expect(sites[.sageFemme] == ["97120": 1])
        #expect(sites[.infirmier] == nil)
    }

    @Test func finessStructuresAroundTheTerritoryAreKeptOnlyForDistances() throws {
        let helper = RPPSImportTests()
        let header =
            "nofinesset;nofinessej;rs;rslongue;complrs;compldistrib;numvoie;typvoie;voie;compvoie;lieuditbp;region;libregion;departement;libdepartement;cog;codepostal;libelle_routage;ligneacheminement;telephone;telecopie;categetab;libcategetab"
        func line(_ finess: String, _ name: String, _ cog: String, _ category: String) -> String {
            "\(finess);;\(name);;;;;;;;;84;;01;AIN;\(cog);01000;;;;;\(category);libellé"
        }
        let path = helper.write(
            [
                header, line("010000001", "PHARMACIE DU TERRITOIRE", "01004", "620"),
                line("010000002", "PHARMACIE VOISINE", "01007", "620"), line("010000003", "EHPAD VOISIN", "01007", "500"),
                line("010000004", "CH VOISIN", "01007", "355"), line("010000005", "PHARMACIE LOINTAINE", "75056", "620"),
            ].joined(separator: "\n") + "\n", "finess.csv")
        let found = try FINESSImport.structures(fileAt: path, communes: ["01004"], nearby: ["01007"])
        #expect(found.map(\.finess) == ["010000001", "010000002", "010000004"])
        #expect(FINESSImport.careSites(found) == [.pharmacie: ["01004": 1, "01007": 1], .hopital: ["01007": 1]])
    }
}
