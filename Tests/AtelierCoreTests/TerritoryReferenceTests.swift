import AtelierCore
import Testing

@Suite struct TerritoryReferenceTests {
    let reference = Project.reference

    @Test func communesCarryTheOfficialPopulation() throws {
        // Read by hand in insee_populations_legales_communes_2023.csv: "…;14118;Caen;109400;2146;111546".
        let caen = try #require(reference.communes["14118"])
        #expect(caen.name == "Caen")
        #expect(caen.population == 109_400)
        #expect(caen.populationYear == 2023)
        #expect(caen.epciSiren == "200065597")
        #expect(reference.communes.count == 34_875)  // COM rows of the COG 2026
    }

    @Test func parisLyonMarseilleSumTheirArrondissements() throws {
        // Sum of PMUN of 75101…75120 in the 2023 file, computed by hand with awk: 2 103 778.
        #expect(reference.communes["75056"]?.population == 2_103_778)
        #expect(reference.communes["13055"]?.name == "Marseille")
    }

    @Test func mayotteComesFromItsOwnCensus() throws {
        #expect(reference.communes["97611"]?.populationYear == 2017)
        #expect(reference.communes["97611"]?.name == "Mamoudzou")
    }

    @Test func epciMembersMatchTheDGCLList() throws {
        let members = reference.members(ofEpci: "200065597")
        #expect(members.count == 48)  // nb_membres in dgcl_epcicom_2025.csv
        #expect(reference.epcis["200065597"]?.name == "CU Caen la Mer")
        #expect(members.first?.code == "14030")
    }

    /// The bundled file against the raw national files, when they are beside the project.
    @Test(.enabled(if: Project.openData("dgcl_epcicom_2025.csv") != nil, "the open-data samples of ../shared/opendata are absent"))
    func bundledPopulationsAgreeWithTheRawFiles() throws {
        let populations = try #require(Project.openData("insee_populations_legales_communes_2023.csv"))
        let epcicom = try #require(Project.openData("dgcl_epcicom_2025.csv"))
        var pmun: [String: Int] = [:]
        for line in populations.split(whereSeparator: \.isNewline).dropFirst() {
            let f = line.split(separator: ";", omittingEmptySubsequences: false)
            pmun[String(f[6])] = Int(f[8])
        }
        var codes: [String] = []
        for line in epcicom.split(whereSeparator: \.isNewline) {
            let f = line.split(separator: ";", omittingEmptySubsequences: false)
            if f.count > 9 && f[1] == "200065597" { codes.append(String(f[9])) }
        }
        #expect(codes.count == 48)
        let expected: Int = codes.reduce(0) { total, code in total + (pmun[code] ?? 0) }
        #expect(reference.members(ofEpci: "200065597").reduce(0) { $0 + $1.population } == expected)
        #expect(expected == 281_165)
    }

    @Test func aMalformedReferenceFileNamesItsLine() throws {
        #expect {
            try TerritoryReference(
                communesTSV:
                    "# c\ncode\tnom\tdepartement\tpopulation_municipale\tannee_population\tsiren_epci\n14118\tCaen\t14\tbeaucoup\t2023\t\n",
                epciTSV: "siren\tnom\tnature_juridique\tnombre_communes\n")
        } throws: { error in
            (error as? FileProblem)?.description
                == "data/communes.tsv, ligne 3 : population « beaucoup » illisible (nombre entier attendu)."
        }
    }
}
