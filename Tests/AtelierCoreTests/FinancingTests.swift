import AtelierCore
import Testing

/// The worked cases of a plan de financement, checked as a préfecture would.
@Suite struct FinancingCheckTests {
    static let sheets: [(title: String, libraryKey: String?)] = [
        ("Créer une maison de santé", "creation_msp"),
        ("Aider l'installation", "aides_installation"),
    ]

    static func expense(_ sheet: Int, _ item: String, _ euros: Int, investment: Bool = true, year: Int = 2027) -> ListRecord {
        ListRecord(fields: [
            ("fiche", .integer(sheet)), ("poste", .text(item)), ("nature", .choice(investment ? "investissement" : "fonctionnement")),
            ("montant_ht", .amount(cents: euros * 100)), ("annee", .year(year)),
        ])
    }

    static func receipt(_ sheet: Int, _ key: String, euros: Int? = nil, rate: Double? = nil, year: Int? = 2027) -> ListRecord {
        var fields: [(key: String, value: AnswerValue)] = [
            ("fiche", .integer(sheet)), ("dispositif", .choice(key)), ("statut", .choice("sollicité")),
        ]
        if let euros { fields.append(("montant", .amount(cents: euros * 100))) }
        if let rate { fields.append(("taux", .percentage(rate))) }
        if let year { fields.append(("annee", .year(year))) }
        return ListRecord(fields: fields)
    }

    func plan(expenses: [ListRecord], receipts: [ListRecord], derogations: [ListRecord] = []) -> FinancingPlan {
        FinancingPlan(
            answers: [
                "financement.depenses": .records(expenses), "financement.recettes": .records(receipts),
                "financement.derogations": .records(derogations),
            ],
            sheets: Self.sheets, catalogue: Project.catalogue)
    }

    func errors(_ plan: FinancingPlan) -> [FinancingProblem] { FinancingChecks.check(plan).filter { $0.severity == .error } }

    /// 1,2 M€ HT: DETR 30 % (360 000), Région 150 000 (its cap), Département 100 000 (its cap),
    /// autofinancement 590 000. Owner: 590 / 1 200 = 49 % of the public funding; DETR 30 %.
    @Test func aMSPOf1_2MillionWithDETRRegionAndDepartementPasses() throws {
        let plan = plan(
            expenses: [Self.expense(1, "Travaux", 1_000_000), Self.expense(1, "Honoraires et études", 200_000)],
            receipts: [
                Self.receipt(1, "detr", rate: 30), Self.receipt(1, "region_msp_pays_de_la_loire", euros: 150_000),
                Self.receipt(1, "departement_msp_loir_et_cher", euros: 100_000), Self.receipt(1, "autofinancement", euros: 590_000),
            ])
        #expect(plan.actions[0].receipts[0].resolved == 36_000_000)  // 30 % of 1 200 000 €, in cents
        #expect(plan.actions[0].totalBudgetReceipts == plan.actions[0].totalExpenses(base: "HT"))
        #expect(errors(plan).isEmpty, "\(errors(plan))")
    }

    /// Same MSP with the owner at 10 %: 120 000 € of 1 200 000 € of public funding.
    @Test func theSameMSPWithATenPercentOwnShareFailsL1111_10() throws {
        let plan = plan(
            expenses: [Self.expense(1, "Travaux", 1_200_000)],
            receipts: [
                Self.receipt(1, "detr", euros: 720_000), Self.receipt(1, "region_msp_pays_de_la_loire", euros: 150_000),
                Self.receipt(1, "departement_msp_loir_et_cher", euros: 100_000), Self.receipt(1, "fnadt", euros: 110_000),
                Self.receipt(1, "autofinancement", euros: 120_000),
            ])
        let problems = errors(plan)
        #expect(problems.count == 1, "\(problems)")
        let owner = try #require(problems.first)
        #expect(owner.sheet == 1)
        #expect(owner.line == "participation du maître d'ouvrage")
        #expect(
            owner.message.hasPrefix(
                "120\u{202F}000,00\u{00A0}€, soit 10\u{00A0}% des financements publics (1\u{202F}200\u{202F}000,00\u{00A0}€) : au moins 20\u{00A0}% exigés par l'article L1111-10 du CGCT, soit 240\u{202F}000,00\u{00A0}€"
            ))
        #expect(owner.fix == "/aller financement.derogations")
    }

    @Test func aRecordedDerogationTurnsTheErrorIntoAWarning() throws {
        let plan = plan(
            expenses: [Self.expense(1, "Travaux", 1_000_000)],
            receipts: [
                Self.receipt(1, "detr", euros: 800_000), Self.receipt(1, "fnadt", euros: 100_000),
                Self.receipt(1, "autofinancement", euros: 100_000),
            ],
            derogations: [
                ListRecord(fields: [
                    ("fiche", .integer(1)), ("motif", .choice("catastrophe naturelle")), ("reference", .text("arrêté du 3 mars 2027")),
                ])
            ])
        #expect(errors(plan).isEmpty, "\(errors(plan))")
        #expect(
            FinancingChecks.check(plan).contains {
                $0.message.contains("dérogation enregistrée (catastrophe naturelle — arrêté du 3 mars 2027)")
            })
    }

    /// DETR 50 % + DSIL 35 % = 85 % of 1 000 000 € HT. With 150 000 € of own funds the owner is
    /// also under 20 %: an overseas collectivité (outside L1111-10) isolates R2334-27.
    @Test func detrPlusDsilAt85PercentFailsR2334_27() throws {
        let plan = plan(
            expenses: [Self.expense(1, "Travaux", 1_000_000)],
            receipts: [
                Self.receipt(1, "detr", rate: 50), Self.receipt(1, "dsil", euros: 350_000),
                Self.receipt(1, "autofinancement", euros: 150_000),
            ],
            derogations: [
                ListRecord(fields: [
                    ("fiche", .integer(1)), ("motif", .choice("collectivité d'outre-mer")), ("reference", .text("CGCT L1111-10")),
                ])
            ])
        let problems = errors(plan)
        let state = try #require(problems.first { $0.line == "dotations de l'État" })
        #expect(
            state.message
                == "DETR + DSIL = 850\u{202F}000,00\u{00A0}€, soit 85\u{00A0}% de la dépense subventionnable HT (1\u{202F}000\u{202F}000,00\u{00A0}€) : l'article R2334-27 du CGCT impose entre 20\u{00A0}% et 80\u{00A0}%"
        )
        #expect(problems.count == 1, "\(problems)")
    }

    /// The CAIM could be signed until 31/12/2025; a CAIM planned in 2026 no longer exists.
    @Test func anInstallationAidDatedAfterItsEndIsRefused() throws {
        let plan = plan(
            expenses: [Self.expense(2, "Prime d'installation", 50_000, investment: false, year: 2026)],
            receipts: [Self.receipt(2, "caim", euros: 50_000, year: 2026), Self.receipt(2, "autofinancement", euros: 50_000)])
        let problems = errors(plan)
        let validity = try #require(problems.first { $0.line == "recette 1 (caim)" })
        #expect(
            validity.message.hasPrefix(
                "« CAIM — contrat d'aide à l'installation des médecins (supprimé) » n'existe plus après le 31/12/2025 : l'aide est prévue en 2026"
            ))
        #expect(validity.fix == "/modifier financement.recettes.1.dispositif CLÉ")
        #expect(validity.sheet == 2)
    }

    @Test func moneyForProfessionalsIsShownApartAndNotInTheBalance() throws {
        let plan = plan(
            expenses: [Self.expense(1, "Travaux", 100_000)],
            receipts: [Self.receipt(1, "autofinancement", euros: 100_000), Self.receipt(1, "aci_msp", euros: 80_000)])
        #expect(plan.actions[0].outsideReceipts.map(\.instrumentKey) == ["aci_msp"])
        #expect(errors(plan).isEmpty, "\(errors(plan))")
        #expect(plan.byFunder().first { $0.funder == "Assurance Maladie (CPAM)" }?.outside == 8_000_000)
    }

    @Test func fctvaIsNeverAGrant() throws {
        let fctva = try #require(Project.catalogue.instrument("fctva"))
        #expect(!fctva.isPublicGrant)
        let plan = plan(
            expenses: [Self.expense(1, "Travaux", 100_000)],
            receipts: [Self.receipt(1, "autofinancement", euros: 83_596), Self.receipt(1, "fctva", euros: 16_404)])
        #expect(
            FinancingChecks.check(plan).contains {
                $0.severity == .warning && $0.message.hasPrefix("le FCTVA compense la TVA et n'est pas une subvention")
            })
    }

    @Test func capsRatesAndUnbalancedPlansAreErrors() throws {
        let plan = plan(
            expenses: [Self.expense(1, "Travaux", 1_000_000)],
            receipts: [Self.receipt(1, "region_msp_pays_de_la_loire", euros: 200_000), Self.receipt(1, "autofinancement", euros: 500_000)])
        let lines = errors(plan).map(\.line)
        #expect(lines.contains("recette 1 (region_msp_pays_de_la_loire)"))  // above its 150 000 € cap
        #expect(lines.contains("équilibre"))  // 700 000 € for 1 000 000 €
    }

    @Test func linesForAFicheThatDoesNotExist() throws {
        let plan = plan(expenses: [Self.expense(7, "Travaux", 1_000)], receipts: [])
        #expect(errors(plan).first?.message == "la fiche 7 n'existe pas : plan.fiches en compte 2")
        #expect(errors(plan).first?.line == "dépense 1")
        // Kept as an action of its own, so that /plan, the CSV and the annex show it.
        #expect(plan.actions.last?.isMissingSheet == true && plan.actions.last?.sheet == 7)
    }

    @Test func theCatalogueCarriesSourcesYearsAndConfidence() throws {
        let catalogue = Project.catalogue
        #expect(catalogue.instruments.count == 25)
        #expect(catalogue.instruments.allSatisfy { !$0.source.isEmpty && $0.year >= 2011 && ["sûr", "incertain"].contains($0.confidence) })
        #expect(catalogue.suggestions(forSheet: "creation_msp").map(\.key).prefix(3) == ["detr", "dsil", "fnadt"])
        #expect(catalogue.instrument("caim")?.validTo == CalendarDate(year: 2025, month: 12, day: 31))
    }
}
