import Testing

@testable import AtelierDocuments

/// What a signatory is, read from its name: its default commitment, its money in the plan de
/// financement, the agreement of « représenté ».
@Suite struct SignatoryKindTests {
    @Test(arguments: [
        ("Agence régionale de santé Normandie", SignatoryKind.ars), ("Préfecture de la Manche", .state),
        ("Conseil départemental de la Manche", .department), ("Conseil régional de Normandie", .region),
        ("CPAM de la Manche", .healthInsurance), ("MSA Côtes Normandes", .agriculturalInsurance),
        ("Conseil départemental de l'Ordre des médecins de la Manche", .professionalOrder),
        ("Observatoire régional de la santé de Normandie", .observatory), ("Centre hospitalier régional universitaire de Caen", .hospital),
        ("CH de l'Estran", .hospital), ("CPTS du Coutançais", .coordinatedCare), ("Ville de Caen", .other),
    ])
    func theKindComesFromTheNameTheOrdersAndHospitalsBeforeTheCollectivities(name: String, kind: SignatoryKind) {
        #expect(SignatoryKind(organisation: name) == kind)
    }

    @Test(arguments: [
        ("Agence régionale de santé Normandie", "représentée"), ("Conseil départemental de la Manche", "représenté"),
        ("La Région Normandie", "représentée"), ("Le Pays du Val", "représenté"), ("CPAM de la Manche", "représentée"),
        ("Communauté de communes Coeur de Savoie (SIREN 200041010)", "représentée"), ("Wonderland Health", "représenté·e"),
    ])
    func representedAgreesWithTheFirstNoun(name: String, word: String) {
        #expect(represented(name) == word)
    }

    @Test func aTypedCommitmentReadsAsTheClauseAfterTheName() {
        #expect(ClsDraftContext.asClause("S'engage à financer les actions ! ") == "s'engage à financer les actions")
        #expect(ClsDraftContext.asClause("ARS et CPAM financent.") == "ARS et CPAM financent")
    }

    @Test func controlsAndBidiOverridesAreLeftOutAndAlignmentRowsKept() {
        #expect(FrenchTypography.apply("Motifs\u{1B}]0;pwned\u{07} ici\u{202E}") == "Motifs]0;pwned ici")
        #expect(FrenchTypography.apply("| a | b |\n| :--- | ---: |") == "| a | b |\n| :--- | ---: |")
    }
}
