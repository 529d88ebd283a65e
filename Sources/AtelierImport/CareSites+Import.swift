import AtelierCore

extension RPPSImport.Counts {
    /// The professionals of the territory and around it, by kind of care and commune.
    public func careSites() -> [CareKind: [String: Int]] {
        var result: [CareKind: [String: Int]] = [:]
        for (commune, professions) in byCommune {
            for (profession, count) in professions where count > 0 {
                guard let kind = ProposalTable.careKind(profession) else { continue }
                result[kind, default: [:]][commune] = count
            }
        }
        return result
    }
}

extension FINESSImport {
    /// The structures of the territory and around it, by kind of care and commune.
    public static func careSites(_ structures: [Structure]) -> [CareKind: [String: Int]] {
        var result: [CareKind: [String: Int]] = [:]
        for structure in structures {
            guard let kind = ProposalTable.finessCareKinds[structure.category] else { continue }
            result[kind, default: [:]][structure.commune, default: 0] += 1
        }
        return result
    }
}
