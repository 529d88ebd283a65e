import GRDB

/// The workbook's schema, as a list of frozen migrations.
///
/// A migration, once shipped, is never edited: users keep their workbooks for years.
/// Literal table and column names only, never a record type's name.
enum WorkbookSchema {
    /// `PRAGMA application_id` of every workbook ("ATLS"): tells our files from other SQLite files.
    static let applicationID: Int32 = 0x4154_4C53

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 classeur initial") { db in
            try db.execute(
                sql: """
                    CREATE TABLE workbook (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        format TEXT NOT NULL,
                        created_at TEXT NOT NULL,
                        created_by_version TEXT NOT NULL
                    );
                    -- The current value of each answered question.
                    CREATE TABLE answer (
                        key TEXT PRIMARY KEY NOT NULL,
                        value TEXT NOT NULL,          -- JSON: {"type": …, "valeur": …}
                        display TEXT NOT NULL,        -- the value as a French reader sees it
                        participant TEXT,             -- who gave it (NULL: not said)
                        source TEXT,                  -- where the figure comes from
                        source_year INTEGER,          -- the year of the figure
                        updated_at TEXT NOT NULL      -- ISO 8601, UTC
                    );
                    -- Append-only: every change of every answer, never updated nor deleted.
                    CREATE TABLE answer_event (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        key TEXT NOT NULL,
                        value TEXT,
                        display TEXT,
                        previous_value TEXT,
                        previous_display TEXT,
                        participant TEXT,
                        source TEXT,
                        source_year INTEGER,
                        origin TEXT NOT NULL,         -- saisie, modification, référentiel, retrait
                        recorded_at TEXT NOT NULL
                    );
                    CREATE INDEX answer_event_by_key ON answer_event(key, id);
                    CREATE TRIGGER answer_event_is_append_only_update BEFORE UPDATE ON answer_event
                        BEGIN SELECT RAISE(ABORT, 'answer_event is append-only'); END;
                    CREATE TRIGGER answer_event_is_append_only_delete BEFORE DELETE ON answer_event
                        BEGIN SELECT RAISE(ABORT, 'answer_event is append-only'); END;
                    CREATE TABLE skipped_question (
                        key TEXT PRIMARY KEY NOT NULL,
                        skipped_at TEXT NOT NULL
                    );
                    -- Where the session stands: current question, participant, source.
                    CREATE TABLE session_state (
                        name TEXT PRIMARY KEY NOT NULL,
                        value TEXT NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("v2 propositions importées") { db in
            try db.execute(
                sql: """
                    -- Answers proposed by an import (RPPS, FINESS, INSEE), waiting for /confirmer.
                    -- A proposal never overwrites an answer: confirming it records the answer.
                    CREATE TABLE proposal (
                        key TEXT PRIMARY KEY NOT NULL,
                        value TEXT NOT NULL,
                        display TEXT NOT NULL,
                        source TEXT NOT NULL,
                        source_year INTEGER,
                        imported_from TEXT NOT NULL,  -- the file, as the user named it
                        imported_at TEXT NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("v3 annulation") { db in
            try db.execute(
                sql: """
                    -- One row per confirmed change, as /annuler takes it back: an answer, a list
                    -- element added or removed with the financing lines that followed it, a move, a
                    -- confirmation of imported proposals. Its answer_event rows say what it changed.
                    -- Not AUTOINCREMENT: a row is never deleted, so ids never come back, and each
                    -- answer saves the write of sqlite_sequence.
                    CREATE TABLE change_set (
                        id INTEGER PRIMARY KEY,
                        participant TEXT,
                        recorded_at TEXT NOT NULL,
                        -- fait: in effect; annulé: undone, /refaire replays it; abandonné: undone,
                        -- then another change was made, so it can no longer be replayed.
                        state TEXT NOT NULL DEFAULT 'fait' CHECK (state IN ('fait', 'annulé', 'abandonné')),
                        -- JSON array of the import proposals the change settled, put back by /annuler.
                        settled_proposals TEXT NOT NULL DEFAULT '[]',
                        -- JSON array of the questions the change took off the skipped list (a question
                        -- passed, then answered): /annuler passes them again.
                        unskipped TEXT NOT NULL DEFAULT '[]',
                        -- The question /passer skipped, when the change is a /passer.
                        skipped TEXT
                    );
                    -- Only the undone steps are looked up by state (/refaire, and the next change
                    -- that abandons them); the newest step in effect is found from the end of the
                    -- table. A partial index: an answer, a step in effect, writes no index page.
                    CREATE INDEX change_set_undone ON change_set(id) WHERE state = 'annulé';
                    -- The change an event belongs to (NULL: recorded before undo existed). Events of
                    -- /annuler and /refaire name the change they undo or replay.
                    ALTER TABLE answer_event ADD COLUMN change_set INTEGER REFERENCES change_set(id);
                    -- Who recorded the line: the session's participant. For /annuler and /refaire, who
                    -- undid or replayed it (`participant` stays the author of the value).
                    ALTER TABLE answer_event ADD COLUMN acted_by TEXT;
                    -- A change's lines, found by the change (a range of ids would be cheaper to
                    -- write, but one hand-edited bound would undo half a change).
                    CREATE INDEX answer_event_by_change_set ON answer_event(change_set, id);
                    """)
        }
        migrator.registerMigration("v4 réunions") { db in
            try db.execute(
                sql: """
                    -- The meeting an answer was given in, as its attribution reads (« en COPIL le
                    -- 12/03/2027 »); NULL: given outside any meeting, or before meetings existed.
                    -- Text, not a number: a meeting renumbered or removed leaves it as it was said.
                    ALTER TABLE answer ADD COLUMN meeting TEXT;
                    ALTER TABLE answer_event ADD COLUMN meeting TEXT;
                    """)
        }
        migrator.registerMigration("v5 documents exportés") { db in
            try db.execute(
                sql: """
                    -- What /exporter last wrote at each file, so that the next export tells its own
                    -- file (replaced) from one the user edited since (kept as a dated copy). One row
                    -- per file, replaced at each export. The path is the folder's real path and the
                    -- file's name: the same file however it was typed.
                    CREATE TABLE exported_file (
                        path TEXT PRIMARY KEY NOT NULL,
                        sha256 TEXT NOT NULL,         -- of the bytes written, 64 lowercase hex digits
                        bytes INTEGER NOT NULL,       -- their count: a file of another size is not read
                        exported_at TEXT NOT NULL     -- ISO 8601, UTC
                    );
                    """)
        }
        migrator.registerMigration("v6 offre de soins à proximité") { db in
            try db.execute(
                sql: """
                    -- What the last import of each national file found in and around the territory,
                    -- from which the distances to care are computed (mobilités). Replaced whole by
                    -- each import of the same file; an observation of the file, not an answer.
                    -- file_kind: 'rpps' (professionals) or 'finess' (structures).
                    CREATE TABLE care_site_reading (
                        file_kind TEXT PRIMARY KEY NOT NULL CHECK (file_kind IN ('rpps', 'finess')),
                        source TEXT NOT NULL,         -- as the proposals cite it
                        source_year INTEGER,
                        imported_from TEXT NOT NULL,
                        imported_at TEXT NOT NULL,
                        -- The area read: the territory's points widened by the margin, in degrees.
                        south REAL NOT NULL, north REAL NOT NULL, west REAL NOT NULL, east REAL NOT NULL
                    );
                    -- One row per kind of care and commune that has some: how many professionals
                    -- (distinct) or structures.
                    CREATE TABLE care_site (
                        file_kind TEXT NOT NULL REFERENCES care_site_reading(file_kind) ON DELETE CASCADE,
                        kind TEXT NOT NULL,           -- CareKind: medecin_generaliste, pharmacie…
                        commune TEXT NOT NULL,        -- INSEE code of the commune or arrondissement
                        count INTEGER NOT NULL,
                        PRIMARY KEY (file_kind, kind, commune)
                    ) WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("v7 scénarios et copies") { db in
            try db.execute(
                sql: """
                    -- Names this workbook among its copies: a scenario or a partner's copy remembers the
                    -- uid of the workbook it was forked from, and a merge refuses any other file.
                    -- Set for each new workbook when it is created (WorkbookStore.prepare).
                    ALTER TABLE workbook ADD COLUMN uid TEXT;
                    UPDATE workbook SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL;
                    -- Where a forked workbook comes from: one row, absent in a workbook never forked.
                    CREATE TABLE lineage (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        kind TEXT NOT NULL CHECK (kind IN ('scénario', 'copie')),
                        name TEXT NOT NULL,           -- the scenario's name, or the copy's file name
                        parent_uid TEXT NOT NULL,
                        parent_path TEXT NOT NULL,    -- as it was at the fork (the file may move since)
                        parent_territory TEXT,
                        -- The parent's last answer_event id at the fork: both histories are the same up
                        -- to it, and the answers then are the common ancestor of a three-way merge.
                        fork_event INTEGER NOT NULL,
                        fork_event_at TEXT,           -- that line's recorded_at, to check it is the same
                        forked_at TEXT NOT NULL,
                        forked_by TEXT,
                        sections TEXT NOT NULL DEFAULT '[]'  -- JSON array: the sections a partner is asked to fill
                    );
                    -- Each /fusionner of a copy into this workbook: the copy's history merged up to
                    -- copy_event (the next merge of the same copy starts from there), and each conflict
                    -- with both values and how it was settled. Undone with its change_set.
                    CREATE TABLE merge_record (
                        id INTEGER PRIMARY KEY,
                        change_set INTEGER NOT NULL REFERENCES change_set(id),
                        copy_uid TEXT NOT NULL,
                        copy_file TEXT NOT NULL,
                        copy_event INTEGER NOT NULL,
                        merged_at TEXT NOT NULL,
                        merged_by TEXT,
                        taken INTEGER NOT NULL,       -- answers written
                        conflicts TEXT NOT NULL DEFAULT '[]'
                    );
                    CREATE INDEX merge_record_by_copy ON merge_record(copy_uid, id);
                    """)
        }
        return migrator
    }
}
