//! Opening the file: corrupt-file recovery, connection settings, file permissions.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use rusqlite::{Connection, ErrorCode, OpenFlags};

use crate::{Recovery, Result, StoreError};

/// Side files SQLite keeps next to the database in WAL mode.
const SIDE_FILES: [&str; 2] = ["-wal", "-shm"];

/// Left beside the database by a failed background check ([`check_in_background`]): the next
/// open checks the file before using it and moves it aside.
fn marker(path: &Path) -> PathBuf {
    with_suffix(path, ".check-failed")
}

/// Moves an existing file (and its WAL) aside when it is not a usable database. At launch this is
/// cheap (SQLite reads the file's header and schema); the page-by-page `quick_check` runs after
/// the window opened ([`check_in_background`]), and only when that check failed does the next
/// open run it first.
pub(crate) fn recover_if_corrupt(path: &Path) -> Result<Option<Recovery>> {
    let marker = marker(path);
    if !path.exists() {
        let _ = fs::remove_file(&marker);
        return Ok(None);
    }
    let reason = if marker.exists() {
        corruption(path, "PRAGMA quick_check")?
    } else {
        corruption(path, "SELECT count(*) FROM sqlite_schema")?
    };
    let _ = fs::remove_file(&marker);
    let Some(reason) = reason else {
        return Ok(None);
    };
    let moved_to = aside_path(path);
    fs::rename(path, &moved_to).map_err(|source| StoreError::Io {
        action: "cannot move aside the unusable database",
        path: path.to_path_buf(),
        source,
    })?;
    for suffix in SIDE_FILES {
        let side = with_suffix(path, suffix);
        if side.exists() {
            // The WAL may hold the last writes: keep it with the file it belongs to.
            let _ = fs::rename(&side, with_suffix(&moved_to, suffix));
        }
    }
    Ok(Some(Recovery { moved_to, reason }))
}

/// SQLite's `quick_check` of the file (every page and record, not every index entry against its
/// row; the full `integrity_check` reads a large cache for seconds), on a connection of its own
/// while the app uses the database. `Some(reason)` when it failed: the file is marked, and the
/// next open moves it aside and starts a new one (the user is told then).
pub(crate) fn check_in_background(path: &Path) -> Result<Option<String>> {
    let reason = corruption(path, "PRAGMA quick_check")?;
    if reason.is_some() {
        mark_damaged(path)?;
    }
    Ok(reason)
}

/// Leaves the marker that makes the next open check the file in full.
pub(crate) fn mark_damaged(path: &Path) -> Result<()> {
    fs::write(marker(path), b"").map_err(|source| StoreError::Io {
        action: "cannot mark the damaged database",
        path: path.to_path_buf(),
        source,
    })
}

/// `Some(reason)` when the file is not a database or fails `check` (a statement answering "ok",
/// or a count); errors that say nothing about the content (busy, permissions) are returned as
/// errors.
fn corruption(path: &Path, check: &str) -> Result<Option<String>> {
    let checked = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .and_then(|conn| {
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        let mut stmt = conn.prepare(check)?;
        let rows = stmt.query_map([], |row| {
            row.get::<_, String>(0)
                .or_else(|_| row.get::<_, i64>(0).map(|_| "ok".to_owned()))
        })?;
        rows.collect::<rusqlite::Result<Vec<String>>>()
    });
    match checked {
        Ok(rows) if rows.len() == 1 && rows[0] == "ok" => Ok(None),
        Ok(rows) => Ok(Some(format!(
            "integrity check failed: {}",
            rows.into_iter().take(3).collect::<Vec<_>>().join("; ")
        ))),
        Err(rusqlite::Error::SqliteFailure(e, message))
            if matches!(e.code, ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) =>
        {
            Ok(Some(message.unwrap_or_else(|| e.to_string())))
        }
        Err(e) => Err(e.into()),
    }
}

/// `<name>.corrupt-<unix seconds>`, with a counter if that name is taken.
fn aside_path(path: &Path) -> PathBuf {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let base = with_suffix(path, &format!(".corrupt-{secs}"));
    let mut candidate = base.clone();
    let mut n = 1;
    while candidate.exists() {
        candidate = with_suffix(&base, &format!("-{n}"));
        n += 1;
    }
    candidate
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Opens (creating it owner-only first, so it is never readable by others even briefly).
pub(crate) fn connect(path: &Path) -> Result<Connection> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir).map_err(|source| StoreError::Io {
            action: "cannot create the folder of",
            path: path.to_path_buf(),
            source,
        })?;
    }
    create_private(path)?;
    let conn = Connection::open(path)?;
    configure(&conn)?;
    Ok(conn)
}

#[cfg(unix)]
fn create_private(path: &Path) -> Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .open(path)
        .map(drop)
        .map_err(|source| StoreError::Io {
            action: "cannot create",
            path: path.to_path_buf(),
            source,
        })
}

#[cfg(not(unix))]
fn create_private(_path: &Path) -> Result<()> {
    // The file lives in the user's profile folder, whose ACL already keeps it private.
    Ok(())
}

/// Connection settings: WAL (readers never block the writer), foreign keys, a busy timeout,
/// secure deletion.
pub(crate) fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    // Returns the mode in effect ("memory" for an in-memory database).
    let _mode: String = conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // Safe with WAL: a power cut may lose the last commits, never corrupt the file.
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    // What is deleted or rewritten (a draft discarded, a test send's numbers forgotten) is
    // overwritten in the pages the change writes anyway ("FAST": no extra writes, so replacing a
    // list of 100,000 cached profiles does not also zero it).
    conn.pragma_update(None, "secure_delete", "FAST")?;
    Ok(())
}

/// Owner-only permissions on the database and its WAL side files. SQLite creates the side files
/// with the database's mode already; this also repairs a file created by an older build.
#[cfg(unix)]
pub(crate) fn restrict_permissions(path: &Path) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let files = std::iter::once(path.to_path_buf())
        .chain(SIDE_FILES.iter().map(|s| with_suffix(path, s)))
        .filter(|p| p.exists());
    for file in files {
        fs::set_permissions(&file, fs::Permissions::from_mode(0o600)).map_err(|source| {
            StoreError::Io {
                action: "cannot restrict the permissions of",
                path: file.clone(),
                source,
            }
        })?;
    }
    Ok(())
}

#[cfg(not(unix))]
pub(crate) fn restrict_permissions(_path: &Path) -> Result<()> {
    Ok(())
}
