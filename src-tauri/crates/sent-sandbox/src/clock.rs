//! The sandbox's notion of "now": wall time plus an offset that the control API can push forward.
//!
//! Everything time-driven (message status progression, completion jobs, rate-limit windows,
//! idempotency retention) reads this clock, so tests advance time instead of sleeping.

use std::sync::Mutex;

use chrono::{DateTime, Duration, Utc};

/// Wall clock shifted by an offset that only grows.
#[derive(Debug, Default)]
pub struct Clock {
    offset: Mutex<Duration>,
}

impl Clock {
    /// Current sandbox time.
    pub fn now(&self) -> DateTime<Utc> {
        Utc::now() + *self.offset.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Moves sandbox time forward; negative values are ignored because time never runs backwards.
    pub fn advance(&self, by: Duration) {
        if by > Duration::zero() {
            *self.offset.lock().unwrap_or_else(|e| e.into_inner()) += by;
        }
    }

    /// Total offset applied so far.
    pub fn offset(&self) -> Duration {
        *self.offset.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Formats a timestamp the way Sent does: 7 fractional digits and an explicit `+00:00`.
pub fn format_ts(t: DateTime<Utc>) -> String {
    format!(
        "{}.{:07}+00:00",
        t.format("%Y-%m-%dT%H:%M:%S"),
        t.timestamp_subsec_nanos() / 100
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_have_seven_fraction_digits_and_offset() {
        let t = DateTime::parse_from_rfc3339("2026-03-11T21:50:50.153440200Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(format_ts(t), "2026-03-11T21:50:50.1534402+00:00");
    }

    #[test]
    fn advance_moves_forward_only() {
        let c = Clock::default();
        c.advance(Duration::seconds(5));
        c.advance(Duration::seconds(-100));
        assert_eq!(c.offset(), Duration::seconds(5));
    }
}
