//! How the app starts: the folders Tauri names, the settings (checked, then opened through
//! tauri-plugin-store), then the core (`sent_app::Core::start`: keychain, embedded sandbox,
//! database), whose events the window receives as Tauri events.

use std::path::PathBuf;
use std::sync::Arc;

use sent_app::{AppEvent, Core, Events, Notice, NoticeKind, Phases, Start};
use sent_keychain::service_name;
use sent_workspaces::SettingsBackend;
use tauri::{AppHandle, Emitter, Manager, Runtime};

/// The core, as the commands' state.
pub type AppState = Core;

use crate::settings_store::StoreBackend;

/// Where the app keeps things; tests point these at a temporary folder and a throw-away keychain
/// namespace.
#[derive(Debug, Clone, Default)]
pub struct AppOptions {
    /// Folder for `settings.json` and `sandbox.json`; default: the app's config and data dirs.
    pub data_dir: Option<PathBuf>,
    /// Keychain service name; default: the bundle identifier (`.dev` outside release builds).
    pub keychain_service: Option<String>,
}

/// Builds the state; called from the Tauri `setup` hook.
pub fn start<R: Runtime>(app: &AppHandle<R>, options: &AppOptions) -> Result<AppState, String> {
    let mut notices = Vec::new();
    let mut phases = Phases::new();
    let (config_dir, data_dir) = match &options.data_dir {
        Some(dir) => (dir.clone(), dir.clone()),
        // Dev and test builds keep their own settings and sandbox, as they keep their own keychain
        // namespace: a `./x run` never lists (or removes) the release app's workspaces.
        None if cfg!(debug_assertions) => (
            app.path()
                .app_config_dir()
                .map_err(|e| e.to_string())?
                .join("dev"),
            app.path()
                .app_data_dir()
                .map_err(|e| e.to_string())?
                .join("dev"),
        ),
        None => (
            app.path().app_config_dir().map_err(|e| e.to_string())?,
            app.path().app_data_dir().map_err(|e| e.to_string())?,
        ),
    };
    std::fs::create_dir_all(&config_dir)
        .map_err(|e| format!("cannot create {}: {e}", config_dir.display()))?;
    std::fs::create_dir_all(&data_dir)
        .map_err(|e| format!("cannot create {}: {e}", data_dir.display()))?;

    let settings_path = config_dir.join("settings.json");
    match sent_workspaces::recover_if_corrupt(&settings_path) {
        Ok(None) => {}
        Ok(Some(recovery)) => notices.push(Notice {
            kind: NoticeKind::SettingsRecovered,
            message: format!(
                "Your settings file could not be read ({}). It was kept as {}; {}.",
                recovery.reason,
                recovery.moved_to,
                if recovery.restored_backup {
                    "the last good copy was restored"
                } else {
                    "the app started with default settings"
                }
            ),
        }),
        Err(error) => notices.push(Notice {
            kind: NoticeKind::SettingsRecovered,
            message: format!("Your settings file could not be checked: {error}"),
        }),
    }
    let store = tauri_plugin_store::StoreBuilder::new(app, &settings_path)
        .disable_auto_save()
        .build()
        .map_err(|e| format!("cannot open the settings: {e}"))?;
    let backend: Box<dyn SettingsBackend> = Box::new(StoreBackend::new(store, settings_path));
    phases.done("settings");
    let keychain_service = options
        .keychain_service
        .clone()
        .unwrap_or_else(|| service_name(&app.config().identifier, !cfg!(debug_assertions)));
    let downloads_dir = match options.data_dir {
        Some(_) => None,
        None => app.path().download_dir().ok(),
    };
    Core::start(Start {
        settings: backend,
        notices,
        phases,
        keychain_service,
        data_dir,
        downloads_dir,
        events: Arc::new(WindowEvents(app.clone())),
        runtime: tauri::async_runtime::handle().inner().clone(),
        version: env!("CARGO_PKG_VERSION"),
        retry: sent_client::RetryPolicy::default(),
    })
    .map_err(|e| e.to_string())
}

/// The core's events, sent to the window as Tauri events of the same name.
struct WindowEvents<R: Runtime>(AppHandle<R>);

impl<R: Runtime> Events for WindowEvents<R> {
    fn emit(&self, event: AppEvent, payload: serde_json::Value) {
        let _ = self.0.emit(event.name(), payload);
    }
}
