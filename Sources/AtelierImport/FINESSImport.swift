import AtelierCore

/// Structures of a territory in a FINESS extraction (data.gouv « finess-extraction-du-fichier-
/// des-etablissements »), in either layout:
/// - the daily two-section file `etalab-cs1100507-stock-…csv`: no header, a first line
///   `finess;etalab;N;AAAA-MM-JJ`, then `structureet;…` lines (commune in field 12, département
///   in 13, catégorie in 18) and `geolocalisation;…` lines, which are skipped;
/// - the yearly flat file `etalab_stock_et_AAAA1231.csv`, with a header (`cog`, `categetab`…).
/// Encoding: UTF-8 or latin-1, decided line by line.
public enum FINESSImport {
    public struct Structure: Sendable, Equatable {
        public var finess: String
        public var name: String
        public var commune: String
        public var category: String
        public var categoryLabel: String
    }

    static let maximumNameLength = 200

    /// Overseas départements are coded 9A… in FINESS: the INSEE code starts with 97.
    static let overseas = ["9A": "971", "9B": "972", "9C": "973", "9D": "974", "9F": "976"]

    /// The structures of `communes`, and those of `nearby` whose distance is computed
    /// (`ProposalTable.finessCareKinds`).
    public static func structures(
        fileAt path: String, communes: Set<String>, nearby: Set<String> = [],
        progress: ((Double) -> Void)? = nil
    ) throws(FileProblem) -> [Structure] {
        var layout: (finess: Int, name: Int, commune: Int, department: Int?, category: Int, label: Int, fields: Int)?
        var twoSections = false
        var result: [Structure] = []
        var rows = 0
        try ChunkedLines(path: path).forEach(progress: progress) { (line, number) throws(FileProblem) in
            if line.isEmpty { return }
            if layout == nil {
                if line.starts(with: Array("finess;etalab;".utf8)) {
                    twoSections = true
                    layout = (1, 3, 12, 13, 18, 19, 31)
                    return
                }
                let header = try HeaderLine.read(line, separator: 59, file: path, line: number)
                func find(_ names: [String]) throws(FileProblem) -> Int {
                    guard let index = header.index(of: names) else {
                        throw FileProblem(
                            importing: path, line: number,
                            reason:
                                "colonne « \(names[0]) » introuvable : ce n'est pas une extraction FINESS (fichier etalab-cs1100507 à deux sections, ou etalab_stock_et avec en-tête)"
                        )
                    }
                    return index
                }
                layout = (
                    try find(["nofinesset"]), try find(["rs"]), try find(["cog", "code commune"]), nil,
                    try find(["categetab"]), try find(["libcategetab"]), header.names.count
                )
                return
            }
            guard let layout else { return }
            if countSeparators(line, 59).hasNul { throw .binaryContent(path, line: number) }
            if twoSections && !line.starts(with: Array("structureet;".utf8)) {
                if line.starts(with: Array("geolocalisation;".utf8)) { return }
                throw FileProblem(
                    importing: path, line: number, reason: "ligne inattendue : « structureet; » ou « geolocalisation; » attendu")
            }
            rows += 1
            // Quoted fields may hold « ; »: split with quotes before checking the count.
            let all = SemicolonLine.fields(line)
            let minimum = twoSections ? 30 : layout.fields
            guard twoSections ? all.count >= minimum : all.count == layout.fields else {
                throw .fieldCount(path, line: number, found: all.count, expected: layout.fields)
            }
            var commune = all[layout.commune]
            if let department = layout.department.map({ all[$0] }) {
                commune = (overseas[department] ?? department) + String(commune.suffix(overseas[department] == nil ? 3 : 2))
            }
            // Around the territory only the structures whose distance is computed are kept.
            guard communes.contains(commune) || nearby.contains(commune) && ProposalTable.finessCareKinds[all[layout.category]] != nil
            else { return }
            // A raison sociale has at most 38 characters, its long form 60: a longer one is a
            // shifted or damaged column, and would be stored as is in the workbook.
            guard all[layout.name].count <= maximumNameLength else {
                throw FileProblem(
                    importing: path, line: number,
                    reason:
                        "raison sociale de \(all[layout.name].count) caractères : \(maximumNameLength) au plus (colonne décalée ou ligne endommagée)"
                )
            }
            result.append(
                Structure(
                    finess: all[layout.finess], name: all[layout.name], commune: commune,
                    category: all[layout.category], categoryLabel: all[layout.label]))
        }
        guard layout != nil else { throw FileProblem(importing: path, line: nil, reason: "fichier vide") }
        guard rows > 0 else {
            throw twoSections ? .noDataRow(path, detail: "le fichier n'a aucune ligne « structureet; »") : .noDataRow(path)
        }
        return result
    }
}
