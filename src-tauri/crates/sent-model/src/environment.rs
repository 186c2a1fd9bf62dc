//! The Sent environments a workspace can point at, and the masked form of a key. Here, beside
//! the other shared vocabulary, so the views, the store and the workspaces read them as siblings.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Which Sent environment a workspace talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum EnvironmentKind {
    /// The local Sent sandbox (`sent-sandbox`) embedded in the app: the first-run default.
    LocalSandbox,
    /// `https://api.sent.dm`.
    Production,
    /// `https://api-dev.sent.dm`.
    Staging,
    /// Any other base URL the user entered (e.g. a `sent-sandbox` started by hand).
    Custom,
}

impl EnvironmentKind {
    /// The fixed base URL of the environment, when it has one.
    pub fn fixed_base_url(self) -> Option<&'static str> {
        match self {
            EnvironmentKind::Production => Some("https://api.sent.dm"),
            EnvironmentKind::Staging => Some("https://api-dev.sent.dm"),
            EnvironmentKind::LocalSandbox | EnvironmentKind::Custom => None,
        }
    }

    /// How the UI names it.
    pub fn label(self) -> &'static str {
        match self {
            EnvironmentKind::LocalSandbox => "Local sandbox",
            EnvironmentKind::Production => "Production",
            EnvironmentKind::Staging => "Staging",
            EnvironmentKind::Custom => "Custom server",
        }
    }
}

/// The masked form of a key: an ellipsis and its last four characters (all of a shorter key is
/// never shown; it becomes `…` alone).
pub fn key_hint(key: &str) -> String {
    let chars: Vec<char> = key.chars().collect();
    if chars.len() < 12 {
        return "…".into();
    }
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("…{tail}")
}
