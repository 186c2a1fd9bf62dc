//! A workspace as stored in the settings (never with its key) and as the UI lists it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::EnvironmentKind;

/// The id of the built-in workspace on the embedded local sandbox. It is never stored: the app adds
/// it to every list, with the sandbox's address of the current run.
pub const LOCAL_SANDBOX_ID: Uuid = Uuid::nil();

/// One Sent organization in one environment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Workspace {
    pub id: Uuid,
    /// The user's name for it, e.g. "Acme Agency (production)".
    pub name: String,
    pub environment: EnvironmentKind,
    /// Base URL of the Sent API, without a trailing slash.
    pub base_url: String,
    /// The last characters of the organization key, shown instead of the key (e.g. `…3f9a`).
    pub key_hint: String,
    /// What `GET /v3/me` said the key is, when the workspace was saved.
    pub identity: KeyIdentity,
    /// Profiles that have a key of their own in the keychain.
    #[serde(default)]
    pub profile_keys: Vec<ProfileKeyInfo>,
    /// True for the embedded local sandbox, which cannot be removed.
    #[serde(default)]
    pub built_in: bool,
    /// Whether the server is on this computer (its URL's host is loopback): only then can Sent
    /// report a review's result to this app's own receiver; elsewhere the user names an https
    /// address. Derived from `base_url` each time the workspaces are listed.
    #[serde(default)]
    pub on_this_computer: bool,
}

/// Who an API key belongs to, per `GET /v3/me`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct KeyIdentity {
    /// `organization`, `profile` or `user` (Sent's `type`).
    pub account_type: String,
    /// The account's id.
    pub account_id: String,
    /// The account's name.
    pub name: String,
    /// The key's role (`admin`, `billing`, `developer`) when Sent reports it, else null.
    pub role: Option<String>,
    /// How many sender profiles the organization had.
    pub profile_count: u32,
}

/// A profile key kept in the keychain (the key itself is never here).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProfileKeyInfo {
    pub profile_id: Uuid,
    /// The profile's name when the key was added.
    pub profile_name: String,
    pub key_hint: String,
}

/// Every workspace, and which one is current.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct WorkspaceList {
    pub workspaces: Vec<Workspace>,
    pub current: Uuid,
}

pub use sent_model::environment::key_hint;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hint_shows_only_the_last_four_characters() {
        assert_eq!(key_hint("sk_test_1234567890abcd"), "…abcd");
        assert_eq!(key_hint("short"), "…");
        assert_eq!(key_hint("ééééééééééééé€€€€"), "…€€€€");
    }
}
