//! Webhook signatures (contract §14.2, Standard-Webhooks style): `x-webhook-signature: v1,<b64>`
//! over `<x-webhook-id>.<x-webhook-timestamp>.<raw body>` with HMAC-SHA256, keyed by the base64
//! part of the `whsec_` secret; several space-separated signatures are accepted; a timestamp more
//! than 300 s from now is refused. The sandbox signs with [`sign`], receivers check with [`verify`].

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// Largest accepted distance between the signature's timestamp and now.
pub const TOLERANCE_SECS: i64 = 300;

/// Why a delivery is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignatureError {
    /// The secret is not `whsec_<base64>`.
    #[error("the signing secret is not in whsec_<base64> form")]
    BadSecret,
    /// The timestamp header is not Unix seconds.
    #[error("the webhook timestamp is not a number of seconds")]
    BadTimestamp,
    /// Too old or too far in the future (replay window).
    #[error("the webhook timestamp is outside the 300 s window")]
    Expired,
    /// No `v1,` signature matched.
    #[error("no webhook signature matched")]
    Mismatch,
}

fn key_bytes(secret: &str) -> Result<Vec<u8>, SignatureError> {
    let encoded = secret
        .strip_prefix("whsec_")
        .ok_or(SignatureError::BadSecret)?;
    STANDARD
        .decode(encoded)
        .map_err(|_| SignatureError::BadSecret)
}

fn mac(key: &[u8], id: &str, timestamp: &str, body: &[u8]) -> Hmac<Sha256> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes keys of any length");
    mac.update(id.as_bytes());
    mac.update(b".");
    mac.update(timestamp.as_bytes());
    mac.update(b".");
    mac.update(body);
    mac
}

/// The `x-webhook-signature` value for a delivery: `v1,<base64 HMAC-SHA256>`.
pub fn sign(secret: &str, id: &str, timestamp: i64, body: &[u8]) -> Result<String, SignatureError> {
    let key = key_bytes(secret)?;
    let digest = mac(&key, id, &timestamp.to_string(), body)
        .finalize()
        .into_bytes();
    Ok(format!("v1,{}", STANDARD.encode(digest)))
}

/// Checks a delivery: the headers' id, timestamp and signature(s) against the raw body, with a
/// constant-time comparison and the 300 s window around `now_unix`.
pub fn verify(
    secret: &str,
    id: &str,
    timestamp: &str,
    body: &[u8],
    signature_header: &str,
    now_unix: i64,
) -> Result<(), SignatureError> {
    let key = key_bytes(secret)?;
    let sent_at: i64 = timestamp
        .trim()
        .parse()
        .map_err(|_| SignatureError::BadTimestamp)?;
    if (now_unix - sent_at).abs() > TOLERANCE_SECS {
        return Err(SignatureError::Expired);
    }
    let matched = signature_header
        .split_whitespace()
        .filter_map(|entry| entry.strip_prefix("v1,"))
        .filter_map(|encoded| STANDARD.decode(encoded).ok())
        .any(|candidate| {
            mac(&key, id, timestamp.trim(), body)
                .verify_slice(&candidate)
                .is_ok()
        });
    if matched {
        Ok(())
    } else {
        Err(SignatureError::Mismatch)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The contract's test vector (§14.2), which both crates must check.
    const SECRET: &str = "whsec_c2VudC1zaW11bGF0b3ItdGVzdC1rZXk=";
    const EXPECTED: &str = "v1,aIYR4z38IZWNr6Xqy3Gk2n38E7izAY/zDx4USgFd5mA=";

    #[test]
    fn contract_test_vector() {
        assert_eq!(
            sign(SECRET, "msg_01", 1_760_000_000, br#"{"ok":true}"#).unwrap(),
            EXPECTED
        );
        assert_eq!(
            verify(
                SECRET,
                "msg_01",
                "1760000000",
                br#"{"ok":true}"#,
                EXPECTED,
                1_760_000_100
            ),
            Ok(())
        );
    }

    #[test]
    fn refusals() {
        let body = br#"{"ok":true}"#;
        let now = 1_760_000_000;
        let several = format!("v1,AAAA {EXPECTED}");
        assert_eq!(
            verify(SECRET, "msg_01", "1760000000", body, &several, now),
            Ok(())
        );
        assert_eq!(
            verify(
                SECRET,
                "msg_01",
                "1760000000",
                br#"{"ok":false}"#,
                EXPECTED,
                now
            ),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(
            verify(SECRET, "msg_02", "1760000000", body, EXPECTED, now),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(
            verify(SECRET, "msg_01", "1760000000", body, EXPECTED, now + 301),
            Err(SignatureError::Expired)
        );
        assert_eq!(
            verify(SECRET, "msg_01", "soon", body, EXPECTED, now),
            Err(SignatureError::BadTimestamp)
        );
        assert_eq!(
            verify("c2VudA==", "msg_01", "1760000000", body, EXPECTED, now),
            Err(SignatureError::BadSecret)
        );
    }
}
