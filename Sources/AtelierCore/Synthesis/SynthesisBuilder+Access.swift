// MARK: - Accès aux soins de premier recours

extension SynthesisBuilder {
    /// The answer listing the APL of each part of the territory, with the communes it covers.
    public static let aplPartsKey = "demographie.apl_parties"
    /// Indicators computed once per part of `demographie.apl_parties`; a rule citing one is
    /// evaluated for each part.
    static let aplPartPrefix = "acces.apl_partie."
    static let aplPartIndicators = [
        "acces.apl_partie.valeur", "acces.apl_partie.communes", "acces.apl_partie.population", "acces.apl_partie.rapport_france",
    ]

    /// Patients without a médecin traitant and APL as answered, beside the national figures of
    /// the references; rapport = APL / APL moyenne en France. The APL of the whole territory
    /// stays `demographie.apl_medecins_generalistes`; `demographie.apl_parties` gives a value
    /// per part, each with its communes.
    func accessIndicators(_ context: Context) -> (indicators: [Indicator], parts: [Synthesis.AplPart]) {
        let withoutDoctor = QuestionKeys.patientsWithoutDoctor, apl = QuestionKeys.apl
        let zoning = QuestionKeys.doctorZoning
        let national = references.national
        func phrase(_ key: String) -> [String] { national[key].map { [$0.basisPhrase] } ?? [] }
        let france = national["apl_medecins_generalistes_france"]
        let whole = context.number(apl)
        var indicators = [
            Indicator(
                id: "acces.patients_sans_medecin_traitant", label: "Patients sans médecin traitant", unit: .percent,
                value: context.number(withoutDoctor), formula: "réponse à \(withoutDoctor)",
                basis: [context.cite(withoutDoctor)] + phrase("patients_sans_medecin_traitant"),
                missingKeys: context.number(withoutDoctor) == nil ? [withoutDoctor] : []),
            Indicator(
                id: "acces.apl_medecins_generalistes", label: "APL aux médecins généralistes (ensemble du territoire)",
                unit: .consultations, value: whole, formula: "réponse à \(apl) (consultations par an et par habitant)",
                basis: [context.cite(apl)] + phrase("seuil_apl_sous_densite"), missingKeys: whole == nil ? [apl] : []),
            Indicator(
                id: "acces.apl_france", label: "APL moyenne aux médecins généralistes en France", unit: .consultations,
                value: france?.value, formula: "référence apl_medecins_generalistes_france",
                basis: phrase("apl_medecins_generalistes_france")),
            Indicator(
                id: "acces.apl_rapport_france", label: "Rapport de l'APL du territoire à la moyenne nationale", unit: .ratio,
                value: ratio(whole, france?.value), formula: "APL du territoire / APL moyenne en France",
                basis: [context.cite(apl)] + phrase("apl_medecins_generalistes_france"), missingKeys: whole == nil ? [apl] : []),
        ]

        var parts: [Synthesis.AplPart] = []
        let records: [ListRecord]? = if case .records(let items)? = context.answers[Self.aplPartsKey]?.value { items } else { nil }
        for record in records ?? [] {
            guard let value = Context.number(record["valeur"]), case .communes(let communes)? = record["communes"] else { continue }
            parts.append(.init(value: value, communes: communes, ratioToFrance: ratio(value, france?.value)))
        }
        let threshold = national["seuil_apl_sous_densite"]?.value
        let partsMissing = records == nil ? [Self.aplPartsKey] : []
        let partsBasis = records == nil ? [] : [context.cite(Self.aplPartsKey)]
        indicators += [
            Indicator(
                id: "acces.apl_parties", label: "Parties du territoire avec leur APL", unit: .count,
                value: records == nil ? nil : Double(parts.count), formula: "éléments de \(Self.aplPartsKey)",
                basis: partsBasis, missingKeys: partsMissing),
            Indicator(
                id: "acces.apl_parties_sous_repere", label: "Parties du territoire sous le repère de sous-densité", unit: .count,
                value: records == nil || threshold == nil ? nil : Double(parts.filter { $0.value < threshold! }.count),
                formula: "parties dont l'APL est inférieure à la référence seuil_apl_sous_densite",
                basis: partsBasis + phrase("seuil_apl_sous_densite"), missingKeys: partsMissing),
            Indicator(
                id: "acces.apl_partie_min", label: "APL la plus basse des parties du territoire", unit: .consultations,
                value: parts.map(\.value).min(), formula: "plus petite valeur de \(Self.aplPartsKey)", basis: partsBasis,
                missingKeys: partsMissing),
            Indicator(
                id: "acces.apl_partie_max", label: "APL la plus haute des parties du territoire", unit: .consultations,
                value: parts.map(\.value).max(), formula: "plus grande valeur de \(Self.aplPartsKey)", basis: partsBasis,
                missingKeys: partsMissing),
            Indicator(
                id: "acces.zonage", label: "Zonage ARS des médecins", unit: .text, text: context.text(zoning),
                formula: "réponse à \(zoning)", basis: [context.cite(zoning)],
                missingKeys: context.text(zoning) == nil ? [zoning] : []),
        ]
        for index in parts.indices { parts[index].indicators = partIndicators(parts[index], context: context) }
        return (indicators, parts)
    }

    /// The indicators of one part, under the same ids for every part.
    func partIndicators(_ part: Synthesis.AplPart, context: Context) -> [String: Indicator] {
        let basis = [context.cite(Self.aplPartsKey)]
        let france = references.national["apl_medecins_generalistes_france"]
        let list = [
            Indicator(
                id: "acces.apl_partie.valeur", label: "APL de la partie", unit: .consultations, value: part.value,
                formula: "valeur de l'élément de \(Self.aplPartsKey)", basis: basis),
            Indicator(
                id: "acces.apl_partie.communes", label: "Communes de la partie", unit: .text, text: part.communesText,
                formula: "communes de l'élément de \(Self.aplPartsKey)", basis: basis),
            Indicator(
                id: "acces.apl_partie.population", label: "Population de la partie", unit: .inhabitants,
                value: Double(part.communes.map(\.population).saturatingSum()), formula: "somme des populations municipales",
                basis: basis),
            Indicator(
                id: "acces.apl_partie.rapport_france", label: "Rapport de l'APL de la partie à la moyenne nationale", unit: .ratio,
                value: part.ratioToFrance, formula: "APL de la partie / APL moyenne en France",
                basis: basis + (france.map { [$0.basisPhrase] } ?? [])),
        ]
        return Dictionary(uniqueKeysWithValues: list.map { ($0.id, $0) })
    }
}

extension SynthesisBuilder.Context {
    /// A number of a list record's field.
    static func number(_ value: AnswerValue?) -> Double? {
        switch value {
        case .integer(let n)?: Double(n)
        case .decimal(let x)?, .percentage(let x)?: x
        default: nil
        }
    }
}
