import AtelierCore
import Foundation
import GRDB

/// What a session decides to write, once it has seen the workbook as it is now.
public enum WriteDecision: Sendable {
    /// Record these answers, drop the proposals of these keys and set these pieces of session
    /// state (the question to ask next): one transaction.
    case record([AnswerChange], settling: [String], state: [String: String?] = [:])
    /// Write nothing: the answer no longer holds against the workbook's current content.
    case abandon
}

/// The outcome of a decided write.
public struct WriteOutcome: Sendable {
    /// The workbook's content when another session had written since this one last read it
    /// (the decision was taken on it); nil when nothing had changed.
    public var refreshed: WorkbookContent?
    /// The answers as recorded, read back in the same transaction; empty when abandoned.
    public var written: [String: StoredAnswer]
    /// The keys whose import proposal the write removed.
    public var settled: [String] = []
}

// MARK: - Reading and writing against the file's current state

extension WorkbookStore {
    /// Reads the whole content and remembers which version of the file it comes from.
    public func content() throws(WorkbookError) -> WorkbookContent {
        try read { db in
            let content = try fetchContent(db)
            seenVersion.value = try Self.dataVersion(db)
            return content
        }
    }

    /// The content when another session has written since this one last read or wrote it, so
    /// that the session can tell its user before it asks the next question; nil otherwise.
    public func contentIfChangedElsewhere() throws(WorkbookError) -> WorkbookContent? {
        // Asked before every question: the version alone is read outside a transaction (a
        // pragma needs none); the content, when it changed, inside one.
        let current: Int
        do {
            current = try writer.inDatabase { try Int.fetchOne($0.cachedStatement(sql: "PRAGMA data_version")) ?? 0 }
        } catch {
            throw Self.translate(error, path: path)
        }
        guard current != seenVersion.value else { return nil }
        return try read { db in
            let version = try Self.dataVersion(db)
            guard version != seenVersion.value else { return nil }
            let content = try fetchContent(db)
            seenVersion.value = version
            return content
        }
    }

    /// One write transaction decided on the file as it is once the write lock is held: when
    /// another session wrote in the meantime, `decide` gets the current content (and must
    /// check the answer against it: a list to append to, a bound that depends on another
    /// answer), otherwise nil — the session's copy is exact.
    public func record(deciding decide: (WorkbookContent?) -> WriteDecision) throws(WorkbookError) -> WriteOutcome {
        let now = Timestamp.string(clock())
        var outcome = WriteOutcome(refreshed: nil, written: [:])
        try write { db in
            let version = try Self.dataVersion(db)
            if version != seenVersion.value {
                outcome.refreshed = try fetchContent(db)
                seenVersion.value = version
            }
            guard case .record(let changes, let settling, let state) = decide(outcome.refreshed) else {
                throw Abandoned()
            }
            let changed = try Self.insert(changes, settling: settling, at: now, in: db)
            outcome.settled = settling
            for (name, value) in state { try Self.setState(name, value, in: db) }
            // The answers as recorded, without reading them back (and decoding their JSON again).
            let recordedAt = Timestamp.date(now) ?? clock()
            for change in changes where changed.contains(change.key) {
                outcome.written[change.key] = StoredAnswer(
                    key: change.key, value: change.value, participant: change.participant,
                    source: change.source, sourceYear: change.sourceYear, updatedAt: recordedAt, meeting: change.meeting)
            }
        } abandoning: {
            $0 is Abandoned
        }
        return outcome
    }

    /// Thrown inside a transaction to roll it back without an error.
    private struct Abandoned: Error {}

    /// `PRAGMA data_version`: changes whenever another connection commits to the file, and
    /// only then (this connection's own commits leave it alone).
    static func dataVersion(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0
    }

    func fetchContent(_ db: Database) throws -> WorkbookContent {
        var unreadable: [String] = []
        let answers = decode(try Row.fetchAll(db, sql: "SELECT * FROM answer"), unreadable: &unreadable)
        return WorkbookContent(
            answers: answers, skipped: Set(try Row.fetchAll(db, sql: "SELECT key FROM skipped_question").compactMap { $0.text("key") }),
            proposals: try Self.fetchProposals(db), unreadable: unreadable.sorted())
    }
}

/// The version of the file a session last read, shared by the store's methods; only touched
/// inside the queue's serialized accesses.
final class SeenVersion: @unchecked Sendable {
    var value: Int?
}
