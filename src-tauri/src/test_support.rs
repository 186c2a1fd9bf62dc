//! Command tests without a window: the real app wiring (`crate::setup`) on Tauri's mock runtime,
//! invoked through the same IPC path the webview uses.

use serde_json::Value;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{
    get_ipc_response, mock_builder, mock_context, noop_assets, MockRuntime, INVOKE_KEY,
};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewUrl, WebviewWindow, WebviewWindowBuilder};

/// A mock app with the production command set and a window labelled `main`, like the real one.
pub fn mock_app() -> (App<MockRuntime>, WebviewWindow<MockRuntime>) {
    let app = crate::setup(mock_builder())
        .build(mock_context(noop_assets()))
        .expect("the mock app builds");
    let window = WebviewWindowBuilder::new(&app, "main", WebviewUrl::default())
        .build()
        .expect("the mock window opens");
    (app, window)
}

/// Invokes `command` with a JSON body; `Ok` with the returned value or `Err` with the rejection.
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
