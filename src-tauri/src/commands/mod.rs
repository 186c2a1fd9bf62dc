//! IPC commands, one module per domain. Each command is a thin adapter over a plain crate.

pub mod app;
pub mod profiles;
pub mod sends;
pub mod workspaces;

/// Names of every registered command, as the webview invokes them. `build.rs` reads the same file to
/// declare them to tauri-build; the command tests and the release smoke test call each once.
pub const NAMES: &[&str] = include!("names.rs");
