//! Saving and loading the state file: atomic replace (temp file, fsync, rename), so a crash in
//! the middle of a write leaves either the old file or the new one, never a torn one.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::{State, STATE_VERSION};

/// Why the state file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum PersistError {
    /// File system failure.
    #[error("state file {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The file is not a state file this version understands.
    #[error("state file {path} is not valid sandbox state: {source}")]
    Format {
        path: PathBuf,
        #[source]
        source: serde_json::Error,
    },
    /// Written by an incompatible sandbox version.
    #[error("state file {path} has version {found}, expected {expected}")]
    Version {
        path: PathBuf,
        found: u32,
        expected: u32,
    },
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> PersistError + '_ {
    move |source| PersistError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Loads the state file; `Ok(None)` when it does not exist yet.
pub fn load(path: &Path) -> Result<Option<State>, PersistError> {
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io(path)(e)),
    };
    let state: State = serde_json::from_slice(&bytes).map_err(|source| PersistError::Format {
        path: path.to_path_buf(),
        source,
    })?;
    if state.version != STATE_VERSION {
        return Err(PersistError::Version {
            path: path.to_path_buf(),
            found: state.version,
            expected: STATE_VERSION,
        });
    }
    Ok(Some(state))
}

/// Creates (or truncates) `path` readable and writable by the user only (0600 on Unix; the
/// state holds customer data such as billing contacts). The mode is also set on an existing
/// file, e.g. a temp file left by a crash.
fn create_private(path: &Path) -> std::io::Result<fs::File> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        options.mode(0o600);
        let f = options.open(path)?;
        f.set_permissions(fs::Permissions::from_mode(0o600))?;
        Ok(f)
    }
    #[cfg(not(unix))]
    {
        options.open(path)
    }
}

/// Writes the serialized state atomically, readable by the user only.
pub fn save(path: &Path, bytes: &[u8]) -> Result<(), PersistError> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(io(dir))?;
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "state".into());
    let tmp = dir.join(format!(".{file_name}.tmp-{}", std::process::id()));
    {
        let mut f = create_private(&tmp).map_err(io(&tmp))?;
        f.write_all(bytes).map_err(io(&tmp))?;
        // The data must be on disk before the rename makes it visible under the real name.
        f.sync_all().map_err(io(&tmp))?;
    }
    fs::rename(&tmp, path).map_err(io(path))?;
    // Persist the directory entry too; best effort where directories cannot be opened.
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn save_replaces_and_leaves_no_temp_file() {
        let dir =
            std::env::temp_dir().join(format!("sent-sandbox-persist-{}", uuid::Uuid::new_v4()));
        let path = dir.join("state.json");
        save(&path, b"{\"a\":1}").unwrap();
        save(&path, b"{\"a\":2}").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"{\"a\":2}");
        let names: Vec<_> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");
        fs::remove_dir_all(dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn the_file_is_readable_by_the_user_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir =
            std::env::temp_dir().join(format!("sent-sandbox-persist-{}", uuid::Uuid::new_v4()));
        let path = dir.join("state.json");
        fs::create_dir_all(&dir).unwrap();
        // An older, world-readable file is replaced by a private one.
        fs::write(&path, b"{}").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
        save(&path, b"{\"a\":1}").unwrap();
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{mode:o}");
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn missing_file_is_none_and_garbage_is_an_error() {
        let dir =
            std::env::temp_dir().join(format!("sent-sandbox-persist-{}", uuid::Uuid::new_v4()));
        let path = dir.join("state.json");
        assert!(load(&path).unwrap().is_none());
        save(&path, b"not json").unwrap();
        assert!(matches!(load(&path), Err(PersistError::Format { .. })));
        fs::remove_dir_all(dir).unwrap();
    }
}
