//! [`SecretString`]: an API key, card number, CVC, card expiry or WhatsApp access token.
//!
//! A secret cannot leak by accident: `Debug` and `Display` print `<redacted>`, the type has **no**
//! `Serialize` impl (so it can never end up in an IPC answer, a log line or a file by way of serde),
//! and its bytes are wiped when it is dropped. It can be *deserialized* (the UI sends it in), and the
//! only ways out are [`SecretString::expose_secret`] and [`wire::to_body`].
//!
//! Request bodies that hold secrets (`ProfileCreate`, `ProfileUpdate`, `PaymentDetails`,
//! `WhatsappBusinessAccount`) name [`wire::serialize_option`] on their secret fields. That
//! serializer writes the value only while [`wire::to_body`] is running, which only `sent-client`
//! calls when it builds a request body; anywhere else (`serde_json::to_string(&create)`, an IPC
//! answer, a draft, a journal line, a log) serializing such a body is an **error**, not a silent
//! `"<redacted>"` that could reach Sent as a card number (security issue #8, finding 6). A test in
//! `tests/wire_only.rs` fails if any other crate calls `wire::to_body`.

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

/// The one way a secret-bearing request body becomes JSON: [`to_body`], called by `sent-client`
/// only. The serializers here are for `#[serde(serialize_with = "crate::secret::wire::...")]` on
/// secret fields; they refuse to write anything outside [`to_body`].
pub mod wire {
    use std::cell::Cell;

    use serde::ser::Error as _;
    use serde::{Serialize, Serializer};

    use super::SecretString;

    thread_local! {
        /// How many [`to_body`] calls are running on this thread. Serialization is synchronous,
        /// so the flag cannot leak to another task.
        static ON_THE_WIRE: Cell<u32> = const { Cell::new(0) };
    }

    /// What serializing a secret outside [`to_body`] answers.
    pub const REFUSED: &str =
        "a secret (card field or WhatsApp token) serializes only into a Sent request body";

    /// Resets the flag even if serialization panics.
    struct OnTheWire;

    impl OnTheWire {
        fn enter() -> Self {
            ON_THE_WIRE.with(|n| n.set(n.get().saturating_add(1)));
            Self
        }
    }

    impl Drop for OnTheWire {
        fn drop(&mut self) {
            ON_THE_WIRE.with(|n| n.set(n.get().saturating_sub(1)));
        }
    }

    fn on_the_wire() -> bool {
        ON_THE_WIRE.with(Cell::get) > 0
    }

    /// The JSON body of a request to Sent, secrets included. For `sent-client` only (it builds
    /// every request body through here); nothing else may call it (checked by a test).
    pub fn to_body<T: Serialize + ?Sized>(body: &T) -> serde_json::Result<serde_json::Value> {
        let _wire = OnTheWire::enter();
        serde_json::to_value(body)
    }

    /// Writes the secret as a JSON string inside [`to_body`]; an error anywhere else.
    pub fn serialize<S: Serializer>(
        secret: &SecretString,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        if !on_the_wire() {
            return Err(S::Error::custom(REFUSED));
        }
        serializer.serialize_str(secret.expose_secret())
    }

    /// Writes `Some(secret)` as a JSON string and `None` as `null` (pair with
    /// `skip_serializing_if`) inside [`to_body`]; an error anywhere else.
    pub fn serialize_option<S: Serializer>(
        secret: &Option<SecretString>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match secret {
            Some(secret) if on_the_wire() => serializer.serialize_some(secret.expose_secret()),
            Some(_) => Err(S::Error::custom(REFUSED)),
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
            cvc: Some("123".into()),
        };
        assert_eq!(
            wire::to_body(&body).unwrap(),
            serde_json::json!({"token": "abc", "cvc": "123"})
        );
        // Anywhere else it is an error, and the flag does not stick.
        let err = serde_json::to_string(&body).unwrap_err().to_string();
        assert!(err.contains(wire::REFUSED), "{err}");
        assert!(serde_json::to_value(&body).is_err());
        let none = Body {
            token: "abc".into(),
            cvc: None,
        };
        assert!(
            serde_json::to_string(&none).is_err(),
            "a required secret too"
        );
    }
}
