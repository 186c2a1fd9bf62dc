//! Workspaces: one Sent organization in one environment (production, staging, the local sandbox or
//! a custom server), the identity of its API key, and the app's other non-secret settings.
//!
//! This crate owns the rules (what a valid workspace is, what a key must be to manage profiles,
//! which keys belong to a workspace) and the typed settings accessors. Keys themselves go only to
//! the OS keychain (`sent-keychain`); settings go through a [`SettingsBackend`], which the app
//! implements over `tauri-plugin-store`. No Tauri dependency, no window.

mod draft;
mod error;
mod identity;
mod service;
mod settings;
mod settings_file;
mod workspace;

pub use draft::WorkspaceDraft;
pub use error::WorkspaceError;
pub use identity::{identity, organization_identity};
pub use sent_model::environment::EnvironmentKind;
pub use service::{LocalSandbox, Workspaces};
pub use settings::{
    MemoryBackend, Settings, SettingsBackend, SettingsError, Theme, WindowState,
    SEND_DETAILS_DAYS_MAX, SETTINGS_VERSION, WINDOW_SETTING,
};
pub use settings_file::{make_private, recover_if_corrupt, write_backup, Recovery, SettingsFile};
pub use workspace::{
    key_hint, KeyIdentity, ProfileKeyInfo, Workspace, WorkspaceList, LOCAL_SANDBOX_ID,
};
