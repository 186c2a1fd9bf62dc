//! Typed accessors over the app's settings store. The app backs them with `tauri-plugin-store`
//! (one JSON file in the app's config dir); tests use [`MemoryBackend`]. Only non-secret values live
//! here: workspaces without their keys, the current workspace, window state, theme and recent
//! recipients.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;
use uuid::Uuid;

use crate::{Workspace, LOCAL_SANDBOX_ID};

/// The settings layout version written into the store; bump it with a migration.
pub const SETTINGS_VERSION: u32 = 1;
const RECENT_RECIPIENTS_MAX: usize = 10;
/// The settings key of the main window's place (read by the shell before the core starts).
pub const WINDOW_SETTING: &str = keys::WINDOW;
/// How many days a test send's full numbers and variable values are kept unless the user chose.
pub const SEND_DETAILS_DAYS_DEFAULT: u32 = 30;
/// The longest the user can keep them (ten years): a longer or zero stored value reads as the default.
pub const SEND_DETAILS_DAYS_MAX: u32 = 3650;

pub(crate) mod keys {
    pub const VERSION: &str = "version";
    pub const WORKSPACES: &str = "workspaces";
    pub const CURRENT_WORKSPACE: &str = "current_workspace";
    pub const THEME: &str = "theme";
    pub const WINDOW: &str = "window";
    pub const RECENT_RECIPIENTS: &str = "recent_recipients";
    pub const SANDBOX_API_REVISION: &str = "sandbox_api_revision";
    pub const SEND_DETAILS_DAYS: &str = "send_details_days";
}

/// A key-value store of JSON values that can be saved: what `tauri-plugin-store` offers.
pub trait SettingsBackend: Send + Sync {
    fn get(&self, key: &str) -> Option<Value>;
    fn set(&self, key: &str, value: Value);
    fn save(&self) -> Result<(), SettingsError>;
}

/// A setting that could not be kept.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SettingsError {
    /// The value could not be written as JSON (a bug: every setting is plain data).
    #[error("the setting could not be encoded: {0}")]
    Encode(String),
    /// The settings file (or its backup) could not be written.
    #[error("the settings file could not be written: {0}")]
    Write(String),
}

/// Light, dark, or follow the system.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

/// The main window's last size and position (logical pixels).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WindowState {
    pub width: f64,
    pub height: f64,
    pub x: f64,
    pub y: f64,
    pub maximized: bool,
}

/// Typed access to the settings. Every read falls back to the default when the key is missing;
/// a value of the wrong shape cannot be read back because the file was checked at start-up
/// (see [`crate::recover_if_corrupt`]).
///
/// Every change (set, then save) and every read-modify-write (recent recipients) runs under one
/// lock, so two commands changing settings at once neither lose an update nor save a mix.
pub struct Settings<B: SettingsBackend> {
    backend: B,
    changing: Mutex<()>,
}

impl<B: SettingsBackend> Settings<B> {
    pub fn new(backend: B) -> Self {
        Self {
            backend,
            changing: Mutex::new(()),
        }
    }

    pub fn backend(&self) -> &B {
        &self.backend
    }

    /// The workspaces the user added (the built-in sandbox is not stored).
    pub fn workspaces(&self) -> Vec<Workspace> {
        self.read(keys::WORKSPACES)
    }

    pub fn set_workspaces(&self, workspaces: &[Workspace]) -> Result<(), SettingsError> {
        self.write(keys::WORKSPACES, workspaces)
    }

    /// The current workspace, the built-in sandbox when none was chosen.
    pub fn current_workspace(&self) -> Uuid {
        self.read::<Option<Uuid>>(keys::CURRENT_WORKSPACE)
            .unwrap_or(LOCAL_SANDBOX_ID)
    }

    pub fn set_current_workspace(&self, id: Uuid) -> Result<(), SettingsError> {
        self.write(keys::CURRENT_WORKSPACE, id)
    }

    pub fn theme(&self) -> Theme {
        self.read(keys::THEME)
    }

    pub fn set_theme(&self, theme: Theme) -> Result<(), SettingsError> {
        self.write(keys::THEME, theme)
    }

    /// The built-in sandbox emulates the newer Sent API (`2026-10`) instead of the seeds' (a
    /// developer option).
    pub fn sandbox_newer_revision(&self) -> bool {
        self.read::<Option<String>>(keys::SANDBOX_API_REVISION)
            .is_some_and(|r| r == "2026-10")
    }

    pub fn set_sandbox_newer_revision(&self, newer: bool) -> Result<(), SettingsError> {
        self.write(
            keys::SANDBOX_API_REVISION,
            if newer { "2026-10" } else { "seed" },
        )
    }

    pub fn window(&self) -> Option<WindowState> {
        self.read(keys::WINDOW)
    }

    pub fn set_window(&self, state: WindowState) -> Result<(), SettingsError> {
        self.write(keys::WINDOW, state)
    }

    /// For how many days the send history keeps a test send's full numbers and variable values
    /// (then they are forgotten; the masked numbers stay).
    pub fn send_details_days(&self) -> u32 {
        self.read::<Option<u32>>(keys::SEND_DETAILS_DAYS)
            .filter(|d| (1..=SEND_DETAILS_DAYS_MAX).contains(d))
            .unwrap_or(SEND_DETAILS_DAYS_DEFAULT)
    }

    pub fn set_send_details_days(&self, days: u32) -> Result<(), SettingsError> {
        self.write(
            keys::SEND_DETAILS_DAYS,
            days.clamp(1, SEND_DETAILS_DAYS_MAX),
        )
    }

    /// Phone numbers recently sent to, newest first.
    pub fn recent_recipients(&self) -> Vec<String> {
        self.read(keys::RECENT_RECIPIENTS)
    }

    /// Puts `number` first, without duplicates, keeping the ten newest.
    pub fn remember_recipient(&self, number: &str) -> Result<(), SettingsError> {
        let _changing = self.lock();
        let mut recent = self.recent_recipients();
        recent.retain(|n| n != number);
        recent.insert(0, number.to_owned());
        recent.truncate(RECENT_RECIPIENTS_MAX);
        self.write_locked(keys::RECENT_RECIPIENTS, recent)
    }

    fn lock(&self) -> MutexGuard<'_, ()> {
        self.changing.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn read<T: DeserializeOwned + Default>(&self, key: &str) -> T {
        self.backend
            .get(key)
            .and_then(|value| serde_json::from_value(value).ok())
            .unwrap_or_default()
    }

    fn write<T: Serialize>(&self, key: &str, value: T) -> Result<(), SettingsError> {
        let _changing = self.lock();
        self.write_locked(key, value)
    }

    /// Sets `key` and saves; the caller holds [`Self::lock`].
    fn write_locked<T: Serialize>(&self, key: &str, value: T) -> Result<(), SettingsError> {
        let value =
            serde_json::to_value(value).map_err(|e| SettingsError::Encode(e.to_string()))?;
        self.backend
            .set(keys::VERSION, Value::from(SETTINGS_VERSION));
        self.backend.set(key, value);
        self.backend.save()
    }
}

/// Settings kept in memory, for tests of code that takes a [`SettingsBackend`].
#[derive(Default)]
pub struct MemoryBackend {
    values: Mutex<HashMap<String, Value>>,
    pub saves: Mutex<u32>,
}

impl SettingsBackend for MemoryBackend {
    fn get(&self, key: &str) -> Option<Value> {
        self.values.lock().expect("settings lock").get(key).cloned()
    }
    fn set(&self, key: &str, value: Value) {
        self.values
            .lock()
            .expect("settings lock")
            .insert(key.to_owned(), value);
    }
    fn save(&self) -> Result<(), SettingsError> {
        *self.saves.lock().expect("settings lock") += 1;
        Ok(())
    }
}

/// The app keeps its backend behind a `Box<dyn SettingsBackend>` so that state is not generic over
/// the Tauri runtime.
impl<T: SettingsBackend + ?Sized> SettingsBackend for Box<T> {
    fn get(&self, key: &str) -> Option<Value> {
        (**self).get(key)
    }
    fn set(&self, key: &str, value: Value) {
        (**self).set(key, value)
    }
    fn save(&self) -> Result<(), SettingsError> {
        (**self).save()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_then_round_trips() {
        let settings = Settings::new(MemoryBackend::default());
        assert_eq!(settings.current_workspace(), LOCAL_SANDBOX_ID);
        assert_eq!(settings.theme(), Theme::System);
        assert!(settings.workspaces().is_empty());
        let id = Uuid::new_v4();
        settings.set_current_workspace(id).unwrap();
        settings.set_theme(Theme::Dark).unwrap();
        assert_eq!(settings.current_workspace(), id);
        assert_eq!(settings.theme(), Theme::Dark);
        assert_eq!(settings.backend().get("version"), Some(Value::from(1)));
        assert_eq!(
            *settings.backend().saves.lock().unwrap(),
            2,
            "every change is saved"
        );
    }

    #[test]
    fn concurrent_recipients_are_all_remembered() {
        let settings = std::sync::Arc::new(Settings::new(MemoryBackend::default()));
        let threads: Vec<_> = (0..2)
            .map(|t| {
                let settings = std::sync::Arc::clone(&settings);
                std::thread::spawn(move || {
                    for n in 0..5 {
                        settings
                            .remember_recipient(&format!("+1415555{t}{n:03}"))
                            .unwrap();
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        let recent = settings.recent_recipients();
        assert_eq!(recent.len(), 10, "no update lost: {recent:?}");
        assert_eq!(*settings.backend().saves.lock().unwrap(), 10);
    }

    #[test]
    fn recent_recipients_are_newest_first_unique_and_capped() {
        let settings = Settings::new(MemoryBackend::default());
        for n in 0..12 {
            settings
                .remember_recipient(&format!("+1415555{n:04}"))
                .unwrap();
        }
        settings.remember_recipient("+14155550005").unwrap();
        let recent = settings.recent_recipients();
        assert_eq!(recent.len(), 10);
        assert_eq!(recent[0], "+14155550005");
        assert_eq!(recent.iter().filter(|n| *n == "+14155550005").count(), 1);
    }
}
