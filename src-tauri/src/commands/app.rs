//! Facts about the running app: version, the current environment, and start-up notices.

use sent_workspaces::EnvironmentKind;
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::state::{AppState, Notice};

/// What the title bar and the status bar show.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct AppInfo {
    /// Product name, "Sent Profiles".
    pub name: String,
    /// The app version from `Cargo.toml` (the same as `tauri.conf.json`'s).
    pub version: String,
    /// The environment of the current workspace.
    pub environment: EnvironmentKind,
    /// True in a debug build (dev or test), whose keychain entries use the `.dev` namespace.
    pub debug_build: bool,
    /// Whether keys can be stored (the start-up keychain probe passed).
    pub keychain_ready: bool,
    /// Problems found at start-up (settings recovered, keychain unavailable, ...).
    pub notices: Vec<Notice>,
}

#[tauri::command]
pub fn app_info(state: State<'_, AppState>) -> AppInfo {
    AppInfo {
        name: "Sent Profiles".into(),
        version: env!("CARGO_PKG_VERSION").into(),
        environment: state.workspaces.current().environment,
        debug_build: cfg!(debug_assertions),
        keychain_ready: state.workspaces.keychain().is_ok(),
        notices: state.notices.clone(),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::test_support::{invoke, mock_app};

    #[test]
    fn app_info_answers_over_ipc_with_the_crate_version_and_the_sandbox() {
        let app = mock_app();
        let info = invoke(&app.window, "app_info", json!({})).expect("app_info succeeds");
        assert_eq!(info["name"], "Sent Profiles");
        assert_eq!(info["version"], env!("CARGO_PKG_VERSION"));
        assert_eq!(info["environment"], "local_sandbox");
        assert_eq!(info["debug_build"], cfg!(debug_assertions));
        assert_eq!(info["keychain_ready"], true);
        assert_eq!(info["notices"], json!([]));
    }

    #[test]
    fn every_listed_command_is_registered_and_nothing_else_answers() {
        let app = mock_app();
        for name in crate::commands::NAMES {
            if let Err(error) = invoke(&app.window, name, json!({})) {
                let text = error.to_string();
                assert!(
                    !text.contains("not found"),
                    "{name} is listed in names.rs but not registered: {text}"
                );
            }
        }
        let unknown = invoke(&app.window, "no_such_command", json!({})).unwrap_err();
        assert!(unknown.to_string().contains("not found"), "{unknown}");
    }
}
