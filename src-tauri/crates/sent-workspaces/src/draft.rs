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
                    if let Err(message) = sent_client::check_base_url(url) {
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

    /// The base URL this draft points at, without a trailing slash, as the HTTP client reads it;
    /// `None` for a custom URL that [`Self::validate`] refuses.
    pub fn base_url(&self) -> Option<String> {
        match self.environment {
            EnvironmentKind::Custom => self
                .custom_base_url
                .as_deref()
                .and_then(|url| sent_client::check_base_url(url).ok()),
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
    fn urls_that_hide_their_host_are_refused_on_the_url_field() {
        // Every URL parser (and so the HTTP client) connects to evil.example for these.
        for disguised in [
            "http://127.0.0.1:1@evil.example",
            "http://localhost:x@evil.example",
            "http://[::1]@evil.example",
            "http://localhost:1@192.0.2.7:4010",
            "http://evil.example\\@127.0.0.1/",
            "http://user:secret@127.0.0.1:4010",
            "https://user@api.sent.dm",
            "http://127.0.0.1.evil.example",
            "http://0.0.0.0:4010",
        ] {
            let d = draft(
                "A",
                EnvironmentKind::Custom,
                Some(disguised),
                "key-0123456789",
            );
            let errors = d.validate();
            assert_eq!(
                errors.paths().collect::<Vec<_>>(),
                ["custom_base_url"],
                "{disguised} should be refused"
            );
            assert_eq!(d.base_url(), None, "{disguised}");
        }
        let errors = draft(
            "A",
            EnvironmentKind::Custom,
            Some("http://127.0.0.1:1@evil.example"),
            "key-0123456789",
        )
        .validate();
        let message = &errors.get("custom_base_url").unwrap()[0];
        assert!(message.contains("user name or password"), "{message}");
        // Numeric forms of loopback are read as the HTTP client reads them.
        let d = draft(
            "A",
            EnvironmentKind::Custom,
            Some("http://127.1:4010/"),
            "key-0123456789",
        );
        assert!(d.validate().is_empty());
        assert_eq!(d.base_url().as_deref(), Some("http://127.0.0.1:4010"));
    }

    #[test]
    fn keys_with_whitespace_are_refused_without_echoing_them() {
        let errors = draft("A", EnvironmentKind::Staging, None, "abc def-0123456789").validate();
        let message = &errors.get("api_key").unwrap()[0];
        assert!(!message.contains("abc"));
    }
}
