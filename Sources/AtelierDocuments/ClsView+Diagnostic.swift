import AtelierCore

// MARK: - Diagnostic: the synthèse as tables

struct DiagnosticView: TemplateView {
    var communes: [CommuneView]
    var missingPerimeter: Gap?
    var population: String
    var populationYears: String
    var referenceDepartment: String
    var professions: [ProfessionView]
    var missingDemography: Gap?
    var demographyCaveats: [String]
    var access: [IndicatorRowView]
    var structuresByType: [StructureTypeView]
    var structures: [IndicatorRowView]
    var mobility: [IndicatorRowView]
    var outsidePoles: [String]
    var transport: String
    var findings: [FindingView]
    var missingFindings: Gap?
    var levers: [LeverView]
    /// Whether `levers` are those of the plan's fiches (else those the findings propose).
    var leversRetained: Bool
    var obstacles: Field
    var structureList: [StructureView]
    var health: [IndicatorRowView]
    /// Every indicator of the body with its sources, for the annex.
    var detail: [IndicatorRowView]
    /// The computed distances to care (none before an RPPS or FINESS import).
    var distances: [MobilityAnnexView] = []

    var templateFields: [String: (any TemplateRepresentable)?] {
        [
            "communes": communes, "perimetre_manquant": missingPerimeter?.marker ?? "", "population": population,
            "nombre_communes": String(communes.count), "communes_texte": counted(communes.count, "commune"),
            "annee_population": populationYears,
            "departement_reference": referenceDepartment, "professions": professions,
            "demographie_manquante": missingDemography?.marker ?? "", "reserves_demographie": demographyCaveats,
            "acces": access, "structures_par_type": structuresByType, "structures_recensees": !structuresByType.isEmpty,
            "structures": structures, "mobilites": mobility, "poles_exterieurs": outsidePoles, "transports": transport,
            "constats": findings, "constats_manquants": missingFindings?.marker ?? "", "leviers": levers, "obstacles": obstacles,
            "leviers_titre": leversRetained ? "Leviers retenus" : "Leviers proposés par le diagnostic",
            "structures_nommees": structureList, "structures_nommees_notees": !structureList.isEmpty, "etat_de_sante": health,
            "diagnostic_detaille": detail, "distances": distances,
        ]
    }
}

struct CommuneView: TemplateView {
    var code: String
    var name: String
    var population: String

    var templateFields: [String: (any TemplateRepresentable)?] { ["code": code, "nom": name, "population": population] }
}

/// One profession's figures, each formatted or « — ». The effectifs count every mode of
/// practice; the densities and ratios are on the base of the references, libéraux (a density
/// on every mode, libéraux unknown, is starred and its reserve printed under the table).
struct ProfessionView: TemplateView {
    var profession: String
    var headcount: String
    var density: String
    var departmentDensity: String
    var franceDensity: String
    var departmentRatio: String
    var franceRatio: String
    var over60: String
    var headcountIn5Years: String
    var changeIn5Years: String
    var densityIn5Years: String

    var templateFields: [String: (any TemplateRepresentable)?] {
        [
            "profession": profession, "effectif": headcount, "densite": density, "departement": departmentDensity,
            "france": franceDensity, "rapport": departmentRatio, "rapport_france": franceRatio, "age_60_plus": over60,
            "effectif_5_ans": headcountIn5Years, "evolution_5_ans": changeIn5Years, "densite_5_ans": densityIn5Years,
        ]
    }
}

/// An indicator of a table, or the one row saying which indicators are missing.
struct IndicatorRowView: TemplateView {
    var indicator: Field
    var value: String
    /// Left out when the indicator has no basis: an empty string would still open `{{#base}}`.
    var basis: String?

    var templateFields: [String: (any TemplateRepresentable)?] { ["indicateur": indicator, "valeur": value, "base": basis] }
}

struct StructureView: TemplateView {
    var type: String
    var name: String
    var commune: String
    var status: String
    var professionals: String

    var templateFields: [String: (any TemplateRepresentable)?] {
        ["type": type, "nom": name, "commune": commune, "statut": status, "professionnels": professionals]
    }
}

struct StructureTypeView: TemplateView {
    var type: String
    var operating: Int
    var planned: Int
    var struggling: Int

    var templateFields: [String: (any TemplateRepresentable)?] {
        ["type": type, "en_fonctionnement": String(operating), "en_projet": String(planned), "en_difficulte": String(struggling)]
    }
}

struct FindingView: TemplateView {
    var number: Int
    var text: String
    /// What the actors said on its theme (analyse croisée); left out while nobody said anything.
    var voices: String?

    var templateFields: [String: (any TemplateRepresentable)?] { ["numero": String(number), "texte": text, "propos": voices] }
}

struct LeverView: TemplateView {
    var title: String
    var explanation: String
    var sources: [String]

    var templateFields: [String: (any TemplateRepresentable)?] {
        ["titre": title, "explication": explanation, "sources": sources.joined(separator: " ; ")]
    }
}

/// The annex's distances: per kind of care, then per commune from the farthest from a GP, with
/// the method and the files.
struct MobilityAnnexView: TemplateView {
    var summary: [[String]]
    var communes: [[String]]
    var withoutPoint: String
    var method: String
    var files: String

    init(_ analysis: MobilityAnalysis) {
        summary = analysis.summaryCells
        communes =
            analysis.kinds.contains(.medecinGeneraliste)
            ? analysis.rowsByDistance.map { row in
                [row.commune.name, FrenchFormat.integer(row.commune.population)] + MobilityAnalysis.cells(row.access[.medecinGeneraliste])
            } : []
        withoutPoint = analysis.withoutPointSentence ?? ""
        method = "Méthode : " + TravelTimeModel.method
        files = analysis.filesSentence
    }

    var templateFields: [String: (any TemplateRepresentable)?] {
        [
            "resume": summary.map { CellsView(names: ["soin", "moyenne", "plus_10", "plus_20", "plus_30"], cells: $0) },
            "communes_distances": communes.map { CellsView(names: ["nom", "population", "plus_proche", "km", "minutes"], cells: $0) },
            "medecins_calcules": !communes.isEmpty, "sans_point": withoutPoint, "methode": method, "fichiers": files,
        ]
    }
}

/// A table row whose cells are named for the template.
struct CellsView: TemplateView {
    var names: [String]
    var cells: [String]

    var templateFields: [String: (any TemplateRepresentable)?] {
        Dictionary(uniqueKeysWithValues: zip(names, cells).map { ($0, $1 as (any TemplateRepresentable)?) })
    }
}
