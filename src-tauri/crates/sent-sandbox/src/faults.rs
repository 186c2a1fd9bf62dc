//! Fault injection on `/v3` traffic: latency, a share of 500/503, 429 storms and
//! "drop after commit". The control API never sees faults, so tests can always turn them off.

use std::time::Duration;

use axum::http::StatusCode;
use rand::Rng;

use crate::app::App;
use crate::envelope::ApiError;

/// Faults to apply before a request runs: how long to wait, and whether to answer with an
/// error instead of executing.
pub fn before(app: &App, request_id: &str) -> (Duration, Option<ApiError>) {
    let (latency, injected) = choose(app, request_id);
    count(app, injected.is_some());
    (latency, injected)
}

/// Counts a `/v3` request, and whether a fault answered it.
pub fn count(app: &App, faulted: bool) {
    let mut c = app.fault_counts.lock().unwrap_or_else(|e| e.into_inner());
    c.requests += 1;
    c.faulted += u64::from(faulted);
}

fn choose(app: &App, request_id: &str) -> (Duration, Option<ApiError>) {
    let mut f = app.faults.lock().unwrap_or_else(|e| e.into_inner());
    let latency = Duration::from_millis(f.latency_ms);
    if f.rate_limit_storm > 0 {
        f.rate_limit_storm -= 1;
        return (latency, Some(ApiError::rate_limited()));
    }
    let roll: f64 = rand::rng().random();
    if roll < f.error_500_rate {
        return (
            latency,
            Some(ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "INTERNAL_001",
                format!(
                    "Unexpected server error. Please contact support with request ID: {request_id}"
                ),
            )),
        );
    }
    if roll < f.error_500_rate + f.error_503_rate {
        return (
            latency,
            Some(ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "INTERNAL_005",
                "Service temporarily unavailable",
            )),
        );
    }
    (latency, None)
}

/// What happens to a committed write's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterCommit {
    Answer,
    /// The connection is closed without an answer.
    Drop,
    /// The status is answered with a body cut short.
    Garble,
}

/// Decides (and consumes) the fault for a committed write's answer, and counts it. An empty answer
/// (a 204) cannot be garbled: it is answered, and the garble waits for a write with a body.
pub fn after_commit(app: &App, has_body: bool) -> AfterCommit {
    let mut f = app.faults.lock().unwrap_or_else(|e| e.into_inner());
    let fate = if f.drop_after_commit > 0 {
        f.drop_after_commit -= 1;
        AfterCommit::Drop
    } else if f.garble_after_commit > 0 && has_body {
        f.garble_after_commit -= 1;
        AfterCommit::Garble
    } else {
        AfterCommit::Answer
    };
    drop(f);
    if fate != AfterCommit::Answer {
        app.fault_counts
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .faulted += 1;
    }
    fate
}
