//! Per-call options: acting for a child profile, the idempotency key of a logical operation, and
//! the dry-run flag.

use crate::idempotency::IdempotencyKey;

/// Options of one call. `Default` = the key's own account, live, a fresh idempotency key.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CallOptions {
    /// `x-profile-id`: an organization key acting for this child profile.
    pub profile_id: Option<String>,
    /// The logical operation's key (mutations). `None`: the client generates one per call and
    /// reports it in [`crate::ResponseInfo::idempotency_key`]; pass it back to retry the same
    /// operation later (e.g. after a restart).
    pub idempotency_key: Option<IdempotencyKey>,
    /// Dry run: `sandbox: true` in the body; Sent validates but stores and sends nothing.
    pub sandbox: bool,
    /// A pace shared with other calls of the same work: Sent's "slow down" holds them all.
    pub pace: Option<crate::pace::SharedPace>,
}

impl CallOptions {
    /// Acts for a child profile (organization keys only).
    pub fn for_profile(profile_id: impl Into<String>) -> Self {
        Self {
            profile_id: Some(profile_id.into()),
            ..Self::default()
        }
    }

    /// Uses this idempotency key.
    pub fn with_idempotency_key(mut self, key: IdempotencyKey) -> Self {
        self.idempotency_key = Some(key);
        self
    }

    /// Shares a pace with other calls (see [`crate::pace::Pace`]).
    pub fn with_pace(mut self, pace: std::sync::Arc<crate::pace::Pace>) -> Self {
        self.pace = Some(crate::pace::SharedPace(pace));
        self
    }

    /// Makes the call a dry run.
    pub fn dry_run(mut self) -> Self {
        self.sandbox = true;
        self
    }
}
