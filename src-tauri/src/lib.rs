//! The Tauri shell: wires commands to the plain domain crates under `src-tauri/crates/`.
//! It owns no domain logic; each module under `commands/` adapts one domain in a few lines.

pub mod commands;
pub mod error;

use tauri::Runtime;

/// The app builder, generic over the runtime so that command tests can build the very same app on
/// `tauri::test::MockRuntime` that `run()` builds on Wry.
pub fn builder<R: Runtime>() -> tauri::Builder<R> {
    tauri::Builder::<R>::new().invoke_handler(tauri::generate_handler![commands::app::app_info])
}

/// Starts the desktop app.
pub fn run() {
    builder()
        .run(tauri::generate_context!())
        .expect("error while running the Sent Profiles app");
}
