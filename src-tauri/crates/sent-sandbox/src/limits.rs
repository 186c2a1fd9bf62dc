//! The bounds of what the control API accepts, shared with the parts that apply them (the rate
//! limiter clamps its window with the same bound), so no input can overflow chrono or the limiter.

/// Largest `seconds` one `/clock/advance` accepts (the clock's total bound, 100 years).
pub const MAX_ADVANCE_SECS: i64 = crate::clock::MAX_OFFSET_SECS;
/// Largest `window_secs` for rate limits: one year.
pub const MAX_WINDOW_SECS: u64 = 366 * 24 * 3600;
/// Largest injected latency: ten minutes (more only hangs every `/v3` call).
pub const MAX_LATENCY_MS: u64 = 600_000;
