//! The Tauri shell: wires commands to the plain domain crates under `src-tauri/crates/`.
//! It owns no domain logic; each module under `commands/` adapts one domain in a few lines.

pub mod commands;
pub mod error;

use tauri::Runtime;

#[cfg(test)]
mod test_support;

/// Registers everything the app is made of on a builder. Generic over the runtime so that command
/// tests build the very same app on `tauri::test::MockRuntime` that `run()` builds on Wry.
pub fn setup<R: Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder.invoke_handler(tauri::generate_handler![commands::app::app_info])
}

/// Starts the desktop app.
pub fn run() {
    setup(tauri::Builder::default())
        .run(tauri::generate_context!())
        .expect("error while running the Sent Profiles app");
}
