//! The Tauri shell: wires commands to the plain domain crates under `src-tauri/crates/`.
//! It owns no domain logic; each module under `commands/` adapts one domain in a few lines.

// Every command answers `Result<_, IpcError>`: one serializable shape for the webview, on the
// failure path only, so its size does not matter.
#![allow(clippy::result_large_err)]

pub mod commands;
pub mod error;
pub mod receiver;
mod settings_store;
pub mod state;
mod window_state;

#[cfg(test)]
mod test_support;

use tauri::{App, Context, Manager, Runtime};

pub use state::AppOptions;

/// Builds the app: plugins, commands, then the state (settings, keychain, embedded sandbox).
/// Generic over the runtime so that command tests build the very same app on
/// `tauri::test::MockRuntime` that `run()` builds on Wry. The state is managed before the event
/// loop starts, so no command can run without it.
pub fn build<R: Runtime>(
    builder: tauri::Builder<R>,
    context: Context<R>,
    options: AppOptions,
) -> Result<App<R>, String> {
    let app = register(builder)
        .build(context)
        .map_err(|e| e.to_string())?;
    let state = state::start(app.handle(), &options)?;
    app.manage(state);
    Ok(app)
}

fn register<R: Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder
        .plugin(tauri_plugin_store::Builder::default().build())
        // Windows from tauri.conf.json exist only once the event loop is ready, when this runs.
        .setup(|app| {
            if let Some(main) = app.get_webview_window("main") {
                window_state::track(&main);
            }
            Ok(())
        })
        .invoke_handler(commands::handler())
}

/// Starts the desktop app.
pub fn run() {
    match build(
        // Registered first, and only here: a second launch hands over to the running app (which
        // focuses its window) and exits, so the two never share settings or sandbox files. Not
        // in `register`, which the mock-runtime tests share: several mock apps run per process.
        tauri::Builder::default().plugin(tauri_plugin_single_instance::init(|app, _, _| {
            window_state::focus_main(app)
        })),
        tauri::generate_context!(),
        AppOptions::default(),
    ) {
        Ok(app) => app.run(|_, _| {}),
        Err(error) => {
            eprintln!("Sent Profiles could not start: {error}");
            std::process::exit(1);
        }
    }
}
