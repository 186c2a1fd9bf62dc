//! Client configuration: where Sent is, which key, how patient to be. Defaults follow the official
//! SDKs (contract §15, §19 R21/R22): 2 retries, 0.5 s × 2^n backoff capped at 8 s with up to 25 %
//! jitter, server wait hints obeyed up to 60 s, 5 s connect and 60 s request timeouts.

use std::time::Duration;

use sent_model::SecretString;

/// The largest response body the client reads (8 MiB): Sent's biggest answers (a full page of
/// profiles) are a few hundred KiB, so anything beyond is not Sent and is refused
/// ([`crate::ClientError::ResponseTooLarge`]) instead of filling memory.
pub const MAX_RESPONSE_BYTES: usize = 8 * 1024 * 1024;

/// Everything a [`crate::SentClient`] needs.
#[derive(Debug, Clone)]
pub struct ClientConfig {
    /// E.g. `https://api.sent.dm` or the sandbox's loopback URL; a trailing `/` is ignored.
    pub base_url: String,
    /// The `x-api-key` value (organization or profile key).
    pub api_key: SecretString,
    /// `User-Agent`, `SentProfiles/<version>` by default.
    pub user_agent: String,
    /// Retry behaviour.
    pub retry: RetryPolicy,
    /// TCP/TLS connect timeout per attempt.
    pub connect_timeout: Duration,
    /// Whole-request timeout per attempt.
    pub request_timeout: Duration,
    /// Largest response body read, in bytes ([`MAX_RESPONSE_BYTES`] by default).
    pub max_response_bytes: usize,
}

impl ClientConfig {
    /// Defaults for a base URL and a key.
    pub fn new(base_url: impl Into<String>, api_key: SecretString) -> Self {
        Self {
            base_url: base_url.into(),
            api_key,
            user_agent: format!("SentProfiles/{}", env!("CARGO_PKG_VERSION")),
            retry: RetryPolicy::default(),
            connect_timeout: Duration::from_secs(5),
            request_timeout: Duration::from_secs(60),
            max_response_bytes: MAX_RESPONSE_BYTES,
        }
    }

    /// Names the app's own version in the `User-Agent` (`SentProfiles/<version>`).
    pub fn with_app_version(mut self, version: &str) -> Self {
        self.user_agent = format!("SentProfiles/{version}");
        self
    }

    /// Replaces the retry policy.
    pub fn with_retry(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }

    /// Replaces both timeouts.
    pub fn with_timeouts(mut self, connect: Duration, request: Duration) -> Self {
        self.connect_timeout = connect;
        self.request_timeout = request;
        self
    }

    /// Replaces the largest response body read (in bytes).
    pub fn with_max_response_bytes(mut self, limit: usize) -> Self {
        self.max_response_bytes = limit;
        self
    }
}

/// When and how long to wait before trying again.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RetryPolicy {
    /// Retries after the first attempt (2 = up to 3 attempts).
    pub max_retries: u32,
    /// Backoff before the first retry (doubles each time).
    pub initial_backoff: Duration,
    /// Backoff cap.
    pub max_backoff: Duration,
    /// Up to this fraction is taken off each backoff at random (0.25 = 25 %).
    pub jitter: f64,
    /// Longest server-requested wait (`retry-after-ms` / `Retry-After`) the client sits out; a
    /// longer one stops retrying and is reported to the user (contract D13).
    pub max_server_wait: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_retries: 2,
            initial_backoff: Duration::from_millis(500),
            max_backoff: Duration::from_secs(8),
            jitter: 0.25,
            max_server_wait: Duration::from_secs(60),
        }
    }
}

impl RetryPolicy {
    /// No retries at all (one attempt).
    pub fn none() -> Self {
        Self {
            max_retries: 0,
            ..Self::default()
        }
    }
}
