//! Command-line interface of the `sent-sandbox` binary.

use std::path::PathBuf;
use std::time::Duration;

use clap::Parser;

use crate::config::{ApiRevision, Config, Faults, RateLimits};
use crate::seed::Seed;

const AFTER_HELP: &str = concat!(
    "Output:
  The first stdout line is exactly `listening on http://HOST:PORT`. Then one line per accepted
  key: `key org-admin KEY`, `key org-developer KEY`, `key profile PROFILE_ID KEY NAME`.

Control API (loopback clients only, not part of Sent's API; answers use the Sent envelope):
  GET  /_sandbox/keys                 accepted keys
  POST /_sandbox/reset                {\"seed\":\"demo\"|\"empty\"} fresh state (default: start seed)
  GET  /_sandbox/clock                sandbox time
  POST /_sandbox/clock/advance        {\"seconds\":N} move time forward; due completions finish
  GET|PUT /_sandbox/faults            {\"latency_ms\",\"error_500_rate\",\"error_503_rate\",
                                      \"rate_limit_storm\",\"drop_after_commit\",\"garble_after_commit\"}
                                      (PUT merges)
  GET|PUT /_sandbox/rate-limits       {\"enabled\":false} or per-window numbers
  GET  /_sandbox/deliveries           completion callbacks and webhook tests sent
  POST /_sandbox/profiles/ID/status   {\"status\":\"rejected\"} test hook
  GET|PUT /_sandbox/api-revision      {\"api_revision\":\"seed\"|\"2026-10\"}
  GET|PUT /_sandbox/fixtures          {\"profile_list_page_size\":N|null} (2026-10, S7)
  GET|PUT /_sandbox/profiles/ID/fixtures  (2026-10; PUT merges) {\"kyc_submitted\":bool|null,
                                      \"documents_uploaded\":{\"US\":false},
                                      \"completion_failure\":\"reason\"|null,
                                      \"delete_conflict\":\"CONFLICT_012\"|\"CONFLICT_013\"|null}

",
    "Magic test numbers (POST /v3/messages `to`):
  +15005550001  accepted (202), then FAILED with ERR_ROUTE_DENIED when routed
  +15005550002  opted-out contact: FAILED with ERR_CONSENT_BLOCKED; if every recipient is
                opted out the send is refused with 422 BUSINESS_004
  +15005550003  accepted (202), then FAILED with ERR_TEMPLATE_PARAMS_INVALID
  +15005550009  GET /v3/numbers/lookup answers is_valid: false
  A template send missing one of the template's variables also ends FAILED with
  ERR_TEMPLATE_PARAMS_INVALID.
"
);

/// A local Sent v3 API sandbox: every endpoint the Sent SDKs use, with realistic data,
/// idempotency, sandbox mode, rate limits and fault injection.
#[derive(Debug, Parser)]
#[command(name = "sent-sandbox", version, after_help = AFTER_HELP)]
pub struct Cli {
    /// Address to listen on; port 0 picks a free port.
    #[arg(long, default_value = "127.0.0.1:0")]
    pub addr: String,
    /// Starting state when the data file does not exist yet.
    #[arg(long, value_enum, default_value = "demo")]
    pub seed: Seed,
    /// Add N generated profiles to the seed (statuses, billing models, brands, WhatsApp
    /// accounts, long, right-to-left and emoji names), e.g. `--seed demo --profiles 10000`.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub profiles: usize,
    /// Use this organization admin key instead of a generated one. Every other key is then
    /// derived from it and the data file stores no key values.
    #[arg(long, value_name = "KEY")]
    pub org_key: Option<String>,
    /// Keep state in this JSON file (atomic writes) so it survives restarts.
    #[arg(long, value_name = "FILE")]
    pub data: Option<PathBuf>,

    /// Turn rate limiting off.
    #[arg(long)]
    pub no_rate_limit: bool,
    /// Requests per window on standard endpoints.
    #[arg(long, default_value_t = 200)]
    pub rate_limit: u32,
    /// Requests per window on sensitive endpoints (complete, rotate-secret, webhook test).
    #[arg(long, default_value_t = 10)]
    pub rate_limit_sensitive: u32,
    /// Messages (recipients x channels) per window.
    #[arg(long, default_value_t = 60)]
    pub rate_limit_messages: u32,
    /// Rate-limit window in seconds (sliding).
    #[arg(long, default_value_t = 60)]
    pub rate_window_secs: u64,

    /// Sandbox milliseconds between message status steps (QUEUED -> ROUTED -> ...).
    #[arg(long, default_value_t = 2000)]
    pub message_step_ms: u64,
    /// Sandbox milliseconds before a profile completion finishes and calls back.
    #[arg(long, default_value_t = 2000)]
    pub completion_delay_ms: u64,
    /// Largest accepted request body in bytes (bigger: 413).
    #[arg(long, default_value_t = 262144)]
    pub max_body_bytes: usize,

    /// Fault: extra latency on every /v3 response, in milliseconds.
    #[arg(long, default_value_t = 0)]
    pub fault_latency_ms: u64,
    /// Fault: share (0..1) of /v3 requests answered 500 INTERNAL_001.
    #[arg(long, default_value_t = 0.0)]
    pub fault_500_rate: f64,
    /// Fault: share (0..1) of /v3 requests answered 503 INTERNAL_005.
    #[arg(long, default_value_t = 0.0)]
    pub fault_503_rate: f64,
    /// Fault: answer the next N /v3 requests with 429 BUSINESS_002.
    #[arg(long, default_value_t = 0)]
    pub fault_429_storm: u32,
    /// Fault: commit the next N successful writes, then close the connection unanswered.
    #[arg(long, default_value_t = 0)]
    pub fault_drop_after_commit: u32,
    /// Fault: commit the next N successful writes, then answer their status with a body cut short.
    #[arg(long, default_value_t = 0)]
    pub fault_garble_after_commit: u32,

    /// Q4 strict mode: require billing_contact for a defaulted billing_model too.
    #[arg(long)]
    pub strict_billing: bool,

    /// Server revision to emulate (contract §19.3): `seed` (sections 1–18) or `2026-10` (the
    /// server of the Python SDK sentdm 0.46.0: behaviours S1–S13). Switchable later through
    /// PUT /_sandbox/api-revision.
    #[arg(long, value_enum, default_value = "seed")]
    pub api_revision: ApiRevision,
    /// Fixture (2026-10, S7): profiles per page of GET /v3/profiles (default: one page).
    #[arg(long, value_name = "N")]
    pub profile_list_page_size: Option<usize>,
}

impl Cli {
    /// The run-time configuration these flags describe.
    pub fn config(&self) -> Config {
        Config {
            rate_limits: (!self.no_rate_limit).then(|| RateLimits {
                standard_per_window: self.rate_limit,
                sensitive_per_window: self.rate_limit_sensitive,
                messages_per_window: self.rate_limit_messages,
                window_secs: self.rate_window_secs.max(1),
            }),
            message_step: Duration::from_millis(self.message_step_ms),
            completion_delay: Duration::from_millis(self.completion_delay_ms),
            max_body_bytes: self.max_body_bytes,
            faults: Faults {
                latency_ms: self.fault_latency_ms,
                error_500_rate: self.fault_500_rate.clamp(0.0, 1.0),
                error_503_rate: self.fault_503_rate.clamp(0.0, 1.0),
                rate_limit_storm: self.fault_429_storm,
                drop_after_commit: self.fault_drop_after_commit,
                garble_after_commit: self.fault_garble_after_commit,
            },
            strict_billing: self.strict_billing,
            generated_profiles: self.profiles,
            api_revision: self.api_revision,
            fixtures: crate::config::Fixtures {
                profile_list_page_size: self.profile_list_page_size.filter(|n| *n > 0),
            },
            ..Config::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_map_to_config() {
        let cli = Cli::parse_from([
            "sent-sandbox",
            "--seed",
            "empty",
            "--no-rate-limit",
            "--fault-500-rate",
            "0.5",
        ]);
        assert_eq!(cli.seed, Seed::Empty);
        let c = cli.config();
        assert!(c.rate_limits.is_none());
        assert_eq!(c.faults.error_500_rate, 0.5);
    }

    #[test]
    fn generated_profiles_flag() {
        let cli = Cli::parse_from(["sent-sandbox", "--seed", "demo", "--profiles", "10000"]);
        assert_eq!(cli.seed, Seed::Demo);
        assert_eq!(cli.config().generated_profiles, 10_000);
        let cli = Cli::parse_from(["sent-sandbox"]);
        assert_eq!(cli.config().generated_profiles, 0);
    }

    #[test]
    fn api_revision_flag() {
        assert_eq!(
            Cli::parse_from(["sent-sandbox"]).config().api_revision,
            ApiRevision::Seed
        );
        let cli = Cli::parse_from([
            "sent-sandbox",
            "--api-revision",
            "2026-10",
            "--profile-list-page-size",
            "2",
        ]);
        let c = cli.config();
        assert_eq!(c.api_revision, ApiRevision::Rev2026_10);
        assert_eq!(c.fixtures.profile_list_page_size, Some(2));
        assert!(Cli::try_parse_from(["sent-sandbox", "--api-revision", "2027-01"]).is_err());
    }

    #[test]
    fn help_lists_magic_numbers() {
        assert!(AFTER_HELP.contains(crate::magic::ROUTE_DENIED));
        assert!(AFTER_HELP.contains(crate::magic::OPTED_OUT));
        assert!(AFTER_HELP.contains(crate::magic::TEMPLATE_PARAMS_INVALID));
    }
}
