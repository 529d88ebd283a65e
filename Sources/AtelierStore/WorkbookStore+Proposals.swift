import AtelierCore
import Foundation
import GRDB

// MARK: - Proposals from imports

extension WorkbookStore {
    /// Replaces the proposals of these keys, all in one transaction: an import lands whole or
    /// not at all.
    public func propose(_ proposals: [Proposal]) throws(WorkbookError) {
        let now = Timestamp.string(clock())
        try write { db in
            for proposal in proposals {
                try db.execute(
                    sql: """
                        INSERT OR REPLACE INTO proposal (key, value, display, source, source_year, imported_from, imported_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        proposal.key, proposal.value.json, proposal.value.display, proposal.source,
                        proposal.sourceYear, proposal.file, now,
                    ])
            }
        }
    }

    public func proposals() throws(WorkbookError) -> [String: Proposal] {
        try read(Self.fetchProposals)
    }

    static func fetchProposals(_ db: Database) throws -> [String: Proposal] {
        var result: [String: Proposal] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM proposal") {
            let key: String = row["key"]
            guard let value = try? AnswerValue(json: row["value"]) else { continue }
            result[key] = Proposal(
                key: key, value: value, source: row["source"], sourceYear: row["source_year"], file: row["imported_from"])
        }
        return result
    }
}
