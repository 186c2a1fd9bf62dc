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
}
