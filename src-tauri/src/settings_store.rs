//! The settings file, through `tauri-plugin-store`, behind `sent_workspaces::SettingsBackend`.
//! Every save goes through `sent_workspaces::SettingsFile`: the plugin's save and the backup copy
//! (the plugin writes in place and ignores a file it cannot parse) run under one lock, and the
//! file and its backup are readable by the user only.

use std::path::PathBuf;
use std::sync::Arc;

use sent_workspaces::{SettingsBackend, SettingsError, SettingsFile};
use serde_json::Value;
use tauri::Runtime;
use tauri_plugin_store::Store;

pub struct StoreBackend<R: Runtime> {
    store: Arc<Store<R>>,
    file: SettingsFile,
}

impl<R: Runtime> StoreBackend<R> {
    pub fn new(store: Arc<Store<R>>, path: PathBuf) -> Self {
        Self {
            store,
            file: SettingsFile::new(path),
        }
    }
}

impl<R: Runtime> SettingsBackend for StoreBackend<R> {
    fn get(&self, key: &str) -> Option<Value> {
        self.store.get(key)
    }

    fn set(&self, key: &str, value: Value) {
        self.store.set(key, value);
    }

    fn save(&self) -> Result<(), SettingsError> {
        self.file.save_with(|| {
            self.store
                .save()
                .map_err(|e| SettingsError::Write(e.to_string()))
        })
    }
}
