//! Run-time configuration of a sandbox: rate limits, timings, faults and the API revision.
//!
//! The CLI (`cli.rs`) and the embedding API (`lib.rs`) both build this struct; nothing else
//! reads command-line flags.

use std::time::Duration;

use serde::{Deserialize, Serialize};

/// Which server behaviour to emulate (contract §19.3).
///
/// The behaviours the newer `2026-10` revision changes (S1–S13) are each decided in one function
/// of [`crate::revision`]; handlers ask those functions, never this enum directly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, clap::ValueEnum)]
pub enum ApiRevision {
    /// Contract sections 1–18: the behaviour the seeds show.
    #[default]
    #[serde(rename = "seed")]
    #[value(name = "seed")]
    Seed,
    /// Contract §19.3: the server the Python SDK `sentdm` 0.46.0 documents (about October 2026).
    #[serde(rename = "2026-10")]
    #[value(name = "2026-10")]
    Rev2026_10,
}

impl ApiRevision {
    /// The wire/CLI name: `seed` or `2026-10`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Seed => "seed",
            Self::Rev2026_10 => "2026-10",
        }
    }
}

impl std::fmt::Display for ApiRevision {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for ApiRevision {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "seed" => Ok(Self::Seed),
            "2026-10" => Ok(Self::Rev2026_10),
            other => Err(format!(
                "api_revision must be 'seed' or '2026-10', not '{other}'"
            )),
        }
    }
}

/// Test fixtures of the whole sandbox (contract §19.3), settable through `/_sandbox/fixtures`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct Fixtures {
    /// S7: under `2026-10`, `GET /v3/profiles` pages with this many profiles per page and
    /// honours `page`; `None` answers one page holding every profile.
    pub profile_list_page_size: Option<usize>,
}

/// Sliding-window rate limits per account (contract Q13). `None` turns limiting off.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct RateLimits {
    /// Requests per window for standard endpoints.
    pub standard_per_window: u32,
    /// Requests per window for sensitive endpoints (complete, rotate-secret, webhook test).
    pub sensitive_per_window: u32,
    /// Messages (recipients x channels) per window on `POST /v3/messages`.
    pub messages_per_window: u32,
    /// Window length in seconds.
    pub window_secs: u64,
}

impl Default for RateLimits {
    fn default() -> Self {
        Self {
            standard_per_window: 200,
            sensitive_per_window: 10,
            messages_per_window: 60,
            window_secs: 60,
        }
    }
}

/// Injected faults, settable at start and through `/_sandbox/faults`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct Faults {
    /// Extra latency added before every `/v3` response, in milliseconds.
    pub latency_ms: u64,
    /// Share (0.0–1.0) of `/v3` requests answered 500 `INTERNAL_001` without executing.
    pub error_500_rate: f64,
    /// Share (0.0–1.0) of `/v3` requests answered 503 `INTERNAL_005` without executing.
    pub error_503_rate: f64,
    /// While non-zero, this many next `/v3` requests are answered 429 `BUSINESS_002`.
    pub rate_limit_storm: u32,
    /// While non-zero, this many next successful `/v3` writes are committed and then the
    /// connection is closed without a response.
    pub drop_after_commit: u32,
    /// While non-zero, this many next successful `/v3` writes are committed and then answered
    /// with their status and a body cut short: a 2xx no client can read.
    pub garble_after_commit: u32,
}

/// How many `/v3` requests arrived, and how many of them a fault answered (an injected 500, 503
/// or 429, a dropped or a garbled answer; latency alone is not counted).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct FaultCounts {
    pub requests: u64,
    pub faulted: u64,
}

/// Everything a sandbox needs to run.
#[derive(Debug, Clone)]
pub struct Config {
    /// Rate limits; `None` disables limiting (the load benchmark runs this way).
    pub rate_limits: Option<RateLimits>,
    /// Sandbox-time delay between two message status steps (QUEUED -> ROUTED -> ...).
    pub message_step: Duration,
    /// Sandbox-time delay before a profile completion job finishes and calls back.
    pub completion_delay: Duration,
    /// Largest accepted request body; bigger bodies get 413.
    pub max_body_bytes: usize,
    /// Faults in force at start.
    pub faults: Faults,
    /// Server revision to emulate at start (settable later through the control API).
    pub api_revision: ApiRevision,
    /// Fixtures in force at start.
    pub fixtures: Fixtures,
    /// Q4 strict mode: enforce V9 on a defaulted `billing_model` too.
    pub strict_billing: bool,
    /// How long an idempotent duplicate waits for the first request before 409 (contract §5: ~5 s).
    pub idempotency_wait: Duration,
    /// Generated profiles added to the seed (`--profiles N`); a reset adds them again.
    pub generated_profiles: usize,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            rate_limits: Some(RateLimits::default()),
            message_step: Duration::from_secs(2),
            completion_delay: Duration::from_secs(2),
            max_body_bytes: 256 * 1024,
            faults: Faults::default(),
            api_revision: ApiRevision::Seed,
            fixtures: Fixtures::default(),
            strict_billing: false,
            idempotency_wait: Duration::from_secs(5),
            generated_profiles: 0,
        }
    }
}
