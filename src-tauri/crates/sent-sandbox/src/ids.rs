//! Identifiers the sandbox mints: request ids, API keys, signing secrets.

use base64::Engine as _;
use rand::distr::{Alphanumeric, SampleString};
use rand::RngCore;

/// `req_` followed by 10 ASCII alphanumerics, like `req_Q4m8Tz1bKx`.
pub fn request_id() -> String {
    format!("req_{}", Alphanumeric.sample_string(&mut rand::rng(), 10))
}

/// A fresh API key. Sent documents UUID-shaped keys; clients treat them as opaque.
pub fn api_key() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// A key derived from the organization key (derived-keys mode, see `README.md`, "Keys and the
/// data file"): the first 16 bytes of HMAC-SHA256(org key, `label`), shaped like
/// [`api_key`] (a version-4 UUID string), so derived and random keys look alike. Labels are
/// `org_developer` and `profile:<profile uuid>`. The same org key and label always give the same
/// key, so keys never need to be stored.
pub fn derived_api_key(org_key: &str, label: &str) -> String {
    use hmac::{Hmac, Mac};
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(org_key.as_bytes())
        .expect("HMAC accepts keys of any length");
    mac.update(label.as_bytes());
    let digest = mac.finalize().into_bytes();
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    uuid::Builder::from_random_bytes(bytes)
        .into_uuid()
        .to_string()
}

/// Label of the organization developer key in derived-keys mode.
pub const DEVELOPER_KEY_LABEL: &str = "org_developer";

/// Label of a profile's key in derived-keys mode.
pub fn profile_key_label(profile_id: uuid::Uuid) -> String {
    format!("profile:{profile_id}")
}

/// A webhook signing secret: `whsec_` + base64 of 32 random bytes (contract §14.2).
pub fn signing_secret() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    format!(
        "whsec_{}",
        base64::engine::general_purpose::STANDARD.encode(bytes)
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn request_ids_have_the_documented_shape() {
        for _ in 0..50 {
            let id = super::request_id();
            assert!(id.starts_with("req_"));
            assert_eq!(id.len(), 14);
            assert!(id[4..].chars().all(|c| c.is_ascii_alphanumeric()));
        }
    }

    #[test]
    fn derived_keys_are_stable_distinct_and_shaped_like_random_ones() {
        let a = super::derived_api_key("org-key-1", "org_developer");
        assert_eq!(a, super::derived_api_key("org-key-1", "org_developer"));
        assert_ne!(a, super::derived_api_key("org-key-2", "org_developer"));
        assert_ne!(a, super::derived_api_key("org-key-1", "profile:x"));
        assert!(uuid::Uuid::parse_str(&a).is_ok(), "{a}");
        assert_eq!(a.len(), super::api_key().len());
        assert!(a
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-'));
    }
}
