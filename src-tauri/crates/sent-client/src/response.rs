//! What a successful call returns: the payload plus the metadata the app shows or logs (request id,
//! rate-limit headers, idempotent replay, dry run, attempts and timing).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A successful call.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ApiResponse<T> {
    /// The envelope's `data`.
    pub data: T,
    /// About the exchange.
    pub info: ResponseInfo,
}

/// Metadata of a call (contract §3).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ResponseInfo {
    /// HTTP status of the final attempt.
    pub status: u16,
    /// This response's id (`X-Request-Id`, else `meta.request_id`).
    pub request_id: Option<String>,
    /// `meta.request_id` of the body (on a replay: the original request's id).
    pub body_request_id: Option<String>,
    /// Rate-limit headers, when the server sent them.
    pub rate_limit: Option<RateLimit>,
    /// `Idempotent-Replayed: true`: Sent returned the cached answer of an earlier identical call.
    pub idempotent_replayed: bool,
    /// `X-Original-Request-Id` on a replay.
    pub original_request_id: Option<String>,
    /// `X-Sandbox: true`: a dry run, nothing was stored or sent.
    pub sandbox: bool,
    /// The `Idempotency-Key` sent (the same on every attempt).
    pub idempotency_key: Option<String>,
    /// `X-Profile-Id` echo of a scoped call.
    pub profile_id: Option<String>,
    /// Attempts made (1 = no retry).
    pub attempts: u32,
    /// Wall time of the whole call including retries, in milliseconds.
    pub elapsed_ms: f64,
    /// Bytes of the answer's body (of every page, for a list read page by page).
    #[ts(type = "number")]
    pub body_bytes: usize,
}

/// `X-RateLimit-*` headers (contract §3, §6): never relied upon, only shown.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RateLimit {
    /// Requests allowed in the window.
    pub limit: Option<u32>,
    /// Requests left.
    pub remaining: Option<u32>,
    /// Unix seconds when the window resets.
    #[ts(type = "number | null")]
    pub reset: Option<u64>,
}
