//! Command tests without a window: the real app wiring (`crate::setup`) on Tauri's mock runtime,
//! invoked through the same IPC path the webview uses. Each mock app gets its own data folder and
//! keychain namespace; the keychain is the real Secret Service of the test session.

use std::path::PathBuf;

use serde_json::Value;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{
    get_ipc_response, mock_builder, mock_context, noop_assets, MockRuntime, INVOKE_KEY,
};
use tauri::webview::InvokeRequest;
use tauri::{App, Manager, WebviewUrl, WebviewWindow, WebviewWindowBuilder};

use sent_profiles_lib::AppOptions;

pub struct MockApp {
    pub app: App<MockRuntime>,
    pub window: WebviewWindow<MockRuntime>,
    pub dir: TempDir,
    pub keychain_service: String,
}

/// A mock app with the production command set and a window labelled `main`, like the real one.
pub fn mock_app() -> MockApp {
    let dir = TempDir::new();
    mock_app_in(dir)
}

/// The same, over an existing data folder (to test a corrupt settings file).
pub fn mock_app_in(dir: TempDir) -> MockApp {
    mock_app_with(
        dir,
        format!("app.sentprofiles.desktop.test-{}", uuid::Uuid::new_v4()),
    )
}

/// The same, with a given keychain namespace too (to test a restart).
pub fn mock_app_with(dir: TempDir, keychain_service: String) -> MockApp {
    assert!(
        std::env::var_os("SENT_PROFILES_TEST_SESSION").is_some(),
        "run inside the test session (real Secret Service): ./x session cargo test -p sent-profiles"
    );
    let options = AppOptions {
        data_dir: Some(dir.path.clone()),
        keychain_service: Some(keychain_service.clone()),
    };
    let app = sent_profiles_lib::build(mock_builder(), mock_context(noop_assets()), options)
        .expect("the mock app builds");
    let window = WebviewWindowBuilder::new(&app, "main", WebviewUrl::default())
        .build()
        .expect("the mock window opens");
    MockApp {
        app,
        window,
        dir,
        keychain_service,
    }
}

/// The app's core, once it has started (the shell starts it on a thread while the window loads).
pub fn core(app: &App<MockRuntime>) -> &sent_app::Core {
    let state = app
        .state::<std::sync::Arc<sent_profiles_lib::state::AppState>>()
        .inner();
    tauri::async_runtime::block_on(state.core()).expect("the core starts")
}

/// Invokes `command` with a JSON body; `Ok` with the returned value or `Err` with the rejection.
/// Refreshes a workspace's list from Sent, then answers its first rows as the list window does
/// (`query_profiles`: `rows`, `total`, `fetched_at`, ...).
pub fn refreshed_list(window: &WebviewWindow<MockRuntime>, body: Value) -> Result<Value, Value> {
    invoke(window, "refresh_profiles", body.clone())?;
    listed(window, body)
}

/// The first rows of a workspace's list as the app holds it (no network).
pub fn listed(window: &WebviewWindow<MockRuntime>, body: Value) -> Result<Value, Value> {
    let mut body = body;
    body["query"] = serde_json::json!({ "limit": 500 });
    invoke(window, "query_profiles", body)
}

pub fn invoke(
    window: &WebviewWindow<MockRuntime>,
    command: &str,
    body: Value,
) -> Result<Value, Value> {
    get_ipc_response(
        window,
        InvokeRequest {
            cmd: command.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            // On Linux the IPC origin of the app's own pages.
            url: "tauri://localhost".parse().expect("a valid url"),
            body: InvokeBody::Json(body),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|response| response.deserialize::<Value>().expect("a JSON response"))
}

/// A folder removed on drop.
pub struct TempDir {
    pub path: PathBuf,
}

impl TempDir {
    pub fn new() -> Self {
        let path =
            std::env::temp_dir().join(format!("sent-profiles-test-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&path).expect("create a temp dir");
        Self { path }
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

/// A second `sent-sandbox`, as a user would start by hand for a custom workspace.
pub fn second_sandbox() -> sent_sandbox::RunningSandbox {
    tauri::async_runtime::block_on(
        sent_sandbox::Sandbox::builder()
            .seed(sent_sandbox::Seed::Demo)
            .start("127.0.0.1:0"),
    )
    .expect("a second sandbox starts")
}

/// Every file under `dir` whose bytes contain `needle` (the no-leak checks).
pub fn files_containing(dir: &std::path::Path, needle: &str) -> Vec<PathBuf> {
    fn walk(dir: &std::path::Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(dir, &mut files);
    files
        .into_iter()
        .filter(|f| {
            let bytes = std::fs::read(f).unwrap_or_default();
            bytes.windows(needle.len()).any(|w| w == needle.as_bytes())
        })
        .collect()
}

/// Refreshes `workspace`'s profile list through the command and answers the id of the profile
/// named `name` (tests of the screens that start from one profile).
pub fn profile_id(app: &MockApp, workspace: &str, name: &str) -> Value {
    let list = refreshed_list(&app.window, serde_json::json!({ "workspaceId": workspace }))
        .expect("the list refreshes");
    list["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["name"] == name)
        .unwrap_or_else(|| panic!("{name} is in the list"))["id"]
        .clone()
}
