import AtelierCore
import Foundation
import GRDB
import Testing

@testable import AtelierStore

/// The care sites an import keeps, read back as written, and read without trust once edited
/// by hand.
@Suite struct CareSiteStoreTests {
    let directory = TemporaryDirectory()
    var path: String { directory.path + "/territoire.sqlite" }
    static let area = GeoArea(latitudes: 48.5...49.5, longitudes: -0.5...0.5)

    @Test func eachFileReplacesOnlyItsOwnSites() throws {
        let store = try WorkbookStore(path: path, appVersion: "test")
        let proposal = Proposal(
            key: "mobilites.temps_acces.medecin_generaliste", value: .integer(7), source: "Calcul", sourceYear: 2026, file: "rpps.txt")
        try store.recordCareSites(
            fromFINESS: false, reading: .init(source: "RPPS 1", year: 2025, area: Self.area),
            counts: [.medecinGeneraliste: ["14118": 3, "14341": 1], .pharmacie: ["14118": 9]], file: "rpps.txt", proposals: [proposal])
        try store.recordCareSites(
            fromFINESS: true, reading: .init(source: "FINESS", year: 2020, area: Self.area), counts: [.pharmacie: ["14118": 2]],
            file: "finess.csv", proposals: [])
        try store.recordCareSites(
            fromFINESS: false, reading: .init(source: "RPPS 2", year: 2026, area: Self.area), counts: [.infirmier: ["14118": 5]],
            file: "rpps2.txt", proposals: [])
        let reopened = try WorkbookStore(path: path, appVersion: "test")
        let sites = try reopened.careSites()
        // The second RPPS import replaced the first (GPs gone); a pharmacy count sent with the
        // RPPS kinds is not an RPPS kind and was never stored; FINESS kept its own.
        #expect(sites.counts == [.infirmier: ["14118": 5], .pharmacie: ["14118": 2]])
        #expect(sites.readings[false]?.source == "RPPS 2" && sites.readings[false]?.year == 2026)
        #expect(sites.readings[true]?.area == Self.area)
        #expect(try reopened.proposals()["mobilites.temps_acces.medecin_generaliste"]?.value == .integer(7))
    }

    @Test func rowsEditedIntoNonsenseAreLeftOut() throws {
        let store = try WorkbookStore(path: path, appVersion: "test")
        try store.recordCareSites(
            fromFINESS: false, reading: .init(source: "RPPS", year: 2025, area: Self.area),
            counts: [.medecinGeneraliste: ["14118": 3]], file: "rpps.txt", proposals: [])
        try store.recordCareSites(
            fromFINESS: true, reading: .init(source: "FINESS", year: 2020, area: Self.area), counts: [.pharmacie: ["14118": 2]],
            file: "finess.csv", proposals: [])
        let database = try DatabaseQueue(path: path)
        try database.write { db in
            try db.execute(
                sql: """
                    INSERT INTO care_site VALUES ('rpps', 'chamane', '14118', 2);
                    INSERT INTO care_site VALUES ('rpps', 'infirmier', '14118', 'beaucoup');
                    INSERT INTO care_site VALUES ('rpps', 'sage_femme', 'Caen; DROP', 1);
                    INSERT INTO care_site VALUES ('rpps', 'pharmacie', '14341', 1);
                    INSERT INTO care_site VALUES ('rpps', 'infirmier', '14341', 0);
                    UPDATE care_site_reading SET south = 60 WHERE file_kind = 'finess';
                    """)
        }
        let sites = try WorkbookStore(path: path, appVersion: "test").careSites()
        #expect(sites.counts == [.medecinGeneraliste: ["14118": 3]])
        #expect(sites.readings[true] == nil)
    }
}
