import AtelierCore

extension RPPSImport.Counts {
    /// The headcounts as proposed answers (every profession of `ProposalTable`, 0 when none
    /// is in the territory), and a note when no row of the file is in the territory: the zeros
    /// are then those of an absence, which the user should know before confirming them.
    public func proposals(source: ImportSource) -> (proposals: [ProposedAnswer], note: String?) {
        var result: [ProposedAnswer] = []
        for profession in RPPSImport.Profession.allCases {
            guard let keys = ProposalTable.rppsKeys(profession) else { continue }
            result.append(ProposedAnswer(key: keys.total, value: .integer(total[profession] ?? 0), source: source))
            result.append(ProposedAnswer(key: keys.liberal, value: .integer(liberal[profession] ?? 0), source: source))
        }
        guard matchedRows == 0 else { return (result, nil) }
        let read = rows == 1 ? "l'unique ligne lue ne concerne" : "aucune des \(FrenchFormat.integer(rows)) lignes lues ne concerne"
        return (
            result,
            "Attention : \(read) une commune du territoire (extraction d'un autre département ?) ; les effectifs proposés sont donc 0."
        )
    }
}
