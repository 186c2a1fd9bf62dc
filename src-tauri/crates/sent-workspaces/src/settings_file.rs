//! Guarding the settings file. `tauri-plugin-store` ignores a file it cannot parse and overwrites
//! it on the next save, and writes in place; so before the store opens the file, the app checks it
//! here: a corrupt file is moved aside (kept for the user, never deleted) and the last good copy,
//! written after every successful save, is restored when there is one.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};
use ts_rs::TS;

use crate::settings::keys;
use crate::{Theme, WindowState, Workspace};

/// What happened to a corrupt settings file, for a notice in the window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Recovery {
    /// Why the file could not be used.
    pub reason: String,
    /// Where the unreadable file was moved (kept for the user).
    pub moved_to: String,
    /// True when the last good copy was restored; false when the app starts from defaults.
    pub restored_backup: bool,
}

/// Checks the settings file at `path` and, when it cannot be read as our settings, moves it aside
/// and restores the backup (if that one is good). `Ok(None)`: nothing to do.
pub fn recover_if_corrupt(path: &Path) -> std::io::Result<Option<Recovery>> {
    let reason = match fs::read(path) {
        Ok(bytes) => match check(&bytes) {
            Ok(()) => return Ok(None),
            Err(reason) => reason,
        },
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(error) => format!("the file could not be read ({error})"),
    };
    let moved_to = aside_path(path);
    fs::rename(path, &moved_to)?;
    let backup = backup_path(path);
    let restored_backup = match fs::read(&backup) {
        Ok(bytes) if check(&bytes).is_ok() => {
            fs::copy(&backup, path)?;
            true
        }
        _ => false,
    };
    Ok(Some(Recovery {
        reason,
        moved_to: moved_to.display().to_string(),
        restored_backup,
    }))
}

/// Copies the just-saved settings file to its backup (atomically: temp file + rename), so a file
/// torn by a crash mid-write can be replaced by the last good copy.
pub fn write_backup(path: &Path) -> std::io::Result<()> {
    let backup = backup_path(path);
    let temp = backup.with_extension("bak.tmp");
    fs::copy(path, &temp)?;
    fs::rename(temp, backup)
}

fn backup_path(path: &Path) -> PathBuf {
    append(path, ".bak")
}

fn aside_path(path: &Path) -> PathBuf {
    let stamp = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    append(path, &format!(".corrupt-{stamp}"))
}

fn append(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    path.with_file_name(name)
}

/// The file must be a JSON object whose known keys have the shapes the typed accessors read.
fn check(bytes: &[u8]) -> Result<(), String> {
    let value: Value =
        serde_json::from_slice(bytes).map_err(|e| format!("the file is not valid JSON ({e})"))?;
    let object = value.as_object().ok_or("the file is not a JSON object")?;
    shape::<u32>(object, keys::VERSION)?;
    shape::<Vec<Workspace>>(object, keys::WORKSPACES)?;
    shape::<Option<uuid::Uuid>>(object, keys::CURRENT_WORKSPACE)?;
    shape::<Theme>(object, keys::THEME)?;
    shape::<Option<WindowState>>(object, keys::WINDOW)?;
    shape::<Vec<String>>(object, keys::RECENT_RECIPIENTS)?;
    Ok(())
}

fn shape<T: DeserializeOwned>(object: &Map<String, Value>, key: &str) -> Result<(), String> {
    match object.get(key) {
        None => Ok(()),
        Some(value) => serde_json::from_value::<T>(value.clone())
            .map(|_| ())
            .map_err(|e| format!("the setting \"{key}\" is unreadable ({e})")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Dir(PathBuf);
    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }
    fn dir() -> Dir {
        let path = std::env::temp_dir().join(format!("sent-settings-{}", uuid::Uuid::new_v4()));
        fs::create_dir_all(&path).unwrap();
        Dir(path)
    }

    #[test]
    fn a_good_or_missing_file_is_left_alone() {
        let d = dir();
        let path = d.0.join("settings.json");
        assert_eq!(recover_if_corrupt(&path).unwrap(), None);
        fs::write(&path, r#"{"version":1,"theme":"dark","workspaces":[]}"#).unwrap();
        assert_eq!(recover_if_corrupt(&path).unwrap(), None);
        assert!(path.exists());
    }

    #[test]
    fn a_torn_file_is_moved_aside_and_the_backup_restored() {
        let d = dir();
        let path = d.0.join("settings.json");
        fs::write(&path, r#"{"version":1,"theme":"light"}"#).unwrap();
        write_backup(&path).unwrap();
        fs::write(&path, r#"{"version":1,"theme":"li"#).unwrap();
        let recovery = recover_if_corrupt(&path).unwrap().expect("recovered");
        assert!(recovery.restored_backup);
        assert!(
            recovery.reason.contains("not valid JSON"),
            "{}",
            recovery.reason
        );
        assert_eq!(
            fs::read_to_string(&recovery.moved_to).unwrap(),
            r#"{"version":1,"theme":"li"#
        );
        assert_eq!(
            fs::read_to_string(&path).unwrap(),
            r#"{"version":1,"theme":"light"}"#
        );
    }

    #[test]
    fn a_wrong_shape_without_backup_starts_from_defaults_and_keeps_the_file() {
        let d = dir();
        let path = d.0.join("settings.json");
        fs::write(&path, r#"{"workspaces":"oops"}"#).unwrap();
        let recovery = recover_if_corrupt(&path).unwrap().expect("recovered");
        assert!(!recovery.restored_backup);
        assert!(recovery.reason.contains("\"workspaces\""));
        assert!(!path.exists());
        assert!(Path::new(&recovery.moved_to).exists());
    }
}
