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
            for proposal in proposals { try Self.insert(proposal, replacing: true, at: now, in: db) }
        }
    }

    /// One proposal row; `replacing` an existing proposal of its key, or leaving it.
    static func insert(_ proposal: Proposal, replacing: Bool, at now: String, in db: Database) throws {
        try db.execute(
            sql: """
                INSERT OR \(replacing ? "REPLACE" : "IGNORE") INTO proposal
                    (key, value, display, source, source_year, imported_from, imported_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                proposal.key, proposal.value.json, proposal.value.display, proposal.source,
                proposal.sourceYear, proposal.file, now,
            ])
    }

    public func proposals() throws(WorkbookError) -> [String: Proposal] {
        try read(Self.fetchProposals)
    }

    static func fetchProposals(_ db: Database) throws -> [String: Proposal] {
        var result: [String: Proposal] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM proposal") {
            guard let key = row.text("key"), let value = row.text("value").flatMap({ try? AnswerValue(json: $0) }) else { continue }
            result[key] = Proposal(
                key: key, value: value, source: row.text("source") ?? "", sourceYear: row.integer("source_year"),
                file: row.text("imported_from") ?? "")
        }
        return result
    }
}
