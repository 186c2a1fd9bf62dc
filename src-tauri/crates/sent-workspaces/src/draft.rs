//! What the "Add workspace" form sends, and its rules, checked before any network call.

use sent_model::{FieldErrors, SecretString};
use serde::Deserialize;
use ts_rs::TS;

use crate::EnvironmentKind;

/// The "Add workspace" form. The key arrives here once and goes straight to the keychain.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct WorkspaceDraft {
    pub name: String,
    pub environment: EnvironmentKind,
    /// Required for `custom`; ignored otherwise.
    #[serde(default)]
    #[ts(optional)]
    pub custom_base_url: Option<String>,
    pub api_key: SecretString,
}

const NAME_MAX: usize = 80;

impl WorkspaceDraft {
    /// Field errors keyed by the form's field names (`name`, `custom_base_url`, `api_key`,
    /// `environment`).
    pub fn validate(&self) -> FieldErrors {
        let mut errors = FieldErrors::new();
        let name = self.name.trim();
        if name.is_empty() {
            errors.add("name", "Give the workspace a name.");
        } else if name.chars().count() > NAME_MAX {
            errors.add(
                "name",
                format!("Keep the name to {NAME_MAX} characters or fewer."),
            );
        }
        if self.environment == EnvironmentKind::LocalSandbox {
            errors.add(
                "environment",
                "The local sandbox is built in; to use another sandbox, choose Custom and enter its URL.",
            );
        }
        if self.environment == EnvironmentKind::Custom {
            match self.custom_base_url.as_deref().map(str::trim) {
                None | Some("") => errors.add("custom_base_url", "Enter the server's base URL."),
                Some(url) => {
                    if let Err(message) = check_base_url(url) {
                        errors.add("custom_base_url", message);
                    }
                }
            }
        }
        if let Some(message) = check_api_key(self.api_key.expose_secret()) {
            errors.add("api_key", message);
        }
        errors
    }

    /// The base URL this draft points at, without a trailing slash. Call after [`Self::validate`].
    pub fn base_url(&self) -> Option<String> {
        match self.environment {
            EnvironmentKind::Custom => self
                .custom_base_url
                .as_deref()
                .map(|url| url.trim().trim_end_matches('/').to_owned()),
            other => other.fixed_base_url().map(str::to_owned),
        }
    }
}

/// What is wrong with a pasted API key, if anything (the message never repeats the key).
pub fn check_api_key(key: &str) -> Option<&'static str> {
    if key.trim().is_empty() {
        Some("Paste the API key.")
    } else if key.chars().any(char::is_whitespace) {
        Some("The key contains spaces or line breaks; paste it again without them.")
    } else if key.len() > 512 || key.chars().any(|c| c.is_control() || !c.is_ascii()) {
        Some("This does not look like an API key.")
    } else {
        None
    }
}

/// An absolute URL with a host and no query or fragment: https, or plain http only for this
/// computer (a key must never cross a network unencrypted).
fn check_base_url(url: &str) -> Result<(), &'static str> {
    let (plain_http, rest) = match url.strip_prefix("https://") {
        Some(rest) => (false, rest),
        None => (
            true,
            url.strip_prefix("http://").ok_or(
                "The URL must start with https:// (or http:// for a server on this computer).",
            )?,
        ),
    };
    let host = rest.split('/').next().unwrap_or_default();
    if host.is_empty() || host.starts_with(':') {
        return Err("The URL has no host name.");
    }
    if plain_http && !is_loopback(host) {
        return Err("Use https:// for a server on another computer: plain http would send the key unencrypted.");
    }
    if rest.contains(['?', '#', ' ']) {
        return Err("Enter only the base URL, without spaces, query or fragment.");
    }
    if rest.trim_end_matches('/').contains("/v3") {
        return Err("Enter the base URL without /v3 (e.g. https://api.sent.dm).");
    }
    Ok(())
}

/// `localhost`, `127.x.x.x` or `[::1]`, with or without a port.
fn is_loopback(host_and_port: &str) -> bool {
    let host = if let Some(v6) = host_and_port.strip_prefix('[') {
        v6.split(']').next().unwrap_or_default()
    } else {
        host_and_port.split(':').next().unwrap_or_default()
    };
    host.eq_ignore_ascii_case("localhost")
        || host == "::1"
        || host
            .parse::<std::net::Ipv4Addr>()
            .is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(name: &str, env: EnvironmentKind, url: Option<&str>, key: &str) -> WorkspaceDraft {
        WorkspaceDraft {
            name: name.into(),
            environment: env,
            custom_base_url: url.map(Into::into),
            api_key: SecretString::new(key),
        }
    }

    #[test]
    fn a_complete_production_draft_passes() {
        let d = draft(
            "Acme",
            EnvironmentKind::Production,
            None,
            "0f8e7d6c-5b4a-3210-fedc-ba9876543210",
        );
        assert!(d.validate().is_empty());
        assert_eq!(d.base_url().as_deref(), Some("https://api.sent.dm"));
    }

    #[test]
    fn every_bad_field_is_reported_at_once() {
        let errors = draft(" ", EnvironmentKind::Custom, Some("ftp://x"), "").validate();
        assert_eq!(
            errors.paths().collect::<Vec<_>>(),
            ["api_key", "custom_base_url", "name"]
        );
    }

    #[test]
    fn custom_urls_are_checked_and_normalised() {
        for bad in [
            "localhost:8080",
            "http://",
            "https://api.sent.dm/v3",
            "https://x?y=1",
        ] {
            let errors =
                draft("A", EnvironmentKind::Custom, Some(bad), "key-0123456789").validate();
            assert!(errors.contains("custom_base_url"), "{bad} should fail");
        }
        let ok = draft(
            "A",
            EnvironmentKind::Custom,
            Some("http://127.0.0.1:4010/"),
            "key-0123456789",
        );
        assert!(ok.validate().is_empty());
        assert_eq!(ok.base_url().as_deref(), Some("http://127.0.0.1:4010"));
        for loopback in [
            "http://localhost:4010",
            "http://[::1]:4010",
            "https://sent.example.com",
        ] {
            let d = draft(
                "A",
                EnvironmentKind::Custom,
                Some(loopback),
                "key-0123456789",
            );
            assert!(d.validate().is_empty(), "{loopback} should pass");
        }
    }

    #[test]
    fn keys_with_whitespace_are_refused_without_echoing_them() {
        let errors = draft("A", EnvironmentKind::Staging, None, "abc def-0123456789").validate();
        let message = &errors.get("api_key").unwrap()[0];
        assert!(!message.contains("abc"));
    }
}
