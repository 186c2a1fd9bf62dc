//! [`IdempotencyKey`]: one per *logical* operation (a "Save" click), reused on every retry of it
//! and, when the caller persists it, across restarts — so a lost response never creates a
//! duplicate (contract §5).

use std::fmt;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use sent_model::validate::rules::is_valid_idempotency_key;

use crate::error::ClientError;

/// A key Sent accepts: 1–255 of `[a-zA-Z0-9_-]` (checked on construction).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(try_from = "String", into = "String")]
#[ts(export, type = "string")]
pub struct IdempotencyKey(String);

impl IdempotencyKey {
    /// A fresh key: `sp-` + a random UUID without hyphens (35 characters).
    pub fn generate() -> Self {
        Self(format!("sp-{}", uuid::Uuid::new_v4().simple()))
    }

    /// A caller-chosen key, checked against Sent's format.
    pub fn new(value: impl Into<String>) -> Result<Self, ClientError> {
        let value = value.into();
        if is_valid_idempotency_key(&value) {
            Ok(Self(value))
        } else {
            Err(ClientError::Config(format!(
                "invalid Idempotency-Key {value:?}: use 1-255 letters, digits, '-' or '_'"
            )))
        }
    }

    /// The header value.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for IdempotencyKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for IdempotencyKey {
    type Error = ClientError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::new(value)
    }
}

impl From<IdempotencyKey> for String {
    fn from(key: IdempotencyKey) -> Self {
        key.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_keys_match_sents_format_and_differ() {
        let a = IdempotencyKey::generate();
        let b = IdempotencyKey::generate();
        assert_ne!(a, b);
        assert!(is_valid_idempotency_key(a.as_str()));
        assert_eq!(a.as_str().len(), 35);
    }

    #[test]
    fn caller_keys_are_checked() {
        assert!(IdempotencyKey::new("prof-create-7f3a").is_ok());
        assert!(IdempotencyKey::new("bad key").is_err());
        assert!(IdempotencyKey::new("").is_err());
        assert!(serde_json::from_str::<IdempotencyKey>("\"a/b\"").is_err());
    }
}
