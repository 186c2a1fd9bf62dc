//! The Tauri shell: registers the use cases of `sent-app` as IPC commands (one line each, in
//! `commands/catalog.rs`), opens the settings through tauri-plugin-store, starts the core and
//! keeps the window's place. It owns no workflow and no domain rule.

// Every command answers `Result<_, AppError>`: one serializable shape for the webview, on the
// failure path only, so its size does not matter.
#![allow(clippy::result_large_err)]

pub mod cli;
pub mod commands;
mod settings_store;
pub mod state;
mod window_state;

use tauri::{App, Context, Manager, Runtime};

pub use state::AppOptions;

/// Builds the app: plugins, commands, then the state (the settings now; the keychain, embedded
/// sandbox and database on a thread while the window loads). Generic over the runtime so that
/// command tests build the very same app on `tauri::test::MockRuntime` that `run()` builds on Wry.
/// The state is managed before the event loop starts; a command waits until the core is ready.
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
        .plugin(tauri_plugin_notification::init())
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
    sent_app::mark_launch();
    sent_app::lists::limit_heaps();
    #[cfg(target_os = "linux")]
    paint_directly_without_a_gpu();
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
        Ok(app) => app.run(|app, event| {
            // A list changed in the last moments is written before the process ends.
            if let tauri::RunEvent::Exit = event {
                if let Some(core) = app.state::<state::AppState>().started() {
                    core.lists.flush();
                }
            }
        }),
        Err(error) => {
            relaunch_if_the_running_copy_vanished(&error);
            eprintln!("Sent Profiles could not start: {error}");
            std::process::exit(1);
        }
    }
}

/// WebKitGTK composites every area that scrolls with OpenGL. On a machine without a GPU (no DRM
/// render node: a virtual machine, a remote desktop, a headless display) Mesa does that on the
/// CPU, and a frame of the profile list took 80–240 ms instead of 16–23 ms painted directly, with
/// ~70 MB more memory in WebKit's process (README, Benchmarks). There the app asks WebKit to paint
/// directly; with a GPU it keeps WebKit's default. Either WebKit variable set by the user wins.
/// Called first thing, before any thread exists (the environment is changed).
#[cfg(target_os = "linux")]
fn paint_directly_without_a_gpu() {
    const DISABLE: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";
    const FORCE: &str = "WEBKIT_FORCE_COMPOSITING_MODE";
    if std::env::var_os(DISABLE).is_some() || std::env::var_os(FORCE).is_some() {
        return;
    }
    let has_render_node = std::fs::read_dir("/dev/dri").is_ok_and(|mut nodes| {
        nodes.any(|n| n.is_ok_and(|n| n.file_name().to_string_lossy().starts_with("renderD")))
    });
    if !has_render_node {
        std::env::set_var(DISABLE, "1");
    }
}

/// Set on a launch that started over (so it starts over only once).
const RELAUNCHED: &str = "SENT_PROFILES_RELAUNCHED";

/// On Linux the single-instance check is two steps: "is a copy running?" (its D-Bus name is
/// taken), then "hand it this launch". A copy that quits between the two (it releases its name on
/// exit) leaves nothing running, and the plugin fails the launch. Then this launch starts over, once,
/// in the same process (same PID, arguments and environment), and finds the name free.
fn relaunch_if_the_running_copy_vanished(error: &str) {
    #[cfg(unix)]
    if error.contains("failed to forward arguments to the running instance")
        && std::env::var_os(RELAUNCHED).is_none()
    {
        use std::os::unix::process::CommandExt;
        if let Ok(exe) = std::env::current_exe() {
            eprintln!("Sent Profiles: the running copy quit during this launch; starting over");
            let failure = std::process::Command::new(exe)
                .args(std::env::args_os().skip(1))
                .env(RELAUNCHED, "1")
                .exec();
            eprintln!("Sent Profiles could not start over: {failure}");
        }
    }
    #[cfg(not(unix))]
    let _ = (error, RELAUNCHED);
}
