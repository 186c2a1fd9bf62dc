//! Shared state of a running sandbox: the store, the clock, the limiter, the idempotency cache,
//! faults, and persistence.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, RwLock, RwLockReadGuard, RwLockWriteGuard};

use crate::clock::Clock;
use crate::config::{ApiRevision, Config, Faults, Fixtures};
use crate::idempotency::IdempotencyCache;
use crate::rate_limit::RateLimiter;
use crate::seed::{self, Seed};
use crate::store::persist::{self, PersistError};
use crate::store::{KeyKind, State};

/// Everything the request pipeline and the background workers share.
pub struct App {
    /// Static configuration.
    pub config: Config,
    /// The data.
    state: RwLock<State>,
    /// Sandbox time.
    pub clock: Clock,
    /// Rate limiting.
    pub limiter: RateLimiter,
    /// Idempotency cache.
    pub idempotency: Arc<IdempotencyCache>,
    /// Faults in force.
    pub faults: Mutex<Faults>,
    /// `/v3` requests seen and faulted.
    pub fault_counts: Mutex<crate::config::FaultCounts>,
    /// Server revision emulated right now (contract §19.3), settable through the control API.
    api_revision: RwLock<ApiRevision>,
    /// Sandbox-wide fixtures in force (§19.3).
    fixtures: Mutex<Fixtures>,
    /// Where state is saved, if anywhere.
    pub data_file: Option<PathBuf>,
    /// Seed used by `/_sandbox/reset`.
    pub seed: Seed,
    /// Org key given at start, kept across resets.
    pub org_key: Option<String>,
    /// Client for completion callbacks and webhook deliveries.
    pub http: reqwest::Client,
    /// Outbound calls made (completion callbacks, webhook deliveries), newest last, for the
    /// control API and tests.
    pub deliveries: Mutex<Vec<serde_json::Value>>,
    /// Serialises file writes so an older snapshot never overwrites a newer one.
    persist_lock: Mutex<()>,
}

impl App {
    /// Builds the app, loading `data_file` when it exists, else the seed.
    pub fn new(
        config: Config,
        seed: Seed,
        org_key: Option<String>,
        data_file: Option<PathBuf>,
    ) -> Result<Arc<Self>, PersistError> {
        let clock = Clock::default();
        let loaded = match &data_file {
            Some(p) => persist::load(p)?,
            None => None,
        };
        let fresh = loaded.is_none();
        if let Some(s) = &loaded {
            // A hand-edited or foreign offset out of range starts at real time instead of
            // panicking in chrono.
            let offset = chrono::Duration::try_milliseconds(s.clock_offset_ms);
            if offset.is_none_or(|o| clock.advance(o).is_err()) {
                tracing::warn!("ignoring the data file's clock offset: out of range");
            }
        }
        let mut state = loaded.unwrap_or_else(|| {
            seed::build(
                seed,
                config.generated_profiles,
                org_key.clone(),
                clock.now(),
            )
        });
        if !fresh {
            match &org_key {
                // Derived-keys mode: every key comes from the org key, none from the file, so a
                // file written under another org key accepts none of its old keys.
                Some(k) => state.derive_keys(k),
                // Random-keys mode: the stored keys, plus random ones where the file has none.
                None => state.fill_missing_keys(),
            }
        }
        let app = Arc::new(Self {
            limiter: RateLimiter::new(config.rate_limits.clone()),
            faults: Mutex::new(config.faults.clone()),
            fault_counts: Mutex::default(),
            api_revision: RwLock::new(config.api_revision),
            fixtures: Mutex::new(config.fixtures.clone()),
            config,
            state: RwLock::new(state),
            clock,
            idempotency: Arc::default(),
            data_file,
            seed,
            org_key,
            // Callbacks and webhook deliveries go to loopback only; a redirect would lead them
            // (with the body and signature) elsewhere, so none is followed.
            http: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .timeout(std::time::Duration::from_secs(10))
                .build()
                .unwrap_or_default(),
            deliveries: Mutex::default(),
            persist_lock: Mutex::new(()),
        });
        {
            let mut s = app.write();
            app.idempotency.import(&s.idempotency);
            // The cache is the live copy; the state field is only filled when saving.
            s.idempotency.clear();
        }
        // Every start writes the file in the current format: a new file, one that still holds
        // key values (derived-keys mode) or WABA tokens (older versions), and one whose mode
        // let other users read it are all replaced by a clean, private copy.
        app.persist()?;
        Ok(app)
    }

    /// Read access to the data.
    pub fn read(&self) -> RwLockReadGuard<'_, State> {
        self.state.read().unwrap_or_else(|e| e.into_inner())
    }

    /// Write access to the data; call [`App::persist`] after a committed change.
    pub fn write(&self) -> RwLockWriteGuard<'_, State> {
        self.state.write().unwrap_or_else(|e| e.into_inner())
    }

    /// Writes the current state to the data file, if one is configured.
    pub fn persist(&self) -> Result<(), PersistError> {
        let Some(path) = &self.data_file else {
            return Ok(());
        };
        let _serial = self.persist_lock.lock().unwrap_or_else(|e| e.into_inner());
        let bytes = {
            let mut state = self.write();
            state.clock_offset_ms = self.clock.offset().num_milliseconds();
            state.idempotency = self.idempotency.export(self.clock.now());
            // Derived-keys mode: no key value is written; they are rebuilt from the org key at
            // the next start.
            let kept = state
                .key_secret
                .is_some()
                .then(|| std::mem::take(&mut state.keys));
            let bytes = serde_json::to_vec_pretty(&*state).unwrap_or_default();
            if let Some(keys) = kept {
                state.keys = keys;
            }
            // The cache stays the live copy; the state only carries it while being written.
            state.idempotency.clear();
            bytes
        };
        persist::save(path, &bytes)
    }

    /// Replaces the state with a fresh seed (control API).
    pub fn reset(&self, seed: Seed) -> Result<(), PersistError> {
        let mut fresh = seed::build(
            seed,
            self.config.generated_profiles,
            self.org_key.clone(),
            self.clock.now(),
        );
        {
            let mut state = self.write();
            // Organization keys survive a reset so connected tools keep working.
            for k in fresh.keys.iter_mut() {
                if let Some(old) = state
                    .keys
                    .iter()
                    .find(|o| o.kind == k.kind && !matches!(k.kind, KeyKind::Profile(_)))
                {
                    k.key = old.key.clone();
                }
            }
            *state = fresh;
        }
        self.idempotency.clear();
        self.limiter.clear();
        self.persist()
    }

    /// Records an outbound call for `/_sandbox/deliveries`.
    pub fn record_delivery(&self, entry: serde_json::Value) {
        let mut d = self.deliveries.lock().unwrap_or_else(|e| e.into_inner());
        d.push(entry);
        // Bounded: a long-running sandbox must not grow without limit.
        if d.len() > 500 {
            d.remove(0);
        }
    }

    /// The revision emulated right now.
    pub fn revision(&self) -> ApiRevision {
        *self.api_revision.read().unwrap_or_else(|e| e.into_inner())
    }

    /// Switches the emulated revision; stored data is kept (what a revision ignores stays as it
    /// was and reappears when switching back).
    pub fn set_revision(&self, rev: ApiRevision) {
        *self.api_revision.write().unwrap_or_else(|e| e.into_inner()) = rev;
    }

    /// Sandbox-wide fixtures in force.
    pub fn fixtures(&self) -> Fixtures {
        self.fixtures
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Replaces the sandbox-wide fixtures.
    pub fn set_fixtures(&self, f: Fixtures) {
        *self.fixtures.lock().unwrap_or_else(|e| e.into_inner()) = f;
    }

    /// Current faults.
    pub fn faults(&self) -> Faults {
        self.faults
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }
}
