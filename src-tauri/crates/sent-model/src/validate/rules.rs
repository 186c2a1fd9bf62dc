//! The primitive checks behind contract §11, as plain predicates the UI can also call per keystroke.
//! Hand-written rather than regex: each is a few lines and the crate stays dependency-light.

/// V2: 3–11 characters, only ASCII letters, digits and spaces, at least one letter
/// (`^(?=.*[A-Za-z])[A-Za-z0-9 ]{3,11}$`).
pub fn is_valid_short_name(value: &str) -> bool {
    let len = value.chars().count();
    (3..=11).contains(&len)
        && value.chars().all(|c| c.is_ascii_alphanumeric() || c == ' ')
        && value.chars().any(|c| c.is_ascii_alphabetic())
}

/// V5: `MM/YY` with month 01–12.
pub fn is_valid_expiry(value: &str) -> bool {
    let bytes = value.as_bytes();
    if bytes.len() != 5 || bytes[2] != b'/' {
        return false;
    }
    let digits = [bytes[0], bytes[1], bytes[3], bytes[4]];
    if !digits.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let month = (bytes[0] - b'0') * 10 + (bytes[1] - b'0');
    (1..=12).contains(&month)
}

/// V6: digits only, 13–19 long. (No Luhn check: Sent documents none, the processor decides.)
pub fn is_valid_card_number(value: &str) -> bool {
    (13..=19).contains(&value.len()) && value.bytes().all(|b| b.is_ascii_digit())
}

/// V7: 3 or 4 digits.
pub fn is_valid_cvc(value: &str) -> bool {
    (3..=4).contains(&value.len()) && value.bytes().all(|b| b.is_ascii_digit())
}

/// V16: E.164, `+` then 2–15 digits, the first not 0.
pub fn is_e164(value: &str) -> bool {
    let Some(digits) = value.strip_prefix('+') else {
        return false;
    };
    (2..=15).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !digits.starts_with('0')
}

/// V18: an `Idempotency-Key` Sent accepts: 1–255 of `[a-zA-Z0-9_-]`.
pub fn is_valid_idempotency_key(value: &str) -> bool {
    (1..=255).contains(&value.len())
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// A hyphenated UUID (`8-4-4-4-12` hex digits), as Sent's ids are.
pub fn is_uuid(value: &str) -> bool {
    let groups: Vec<&str> = value.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(group, len)| group.len() == len && group.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// V23 / Q38: an absolute `https://` URL with a host, or `http://` to a loopback host
/// (`localhost`, `127.0.0.0/8`, `[::1]`) so that a desktop app can receive the callback locally.
/// Parsed like an HTTP client would ([`super::urls`]), so the host judged is the host called;
/// user info is refused on plain http (it only serves to disguise the host).
pub fn is_valid_webhook_url(value: &str) -> bool {
    use super::urls::{is_loopback_host, parse_http_url, UrlProblem};
    match parse_http_url(value) {
        Ok(url) => url.scheme() == "https" || is_loopback_host(&url),
        // Sent only asks for an absolute https URL: user info there is the receiver's business.
        Err(UrlProblem::UserInfo) => value
            .get(..8)
            .is_some_and(|scheme| scheme.eq_ignore_ascii_case("https://")),
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_names() {
        for ok in [
            "SALES",
            "NWC Care",
            "abc",
            "A1 2",
            "12345678ab",
            "a          ",
        ] {
            assert!(is_valid_short_name(ok), "{ok:?}");
        }
        for bad in ["", "ab", "123", "   ", "twelve chars", "Café", "a-b", "a_b"] {
            assert!(!is_valid_short_name(bad), "{bad:?}");
        }
    }

    #[test]
    fn expiries() {
        for ok in ["09/27", "01/00", "12/99"] {
            assert!(is_valid_expiry(ok), "{ok}");
        }
        for bad in [
            "9/27", "13/27", "00/27", "09-27", "0927", "09/2027", "ab/cd", "",
        ] {
            assert!(!is_valid_expiry(bad), "{bad}");
        }
    }

    #[test]
    fn cards_and_cvcs() {
        assert!(is_valid_card_number("4242424242424242"));
        assert!(is_valid_card_number("4111111111111"));
        assert!(!is_valid_card_number("4242 4242 4242 4242"));
        assert!(!is_valid_card_number("424242424242"));
        assert!(!is_valid_card_number("42424242424242424242"));
        assert!(is_valid_cvc("123") && is_valid_cvc("1234"));
        assert!(!is_valid_cvc("12") && !is_valid_cvc("12345") && !is_valid_cvc("12a"));
    }

    #[test]
    fn phones_keys_ids_urls() {
        assert!(is_e164("+14155550123"));
        assert!(!is_e164("14155550123") && !is_e164("+0123") && !is_e164("+1 415"));
        assert!(!is_e164("+14155550123\n") && !is_e164(" +14155550123"));
        assert!(is_valid_idempotency_key("prof-create-7f3a"));
        assert!(is_valid_idempotency_key("send_tpl_20260710_01"));
        assert!(!is_valid_idempotency_key("") && !is_valid_idempotency_key("a b"));
        assert!(!is_valid_idempotency_key(&"a".repeat(256)));
        assert!(is_valid_idempotency_key(&"a".repeat(255)));
        assert!(is_uuid("770e8400-e29b-41d4-a716-446655440002"));
        assert!(!is_uuid("770e8400e29b41d4a716446655440002") && !is_uuid("abc"));
        assert!(is_valid_webhook_url("https://example.com/hook"));
        assert!(is_valid_webhook_url("http://127.0.0.1:4010/cb"));
        assert!(is_valid_webhook_url("http://localhost/cb"));
        assert!(is_valid_webhook_url("http://[::1]:9/cb"));
        assert!(!is_valid_webhook_url("http://example.com/hook"));
        assert!(!is_valid_webhook_url("/relative"));
        assert!(!is_valid_webhook_url("https://"));
        assert!(!is_valid_webhook_url("ftp://example.com"));
        for disguised in [
            "http://evil.example\\@127.0.0.1/",
            "http://127.0.0.1:1@evil.example/",
            "http://localhost:x@evil.example/",
            "http://[::1]@evil.example/",
            "http://user@127.0.0.1/cb",
        ] {
            assert!(!is_valid_webhook_url(disguised), "{disguised}");
        }
        assert!(is_valid_webhook_url("http://127.0.0.2:4010/cb"));
    }
}
