//! The schema, as an ordered list of migrations. The database's `PRAGMA user_version` is the
//! number of migrations applied; each one runs in its own transaction together with the version
//! bump, so a crash leaves the schema at a version boundary. Never edit a released migration:
//! append a new one.

use rusqlite::{Connection, TransactionBehavior};

use crate::{Result, StoreError};

/// Migration `n` (1-based) is `MIGRATIONS[n - 1]`.
const MIGRATIONS: &[&str] = &[
    // 1: the profile cache, and the tables the next screens fill (journal, drafts, send history).
    r#"
    CREATE TABLE profile_cache_meta (
        workspace_id TEXT PRIMARY KEY NOT NULL,
        fetched_at   INTEGER NOT NULL,           -- unix ms
        complete     INTEGER NOT NULL CHECK (complete IN (0, 1)),
        request_id   TEXT
    );
    CREATE TABLE profile_cache (
        workspace_id TEXT NOT NULL
            REFERENCES profile_cache_meta (workspace_id) ON DELETE CASCADE,
        profile_id   TEXT NOT NULL,
        position     INTEGER NOT NULL,            -- order of the server's answer
        json         TEXT NOT NULL,               -- sent_model::ProfileDetail
        PRIMARY KEY (workspace_id, profile_id)
    );
    CREATE INDEX profile_cache_order ON profile_cache (workspace_id, position);

    CREATE TABLE journal (
        id           INTEGER PRIMARY KEY,
        at           INTEGER NOT NULL,            -- unix ms
        workspace_id TEXT NOT NULL,
        profile_id   TEXT,
        action       TEXT NOT NULL,
        changes_json TEXT NOT NULL,
        outcome      TEXT NOT NULL,
        request_id   TEXT
    );
    CREATE INDEX journal_by_workspace ON journal (workspace_id, at);

    CREATE TABLE drafts (
        workspace_id TEXT NOT NULL,
        key          TEXT NOT NULL,
        json         TEXT NOT NULL,
        updated_at   INTEGER NOT NULL,            -- unix ms
        PRIMARY KEY (workspace_id, key)
    );

    CREATE TABLE send_history (
        id                INTEGER PRIMARY KEY,
        at                INTEGER NOT NULL,       -- unix ms
        workspace_id      TEXT NOT NULL,
        profile_id        TEXT NOT NULL,
        template_id       TEXT,
        recipients_masked TEXT NOT NULL,
        result_json       TEXT NOT NULL
    );
    CREATE INDEX send_history_by_workspace ON send_history (workspace_id, at);
    "#,
    // 2: what the app learned about a workspace's organization (e.g. whether it has a WhatsApp
    // account), kept apart from the user's drafts.
    r#"
    CREATE TABLE workspace_facts (
        workspace_id TEXT NOT NULL,
        key          TEXT NOT NULL,
        json         TEXT NOT NULL,
        updated_at   INTEGER NOT NULL,            -- unix ms
        PRIMARY KEY (workspace_id, key)
    );
    "#,
    // 3: a test send's full numbers and variable values are kept for a period the user sets, then
    // forgotten (its masked numbers and outcome stay); `forgotten` marks the rows already rewritten.
    r#"
    ALTER TABLE send_history ADD COLUMN forgotten INTEGER NOT NULL DEFAULT 0 CHECK (forgotten IN (0, 1));
    "#,
    // 4: a refresh writes the profiles it streams from Sent here, a batch at a time, and swaps
    // them into `profile_cache` in one transaction once the whole list arrived.
    r#"
    CREATE TABLE profile_cache_incoming (
        workspace_id TEXT NOT NULL,
        profile_id   TEXT NOT NULL,
        position     INTEGER NOT NULL,
        json         TEXT NOT NULL,
        PRIMARY KEY (workspace_id, profile_id)
    );
    "#,
    // 5: bulk onboarding. A batch is written when its file is imported; each row carries its
    // profile (no secret: a token column is held in memory only) and the Idempotency-Key of its
    // create, written before the first request, so a batch resumed after a crash sends each row
    // with the key it had. `source` is the file's name only (never its folder).
    r#"
    CREATE TABLE batches (
        id           TEXT PRIMARY KEY,
        workspace_id TEXT NOT NULL,
        source       TEXT NOT NULL,
        fingerprint  TEXT NOT NULL,
        state        TEXT NOT NULL,
        settings     TEXT NOT NULL,
        created_at   INTEGER NOT NULL,
        updated_at   INTEGER NOT NULL
    );
    CREATE INDEX batches_by_workspace ON batches (workspace_id, updated_at);
    CREATE TABLE batch_rows (
        batch_id        TEXT NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
        row_no          INTEGER NOT NULL,
        json            TEXT NOT NULL,
        idempotency_key TEXT NOT NULL,
        state           TEXT NOT NULL,
        profile_id      TEXT,
        message         TEXT,
        request_id      TEXT,
        updated_at      INTEGER NOT NULL,
        PRIMARY KEY (batch_id, row_no)
    );
    "#,
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// The schema version recorded in the database.
pub(crate) fn version(conn: &Connection) -> Result<u32> {
    Ok(conn.pragma_query_value(None, "user_version", |row| row.get(0))?)
}

/// Applies the migrations the database lacks. A database from a newer app is left untouched.
pub(crate) fn migrate(conn: &mut Connection) -> Result<u32> {
    let found = version(conn)?;
    if found > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            found,
            known: SCHEMA_VERSION,
        });
    }
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", index as u32 + 1)?;
        tx.commit()?;
    }
    version(conn)
}
