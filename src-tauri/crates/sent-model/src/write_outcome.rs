//! [`WriteOutcome`]: what a failed write says about whether it happened. Here, in the crate every
//! other crate depends on, because the client decides it, the use cases act on it and the UI shows it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What a failed write says about whether it happened (contract §5 and Q12: Sent replays every
/// answer below 500 under its Idempotency-Key for 24 h, except 429 and `CONFLICT_001`, and never
/// caches a 5xx). This one rule decides, for every write of the app, whether a retry must carry the
/// same key ("ambiguous is not failed") or a new one (a definite refusal: the corrected attempt is a
/// new action, or Sent would replay the old refusal).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum WriteOutcome {
    /// Sent refused it and keeps that answer under the key: it did not happen. A retry after a fix
    /// needs a new key.
    Refused,
    /// It did not happen and nothing was kept under the key (not sent, 429, 503 `SERVICE_*`, a
    /// local check): sending again with the same key is safe.
    NotApplied,
    /// It may have happened (answer lost, timed out, 5xx, a key still in flight, a 2xx that could
    /// not be read): outcome unknown. Only a retry with the same key is safe.
    Unknown,
}

impl WriteOutcome {
    /// Whether the next attempt of the same action must reuse the key.
    pub fn reuse_key(self) -> bool {
        !matches!(self, WriteOutcome::Refused)
    }
}
