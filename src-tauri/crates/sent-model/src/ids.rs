//! Typed ids of Sent's resources as they cross IPC: a profile, a campaign, a message. Each is
//! checked when it is read (from the window, a file or a test), so an empty, `.`, `..` or otherwise
//! malformed id is refused at the boundary and never reaches a URL path (the client refuses such
//! path segments too). Sent's ids are UUIDs; the check allows any id made of ASCII letters,
//! digits, `-` and `_`, up to 128 characters, so another server's id form still works.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};
use ts_rs::TS;

/// Longest id accepted.
pub const MAX_ID_LEN: usize = 128;

/// Why a string is not an id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{what} must be 1–{MAX_ID_LEN} letters, digits, '-' or '_' (got {len} characters)")]
pub struct BadId {
    pub what: &'static str,
    pub len: usize,
}

fn check(what: &'static str, value: &str) -> Result<(), BadId> {
    let ok = (1..=MAX_ID_LEN).contains(&value.len())
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if ok {
        Ok(())
    } else {
        Err(BadId {
            what,
            len: value.chars().count(),
        })
    }
}

macro_rules! typed_id {
    ($(#[$doc:meta])* $name:ident, $what:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, TS)]
        #[serde(transparent)]
        #[ts(export)]
        pub struct $name(String);

        impl $name {
            /// The id, if `value` is one.
            pub fn new(value: impl Into<String>) -> Result<Self, BadId> {
                let value = value.into();
                check($what, &value)?;
                Ok(Self(value))
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }

            pub fn into_string(self) -> String {
                self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = BadId;
            fn try_from(value: String) -> Result<Self, BadId> {
                Self::new(value)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let value = String::deserialize(deserializer)?;
                Self::new(value).map_err(serde::de::Error::custom)
            }
        }
    };
}

typed_id!(
    /// A sender profile's id.
    ProfileId,
    "a profile id"
);
typed_id!(
    /// A TCR campaign's id.
    CampaignId,
    "a campaign id"
);
typed_id!(
    /// A message's id.
    MessageId,
    "a message id"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_checked_when_read() {
        assert!(ProfileId::new("3f1c2b7e-5a0d-4e61-9c1e-2b8f0a7d4c11").is_ok());
        assert!(CampaignId::new("cmp_01").is_ok());
        for bad in ["", ".", "..", "a/b", "a b", "%2e%2e", "é", &"x".repeat(129)] {
            assert!(CampaignId::new(bad).is_err(), "{bad:?}");
            assert!(serde_json::from_value::<ProfileId>(serde_json::json!(bad)).is_err());
        }
        let id: MessageId = serde_json::from_value(serde_json::json!("m-1")).unwrap();
        assert_eq!(serde_json::to_value(&id).unwrap(), "m-1");
    }
}
