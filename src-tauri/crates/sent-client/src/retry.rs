//! Retry decisions, as pure functions (the transport loop only applies them).
//!
//! Like the official SDKs (contract §15): connection errors, timeouts, 408, 429 and 5xx are retried;
//! `x-should-retry: true|false` forces or suppresses it. Minus their mistakes (§19 R12, R17, R22):
//! a 409 is retried only for `CONFLICT_001` (or an unreadable body), a 429 only for `BUSINESS_002`
//! (or an unreadable body: `LIMIT_001` is not transient), and a server wait above the policy's
//! limit stops the retries instead of being ignored.

use std::time::{Duration, SystemTime};

use rand::Rng;
use reqwest::header::HeaderMap;

use crate::config::RetryPolicy;
use sent_model::envelope::codes;

/// Whether a response with this status and code is worth another attempt.
///
/// `code` is Sent's `error.code`, `None` when the body was empty or not JSON.
/// `should_retry` is the `x-should-retry` header, when present.
pub fn is_retryable_status(status: u16, code: Option<&str>, should_retry: Option<bool>) -> bool {
    if let Some(forced) = should_retry {
        return forced;
    }
    match status {
        408 => true,
        409 => code.is_none_or(|c| c == codes::CONFLICT_001),
        429 => code.is_none_or(|c| c == codes::BUSINESS_002),
        500..=599 => true,
        _ => false,
    }
}

/// `x-should-retry` as a boolean.
pub fn should_retry_header(headers: &HeaderMap) -> Option<bool> {
    match headers.get("x-should-retry")?.to_str().ok()?.trim() {
        "true" => Some(true),
        "false" => Some(false),
        _ => None,
    }
}

/// The longest wait a server hint is taken as: anything longer (`retry-after: 1e30`, `inf`, a date
/// in the year 9999) is clamped to this, which is far above any policy's limit, so the call stops
/// with [`crate::ClientError::RetryLater`] instead of sleeping (or panicking on the conversion).
pub const MAX_SERVER_HINT: Duration = Duration::from_secs(24 * 60 * 60);

/// The wait the server asked for: `retry-after-ms` (milliseconds), else `Retry-After` as seconds
/// or as an HTTP date (relative to `now`). `None` when absent, unparsable, not a number (`NaN`) or
/// not in the future; at most [`MAX_SERVER_HINT`]. Never panics, whatever the header says.
pub fn server_wait(headers: &HeaderMap, now: SystemTime) -> Option<Duration> {
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
    };
    if let Some(ms) = header("retry-after-ms").and_then(|v| v.parse::<f64>().ok()) {
        if let Some(wait) = seconds_to_wait(ms / 1000.0) {
            return Some(wait);
        }
    }
    let value = header("retry-after")?;
    if let Ok(seconds) = value.parse::<f64>() {
        return seconds_to_wait(seconds);
    }
    let date = httpdate::parse_http_date(value).ok()?;
    date.duration_since(now)
        .ok()
        .filter(|wait| !wait.is_zero())
        .map(|wait| wait.min(MAX_SERVER_HINT))
}

/// A number of seconds from a header as a wait: `None` for zero, negative or `NaN`; clamped to
/// [`MAX_SERVER_HINT`] (infinity included) with a checked conversion.
fn seconds_to_wait(seconds: f64) -> Option<Duration> {
    if seconds.is_nan() || seconds <= 0.0 {
        return None;
    }
    let wait = Duration::try_from_secs_f64(seconds).unwrap_or(MAX_SERVER_HINT);
    (!wait.is_zero()).then(|| wait.min(MAX_SERVER_HINT))
}

/// Default backoff before retry number `retries_done + 1`: `initial × 2^n` capped at `max`, minus
/// up to `jitter` of it at random.
pub fn backoff(policy: &RetryPolicy, retries_done: u32, rng: &mut impl Rng) -> Duration {
    let base = policy
        .initial_backoff
        .saturating_mul(2u32.saturating_pow(retries_done.min(31)))
        .min(policy.max_backoff);
    let jitter = if policy.jitter.is_finite() {
        policy.jitter.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let factor = (1.0 - jitter * rng.random::<f64>()).clamp(0.0, 1.0);
    base.mul_f64(factor)
}

/// What to do after a retryable failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NextStep {
    /// Sleep this long, then try again.
    RetryAfter(Duration),
    /// The server wants a longer wait than the policy allows: stop and report it.
    TooLong(Duration),
}

/// Chooses the wait: the server's hint when it is within the policy, the default backoff when there
/// is none.
pub fn next_step(
    policy: &RetryPolicy,
    retries_done: u32,
    hint: Option<Duration>,
    rng: &mut impl Rng,
) -> NextStep {
    match hint {
        Some(wait) if wait > policy.max_server_wait => NextStep::TooLong(wait),
        Some(wait) => NextStep::RetryAfter(wait),
        None => NextStep::RetryAfter(backoff(policy, retries_done, rng)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, HeaderValue::from_str(value).unwrap());
        }
        map
    }

    #[test]
    fn statuses() {
        for status in [408, 429, 500, 502, 503, 504] {
            assert!(is_retryable_status(status, None, None), "{status}");
        }
        for status in [400, 401, 403, 404, 422] {
            assert!(!is_retryable_status(status, None, None), "{status}");
        }
        assert!(is_retryable_status(409, Some("CONFLICT_001"), None));
        assert!(!is_retryable_status(409, Some("RESOURCE_007"), None));
        assert!(!is_retryable_status(409, Some("CONFLICT_012"), None));
        assert!(is_retryable_status(429, Some("BUSINESS_002"), None));
        assert!(!is_retryable_status(429, Some("LIMIT_001"), None));
        assert!(is_retryable_status(400, None, Some(true)));
        assert!(!is_retryable_status(503, None, Some(false)));
    }

    #[test]
    fn server_waits() {
        let now = SystemTime::now();
        let wait = |pairs: &[(&'static str, &str)]| server_wait(&headers(pairs), now);
        assert_eq!(
            wait(&[("retry-after-ms", "250")]),
            Some(Duration::from_millis(250))
        );
        assert_eq!(
            wait(&[("retry-after-ms", "250"), ("retry-after", "9")]),
            Some(Duration::from_millis(250))
        );
        assert_eq!(wait(&[("retry-after", "2")]), Some(Duration::from_secs(2)));
        assert_eq!(wait(&[("retry-after", "0")]), None);
        assert_eq!(wait(&[("retry-after", "soon")]), None);
        let later = httpdate::fmt_http_date(now + Duration::from_secs(90));
        let parsed = wait(&[("retry-after", later.as_str())]).unwrap();
        assert!(parsed > Duration::from_secs(85) && parsed <= Duration::from_secs(90));
        let past = httpdate::fmt_http_date(now - Duration::from_secs(90));
        assert_eq!(wait(&[("retry-after", past.as_str())]), None);
        assert_eq!(
            should_retry_header(&headers(&[("x-should-retry", "true")])),
            Some(true)
        );
        assert_eq!(should_retry_header(&headers(&[])), None);
    }

    #[test]
    fn absurd_server_waits_are_clamped_or_ignored_never_a_panic() {
        let now = SystemTime::now();
        let wait = |pairs: &[(&'static str, &str)]| server_wait(&headers(pairs), now);
        for huge in [
            "1e30",
            "inf",
            "+inf",
            "Infinity",
            "1e308",
            "18446744073709551616",
        ] {
            assert_eq!(
                wait(&[("retry-after", huge)]),
                Some(MAX_SERVER_HINT),
                "retry-after {huge}"
            );
            assert_eq!(
                wait(&[("retry-after-ms", huge)]),
                Some(MAX_SERVER_HINT),
                "retry-after-ms {huge}"
            );
        }
        for ignored in ["-1", "-inf", "NaN", "nan", "-0", "1e-320", ""] {
            assert_eq!(wait(&[("retry-after", ignored)]), None, "{ignored}");
            assert_eq!(wait(&[("retry-after-ms", ignored)]), None, "{ignored}");
        }
        assert_eq!(
            wait(&[("retry-after", "Fri, 31 Dec 9999 23:59:59 GMT")]),
            Some(MAX_SERVER_HINT)
        );
        // A useless retry-after-ms falls back to Retry-After.
        assert_eq!(
            wait(&[("retry-after-ms", "NaN"), ("retry-after", "3")]),
            Some(Duration::from_secs(3))
        );
        let policy = RetryPolicy::default();
        let mut rng = rand::rng();
        assert_eq!(
            next_step(&policy, 0, Some(MAX_SERVER_HINT), &mut rng),
            NextStep::TooLong(MAX_SERVER_HINT)
        );
        let odd = RetryPolicy {
            jitter: f64::NAN,
            ..policy
        };
        assert!(backoff(&odd, 0, &mut rng) <= Duration::from_millis(500));
    }

    #[test]
    fn backoff_doubles_caps_and_jitters_down_at_most_a_quarter() {
        let policy = RetryPolicy::default();
        let mut rng = rand::rng();
        for _ in 0..200 {
            let first = backoff(&policy, 0, &mut rng);
            assert!(first > Duration::from_millis(374) && first <= Duration::from_millis(500));
            let second = backoff(&policy, 1, &mut rng);
            assert!(second > Duration::from_millis(749) && second <= Duration::from_secs(1));
            let capped = backoff(&policy, 10, &mut rng);
            assert!(capped > Duration::from_secs(5) && capped <= Duration::from_secs(8));
        }
        let exact = RetryPolicy {
            jitter: 0.0,
            ..policy
        };
        assert_eq!(backoff(&exact, 3, &mut rng), Duration::from_secs(4));
    }

    #[test]
    fn long_server_waits_stop_retrying() {
        let policy = RetryPolicy::default();
        let mut rng = rand::rng();
        assert_eq!(
            next_step(&policy, 0, Some(Duration::from_secs(61)), &mut rng),
            NextStep::TooLong(Duration::from_secs(61))
        );
        assert_eq!(
            next_step(&policy, 0, Some(Duration::from_secs(60)), &mut rng),
            NextStep::RetryAfter(Duration::from_secs(60))
        );
    }
}
