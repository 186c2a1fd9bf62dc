//! The main window reopens where the user left it: size, position and maximized state are saved in
//! the settings when the window closes, and restored at start-up.

use sent_workspaces::WindowState;
use tauri::{LogicalPosition, LogicalSize, Manager, Runtime, WebviewWindow, WindowEvent};

use crate::state::AppState;

/// Restores the saved geometry of `window` and saves it again when the window closes.
pub fn track<R: Runtime>(window: &WebviewWindow<R>) {
    let state = window.state::<std::sync::Arc<AppState>>();
    if let Some(saved) = &state.window {
        if saved.width >= 400.0 && saved.height >= 300.0 {
            let _ = window.set_size(LogicalSize::new(saved.width, saved.height));
        }
        // A position from a monitor that is gone would put the window off-screen.
        if saved.x >= 0.0 && saved.y >= 0.0 {
            let _ = window.set_position(LogicalPosition::new(saved.x, saved.y));
        }
        if saved.maximized {
            let _ = window.maximize();
        }
    }
    let tracked = window.clone();
    window.on_window_event(move |event| {
        if let WindowEvent::CloseRequested { .. } = event {
            let state = tracked.state::<std::sync::Arc<AppState>>();
            // The place is saved through the core's settings; a window closed before the core
            // started keeps the place it had.
            if let (Some(geometry), Some(core)) = (geometry(&tracked), state.started()) {
                let _ = core.workspaces.settings().set_window(geometry);
            }
        }
    });
}

fn geometry<R: Runtime>(window: &WebviewWindow<R>) -> Option<WindowState> {
    let scale = window.scale_factor().ok()?;
    let size = window.inner_size().ok()?.to_logical::<f64>(scale);
    let position = window.outer_position().ok()?.to_logical::<f64>(scale);
    Some(WindowState {
        width: size.width,
        height: size.height,
        x: position.x,
        y: position.y,
        maximized: window.is_maximized().unwrap_or(false),
    })
}

/// Brings the main window to the front (a second launch of the app lands here).
pub fn focus_main<R: Runtime>(app: &tauri::AppHandle<R>) {
    if let Some(main) = app.get_webview_window("main") {
        let _ = main.unminimize();
        let _ = main.show();
        let _ = main.set_focus();
    }
}
