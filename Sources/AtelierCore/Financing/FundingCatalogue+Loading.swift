import Yams

extension FundingCatalogue {
    static let fields: Set = [
        "cle", "nom", "financeur", "nature", "fiches", "taux_min", "taux_max", "plafond", "base",
        "budget_collectivite", "dotation_etat", "public", "valide_du", "valide_au", "source", "annee",
        "confiance", "note", "regions", "departements",
    ]

    /// Reads the catalogue; `sheetKeys` are the fiches of the library an instrument may name,
    /// `regionNames` the régions of data/departements.tsv (nil: not checked), so that a région
    /// misspelt in the file is refused rather than never matching any territory.
    public init(
        yaml: String, file: String = "templates/financement/catalogue.yaml", sheetKeys: Set<String>, regionNames: Set<String>? = nil
    ) throws(FileProblem) {
        let document = YAMLDocument(file: file)
        let root = try document.root(yaml)
        let top = try document.mapping(root, allowed: ["financeurs", "dispositifs"], what: "le catalogue")
        funders = [:]
        for node in try document.sequence(top, "financeurs", in: root, what: "le catalogue") {
            let f = try document.mapping(node, allowed: ["cle", "nom"], what: "un financeur")
            funders[try document.string(f, "cle", in: node, what: "financeur")] = try document.string(f, "nom", in: node, what: "financeur")
        }
        instruments = []
        for node in try document.sequence(top, "dispositifs", in: root, what: "le catalogue") {
            let f = try document.mapping(node, allowed: Self.fields, what: "un dispositif")
            let key = try document.string(f, "cle", in: node, what: "dispositif")
            let what = "dispositif \(key)"
            guard instrument(key) == nil else { throw document.fail(f["cle"], "le dispositif « \(key) » existe déjà") }
            let funder = try document.string(f, "financeur", in: node, what: what)
            guard let funderName = funders[funder] else {
                throw document.fail(
                    f["financeur"],
                    "\(what) : financeur inconnu « \(funder) » (financeurs : \(funders.keys.sorted().joined(separator: ", ")))")
            }
            let natureName = try document.string(f, "nature", in: node, what: what)
            guard let nature = FundingInstrument.Nature(rawValue: natureName) else {
                throw document.fail(
                    f["nature"],
                    "\(what) : nature inconnue « \(natureName) » (natures : \(FundingInstrument.Nature.allCases.map(\.rawValue).joined(separator: ", ")))"
                )
            }
            var sheets: [String] = []
            if f["fiches"] != nil {
                for item in try document.sequence(f, "fiches", in: node, what: what) {
                    guard let sheet = item.string, sheetKeys.contains(sheet) else {
                        throw document.fail(item, "\(what) : fiche inconnue « \(item.string ?? "") »")
                    }
                    sheets.append(sheet)
                }
            }
            func flag(_ name: String) throws(FileProblem) -> Bool { try document.yesNo(f[name], name: name) ?? false }
            func date(_ name: String) throws(FileProblem) -> CalendarDate? {
                guard let node = f[name] else { return nil }
                do throws(InvalidAnswer) {
                    return try AnswerParser.date(node.string ?? "", expected: "")
                } catch {
                    throw document.fail(node, "\(what) : « \(name) » doit être une date JJ/MM/AAAA")
                }
            }
            let base = f["base"]?.string
            guard base == nil || base == "HT" || base == "TTC" else { throw document.fail(f["base"], "\(what) : « base » vaut HT ou TTC") }
            let confidence = try document.confidence(f, in: node, what: what)
            let rateMin = try document.number(f, "taux_min"), rateMax = try document.number(f, "taux_max")
            for (name, rate) in [("taux_min", rateMin), ("taux_max", rateMax)] where rate.map({ !(0...100).contains($0) }) ?? false {
                throw document.fail(f[name], "\(what) : « \(name) » est un pourcentage, entre 0 et 100")
            }
            if let rateMin, let rateMax, rateMin > rateMax {
                throw document.fail(f["taux_max"], "\(what) : « taux_min » dépasse « taux_max »")
            }
            let cap = try document.number(f, "plafond")
            if let cap, cap < 0 { throw document.fail(f["plafond"], "\(what) : « plafond » doit être un montant positif") }
            guard let year = try document.integer(f, "annee", in: 1900...2100, what: what) else {
                throw document.fail(node, "\(what) : « annee » manque")
            }
            var regions: [String] = []
            for item in f["regions"] == nil ? [] : try document.sequence(f, "regions", in: node, what: what) {
                guard let region = item.string?.trimmed, !region.isEmpty, regionNames?.contains(region) ?? true else {
                    let known = regionNames.map { " (régions : \($0.sorted().joined(separator: ", ")))" } ?? ""
                    throw document.fail(item, "\(what) : région inconnue « \(item.string ?? "") »\(known)")
                }
                regions.append(region)
            }
            var departments: [String] = []
            for item in f["departements"] == nil ? [] : try document.sequence(f, "departements", in: node, what: what) {
                guard let code = item.string?.trimmed, TerritoryReference.isDepartmentCode(code) else {
                    throw document.fail(
                        item, "\(what) : code de département « \(item.string ?? "") » invalide (01 à 95, 2A, 2B ou 971 à 976 attendu)")
                }
                departments.append(code)
            }
            instruments.append(
                FundingInstrument(
                    key: key, name: try document.string(f, "nom", in: node, what: what), funderKey: funder, funderName: funderName,
                    nature: nature, sheetKeys: sheets, rateMin: rateMin, rateMax: rateMax,
                    // At most 10¹⁵ € (`YAMLDocument.numberLimit`): 10¹⁷ cents, within an Int.
                    cap: cap.map { Int(($0 * 100).rounded()) }, base: base,
                    entersBudget: try flag("budget_collectivite"), isStateDotation: try flag("dotation_etat"), isPublic: try flag("public"),
                    validFrom: try date("valide_du"), validTo: try date("valide_au"),
                    source: try document.string(f, "source", in: node, what: what), year: year, confidence: confidence,
                    note: f["note"]?.string?.trimmed, regions: regions, departments: departments))
        }
    }
}
