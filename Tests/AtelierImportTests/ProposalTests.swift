import AtelierCore
import Foundation
import Testing

@testable import AtelierImport

/// What the readers' results propose, as the session stores them and the user confirms them:
/// the questions, the values and the sources, on the real extracts of ../shared/opendata.
@Suite struct ProposalTests {
    static let opendata = FINESSImportTests.opendata
    static let rpps = RPPSImportTests.samplePath
    static let finess = FINESSImportTests.flat
    static let populations = PopulationImportTests.populations
    static func present(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }
    static let absent: Comment = "the open-data samples of ../shared/opendata are absent"
    static let source = ImportSource(text: "Test", year: 2021)

    /// Bourg-en-Bresse, Valserhône and Ambérieu-en-Bugey, as data/communes.tsv has them.
    static func reference() throws -> TerritoryReference {
        let communes =
            "code\tnom\tdepartement\tpopulation_municipale\tannee_population\tsiren_epci\n"
            + "01004\tAmbérieu-en-Bugey\t01\t15934\t2023\t\n01033\tValserhône\t01\t16712\t2023\t\n01053\tBourg-en-Bresse\t01\t42372\t2023\t\n"
        return try TerritoryReference(communesTSV: communes, epciTSV: "siren\tnom\tnature_juridique\tnombre_communes\n")
    }

    // MARK: - RPPS

    @Test(.enabled(if: present(rpps), absent))
    func theRPPSSampleProposesEveryHeadcountButThePharmaciens() throws {
        let counts = try RPPSImport.count(fileAt: Self.rpps, communes: ["01004", "01053"])
        let (proposals, note) = counts.proposals(source: Self.source)
        // The sample's rows of these communes are of professions not counted (86, 94, 96).
        #expect(
            proposals.map(\.key)
                == ["medecins_generalistes", "infirmiers", "masseurs_kinesitherapeutes", "chirurgiens_dentistes", "sages_femmes"]
                .flatMap { ["demographie.\($0).effectif", "demographie.\($0).liberaux"] })
        #expect(proposals.allSatisfy { $0.value == .integer(0) && $0.source == Self.source })
        #expect(note == nil)
    }

    @Test(.enabled(if: present(rpps), absent))
    func aFileWithNoRowOfTheTerritorySaysItsZerosAreAnAbsence() throws {
        let counts = try RPPSImport.count(fileAt: Self.rpps, communes: ["14118"])
        #expect(
            counts.proposals(source: Self.source).note
                == "Attention : aucune des 22 lignes lues ne concerne une commune du territoire (extraction d'un autre département ?) ; les effectifs proposés sont donc 0."
        )
    }

    @Test func headcountsGoToTheirProfessionsQuestions() {
        var counts = RPPSImport.Counts()
        counts.total = [.infirmiers: 12, .medecinsGeneralistes: 4, .pharmaciens: 3]
        counts.liberal = [.infirmiers: 9]
        counts.rows = 30
        counts.matchedRows = 20
        let values = Dictionary(uniqueKeysWithValues: counts.proposals(source: Self.source).proposals.map { ($0.key, $0.value) })
        #expect(values["demographie.infirmiers.effectif"] == .integer(12))
        #expect(values["demographie.infirmiers.liberaux"] == .integer(9))
        #expect(values["demographie.medecins_generalistes.effectif"] == .integer(4))
        #expect(values["demographie.medecins_generalistes.liberaux"] == .integer(0))
        #expect(values["demographie.pharmaciens.effectif"] == nil)  // counted from FINESS (officines)
        #expect(values.count == 10)
    }

    // MARK: - Sources

    @Test func theSourceSaysTheExtractionDateOfTheFileName() {
        let source = ImportSource(
            publisher: "Annuaire Santé (RPPS)", path: "/tmp/x/PS_LibreAcces_Personne_activite_202112020908.txt",
            modified: CalendarDate(year: 2026, month: 3, day: 1))
        #expect(
            source
                == ImportSource(
                    text: "Annuaire Santé (RPPS), extraction du 02/12/2021 (PS_LibreAcces_Personne_activite_202112020908.txt)", year: 2021))
    }

    @Test func withoutADateInItsNameTheFileIsDatedByItsModification() {
        let source = ImportSource(
            publisher: "FINESS", path: "finess\u{1B}]0;x\u{07}.csv", modified: CalendarDate(year: 2026, month: 3, day: 1))
        #expect(source == ImportSource(text: "FINESS, fichier finess]0;x.csv du 01/03/2026", year: 2026))
        #expect(ImportSource(publisher: "FINESS", path: "f.csv", modified: nil) == ImportSource(text: "FINESS, fichier f.csv", year: nil))
    }

    // MARK: - FINESS

    @Test(.enabled(if: present(finess), absent))
    func finessStructuresAreAddedToTheListAndPharmaciesCounted() throws {
        let found = try FINESSImport.structures(fileAt: Self.finess, communes: ["01053", "01033", "01004"])
        let reference = try Self.reference()
        let amberieu = try #require(reference.communes["01004"]).ref
        // One structure already listed (the name as typed), one the file does not know.
        let existing = [
            ListRecord(fields: [
                ("type", .choice("pharmacie")), ("nom", .text("Pharmacie du Champ de Mars")),
                ("commune", .commune(amberieu)), ("statut", .choice("en fonctionnement")),
            ]),
            ListRecord(fields: [
                ("type", .choice("MSP")), ("nom", .text("MSP du Bugey")),
                ("commune", .commune(amberieu)), ("statut", .choice("en projet")),
            ]),
        ]
        let proposals = FINESSImport.proposals(found, existing: existing, reference: reference, source: Self.source)
        #expect(proposals.map(\.key) == ["structures.liste", "demographie.pharmacies.effectif"])
        // 39 structures in these communes, 26 of a listed catégorie (25 officines, 1 EHPAD).
        #expect(proposals[1].value == .integer(25))
        guard case .records(let records) = proposals[0].value else { Issue.record("not a list: \(proposals[0].value)"); return }
        #expect(records.count == 2 + 25)
        #expect(Array(records.prefix(2)) == existing)
        #expect(records.filter { $0["type"] == .choice("EHPAD") }.map { $0["nom"] } == [.text("EHPAD L'AMBARROISE AMBERIEU")])
        #expect(records.dropFirst(2).allSatisfy { $0["statut"] == .choice("en fonctionnement") })
    }

    @Test func aStructureOfAnUnknownCommuneOrCatégorieIsLeftOut() throws {
        func structure(_ name: String, _ commune: String, _ category: String) -> FINESSImport.Structure {
            FINESSImport.Structure(finess: "0", name: name, commune: commune, category: category, categoryLabel: "")
        }
        let found = [
            structure("PHARMACIE A", "01004", "620"), structure("PHARMACIE B", "75056", "620"), structure("SSIAD", "01004", "354"),
        ]
        let proposals = FINESSImport.proposals(found, existing: [], reference: try Self.reference(), source: Self.source)
        guard case .records(let records) = proposals[0].value else { Issue.record("not a list"); return }
        #expect(records.map { $0["nom"] } == [.text("PHARMACIE A")])
        #expect(proposals[1].value == .integer(2))  // officines of the territory's rows, as read
    }

    // MARK: - INSEE

    @Test(.enabled(if: present(populations), absent))
    func populationsUpdateTheTerritorysCommunesWithTheMillesimeOfTheName() throws {
        let communes = [
            CommuneRef(code: "01053", name: "Bourg-en-Bresse", population: 41_000, populationYear: 2020),
            CommuneRef(code: "01999", name: "Commune disparue", population: 100, populationYear: 2020),
        ]
        let found = try PopulationImport.populations(fileAt: Self.populations, communes: Set(communes.map(\.code)))
        let proposal = try PopulationImport.proposal(found, communes: communes, path: Self.populations)
        #expect(proposal.key == "territoire.communes")
        #expect(
            proposal.value
                == .communes([CommuneRef(code: "01053", name: "Bourg-en-Bresse", population: 42_372, populationYear: 2023), communes[1]]))
        #expect(
            proposal.source
                == ImportSource(
                    text:
                        "INSEE, populations légales 2023 (insee_populations_legales_communes_2023.csv) ; absentes du fichier, inchangées : 01999",
                    year: 2023))
    }

    @Test func aFileWithoutTheTerritorysCommunesIsRefused() {
        let communes = [CommuneRef(code: "01999", name: "Commune disparue", population: 100, populationYear: 2020)]
        #expect(throws: FileProblem(importing: "/tmp/donnees.csv", line: nil, reason: "aucune commune du territoire dans ce fichier")) {
            try PopulationImport.proposal([:], communes: communes, path: "/tmp/donnees.csv")
        }
        #expect(PopulationImport.millesime(inFileName: "donnees.csv") == nil)
    }
}
