//! `sent-store`: the app's local database, one SQLite file (bundled SQLite, WAL, versioned
//! migrations). Per workspace it keeps the profile cache that makes the list instant, and for the
//! next screens the audit journal, form drafts and test-send history.
//!
//! **Never a secret.** No API key, WhatsApp token or card field may reach this file. The API is
//! typed so that one cannot: the profile cache takes [`sent_model::ProfileDetail`] (a response
//! type, which holds no secret), and every other JSON column takes a [`NoSecret`] type, a trait
//! implemented here only for reviewed secret-free types. Request types that carry a
//! `SecretString` (`ProfileCreate`, `ProfileUpdate`, `PaymentDetails`, `WhatsappBusinessAccount`)
//! do not implement it; a test checks that they never will by accident. Plain `&str` arguments
//! are ids, names and outcomes: never pass a key there.
//!
//! A file that cannot be opened as a database or fails `PRAGMA integrity_check` is moved aside
//! (kept for the user, see [`Recovery`]) and a fresh one is created, so the app still opens.
//!
//! This crate owns storage only: no HTTP, no Tauri, no UI wording.

mod batches;
mod migrations;
mod open;
mod profiles;
mod records;

use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use rusqlite::Connection;
use serde::Serialize;

pub use batches::{BatchRecord, BatchRowRecord, BatchRowUpdate, NewBatch};
pub use migrations::SCHEMA_VERSION;
pub use profiles::CachedProfiles;
pub use records::{DraftInfo, JournalEntry, NewJournalEntry, NewSend, SendRecord};

/// Why the store failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite refused an operation.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A file operation around the database failed (moving a corrupt file aside, permissions).
    #[error("{action} {}: {source}", path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A stored JSON value could not be written or read back.
    #[error("stored JSON could not be converted: {0}")]
    Json(#[from] serde_json::Error),
    /// The file was written by a newer version of the app; it is left untouched.
    #[error(
        "the database has schema version {found}; this version of the app knows up to {known}"
    )]
    NewerSchema { found: u32, known: u32 },
}

/// Result of this crate.
pub type Result<T> = std::result::Result<T, StoreError>;

/// What happened to a database that could not be used, for a notice in the window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Recovery {
    /// Where the unusable file now is (kept for the user).
    pub moved_to: PathBuf,
    /// Why it could not be used, in SQLite's words.
    pub reason: String,
}

/// Types whose JSON may be written to the database (see [`sent_model::no_secret`]).
pub use sent_model::NoSecret;

/// The open database. Not `Sync`: the app keeps it behind a mutex (one writer, short
/// transactions).
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

impl Store {
    /// Hands back the memory the connection's page cache holds (up to SQLite's default of ~2 MB,
    /// filled by a large list's writes); the pages it needs next are read again from the file.
    pub fn release_memory(&self) {
        // Only fails for a connection in use, which `&self` here never is; nothing to report.
        let _ = self.conn.release_memory();
    }

    /// Opens (or creates) the database at `path` and brings its schema up to date. A file that
    /// is not a database, or failed its last [`Store::check_in_background`], is moved to `<name>.corrupt-<unix time>`
    /// and replaced by a fresh one: the [`Recovery`] says so. Errors that say nothing about the
    /// file's content (locked, permission denied, a newer schema) are returned and the file is
    /// left alone.
    pub fn open(path: impl AsRef<Path>) -> Result<(Store, Option<Recovery>)> {
        let path = path.as_ref();
        match Self::open_checked(path) {
            // Damage the launch's cheap check missed but the schema's upgrade ran into: marked,
            // then checked in full and moved aside like any damaged file.
            Err(StoreError::Sqlite(rusqlite::Error::SqliteFailure(e, _)))
                if e.code == rusqlite::ErrorCode::DatabaseCorrupt =>
            {
                open::mark_damaged(path)?;
                Self::open_checked(path)
            }
            other => other,
        }
    }

    fn open_checked(path: &Path) -> Result<(Store, Option<Recovery>)> {
        let recovery = open::recover_if_corrupt(path)?;
        let conn = open::connect(path)?;
        let mut store = Store {
            conn,
            path: Some(path.to_path_buf()),
        };
        migrations::migrate(&mut store.conn)?;
        open::restrict_permissions(path)?;
        Ok((store, recovery))
    }

    /// Checks the file at `path` page by page (`quick_check`) on a connection of its own, while
    /// the app goes on using it: run after the window opened. `Some(reason)` when the file is
    /// damaged: it is marked, and the next [`Store::open`] moves it aside and starts a new one.
    pub fn check_in_background(path: impl AsRef<Path>) -> Result<Option<String>> {
        open::check_in_background(path.as_ref())
    }

    /// A database in memory (tests, and a fallback when no file can be used at all).
    pub fn open_in_memory() -> Result<Store> {
        let conn = Connection::open_in_memory()?;
        open::configure(&conn)?;
        let mut store = Store { conn, path: None };
        migrations::migrate(&mut store.conn)?;
        Ok(store)
    }

    /// The file, unless in memory.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The schema version of the open database ([`SCHEMA_VERSION`] after `open`).
    pub fn schema_version(&self) -> Result<u32> {
        migrations::version(&self.conn)
    }

    /// Deletes everything kept for a workspace (cache, journal, drafts, send history, batches), in one
    /// transaction: the workspace was removed from the app.
    pub fn forget_workspace(&mut self, workspace_id: &str) -> Result<()> {
        let tx = self.write()?;
        tx.execute(
            "DELETE FROM batch_rows WHERE batch_id IN (SELECT id FROM batches WHERE workspace_id = ?1)",
            [workspace_id],
        )?;
        for table in [
            "batches",
            "profile_cache_meta",
            "profile_cache",
            "profile_cache_incoming",
            "journal",
            "drafts",
            "send_history",
            "workspace_facts",
        ] {
            tx.execute(
                &format!("DELETE FROM {table} WHERE workspace_id = ?1"),
                [workspace_id],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// A write transaction that takes the lock up front (no upgrade deadlock with a reader).
    pub(crate) fn write(&mut self) -> Result<rusqlite::Transaction<'_>> {
        Ok(self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?)
    }
}

/// Now, in unix milliseconds.
pub(crate) fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

/// A workspace fact turned into JSON ahead of its write (a large one is serialized off the
/// caller's locks); made only from a [`NoSecret`] type, as every JSON column is.
#[derive(Debug, Clone)]
pub struct FactJson(String);

impl FactJson {
    pub fn new<T: NoSecret>(fact: &T) -> Result<Self> {
        Ok(Self(to_json(fact)?))
    }

    /// Its size in bytes.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

fn to_json<T: NoSecret>(value: &T) -> Result<String> {
    Ok(serde_json::to_string(value)?)
}
