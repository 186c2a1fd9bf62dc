//! IPC commands, one module per domain. Each command is a thin adapter over a plain crate.

pub mod app;

/// Names of every registered command, as the webview invokes them. `build.rs` declares the same
/// list to tauri-build (a test keeps the two in step) and the release smoke test calls each once.
pub const NAMES: &[&str] = &["app_info"];
