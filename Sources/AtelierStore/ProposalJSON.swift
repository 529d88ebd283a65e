import AtelierCore
import Foundation

/// The proposals a change settled, kept with it as JSON so that /annuler can put them back.
enum ProposalJSON {
    private struct Row: Codable {
        var key: String
        var value: String
        var source: String
        var sourceYear: Int?
        var file: String
    }

    static func encode(_ proposals: [Proposal]) -> String {
        if proposals.isEmpty { return "[]" }  // nearly every change
        let rows = proposals.map { Row(key: $0.key, value: $0.value.json, source: $0.source, sourceYear: $0.sourceYear, file: $0.file) }
        guard let data = try? JSONEncoder().encode(rows) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }

    /// The proposals kept with a change; a row edited into nonsense by hand is left out.
    static func decode(_ json: String) -> [Proposal] {
        guard let rows = try? JSONDecoder().decode([Row].self, from: Data(json.utf8)) else { return [] }
        return rows.compactMap { row in
            (try? AnswerValue(json: row.value)).map {
                Proposal(key: row.key, value: $0, source: row.source, sourceYear: row.sourceYear, file: row.file)
            }
        }
    }
}
