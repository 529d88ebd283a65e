import AtelierCore
import GRDB

// MARK: - Care sites around the territory (mobilités)

extension WorkbookStore {
    /// Replaces what the last import of that file found (`fromFINESS`: FINESS, else RPPS), in
    /// one transaction with `proposals`: the sites and the proposals computed from them land
    /// together or not at all.
    public func recordCareSites(
        fromFINESS: Bool, reading: CareSites.Reading, counts: [CareKind: [String: Int]], file: String,
        proposals: [Proposal]
    ) throws(WorkbookError) {
        let now = Timestamp.string(clock())
        let kind = fromFINESS ? "finess" : "rpps"
        try write { db in
            try db.execute(sql: "DELETE FROM care_site WHERE file_kind = ?", arguments: [kind])
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO care_site_reading
                        (file_kind, source, source_year, imported_from, imported_at, south, north, west, east)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    kind, reading.source, reading.year, file, now, reading.area.latitudes.lowerBound, reading.area.latitudes.upperBound,
                    reading.area.longitudes.lowerBound, reading.area.longitudes.upperBound,
                ])
            let insert = try db.makeStatement(sql: "INSERT INTO care_site (file_kind, kind, commune, count) VALUES (?, ?, ?, ?)")
            for (careKind, communes) in counts where careKind.fromFINESS == fromFINESS {
                for (commune, count) in communes where count > 0 {
                    try insert.execute(arguments: [kind, careKind.rawValue, commune, count])
                }
            }
            for proposal in proposals { try Self.insert(proposal, replacing: true, at: now, in: db) }
        }
    }

    /// The care sites the workbook holds. Rows edited by hand into something unreadable (an
    /// unknown kind, a count below 1, an area upside down) are left out: the distances are then
    /// computed without them, as if the file had not listed them.
    public func careSites() throws(WorkbookError) -> CareSites {
        try read { db in
            var sites = CareSites()
            for row in try Row.fetchAll(db, sql: "SELECT * FROM care_site_reading") {
                guard let kind = row.text("file_kind"), kind == "rpps" || kind == "finess", let source = row.text("source"),
                    let south = row.double("south"), let north = row.double("north"), let west = row.double("west"),
                    let east = row.double("east"), south <= north, west <= east
                else { continue }
                sites.readings[kind == "finess"] = CareSites.Reading(
                    source: source, year: row.integer("source_year"), area: GeoArea(latitudes: south...north, longitudes: west...east))
            }
            for row in try Row.fetchAll(db, sql: "SELECT * FROM care_site") {
                guard let kind = row.text("kind").flatMap(CareKind.init(rawValue:)), let file = row.text("file_kind"),
                    (file == "finess") == kind.fromFINESS, sites.readings[kind.fromFINESS] != nil,
                    let commune = row.text("commune"), Identifiers.isWellFormedInseeCode(commune),
                    let count = row.integer("count"), count >= 1
                else { continue }
                sites.counts[kind, default: [:]][commune] = count
            }
            return sites
        }
    }
}
