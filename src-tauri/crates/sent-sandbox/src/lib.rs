//! `sent-sandbox`: a local server that behaves like the Sent v3 API (see
//! `shared/sent-api/CONTRACT.md`), for the desktop app's practice mode, our tests, and anyone
//! pointing the official Sent SDKs at loopback.
//!
//! Embedding:
//! ```no_run
//! # async fn demo() -> Result<(), sent_sandbox::SandboxError> {
//! use sent_sandbox::{Sandbox, Seed};
//! let sb = Sandbox::builder().seed(Seed::Demo).start("127.0.0.1:0").await?;
//! println!("{} {}", sb.base_url(), sb.keys().org_admin);
//! sb.shutdown().await;
//! # Ok(()) }
//! ```
//!
//! This crate owns the server side only: no Tauri, no client logic.

pub mod app;
pub mod auth;
pub mod cli;
pub mod clock;
pub mod completion;
pub mod config;
pub mod control;
pub mod deliveries;
pub mod dispatch;
pub mod envelope;
pub mod faults;
pub mod guard;
pub mod idempotency;
pub mod ids;
pub mod jobs;
pub mod limits;
pub mod magic;
pub mod progress;
pub mod rate_limit;
pub mod review;
pub mod revision;
pub mod routes;
pub mod schema;
pub mod seed;
pub mod server;
pub mod store;
pub mod views;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;

pub use config::{ApiRevision, Config, FaultCounts, Faults, Fixtures, RateLimits};
pub use seed::Seed;

use app::App;
use store::KeyKind;
use uuid::Uuid;

/// Why a sandbox could not start.
#[derive(Debug, thiserror::Error)]
pub enum SandboxError {
    /// The address could not be bound.
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: String,
        #[source]
        source: std::io::Error,
    },
    /// The data file could not be read or written.
    #[error(transparent)]
    Persist(#[from] store::persist::PersistError),
}

/// Entry point of the embedding API.
pub struct Sandbox;

impl Sandbox {
    /// A builder with the defaults of the CLI.
    pub fn builder() -> SandboxBuilder {
        SandboxBuilder::default()
    }
}

/// Configures a sandbox before it starts.
#[derive(Default)]
pub struct SandboxBuilder {
    config: Config,
    seed: Seed,
    org_key: Option<String>,
    data_file: Option<PathBuf>,
    control_api: bool,
}

impl SandboxBuilder {
    /// Starting state when no data file exists yet.
    pub fn seed(mut self, seed: Seed) -> Self {
        self.seed = seed;
        self
    }
    /// Fixed org admin key instead of a generated one. Turns on derived-keys mode: the org
    /// developer key and every profile key are derived from it (HMAC-SHA256), and the data file
    /// stores no key values; they are rebuilt from this key at each start.
    pub fn org_key(mut self, key: impl Into<String>) -> Self {
        self.org_key = Some(key.into());
        self
    }
    /// Persist state in this file (atomic writes) and load it at start.
    pub fn data_file(mut self, path: impl Into<PathBuf>) -> Self {
        self.data_file = Some(path.into());
        self
    }
    /// Replace the whole configuration.
    pub fn config(mut self, config: Config) -> Self {
        self.config = config;
        self
    }
    /// Rate limits; `None` turns them off.
    pub fn rate_limits(mut self, limits: Option<RateLimits>) -> Self {
        self.config.rate_limits = limits;
        self
    }
    /// Sandbox time between message status steps.
    pub fn message_step(mut self, step: Duration) -> Self {
        self.config.message_step = step;
        self
    }
    /// Sandbox time before a completion job finishes.
    pub fn completion_delay(mut self, delay: Duration) -> Self {
        self.config.completion_delay = delay;
        self
    }
    /// Faults in force at start.
    pub fn faults(mut self, faults: Faults) -> Self {
        self.config.faults = faults;
        self
    }
    /// Adds `n` deterministic generated profiles to the seed (`--profiles N`; see
    /// [`seed::generated`]): statuses, billing models, brands, WhatsApp accounts and names varied
    /// enough to exercise a profile list at scale. Ignored when a data file already exists.
    pub fn generated_profiles(mut self, n: usize) -> Self {
        self.config.generated_profiles = n;
        self
    }
    /// Server revision to emulate (contract §19.3; default [`ApiRevision::Seed`]). An app's
    /// developer setting "Emulate the newer Sent API (2026-10)" maps to
    /// `.api_revision(ApiRevision::Rev2026_10)`; [`RunningSandbox::set_api_revision`] switches a
    /// running sandbox.
    pub fn api_revision(mut self, rev: ApiRevision) -> Self {
        self.config.api_revision = rev;
        self
    }
    /// Sandbox-wide fixtures in force at start (§19.3, e.g. the profile list page size).
    pub fn fixtures(mut self, fixtures: Fixtures) -> Self {
        self.config.fixtures = fixtures;
        self
    }
    /// Mount the control API under `/_sandbox/` (keys, reset, clock, faults, ...). Off by
    /// default: an embedding app drives the sandbox through [`RunningSandbox`] and must not
    /// expose its keys to every local process; the CLI and tests turn it on. Without it,
    /// `/_sandbox/*` answers 404 like any unknown path.
    pub fn control_api(mut self, on: bool) -> Self {
        self.control_api = on;
        self
    }

    /// Binds `addr` (e.g. `127.0.0.1:0`) and starts serving.
    pub async fn start(self, addr: &str) -> Result<RunningSandbox, SandboxError> {
        let listener = TcpListener::bind(addr)
            .await
            .map_err(|source| SandboxError::Bind {
                addr: addr.to_string(),
                source,
            })?;
        let local = listener.local_addr().map_err(|source| SandboxError::Bind {
            addr: addr.to_string(),
            source,
        })?;
        let app = App::new(self.config, self.seed, self.org_key, self.data_file)?;
        let (tx, rx) = watch::channel(false);
        jobs::spawn_worker(Arc::clone(&app), rx.clone());
        let router = router(Arc::clone(&app), self.control_api, local);
        let task = tokio::spawn(server::serve(listener, router, rx));
        Ok(RunningSandbox {
            addr: local,
            app,
            shutdown: tx,
            task: Some(task),
        })
    }
}

/// The full router for a server bound to `bound`: the control API when asked for, plus the
/// Sent surface (which also answers unknown paths), all behind the Host check of [`guard`].
pub fn router(app: Arc<App>, control_api: bool, bound: SocketAddr) -> Router {
    let mut r = Router::new();
    if control_api {
        r = r.nest("/_sandbox", control::router(Arc::clone(&app)));
    }
    let allowed = Arc::new(guard::AllowedHosts::for_bound(bound));
    r.fallback(dispatch::v3)
        .layer(axum::middleware::from_fn_with_state(
            (Arc::clone(&app), allowed),
            guard::host_only,
        ))
        .with_state(app)
}

/// Keys a sandbox accepts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keys {
    /// Organization key, admin role.
    pub org_admin: String,
    /// Organization key, developer role (cannot manage profiles).
    pub org_developer: String,
    /// One key per live profile: (profile id, profile name, key).
    pub profiles: Vec<ProfileKey>,
}

/// A profile's own key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileKey {
    pub profile_id: uuid::Uuid,
    pub name: String,
    pub key: String,
}

/// What a sandbox holds, counted (see [`RunningSandbox::census`]).
#[derive(Debug, Clone, Default)]
pub struct Census {
    /// Live profiles: id, name, description, status.
    pub profiles: Vec<(Uuid, String, Option<String>, String)>,
    /// Live campaigns: the owning profile (`None`: the organization) and the name.
    pub campaigns: Vec<(Option<Uuid>, String)>,
    /// Messages accepted, of every status.
    pub messages: usize,
}

/// A sandbox serving on a loopback port.
pub struct RunningSandbox {
    addr: SocketAddr,
    app: Arc<App>,
    shutdown: watch::Sender<bool>,
    task: Option<JoinHandle<()>>,
}

impl RunningSandbox {
    /// `http://HOST:PORT`, without a trailing slash.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The bound address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The keys accepted right now.
    pub fn keys(&self) -> Keys {
        let s = self.app.read();
        let find = |kind| s.key_of(kind).unwrap_or_default().to_string();
        // One pass over the profiles, not one per key: 10,000 generated profiles stay quick.
        let live: std::collections::HashMap<_, _> = s.live_profiles().map(|p| (p.id, p)).collect();
        Keys {
            org_admin: find(KeyKind::OrgAdmin),
            org_developer: find(KeyKind::OrgDeveloper),
            profiles: s
                .keys
                .iter()
                .filter_map(|k| match k.kind {
                    KeyKind::Profile(id) => live.get(&id).map(|p| ProfileKey {
                        profile_id: id,
                        name: p.name.clone(),
                        key: k.key.clone(),
                    }),
                    _ => None,
                })
                .collect(),
        }
    }

    /// Moves sandbox time forward and finishes what became due. A move that would take the
    /// clock more than [`clock::MAX_OFFSET_SECS`] ahead is ignored (logged).
    pub async fn advance_clock(&self, by: Duration) {
        let moved = chrono::Duration::from_std(by)
            .map_err(|_| clock::ClockOverflow)
            .and_then(|d| self.app.clock.advance(d));
        if let Err(e) = moved {
            tracing::warn!("advance_clock({by:?}) ignored: {e}");
        }
        jobs::run_due(&self.app).await;
    }

    /// The revision emulated right now.
    pub fn api_revision(&self) -> ApiRevision {
        self.app.revision()
    }

    /// Switches the emulated revision of the running sandbox; stored data is kept.
    pub fn set_api_revision(&self, rev: ApiRevision) {
        self.app.set_revision(rev);
    }

    /// Replaces the sandbox-wide fixtures.
    pub fn set_fixtures(&self, fixtures: Fixtures) {
        self.app.set_fixtures(fixtures);
    }

    /// Replaces the faults in force.
    pub fn set_faults(&self, faults: Faults) {
        *self.app.faults.lock().unwrap_or_else(|e| e.into_inner()) = faults;
    }

    /// Replaces the rate limits (`None`: no limit), as `PUT /_sandbox/rate-limits` does.
    pub fn set_rate_limits(&self, limits: Option<RateLimits>) {
        self.app.limiter.set_limits(limits);
        self.app.limiter.clear();
    }

    /// What the sandbox holds, for tests that count what a run of writes left behind.
    pub fn census(&self) -> Census {
        let s = self.app.read();
        Census {
            profiles: s
                .live_profiles()
                .map(|p| {
                    (
                        p.id,
                        p.name.clone(),
                        p.description.clone(),
                        p.status.clone(),
                    )
                })
                .collect(),
            campaigns: s
                .campaigns
                .iter()
                .filter(|c| !c.deleted)
                .map(|c| {
                    let owner = match c.owner {
                        store::Owner::Profile(id) => Some(id),
                        store::Owner::Org => None,
                    };
                    (owner, c.data.name.clone().unwrap_or_default())
                })
                .collect(),
            messages: s.messages.len(),
        }
    }

    /// Moves a profile's status as Sent's review would (what `POST /_sandbox/profiles/{id}/status`
    /// does, for a sandbox started without the control API). `false`: no such live profile.
    pub fn set_profile_status(&self, id: uuid::Uuid, status: &str) -> bool {
        {
            let mut s = self.app.write();
            let Some(p) = s.profile_mut(id) else {
                return false;
            };
            p.status = status.to_owned();
            p.updated_at = Some(self.app.clock.now());
        }
        self.app.persist().is_ok()
    }

    /// How many `/v3` requests arrived and how many a fault answered, since the start.
    pub fn fault_counts(&self) -> FaultCounts {
        *self
            .app
            .fault_counts
            .lock()
            .unwrap_or_else(|e| e.into_inner())
    }

    /// Stops accepting, lets in-flight requests finish (up to 5 s) and saves state.
    pub async fn shutdown(mut self) {
        self.stop().await;
    }

    async fn stop(&mut self) {
        let _ = self.shutdown.send(true);
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
        if let Err(e) = self.app.persist() {
            tracing::error!("final save failed: {e}");
        }
    }
}

impl Drop for RunningSandbox {
    fn drop(&mut self) {
        // Without an explicit shutdown the server still stops when its handle goes away.
        let _ = self.shutdown.send(true);
    }
}
