//! Sliding-window rate limits per account and endpoint class (contract §6, Q13).
//!
//! Each (account, class) keeps the instants of its recent hits; a request is admitted when the
//! hits inside the window plus its cost stay within the limit. Time is sandbox time, so
//! advancing the clock empties windows.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;

use chrono::{DateTime, Duration, Utc};
use uuid::Uuid;

use crate::config::RateLimits;

/// Which budget a request draws from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RateClass {
    /// Ordinary endpoints.
    Standard,
    /// complete, rotate-secret, webhook test.
    Sensitive,
    /// Messages sent (recipients x channels).
    Messages,
}

/// Outcome of a check, with what goes into the `X-RateLimit-*` headers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verdict {
    /// Admitted or refused.
    pub allowed: bool,
    /// `X-RateLimit-Limit`.
    pub limit: u32,
    /// `X-RateLimit-Remaining`.
    pub remaining: u32,
    /// `X-RateLimit-Reset`, Unix seconds.
    pub reset: i64,
    /// `Retry-After` seconds when refused.
    pub retry_after: i64,
}

/// Recent hits per (account, class), oldest first.
type Windows = HashMap<(Uuid, RateClass), VecDeque<DateTime<Utc>>>;

/// The limiter; `limits == None` admits everything.
#[derive(Debug, Default)]
pub struct RateLimiter {
    limits: Mutex<Option<RateLimits>>,
    hits: Mutex<Windows>,
}

impl RateLimiter {
    /// A limiter with the given limits.
    pub fn new(limits: Option<RateLimits>) -> Self {
        Self {
            limits: Mutex::new(limits),
            hits: Mutex::default(),
        }
    }

    /// Replaces the limits (control API); existing windows are kept.
    pub fn set_limits(&self, limits: Option<RateLimits>) {
        *self.limits.lock().unwrap_or_else(|e| e.into_inner()) = limits;
    }

    /// Current limits.
    pub fn limits(&self) -> Option<RateLimits> {
        self.limits
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Forgets every window (reset).
    pub fn clear(&self) {
        self.hits.lock().unwrap_or_else(|e| e.into_inner()).clear();
    }

    /// Checks and, when admitted, records `cost` hits. `None` when limiting is off.
    pub fn check(
        &self,
        account: Uuid,
        class: RateClass,
        cost: u32,
        now: DateTime<Utc>,
    ) -> Option<Verdict> {
        let limits = self.limits()?;
        let limit = match class {
            RateClass::Standard => limits.standard_per_window,
            RateClass::Sensitive => limits.sensitive_per_window,
            RateClass::Messages => limits.messages_per_window,
        };
        // Bounded like the control API's input, so a CLI flag cannot overflow chrono either.
        let secs = limits.window_secs.clamp(1, crate::limits::MAX_WINDOW_SECS);
        let window = Duration::seconds(i64::try_from(secs).unwrap_or(i64::MAX / 1000));
        let mut all = self.hits.lock().unwrap_or_else(|e| e.into_inner());
        let hits = all.entry((account, class)).or_default();
        while hits.front().is_some_and(|t| *t <= now - window) {
            hits.pop_front();
        }
        let used = hits.len() as u32;
        let reset_at = hits.front().map(|t| *t + window).unwrap_or(now + window);
        if used.saturating_add(cost) > limit {
            // Wait until enough old hits leave the window to fit this request.
            let needed = used.saturating_add(cost).saturating_sub(limit) as usize;
            let free_at = hits
                .get(needed.saturating_sub(1))
                .map(|t| *t + window)
                .unwrap_or(now + window);
            let wait_ms = (free_at - now).num_milliseconds().max(0);
            return Some(Verdict {
                allowed: false,
                limit,
                remaining: limit.saturating_sub(used),
                reset: reset_at.timestamp(),
                retry_after: ((wait_ms + 999) / 1000).max(1),
            });
        }
        for _ in 0..cost {
            hits.push_back(now);
        }
        Some(Verdict {
            allowed: true,
            limit,
            remaining: limit - used - cost,
            reset: reset_at.timestamp(),
            retry_after: 0,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limiter(n: u32) -> RateLimiter {
        RateLimiter::new(Some(RateLimits {
            standard_per_window: n,
            sensitive_per_window: n,
            messages_per_window: n,
            window_secs: 60,
        }))
    }

    #[test]
    fn refuses_past_the_limit_and_frees_after_the_window() {
        let l = limiter(3);
        let a = Uuid::new_v4();
        let t0 = Utc::now();
        for i in 0..3 {
            let v = l.check(a, RateClass::Standard, 1, t0).unwrap();
            assert!(v.allowed);
            assert_eq!(v.remaining, 2 - i);
        }
        let v = l
            .check(a, RateClass::Standard, 1, t0 + Duration::seconds(10))
            .unwrap();
        assert!(!v.allowed);
        assert_eq!(v.retry_after, 50);
        assert!(
            l.check(a, RateClass::Standard, 1, t0 + Duration::seconds(61))
                .unwrap()
                .allowed
        );
    }

    #[test]
    fn accounts_and_classes_have_separate_windows() {
        let l = limiter(1);
        let (a, b) = (Uuid::new_v4(), Uuid::new_v4());
        let t = Utc::now();
        assert!(l.check(a, RateClass::Standard, 1, t).unwrap().allowed);
        assert!(l.check(b, RateClass::Standard, 1, t).unwrap().allowed);
        assert!(l.check(a, RateClass::Sensitive, 1, t).unwrap().allowed);
        assert!(!l.check(a, RateClass::Standard, 1, t).unwrap().allowed);
    }

    #[test]
    fn off_means_no_verdict() {
        assert!(RateLimiter::new(None)
            .check(Uuid::new_v4(), RateClass::Standard, 1, Utc::now())
            .is_none());
    }
}
