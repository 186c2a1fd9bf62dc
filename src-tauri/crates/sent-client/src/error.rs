//! [`ClientError`]: every way a call can fail, one enum. [`ClientError::kind`] says it in the app's
//! one vocabulary ([`ErrorKind`]): Sent's error family (mapped from the status when the body has
//! no code), or a local kind (scope refused, rate limited, timeout, unreachable, TLS, network, bad
//! response, redirect, too large, configuration). It never crosses IPC itself: the shell turns it
//! into its `IpcError`.

use std::time::Duration;

use sent_model::{ErrorFamily, ErrorKind, FieldErrors, WriteOutcome};

/// Result of every client call.
pub type ClientResult<T> = Result<T, ClientError>;

/// Why a call failed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ClientError {
    /// Sent answered with an error: a non-2xx status, or a 2xx whose envelope says
    /// `success: false`. An empty or non-JSON body is mapped by status alone.
    #[error("{message}")]
    Api {
        /// HTTP status.
        status: u16,
        /// Family of `code`, or derived from the status when there is no code.
        family: ErrorFamily,
        /// Sent's `error.code`, when the body had one.
        code: Option<String>,
        /// Sent's message, or a sentence derived from the status.
        message: String,
        /// Dotted field path -> messages.
        fields: Option<FieldErrors>,
        /// `X-Request-Id` or `meta.request_id`.
        request_id: Option<String>,
        /// Server-requested wait, when it sent one.
        retry_after: Option<Duration>,
    },
    /// Pre-flight validation failed: nothing was sent.
    #[error("Request validation failed")]
    Invalid {
        /// Dotted field path -> messages, exactly as Sent would report them.
        fields: FieldErrors,
    },
    /// `x-profile-id` with a key that `GET /v3/me` reported as a profile key: refused locally
    /// (Sent would answer 403).
    #[error("This API key belongs to a sender profile; it cannot act for another profile (x-profile-id). Use the organization key, or this profile's key without a profile scope.")]
    ScopeRefused,
    /// Sent asked to wait longer than the client is willing to (contract D13): not retried.
    #[error("Sent asks to wait {} before trying again", describe_wait(*wait))]
    RetryLater {
        /// Requested wait.
        wait: Duration,
        /// HTTP status.
        status: u16,
        /// Sent's code.
        code: Option<String>,
        /// Request id.
        request_id: Option<String>,
    },
    /// No answer within the request timeout (after all retries).
    #[error("Sent did not answer in time")]
    Timeout,
    /// Could not connect (DNS, refused, unreachable) after all retries.
    #[error("Cannot connect to Sent: {0}")]
    Connect(String),
    /// TLS handshake or certificate failure (not retried).
    #[error("Secure connection to Sent failed: {0}")]
    Tls(String),
    /// The connection broke during the exchange (after all retries).
    #[error("Network error talking to Sent: {0}")]
    Network(String),
    /// A 2xx whose body is not the expected JSON.
    #[error("Unexpected response from Sent: {message}")]
    BadResponse {
        /// HTTP status.
        status: u16,
        /// What was wrong.
        message: String,
        /// Request id, when a header carried it.
        request_id: Option<String>,
    },
    /// The server answered with a 3xx. Sent's API never redirects, so the base URL is wrong (or
    /// something between the app and Sent is): the redirect is not followed, so the key and the
    /// body never go to the other address.
    #[error("The server answered with a redirect{}; Sent's API never redirects, so the request was not sent there. Check the base URL.", location.as_deref().map(|l| format!(" to {l}")).unwrap_or_default())]
    Redirect {
        /// HTTP status (301, 302, 303, 307, 308, ...).
        status: u16,
        /// The `Location` header, shortened, when there was a readable one.
        location: Option<String>,
        /// Request id, when a header carried it.
        request_id: Option<String>,
    },
    /// The answer's body is larger than the client reads ([`crate::config::MAX_RESPONSE_BYTES`]);
    /// Sent's answers are far smaller, so the server is not Sent or is misbehaving.
    #[error("The server's answer is larger than {} MiB, far more than Sent ever sends; it was not read. Check the base URL.", limit / (1024 * 1024))]
    ResponseTooLarge {
        /// HTTP status.
        status: u16,
        /// The limit in bytes.
        limit: usize,
        /// Request id, when a header carried it.
        request_id: Option<String>,
    },
    /// The client is misconfigured (bad base URL, bad idempotency key, ...).
    #[error("{0}")]
    Config(String),
}

impl ClientError {
    /// What this failure says about a write that carried an Idempotency-Key.
    pub fn write_outcome(&self) -> WriteOutcome {
        let by_status = |status: u16| match status {
            200..=299 => WriteOutcome::Unknown,
            429 => WriteOutcome::NotApplied,
            500..=599 => WriteOutcome::Unknown,
            _ => WriteOutcome::Refused,
        };
        match self {
            ClientError::Api {
                status: 503,
                family: ErrorFamily::Service,
                ..
            } => WriteOutcome::NotApplied,
            ClientError::Api { code, .. } if code.as_deref() == Some("CONFLICT_001") => {
                WriteOutcome::Unknown
            }
            // A 2xx with `success: false` is a refusal Sent keeps, like a 4xx.
            ClientError::Api { status, .. } if (200..300).contains(status) => WriteOutcome::Refused,
            ClientError::Api { status, .. } => by_status(*status),
            ClientError::Invalid { .. }
            | ClientError::ScopeRefused
            | ClientError::Config(_)
            | ClientError::Connect(_)
            | ClientError::Tls(_)
            | ClientError::Redirect { .. }
            | ClientError::RetryLater { .. } => WriteOutcome::NotApplied,
            ClientError::Timeout | ClientError::Network(_) => WriteOutcome::Unknown,
            ClientError::BadResponse { .. } => WriteOutcome::Unknown,
            ClientError::ResponseTooLarge { status, .. } => by_status(*status),
        }
    }
}

impl ClientError {
    /// What went wrong, in the app's one vocabulary. Exhaustive on purpose: a new variant must be
    /// placed.
    pub fn kind(&self) -> ErrorKind {
        match self {
            ClientError::Api { family, .. } => ErrorKind::from(*family),
            ClientError::Invalid { .. } => ErrorKind::Validation,
            ClientError::ScopeRefused => ErrorKind::ScopeRefused,
            ClientError::RetryLater { .. } => ErrorKind::RateLimited,
            ClientError::Timeout => ErrorKind::Timeout,
            ClientError::Connect(_) => ErrorKind::Unreachable,
            ClientError::Tls(_) => ErrorKind::Tls,
            ClientError::Network(_) => ErrorKind::Network,
            ClientError::BadResponse { .. } => ErrorKind::BadResponse,
            ClientError::Redirect { .. } => ErrorKind::Redirect,
            ClientError::ResponseTooLarge { .. } => ErrorKind::ResponseTooLarge,
            ClientError::Config(_) => ErrorKind::Config,
        }
    }

    /// Field details, when the error is about fields.
    pub fn fields(&self) -> Option<&FieldErrors> {
        match self {
            ClientError::Api { fields, .. } => fields.as_ref(),
            ClientError::Invalid { fields } => Some(fields),
            _ => None,
        }
    }

    /// Sent's request id, when a request was answered.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            ClientError::Api { request_id, .. }
            | ClientError::RetryLater { request_id, .. }
            | ClientError::BadResponse { request_id, .. }
            | ClientError::Redirect { request_id, .. }
            | ClientError::ResponseTooLarge { request_id, .. } => request_id.as_deref(),
            _ => None,
        }
    }

    /// HTTP status, when Sent answered.
    pub fn status(&self) -> Option<u16> {
        match self {
            ClientError::Api { status, .. }
            | ClientError::RetryLater { status, .. }
            | ClientError::BadResponse { status, .. }
            | ClientError::Redirect { status, .. }
            | ClientError::ResponseTooLarge { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// Sent's error code, when the body carried one.
    pub fn code(&self) -> Option<&str> {
        match self {
            ClientError::Api { code, .. } | ClientError::RetryLater { code, .. } => code.as_deref(),
            _ => None,
        }
    }
}

/// `120 s`, or `a day or more` for a hint that was clamped ([`crate::retry::MAX_SERVER_HINT`]).
fn describe_wait(wait: Duration) -> String {
    if wait >= crate::retry::MAX_SERVER_HINT {
        "a day or more".to_owned()
    } else {
        format!("{} s", wait.as_secs_f64().ceil())
    }
}

/// The family of an error that carried no code (empty or non-JSON body, contract §1.7).
pub(crate) fn family_for_status(status: u16) -> ErrorFamily {
    match status {
        401 | 403 => ErrorFamily::Auth,
        400 | 422 => ErrorFamily::Validation,
        404 | 410 => ErrorFamily::Resource,
        409 => ErrorFamily::Conflict,
        429 => ErrorFamily::Business,
        503 => ErrorFamily::Service,
        500..=599 => ErrorFamily::Internal,
        _ => ErrorFamily::Unknown,
    }
}

/// A sentence for an error that carried no message.
pub(crate) fn message_for_status(status: u16) -> String {
    let what = match status {
        400 => "Sent rejected the request",
        401 => "The API key is missing or not recognised",
        403 => "This API key is not allowed to do that",
        404 => "Not found",
        408 => "Sent timed out waiting for the request",
        409 => "The request conflicts with another one",
        422 => "Sent could not process the request",
        429 => "Too many requests: Sent's rate limit was reached",
        500..=599 => "Sent had a server error",
        _ => "Sent answered with an error",
    };
    format!("{what} (HTTP {status})")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn says_each_failure_in_the_one_vocabulary() {
        let mut fields = FieldErrors::new();
        fields.add("short_name", "bad");
        let error = ClientError::Api {
            status: 400,
            family: ErrorFamily::Validation,
            code: Some("VALIDATION_001".into()),
            message: "Request validation failed".into(),
            fields: Some(fields),
            request_id: Some("req_1".into()),
            retry_after: None,
        };
        assert_eq!(error.kind(), ErrorKind::Validation);
        assert_eq!(error.request_id(), Some("req_1"));
        assert_eq!(ClientError::Timeout.kind(), ErrorKind::Timeout);
        assert_eq!(
            ClientError::Connect("refused".into()).kind(),
            ErrorKind::Unreachable
        );
        assert_eq!(
            ClientError::Api {
                status: 404,
                family: ErrorFamily::Resource,
                code: None,
                message: String::new(),
                fields: None,
                request_id: None,
                retry_after: None,
            }
            .kind(),
            ErrorKind::NotFound
        );
        let wait = ClientError::RetryLater {
            wait: Duration::from_secs(120),
            status: 429,
            code: None,
            request_id: None,
        };
        assert_eq!(
            wait.to_string(),
            "Sent asks to wait 120 s before trying again"
        );
    }

    #[test]
    fn a_write_is_ambiguous_only_when_it_may_have_happened() {
        let api = |status: u16, code: Option<&str>| ClientError::Api {
            status,
            family: family_for_status(status),
            code: code.map(str::to_owned),
            message: String::new(),
            fields: None,
            request_id: None,
            retry_after: None,
        };
        // Sent keeps these refusals under the key: the corrected attempt needs a new one.
        for status in [400, 401, 403, 404, 409, 422] {
            assert_eq!(
                api(status, None).write_outcome(),
                WriteOutcome::Refused,
                "{status}"
            );
        }
        assert_eq!(api(200, None).write_outcome(), WriteOutcome::Refused);
        // Not executed and not kept.
        assert_eq!(
            api(429, Some("BUSINESS_002")).write_outcome(),
            WriteOutcome::NotApplied
        );
        assert_eq!(
            api(503, Some("SERVICE_001")).write_outcome(),
            WriteOutcome::NotApplied
        );
        assert_eq!(
            ClientError::Connect("refused".into()).write_outcome(),
            WriteOutcome::NotApplied
        );
        // May have happened.
        assert_eq!(
            api(409, Some("CONFLICT_001")).write_outcome(),
            WriteOutcome::Unknown
        );
        assert_eq!(
            api(500, Some("INTERNAL_001")).write_outcome(),
            WriteOutcome::Unknown
        );
        assert_eq!(api(502, None).write_outcome(), WriteOutcome::Unknown);
        assert_eq!(ClientError::Timeout.write_outcome(), WriteOutcome::Unknown);
        assert_eq!(
            ClientError::Network("reset".into()).write_outcome(),
            WriteOutcome::Unknown
        );
        let unreadable = ClientError::BadResponse {
            status: 201,
            message: "not JSON".into(),
            request_id: None,
        };
        assert_eq!(unreadable.write_outcome(), WriteOutcome::Unknown);
        let too_large = |status| ClientError::ResponseTooLarge {
            status,
            limit: 1,
            request_id: None,
        };
        assert_eq!(too_large(200).write_outcome(), WriteOutcome::Unknown);
        assert_eq!(too_large(400).write_outcome(), WriteOutcome::Refused);
        assert!(WriteOutcome::Unknown.reuse_key() && WriteOutcome::NotApplied.reuse_key());
        assert!(!WriteOutcome::Refused.reuse_key());
    }

    #[test]
    fn families_for_code_less_errors() {
        assert_eq!(family_for_status(401), ErrorFamily::Auth);
        assert_eq!(family_for_status(404), ErrorFamily::Resource);
        assert_eq!(family_for_status(502), ErrorFamily::Internal);
        assert_eq!(family_for_status(418), ErrorFamily::Unknown);
        assert!(message_for_status(403).contains("HTTP 403"));
    }
}
