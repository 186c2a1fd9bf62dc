//! Guarding the settings file. `tauri-plugin-store` ignores a file it cannot parse and overwrites
//! it on the next save, and writes in place; so before the store opens the file, the app checks it
//! here: a corrupt file is moved aside (kept for the user, never deleted) and the last good copy,
//! written after every successful save, is restored when there is one.
//!
//! Saves go through [`SettingsFile::save_with`]: the save and the backup copy run under one lock,
//! the copy goes through a temp file with a unique name, and both files are readable by the user
//! only (0600 on Unix).

use crate::settings::SettingsError;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
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

/// The settings file and its backup, saved under one lock.
pub struct SettingsFile {
    path: PathBuf,
    lock: Mutex<()>,
}

impl SettingsFile {
    pub fn new(path: impl Into<PathBuf>) -> Self {
        Self {
            path: path.into(),
            lock: Mutex::new(()),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `write` (which writes the whole file at [`Self::path`] in place, like
    /// `tauri-plugin-store`'s save), then copies the result to the backup, all under one lock: no
    /// other save can interleave between the write and its backup. The file is created readable
    /// by the user only before `write` runs, so it is never readable by others, not even briefly.
    pub fn save_with(
        &self,
        write: impl FnOnce() -> Result<(), SettingsError>,
    ) -> Result<(), SettingsError> {
        let _saving = self.lock.lock().unwrap_or_else(|e| e.into_inner());
        let describe =
            |e: std::io::Error| SettingsError::Write(format!("{}: {e}", self.path.display()));
        if let Some(dir) = self.path.parent().filter(|d| !d.as_os_str().is_empty()) {
            fs::create_dir_all(dir).map_err(describe)?;
        }
        make_private(&self.path).map_err(describe)?;
        write()?;
        write_backup(&self.path).map_err(describe)
    }
}

/// Creates `path` if missing and makes it readable and writable by the user only (0600 on Unix;
/// nothing elsewhere, where the app's data folder is already per user). An existing file keeps
/// its content.
pub fn make_private(path: &Path) -> std::io::Result<()> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        options.mode(0o600);
        options.open(path)?;
        fs::set_permissions(path, fs::Permissions::from_mode(0o600))
    }
    #[cfg(not(unix))]
    {
        options.open(path).map(|_| ())
    }
}

/// Copies the just-saved settings file to its backup (atomically: a private temp file with a
/// unique name, then rename), so a file torn by a crash mid-write can be replaced by the last
/// good copy. Call it through [`SettingsFile::save_with`], which holds the save lock.
pub fn write_backup(path: &Path) -> std::io::Result<()> {
    let backup = backup_path(path);
    let bytes = fs::read(path)?;
    let temp = append(
        &backup,
        &format!(
            ".tmp-{}-{}",
            std::process::id(),
            uuid::Uuid::new_v4().simple()
        ),
    );
    let written = (|| {
        make_private(&temp)?;
        let mut file = fs::OpenOptions::new()
            .write(true)
            .truncate(true)
            .open(&temp)?;
        file.write_all(&bytes)?;
        file.sync_all()?;
        fs::rename(&temp, &backup)
    })();
    if written.is_err() {
        let _ = fs::remove_file(&temp);
    }
    written
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

    /// Writes the file in place, in two steps, like an editor or a plugin that is not atomic:
    /// a concurrent reader or backup could see it half written without the lock.
    fn write_in_place(path: &Path, theme: &str, padding: usize) -> Result<(), SettingsError> {
        let body = format!(
            r#"{{"version":1,"theme":"{theme}","recent_recipients":["{}"]}}"#,
            "1".repeat(padding)
        );
        let (head, tail) = body.split_at(body.len() / 2);
        let mut f = fs::File::create(path).map_err(|e| SettingsError::Write(e.to_string()))?;
        f.write_all(head.as_bytes())
            .map_err(|e| SettingsError::Write(e.to_string()))?;
        f.flush().map_err(|e| SettingsError::Write(e.to_string()))?;
        std::thread::yield_now();
        f.write_all(tail.as_bytes())
            .map_err(|e| SettingsError::Write(e.to_string()))
    }

    #[test]
    fn concurrent_saves_leave_a_valid_file_and_a_valid_backup() {
        let d = dir();
        let file = std::sync::Arc::new(SettingsFile::new(d.0.join("settings.json")));
        let threads: Vec<_> = ["light", "dark"]
            .into_iter()
            .enumerate()
            .map(|(i, theme)| {
                let file = std::sync::Arc::clone(&file);
                std::thread::spawn(move || {
                    for n in 0..100 {
                        let padding = 1000 + 37 * ((n + i) % 50);
                        file.save_with(|| write_in_place(file.path(), theme, padding))
                            .unwrap();
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        let path = file.path();
        let saved = fs::read(path).unwrap();
        check(&saved).expect("the settings file is valid");
        let backup = fs::read(backup_path(path)).unwrap();
        check(&backup).expect("the backup is valid");
        assert_eq!(saved, backup, "the backup is the last save");
        let names: Vec<_> = fs::read_dir(&d.0)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names.len(), 2, "no temp file left: {names:?}");
        assert_eq!(recover_if_corrupt(path).unwrap(), None);
    }

    #[cfg(unix)]
    #[test]
    fn the_file_and_its_backup_are_readable_by_the_user_only() {
        use std::os::unix::fs::PermissionsExt;
        let d = dir();
        let path = d.0.join("settings.json");
        let file = SettingsFile::new(&path);
        file.save_with(|| {
            fs::write(&path, r#"{"version":1}"#).map_err(|e| SettingsError::Write(e.to_string()))
        })
        .unwrap();
        for p in [path.clone(), backup_path(&path)] {
            let mode = fs::metadata(&p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "{}: {mode:o}", p.display());
        }
        // A file made world-readable by something else is made private again at the next save.
        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
        file.save_with(|| {
            fs::write(&path, r#"{"version":1}"#).map_err(|e| SettingsError::Write(e.to_string()))
        })
        .unwrap();
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{mode:o}");
    }

    #[test]
    fn a_failed_write_keeps_the_last_backup() {
        let d = dir();
        let path = d.0.join("settings.json");
        let file = SettingsFile::new(&path);
        file.save_with(|| {
            fs::write(&path, r#"{"theme":"dark"}"#).map_err(|e| SettingsError::Write(e.to_string()))
        })
        .unwrap();
        let err = file
            .save_with(|| Err(SettingsError::Write("disk full".into())))
            .unwrap_err();
        assert_eq!(err, SettingsError::Write("disk full".into()));
        assert_eq!(
            fs::read_to_string(backup_path(&path)).unwrap(),
            r#"{"theme":"dark"}"#
        );
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
