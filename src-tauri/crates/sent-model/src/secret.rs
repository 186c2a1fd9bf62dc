//! [`SecretString`]: an API key, card number, CVC, card expiry or WhatsApp access token.
//!
//! A secret cannot leak by accident: `Debug` and `Display` print `<redacted>`, the type has **no**
//! `Serialize` impl (so it can never end up in an IPC answer, a log line or a file by way of serde),
//! and its bytes are wiped when it is dropped. It can be *deserialized* (the UI sends it in), and the
//! only ways out are [`SecretString::expose_secret`] and the [`wire`] helpers, which wire request
//! bodies name explicitly with `#[serde(serialize_with = ...)]` so that a secret serializes only on
//! its way to Sent.

use std::fmt;

use serde::{Deserialize, Deserializer};
use zeroize::Zeroize;

/// A string that never prints and never serializes by itself. TypeScript sees it as `string`.
#[derive(Clone, PartialEq, Eq, ts_rs::TS)]
#[ts(export, type = "string")]
pub struct SecretString(String);

impl SecretString {
    /// Wraps a secret value.
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The secret itself. Call sites are the audit trail: keep them few.
    pub fn expose_secret(&self) -> &str {
        &self.0
    }

    /// True when the secret is the empty string (a missing key, a blank form field).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl From<String> for SecretString {
    fn from(value: String) -> Self {
        Self(value)
    }
}

impl From<&str> for SecretString {
    fn from(value: &str) -> Self {
        Self(value.to_owned())
    }
}

impl Drop for SecretString {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl fmt::Debug for SecretString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

impl fmt::Display for SecretString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

impl<'de> Deserialize<'de> for SecretString {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Self)
    }
}

/// Serializers for wire request bodies only (`#[serde(serialize_with = "crate::secret::wire::...")]`).
pub mod wire {
    use serde::Serializer;

    use super::SecretString;

    /// Writes the secret as a JSON string.
    pub fn serialize<S: Serializer>(
        secret: &SecretString,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(secret.expose_secret())
    }

    /// Writes `Some(secret)` as a JSON string and `None` as `null` (pair with `skip_serializing_if`).
    pub fn serialize_option<S: Serializer>(
        secret: &Option<SecretString>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match secret {
            Some(secret) => serializer.serialize_some(secret.expose_secret()),
            None => serializer.serialize_none(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_and_display_redact() {
        let secret = SecretString::new("4242424242424242");
        assert_eq!(format!("{secret:?}"), "<redacted>");
        assert_eq!(format!("{secret}"), "<redacted>");
        assert_eq!(format!("{:?}", Some(secret.clone())), "Some(<redacted>)");
        assert_eq!(secret.expose_secret(), "4242424242424242");
    }

    #[test]
    fn deserializes_from_a_json_string() {
        let secret: SecretString = serde_json::from_str("\"sk_test_1\"").unwrap();
        assert_eq!(secret.expose_secret(), "sk_test_1");
        assert!(serde_json::from_str::<SecretString>("12").is_err());
    }

    #[test]
    fn wire_helper_writes_the_value() {
        #[derive(serde::Serialize)]
        struct Body {
            #[serde(serialize_with = "wire::serialize")]
            token: SecretString,
            #[serde(serialize_with = "wire::serialize_option")]
            cvc: Option<SecretString>,
        }
        let body = Body {
            token: "abc".into(),
            cvc: None,
        };
        assert_eq!(
            serde_json::to_string(&body).unwrap(),
            r#"{"token":"abc","cvc":null}"#
        );
    }
}
