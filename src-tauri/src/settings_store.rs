//! The settings file, through `tauri-plugin-store`, behind `sent_workspaces::SettingsBackend`.
//! After every save the file is copied to a backup (see `sent_workspaces::write_backup`), because
//! the plugin writes in place and ignores a file it cannot parse.

use std::path::PathBuf;
use std::sync::Arc;

use sent_workspaces::SettingsBackend;
use serde_json::Value;
use tauri::Runtime;
use tauri_plugin_store::Store;

pub struct StoreBackend<R: Runtime> {
    store: Arc<Store<R>>,
    path: PathBuf,
}

impl<R: Runtime> StoreBackend<R> {
    pub fn new(store: Arc<Store<R>>, path: PathBuf) -> Self {
        Self { store, path }
    }
}

impl<R: Runtime> SettingsBackend for StoreBackend<R> {
    fn get(&self, key: &str) -> Option<Value> {
        self.store.get(key)
    }

    fn set(&self, key: &str, value: Value) {
        self.store.set(key, value);
    }

    fn save(&self) -> Result<(), String> {
        self.store.save().map_err(|e| e.to_string())?;
        sent_workspaces::write_backup(&self.path).map_err(|e| e.to_string())
    }
}
