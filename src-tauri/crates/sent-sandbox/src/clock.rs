//! The sandbox's notion of "now": wall time plus an offset that the control API can push forward.
//!
//! Everything time-driven (message status progression, completion jobs, rate-limit windows,
//! idempotency retention) reads this clock, so tests advance time instead of sleeping.

use std::sync::Mutex;

use chrono::{DateTime, Duration, Utc};

/// The furthest sandbox time may run ahead of wall time: 100 years. chrono panics on dates past
/// year 262143, so every move of the clock is checked against this bound instead.
pub const MAX_OFFSET_SECS: i64 = 100 * 366 * 24 * 3600;

/// A move of the clock that would take it past [`MAX_OFFSET_SECS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the sandbox clock cannot run more than {} years ahead of real time", MAX_OFFSET_SECS / (366 * 24 * 3600))]
pub struct ClockOverflow;

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
    /// A move past [`MAX_OFFSET_SECS`] in total changes nothing and is an error.
    pub fn advance(&self, by: Duration) -> Result<(), ClockOverflow> {
        if by <= Duration::zero() {
            return Ok(());
        }
        let mut offset = self.offset.lock().unwrap_or_else(|e| e.into_inner());
        let next = offset.checked_add(&by).ok_or(ClockOverflow)?;
        if next > Duration::seconds(MAX_OFFSET_SECS) {
            return Err(ClockOverflow);
        }
        *offset = next;
        Ok(())
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
        c.advance(Duration::seconds(5)).unwrap();
        c.advance(Duration::seconds(-100)).unwrap();
        assert_eq!(c.offset(), Duration::seconds(5));
    }

    #[test]
    fn advance_past_the_bound_is_refused_and_changes_nothing() {
        let c = Clock::default();
        assert_eq!(c.advance(Duration::MAX), Err(ClockOverflow));
        c.advance(Duration::seconds(MAX_OFFSET_SECS - 10)).unwrap();
        assert_eq!(c.advance(Duration::seconds(11)), Err(ClockOverflow));
        assert_eq!(c.offset(), Duration::seconds(MAX_OFFSET_SECS - 10));
        // Still a valid date.
        let _ = format_ts(c.now());
    }
}
