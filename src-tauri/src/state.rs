//! How the app starts: the folders Tauri names and the settings (checked, then opened through
//! tauri-plugin-store) before the window; then, on a thread of its own while the window loads, the
//! core (`sent_app::Core::start`: keychain probe, embedded sandbox and its identity call,
//! database), whose events the window receives as Tauri events. A command that arrives before the
//! core is ready waits for it.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use sent_app::{AppError, AppEvent, Core, ErrorKind, Events, Notice, NoticeKind, Phases, Start};
use sent_keychain::service_name;
use sent_workspaces::{SettingsBackend, WindowState};
use tauri::{AppHandle, Emitter, Manager, Runtime};

/// The commands' state: the core once it has started (or why it could not), and the window's
/// saved place, read with the settings before the window shows.
pub struct AppState {
    core: OnceLock<Result<Core, String>>,
    ready: tokio::sync::watch::Sender<bool>,
    /// The main window's saved size and place.
    pub window: Option<WindowState>,
}

impl AppState {
    /// The core; waits while it starts. A core that could not start is an error in words.
    pub async fn core(&self) -> Result<&Core, AppError> {
        sent_app::core::note_command();
        let mut ready = self.ready.subscribe();
        loop {
            if let Some(core) = self.core.get() {
                return core.as_ref().map_err(|error| {
                    AppError::new(
                        ErrorKind::Config,
                        "The app could not finish starting. Close it and open it again; if it keeps failing, the detail says why.",
                    )
                    .with_detail(error.clone())
                });
            }
            if ready.changed().await.is_err() {
                // Never: the sender lives as long as the state.
                tokio::task::yield_now().await;
            }
        }
    }

    /// The core if it has started (for work that must not wait, such as saving the window's
    /// place as it closes).
    pub fn started(&self) -> Option<&Core> {
        self.core.get().and_then(|c| c.as_ref().ok())
    }

    fn finish(&self, core: Result<Core, String>) {
        let _ = self.core.set(core);
        self.ready.send_replace(true);
    }
}

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

/// Reads the settings, then starts the core on a thread of its own; the state is managed at once
/// (commands wait for the core). Called before the event loop runs.
pub fn start<R: Runtime>(
    app: &AppHandle<R>,
    options: &AppOptions,
) -> Result<Arc<AppState>, String> {
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
    let window = backend
        .get(sent_workspaces::WINDOW_SETTING)
        .and_then(|value| serde_json::from_value::<WindowState>(value).ok());
    phases.done("settings");
    let keychain_service = options
        .keychain_service
        .clone()
        .unwrap_or_else(|| service_name(&app.config().identifier, !cfg!(debug_assertions)));
    let downloads_dir = match options.data_dir {
        Some(_) => None,
        None => app.path().download_dir().ok(),
    };
    let start = Start {
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
    };
    let (ready, _) = tokio::sync::watch::channel(false);
    let state = Arc::new(AppState {
        core: OnceLock::new(),
        ready,
        window,
    });
    let starting = state.clone();
    std::thread::Builder::new()
        .name("core-start".into())
        .spawn(move || {
            // A panic in the start-up is an error the window shows, never a window that waits.
            let core =
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| Core::start(start)))
                    .unwrap_or_else(|_| Err(sent_app::StartError::Panicked))
                    .map_err(|e| e.to_string());
            starting.finish(core);
            // Profiles still in review at the last run are followed again, once the window had
            // time to paint (their reads are spread over the first minutes).
            std::thread::sleep(std::time::Duration::from_secs(3));
            if let Some(core) = starting.started() {
                sent_app::reviews::follow_all(core);
            }
        })
        .map_err(|e| format!("cannot start the core: {e}"))?;
    Ok(state)
}

/// The core's events, sent to the window as Tauri events of the same name.
struct WindowEvents<R: Runtime>(AppHandle<R>);

impl<R: Runtime> Events for WindowEvents<R> {
    fn emit(&self, event: AppEvent, payload: serde_json::Value) {
        if event == AppEvent::ReviewSettled {
            notify(&self.0, &payload);
        }
        let _ = self.0.emit(event.name(), payload);
    }
}

/// An OS notification for a review that ended. Desktop notifications cannot report a click to the
/// app (the plugin's click events are mobile-only); clicking one brings the window forward on most
/// desktops, where the same notice waits with "Open the profile". Without a notification service
/// (a bare session) nothing is shown and the in-app notice still is.
fn notify<R: Runtime>(app: &AppHandle<R>, payload: &serde_json::Value) {
    use tauri_plugin_notification::NotificationExt;
    let (Some(title), Some(body)) = (payload["title"].as_str(), payload["body"].as_str()) else {
        return;
    };
    let (app, title, body) = (app.clone(), title.to_owned(), body.to_owned());
    // Off the runtime: the notification service is a D-Bus call that may wait for its timeout.
    let _ = std::thread::Builder::new()
        .name("notification".into())
        .spawn(move || {
            if let Err(error) = app.notification().builder().title(title).body(body).show() {
                eprintln!("Sent Profiles: no OS notification for a review that ended ({error}); the app shows it.");
            }
        });
}
