//! The idempotency cache (contract §5, Q12): per (account, key), 24 hours of sandbox time.
//!
//! A key is claimed before the operation runs; a duplicate arriving meanwhile waits for the
//! first to finish (up to the configured wait, ~5 s) and otherwise gets 409 `CONFLICT_001`.
//! Finished responses below 500 are cached (except 409 `CONFLICT_001` and 429) and replayed
//! verbatim, whatever body the retry carries.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration as StdDuration;

use axum::http::StatusCode;
use chrono::{DateTime, Duration, Utc};
use tokio::sync::watch;
use uuid::Uuid;

use crate::envelope::ApiError;

/// How long responses are kept.
pub const RETENTION_HOURS: i64 = 24;

/// A finished response, as replayed.
#[derive(Debug, Clone)]
pub struct Cached {
    /// Original status.
    pub status: StatusCode,
    /// Original body bytes (its `meta.request_id` is the original one).
    pub body: Vec<u8>,
    /// Original request id, for `X-Original-Request-Id`.
    pub request_id: String,
    /// Whether the original was a sandbox call (`X-Sandbox` is replayed too).
    pub sandbox: bool,
}

/// A cached answer as stored in the data file, so that a retry after a restart (the app's
/// onboarding wizard resumes creates this way) still replays instead of creating twice.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct StoredEntry {
    pub account: Uuid,
    pub key: String,
    pub status: u16,
    /// The body as text (it is always JSON or empty).
    pub body: String,
    pub request_id: String,
    pub sandbox: bool,
    pub at: DateTime<Utc>,
}

enum Slot {
    InFlight(watch::Receiver<()>),
    Done(Cached, DateTime<Utc>),
}

type Key = (Uuid, String);

/// The cache.
#[derive(Default)]
pub struct IdempotencyCache {
    slots: Mutex<HashMap<Key, Slot>>,
}

/// What to do with a request that carries a key.
pub enum Claim {
    /// First use: run it and hand the response to the guard.
    Fresh(Guard),
    /// Already answered: replay this.
    Replay(Cached),
}

/// Held while the first request with a key runs. Dropping it without `finish` releases the
/// key, so a failure that produced no response does not poison it.
pub struct Guard {
    cache: Arc<IdempotencyCache>,
    key: Option<Key>,
    _tx: watch::Sender<()>,
}

impl Guard {
    /// Stores the response when it is cacheable and releases waiters.
    pub fn finish(mut self, cached: Cached, code: Option<&str>, now: DateTime<Utc>) {
        let Some(key) = self.key.take() else { return };
        let mut slots = self.cache.slots.lock().unwrap_or_else(|e| e.into_inner());
        let cacheable = cached.status.as_u16() < 500
            && cached.status != StatusCode::TOO_MANY_REQUESTS
            && code != Some("CONFLICT_001");
        if cacheable {
            slots.insert(key, Slot::Done(cached, now));
        } else {
            slots.remove(&key);
        }
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        if let Some(key) = self.key.take() {
            let mut slots = self.cache.slots.lock().unwrap_or_else(|e| e.into_inner());
            if matches!(slots.get(&key), Some(Slot::InFlight(_))) {
                slots.remove(&key);
            }
        }
    }
}

impl IdempotencyCache {
    /// Finished entries younger than the retention, for the data file.
    pub fn export(&self, now: DateTime<Utc>) -> Vec<StoredEntry> {
        let slots = self.slots.lock().unwrap_or_else(|e| e.into_inner());
        let mut out: Vec<StoredEntry> = slots
            .iter()
            .filter_map(|((account, key), slot)| match slot {
                Slot::Done(c, at) if now - *at < Duration::hours(RETENTION_HOURS) => {
                    Some(StoredEntry {
                        account: *account,
                        key: key.clone(),
                        status: c.status.as_u16(),
                        body: String::from_utf8_lossy(&c.body).into_owned(),
                        request_id: c.request_id.clone(),
                        sandbox: c.sandbox,
                        at: *at,
                    })
                }
                _ => None,
            })
            .collect();
        out.sort_by(|a, b| a.at.cmp(&b.at).then_with(|| a.key.cmp(&b.key)));
        out
    }

    /// Loads entries saved by [`IdempotencyCache::export`].
    pub fn import(&self, entries: &[StoredEntry]) {
        let mut slots = self.slots.lock().unwrap_or_else(|e| e.into_inner());
        for e in entries {
            let Ok(status) = StatusCode::from_u16(e.status) else {
                continue;
            };
            slots.insert(
                (e.account, e.key.clone()),
                Slot::Done(
                    Cached {
                        status,
                        body: e.body.clone().into_bytes(),
                        request_id: e.request_id.clone(),
                        sandbox: e.sandbox,
                    },
                    e.at,
                ),
            );
        }
    }

    /// Forgets everything (reset).
    pub fn clear(&self) {
        self.slots.lock().unwrap_or_else(|e| e.into_inner()).clear();
    }

    /// Claims `key` for `account`, waiting up to `wait` for an in-flight twin.
    pub async fn claim(
        self: &Arc<Self>,
        account: Uuid,
        key: &str,
        now: impl Fn() -> DateTime<Utc>,
        wait: StdDuration,
    ) -> Result<Claim, ApiError> {
        let deadline = tokio::time::Instant::now() + wait;
        let k = (account, key.to_string());
        loop {
            let mut rx = {
                let mut slots = self.slots.lock().unwrap_or_else(|e| e.into_inner());
                match slots.get(&k) {
                    Some(Slot::Done(c, at)) if now() - *at < Duration::hours(RETENTION_HOURS) => {
                        return Ok(Claim::Replay(c.clone()))
                    }
                    Some(Slot::InFlight(rx)) => rx.clone(),
                    _ => {
                        let (tx, rx) = watch::channel(());
                        slots.insert(k.clone(), Slot::InFlight(rx));
                        return Ok(Claim::Fresh(Guard {
                            cache: Arc::clone(self),
                            key: Some(k),
                            _tx: tx,
                        }));
                    }
                }
            };
            // The sender is dropped when the first request finishes; then look again.
            if tokio::time::timeout_at(deadline, rx.changed())
                .await
                .is_err()
            {
                return Err(ApiError::new(
                    StatusCode::CONFLICT,
                    "CONFLICT_001",
                    "A request with this Idempotency-Key is already being processed",
                ));
            }
        }
    }
}

/// V18: 1–255 characters of `[A-Za-z0-9_-]`, else 400 `VALIDATION_007`.
pub fn check_key_format(key: &str) -> Result<(), ApiError> {
    let ok = !key.is_empty()
        && key.len() <= 255
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if ok {
        Ok(())
    } else {
        Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "VALIDATION_007",
            "Idempotency-Key must be 1-255 characters of letters, digits, '-' or '_'",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_format() {
        assert!(check_key_format("prof-create-7f3a").is_ok());
        assert!(check_key_format("send_tpl_20260710_01").is_ok());
        assert!(check_key_format("").is_err());
        assert!(check_key_format("has space").is_err());
        assert!(check_key_format(&"a".repeat(256)).is_err());
        assert!(check_key_format(&"a".repeat(255)).is_ok());
    }

    fn cached(status: u16) -> Cached {
        Cached {
            status: StatusCode::from_u16(status).unwrap(),
            body: b"{}".to_vec(),
            request_id: "req_0000000000".into(),
            sandbox: false,
        }
    }

    #[tokio::test]
    async fn replays_cacheable_and_forgets_5xx() {
        let c = Arc::new(IdempotencyCache::default());
        let a = Uuid::new_v4();
        let w = StdDuration::from_millis(50);
        let Claim::Fresh(g) = c.claim(a, "k", Utc::now, w).await.unwrap() else {
            panic!()
        };
        g.finish(cached(201), None, Utc::now());
        assert!(
            matches!(c.claim(a, "k", Utc::now, w).await.unwrap(), Claim::Replay(r) if r.status == StatusCode::CREATED)
        );
        let Claim::Fresh(g) = c.claim(a, "k5", Utc::now, w).await.unwrap() else {
            panic!()
        };
        g.finish(cached(500), None, Utc::now());
        assert!(matches!(
            c.claim(a, "k5", Utc::now, w).await.unwrap(),
            Claim::Fresh(_)
        ));
    }

    #[tokio::test]
    async fn in_flight_twin_gets_409_after_the_wait() {
        let c = Arc::new(IdempotencyCache::default());
        let a = Uuid::new_v4();
        let w = StdDuration::from_millis(30);
        let _g = c.claim(a, "k", Utc::now, w).await.unwrap();
        let err = c.claim(a, "k", Utc::now, w).await.err().unwrap();
        assert_eq!(err.code, "CONFLICT_001");
    }
}
