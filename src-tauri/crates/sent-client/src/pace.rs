//! A pace shared by the calls of one piece of work (a bulk onboarding run): when Sent says to slow
//! down (a 429 with its wait, or `X-RateLimit-Remaining: 0` with the window's reset), every call
//! that shares the pace waits, not only the one that was told. Calls without a pace are unchanged.

use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use tokio::time::Instant;

/// The longest a rate-limit reset is waited for on the headers' word alone (a 429's own wait is
/// the retry policy's to judge).
const MAX_RESET_WAIT: Duration = Duration::from_secs(60);

/// When the calls sharing this pace may go again.
#[derive(Debug, Default)]
pub struct Pace {
    until: Mutex<Option<Instant>>,
    held: std::sync::atomic::AtomicU64,
}

impl Pace {
    pub fn new() -> Arc<Self> {
        Arc::new(Self::default())
    }

    /// Waits until the pace lets calls go.
    pub async fn ready(&self) {
        loop {
            let until = *self.until.lock().unwrap_or_else(|e| e.into_inner());
            match until {
                Some(at) if at > Instant::now() => tokio::time::sleep_until(at).await,
                _ => return,
            }
        }
    }

    /// Holds every call for `wait` from now (or longer, if already held longer).
    pub fn hold(&self, wait: Duration) {
        let at = Instant::now() + wait;
        let mut until = self.until.lock().unwrap_or_else(|e| e.into_inner());
        if until.is_none_or(|u| u < at) {
            *until = Some(at);
        }
        self.held.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }

    /// How many times calls were held (a figure for the run's progress and the bench).
    pub fn times_held(&self) -> u64 {
        self.held.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// An answer's rate-limit headers: nothing left in the window holds every call until its
    /// reset (at most a minute).
    pub(crate) fn observe(&self, remaining: Option<u64>, reset_unix_secs: Option<u64>) {
        if remaining != Some(0) {
            return;
        }
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default()
            .as_secs_f64();
        let wait = reset_unix_secs.map_or(1.0, |reset| (reset as f64 - now).max(0.2));
        self.hold(Duration::from_secs_f64(wait).min(MAX_RESET_WAIT));
    }
}

/// A pace in [`crate::CallOptions`]: equal when it is the same pace.
#[derive(Debug, Clone)]
pub struct SharedPace(pub Arc<Pace>);

impl PartialEq for SharedPace {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for SharedPace {}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn a_hold_makes_every_sharer_wait_and_never_shortens() {
        let pace = Pace::new();
        pace.hold(Duration::from_secs(3));
        pace.hold(Duration::from_secs(1));
        let started = Instant::now();
        pace.ready().await;
        assert_eq!(started.elapsed().as_secs(), 3);
        assert_eq!(pace.times_held(), 2);
        // Headers with requests left change nothing.
        pace.observe(Some(5), Some(u64::MAX));
        let started = Instant::now();
        pace.ready().await;
        assert!(started.elapsed() < Duration::from_millis(1));
        // None left: held until the reset, at most a minute.
        pace.observe(Some(0), Some(u64::MAX));
        let started = Instant::now();
        pace.ready().await;
        assert_eq!(started.elapsed().as_secs(), 60);
    }
}
