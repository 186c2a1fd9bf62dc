//! Facts about the running app: version, the current environment, and start-up notices.

use sent_views::DomainLabels;
use sent_workspaces::{EnvironmentKind, Theme};
use serde::Serialize;
use ts_rs::TS;

use crate::core::{Core, Notice};
use crate::error::{AppError, ErrorKind};

/// What the title bar and the status bar show.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct AppInfo {
    /// Product name, "Sent Profiles".
    pub name: String,
    /// The app version from `Cargo.toml` (the same as `tauri.conf.json`'s).
    pub version: String,
    /// The environment of the current workspace.
    pub environment: EnvironmentKind,
    /// True in a debug build (dev or test), whose keychain entries use the `.dev` namespace.
    pub debug_build: bool,
    /// Whether keys can be stored (the start-up keychain probe passed).
    pub keychain_ready: bool,
    /// Problems found at start-up (settings recovered, keychain unavailable, ...).
    pub notices: Vec<Notice>,
    /// The colour theme the user chose (`system` follows the operating system).
    pub theme: Theme,
    /// How long each part of the start-up took (for `./x bench`; nothing on screen).
    pub startup: Vec<crate::core::StartupPhase>,
}

pub async fn app_info(state: &Core) -> Result<AppInfo, AppError> {
    Ok(info(state))
}

fn info(state: &Core) -> AppInfo {
    AppInfo {
        name: "Sent Profiles".into(),
        version: env!("CARGO_PKG_VERSION").into(),
        environment: state.workspaces.current().environment,
        debug_build: cfg!(debug_assertions),
        keychain_ready: state.workspaces.keychain().is_ok(),
        notices: state.notices.clone(),
        theme: state.workspaces.settings().theme(),
        startup: crate::core::startup_with_first_command(&state.startup),
    }
}

pub async fn set_theme(state: &Core, theme: Theme) -> Result<AppInfo, AppError> {
    state.workspaces.settings().set_theme(theme).map_err(|e| {
        AppError::new(
            ErrorKind::Settings,
            "The theme could not be saved; it applies until the app closes.",
        )
        .with_detail(e.to_string())
    })?;
    Ok(info(state))
}

pub async fn domain_labels(_state: &Core) -> Result<DomainLabels, AppError> {
    Ok(DomainLabels::new())
}

/// The built-in sandbox's developer option: which Sent API revision it emulates.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SandboxRevision {
    /// Emulating the newer Sent API (`2026-10`, contract §19.3) rather than the seeds'.
    pub newer: bool,
    pub label: String,
    pub hint: String,
}

fn revision(state: &Core) -> SandboxRevision {
    let newer = state.sandbox.api_revision() == sent_sandbox::ApiRevision::Rev2026_10;
    SandboxRevision {
        newer,
        label: "Emulate the newer Sent API (2026-10)".into(),
        hint: if newer {
            "On: the built-in sandbox behaves like today's Sent server (sharing and inheritance flags ignored, no WhatsApp inheritance, paged lists, send preconditions as BLOCKED messages, …). The screens say where it differs.".into()
        } else {
            "Off: the built-in sandbox behaves as Sent's documentation (the seeds) describes. Turn on to try the app against today's server behaviour.".into()
        },
    }
}

pub async fn sandbox_revision(state: &Core) -> Result<SandboxRevision, AppError> {
    Ok(revision(state))
}

/// Switches the built-in sandbox's revision (kept for the next start) and forgets what the app
/// had learned about its behaviour, so the screens find out again from its answers.
pub async fn set_sandbox_revision(state: &Core, newer: bool) -> Result<SandboxRevision, AppError> {
    state
        .workspaces
        .settings()
        .set_sandbox_newer_revision(newer)
        .map_err(|e| {
            AppError::new(
                ErrorKind::Settings,
                "The setting could not be saved; the sandbox was not switched.",
            )
            .with_detail(e.to_string())
        })?;
    state.sandbox.set_api_revision(if newer {
        sent_sandbox::ApiRevision::Rev2026_10
    } else {
        sent_sandbox::ApiRevision::Seed
    });
    let builtin = state
        .workspaces
        .list()
        .workspaces
        .into_iter()
        .find(|w| w.built_in)
        .map(|w| w.id);
    if let Some(id) = builtin {
        crate::edit::forget_server_drift(state, id).await?;
    }
    Ok(revision(state))
}
