//! Facts about the running app itself: version and the environment it talks to.

use serde::Serialize;
use ts_rs::TS;

/// Which Sent environment the active workspace points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum EnvironmentKind {
    /// The local Sent sandbox (`sent-sandbox`), the default on first run.
    LocalSandbox,
    /// `https://api.sent.dm`.
    Production,
    /// `https://api-dev.sent.dm`.
    Staging,
    /// Any other base URL the user entered.
    Custom,
}

/// What the About line of the window shows.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct AppInfo {
    /// Product name, "Sent Profiles".
    pub name: String,
    /// The app version from `Cargo.toml` (the same as `tauri.conf.json`'s).
    pub version: String,
    /// The environment of the active workspace.
    pub environment: EnvironmentKind,
    /// True in a debug build (dev or test), where keychain entries use the dev namespace.
    pub debug_build: bool,
}

#[tauri::command]
pub fn app_info() -> AppInfo {
    AppInfo {
        name: "Sent Profiles".into(),
        version: env!("CARGO_PKG_VERSION").into(),
        // Workspaces (issue #5) make this the active workspace's environment; until then the app
        // only knows the local sandbox, its first-run default.
        environment: EnvironmentKind::LocalSandbox,
        debug_build: cfg!(debug_assertions),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::test_support::{invoke, mock_app};

    #[test]
    fn app_info_answers_over_ipc_with_the_crate_version() {
        let (_app, window) = mock_app();
        let info = invoke(&window, "app_info", json!({})).expect("app_info succeeds");
        assert_eq!(info["name"], "Sent Profiles");
        assert_eq!(info["version"], env!("CARGO_PKG_VERSION"));
        assert_eq!(info["environment"], "local_sandbox");
        assert_eq!(info["debug_build"], cfg!(debug_assertions));
    }

    #[test]
    fn every_listed_command_is_registered_and_nothing_else_answers() {
        let (_app, window) = mock_app();
        for name in crate::commands::NAMES {
            if let Err(error) = invoke(&window, name, json!({})) {
                let text = error.to_string();
                assert!(
                    !text.contains("not found"),
                    "{name} is listed in names.rs but not registered: {text}"
                );
            }
        }
        let unknown = invoke(&window, "no_such_command", json!({})).unwrap_err();
        assert!(unknown.to_string().contains("not found"), "{unknown}");
    }
}
