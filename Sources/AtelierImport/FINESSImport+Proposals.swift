import AtelierCore

extension FINESSImport {
    /// The territory's structures added to those already listed (`existing`, never replaced:
    /// a structure is known by its folded name and commune), and the counts of
    /// `ProposalTable.finessCounts` (pharmacies d'officine). A structure whose catégorie is not
    /// in the table, or whose commune is not in `reference`, is left out of the list.
    public static func proposals(
        _ structures: [Structure], existing: [ListRecord], reference: TerritoryReference,
        source: ImportSource
    ) -> [ProposedAnswer] {
        var items = existing
        func identity(_ name: String, _ commune: String) -> String { name.folded + "|" + commune }
        var known = Set(
            items.compactMap { record -> String? in
                guard case .text(let name)? = record["nom"], case .commune(let commune)? = record["commune"] else { return nil }
                return identity(name, commune.code)
            })
        for structure in structures {
            guard let type = ProposalTable.finessStructureTypes[structure.category],
                let commune = reference.communes[structure.commune],
                known.insert(identity(structure.name, structure.commune)).inserted
            else { continue }
            items.append(
                ListRecord(fields: [
                    ("type", .choice(type)), ("nom", .text(structure.name)),
                    ("commune", .commune(commune.ref)), ("statut", .choice("en fonctionnement")),
                ]))
        }
        let counts = ProposalTable.finessCounts.map { category, key in
            ProposedAnswer(key: key, value: .integer(structures.filter { $0.category == category }.count), source: source)
        }
        return [ProposedAnswer(key: ProposalTable.structuresKey, value: .records(items), source: source)] + counts
    }
}
