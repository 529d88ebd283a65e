// MARK: - Aides à l'installation déjà versées

extension SynthesisBuilder {
    /// The question recording the aids already paid on the territory (`structures` section).
    public static let installationAidsKey = "structures.aides_versees"
    /// The natures bound by the ten-year rule: CGCT D1511-47 for the collectivités' L1511-8
    /// aids, CSS D162-1-11-1 for the Assurance Maladie's.
    static let tenYearNatures = [
        "aide L1511-8 d'une collectivité (installation ou maintien)", "aide à l'installation de l'Assurance Maladie",
    ]

    static let installationAidIndicators = [
        "structures.aides_versees", "structures.aides_versees_detail", "structures.aides_dix_ans", "structures.aides_dix_ans_detail",
    ]

    /// Aides versées = elements of the list; aides soumises à la règle des dix ans = those of
    /// the two natures above, each with the year before which its beneficiary cannot receive
    /// the same aid again (year of the convention + 10).
    func installationAidIndicators(_ context: Context) -> [Indicator] {
        let key = Self.installationAidsKey
        let answer = context.answers[key]
        let records: [ListRecord]? = if case .records(let items)? = answer?.value { items } else { nil }
        let missing = records == nil ? [key] : []
        let basis =
            records.map { ["\(key) : \($0.count == 1 ? "1 aide" : "\($0.count) aides") (\(answer?.source ?? "source non précisée"))"] }
            ?? []
        let all = records ?? []
        let bound = all.filter { Self.choice($0, "nature").map(Self.tenYearNatures.contains) ?? false }
        func joined(_ items: [ListRecord], _ describe: (ListRecord) -> String) -> String? {
            records == nil || items.isEmpty ? nil : items.map(describe).joined(separator: " ; ")
        }
        return [
            Indicator(
                id: "structures.aides_versees", label: "Aides à l'installation déjà versées", unit: .count,
                value: records.map { Double($0.count) }, formula: "éléments de \(key)", basis: basis, missingKeys: missing),
            Indicator(
                id: "structures.aides_versees_detail", label: "Aides à l'installation déjà versées (détail)", unit: .text,
                text: joined(all, Self.describeAid), formula: "financeur, nature, bénéficiaire et année de chaque élément de \(key)",
                basis: basis, missingKeys: missing),
            Indicator(
                id: "structures.aides_dix_ans", label: "Aides soumises au délai de dix ans", unit: .count,
                value: records == nil ? nil : Double(bound.count),
                formula: "éléments de \(key) de nature « aide L1511-8 » ou « aide à l'installation de l'Assurance Maladie »",
                basis: basis, missingKeys: missing),
            Indicator(
                id: "structures.aides_dix_ans_detail", label: "Bénéficiaires soumis au délai de dix ans", unit: .text,
                text: joined(bound, Self.describeTenYears), formula: "bénéficiaire, financeur et année + 10 de ces aides",
                basis: basis, missingKeys: missing),
        ]
    }

    /// `département : aide L1511-8 …, médecin généraliste (Dr Martin), 2021`.
    static func describeAid(_ record: ListRecord) -> String {
        let payer = choice(record, "financeur") ?? "financeur non précisé"
        let nature = choice(record, "nature") ?? "aide"
        return "\(payer) : \(nature), \(beneficiary(record))" + (year(record).map { ", \($0)" } ?? "")
    }

    /// `médecin généraliste (Dr Martin), aide du département en 2021, nouvelle aide possible en 2031 au plus tôt`.
    static func describeTenYears(_ record: ListRecord) -> String {
        let payer = choice(record, "financeur").map { " \(AidPayer.of($0))" } ?? ""
        guard let year = year(record) else { return "\(beneficiary(record)), aide\(payer) (année non précisée)" }
        return "\(beneficiary(record)), aide\(payer) en \(year), nouvelle aide possible en \(year + 10) au plus tôt"
    }

    static func beneficiary(_ record: ListRecord) -> String {
        let profession = record["profession"]?.display.trimmed ?? ""
        let name = record["beneficiaire"]?.display.trimmed ?? ""
        let who = profession.isEmpty ? "professionnel" : profession
        return name.isEmpty ? who : "\(who) (\(name))"
    }

    static func year(_ record: ListRecord) -> Int? {
        if case .year(let year)? = record["annee"] { year } else { nil }
    }

}
