//! What the app holds while it runs ([`Core`]) and how it starts once the shell has opened the
//! settings: the keychain (probed), the embedded local Sent sandbox, its identity, the local
//! database. Any of these may fail without stopping the app: each failure becomes a notice in the
//! window, and the local sandbox keeps working. Nothing here knows about Tauri: the shell hands
//! over a settings backend, the folders, an event sink and the async runtime.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use sent_client::{CallOptions, ClientConfig, RetryPolicy, SentClient};
use sent_keychain::{KeyRef, Keychain, KeychainError, SecretString};
use sent_sandbox::{RunningSandbox, Sandbox, Seed};
use sent_workspaces::{
    identity, KeyIdentity, LocalSandbox, SettingsBackend, Workspaces, LOCAL_SANDBOX_ID,
};
use serde::Serialize;
use ts_rs::TS;
use uuid::Uuid;

use crate::error::AppError;
use crate::events::{AppEvent, EventSink};

/// Something the user should know about since start-up.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Notice {
    /// What it is about.
    pub kind: NoticeKind,
    /// What happened and what to do, in words.
    pub message: String,
}

/// One part of the start-up and when it ended, counted from the process's start.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct StartupPhase {
    /// `tauri` (the app and its plugins built), `settings`, `keychain`, `sandbox`, `identity`,
    /// `database`.
    pub name: String,
    /// Milliseconds since the process started ([`mark_launch`]), when this part ended.
    pub at_ms: u32,
    /// Milliseconds this part took.
    pub took_ms: u32,
}

static LAUNCHED: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

/// Notes when the process started (first thing in `run`); start-up phases count from it.
pub fn mark_launch() {
    LAUNCHED.get_or_init(std::time::Instant::now);
}

static FIRST_COMMAND: std::sync::OnceLock<u32> = std::sync::OnceLock::new();

/// Notes when the window's first command reached the shell (once): `app_info` lists it after the
/// start-up's parts, so `./x bench` shows whether the window's first calls waited for the core.
pub fn note_command() {
    FIRST_COMMAND.get_or_init(|| {
        let now = std::time::Instant::now();
        u32::try_from(
            now.duration_since(*LAUNCHED.get_or_init(|| now))
                .as_millis(),
        )
        .unwrap_or(u32::MAX)
    });
}

/// The start-up's parts, then the first command's arrival (if one arrived).
pub(crate) fn startup_with_first_command(phases: &[StartupPhase]) -> Vec<StartupPhase> {
    let mut list = phases.to_vec();
    if let Some(&at_ms) = FIRST_COMMAND.get() {
        list.push(StartupPhase {
            name: "first command received".into(),
            at_ms,
            took_ms: 0,
        });
    }
    list
}

/// Times the parts of the start-up.
pub struct Phases {
    list: Vec<StartupPhase>,
    last: std::time::Instant,
}

impl Default for Phases {
    fn default() -> Self {
        Self::new()
    }
}

impl Phases {
    /// Starts counting (the first part, `tauri`, ends now).
    pub fn new() -> Self {
        let launched = *LAUNCHED.get_or_init(std::time::Instant::now);
        let mut phases = Self {
            list: Vec::new(),
            last: launched,
        };
        phases.done("tauri");
        phases
    }

    /// Notes that the part `name` ended now.
    pub fn done(&mut self, name: &str) {
        let now = std::time::Instant::now();
        let ms = |d: std::time::Duration| u32::try_from(d.as_millis()).unwrap_or(u32::MAX);
        self.list.push(StartupPhase {
            name: name.into(),
            at_ms: ms(now.duration_since(*LAUNCHED.get_or_init(|| now))),
            took_ms: ms(now.duration_since(self.last)),
        });
        self.last = now;
    }
}

/// What a start-up notice is about. Closed, like [`crate::error::ErrorKind`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum NoticeKind {
    /// The settings file could not be read: it was moved aside (and a backup restored, if any).
    SettingsRecovered,
    /// The local database could not be read: it was moved aside and a new one created.
    DatabaseRecovered,
    /// The local database could not be opened: lists are not cached this run.
    DatabaseUnavailable,
    /// No keychain service is available.
    KeychainUnavailable,
    /// The keychain is locked or refused access.
    KeychainLocked,
    /// The keychain keeps keys in memory only.
    KeychainNotPersistent,
    /// Any other keychain failure.
    KeychainFailed,
}

impl NoticeKind {
    /// The notice for a keychain that failed its start-up probe.
    pub fn keychain(error: &KeychainError) -> Self {
        match error {
            KeychainError::Unavailable { .. } => NoticeKind::KeychainUnavailable,
            KeychainError::Locked { .. } => NoticeKind::KeychainLocked,
            KeychainError::NotPersistent => NoticeKind::KeychainNotPersistent,
            KeychainError::RoundTripFailed | KeychainError::Platform { .. } => {
                NoticeKind::KeychainFailed
            }
        }
    }
}

/// A workspace and the profile whose own key the client uses (`None`: the organization key).
/// Every answer is read under the client's cap (8 MiB) except the profile list, which is streamed
/// one profile at a time (`SentClient::stream_profiles`) and so needs no larger cap.
type ClientSlot = (Uuid, Option<Uuid>);

/// The latest timeline of each followed message, shared with the tasks that follow them.
pub type Timelines = Arc<Mutex<TimelineBook>>;

/// Final timelines kept for the window to read again; older final ones are dropped first.
pub const FINAL_TIMELINES_KEPT: usize = 500;

/// The timelines of followed messages: every one still moving, and the newest final ones.
#[derive(Default)]
pub struct TimelineBook {
    by_id: HashMap<String, sent_views::sends::MessageTimeline>,
    /// The workspace each message was sent from.
    owner: HashMap<String, Uuid>,
    finals: std::collections::VecDeque<String>,
}

impl TimelineBook {
    pub fn get(&self, message_id: &str) -> Option<&sent_views::sends::MessageTimeline> {
        self.by_id.get(message_id)
    }

    /// Keeps the latest timeline of a message sent from `workspace`; past
    /// [`FINAL_TIMELINES_KEPT`] final ones, the oldest final one is dropped. A final timeline is
    /// never replaced by a moving one (a follower stopped mid-step cannot undo "stopped"); `false`
    /// when the timeline was not kept for that reason.
    pub fn put(&mut self, workspace: Uuid, timeline: sent_views::sends::MessageTimeline) -> bool {
        let id = timeline.message_id.clone();
        let is_final = timeline.is_final;
        let was_final = self.by_id.get(&id).is_some_and(|t| t.is_final);
        if was_final && !is_final {
            return false;
        }
        self.by_id.insert(id.clone(), timeline);
        self.owner.insert(id.clone(), workspace);
        if is_final && !was_final {
            self.finals.push_back(id);
            while self.finals.len() > FINAL_TIMELINES_KEPT {
                if let Some(old) = self.finals.pop_front() {
                    self.by_id.remove(&old);
                    self.owner.remove(&old);
                }
            }
        }
        true
    }

    /// A workspace's followers were stopped (its keys changed or it was removed): each of its
    /// timelines still moving becomes final with `why`, and is answered for the window.
    pub fn stop_workspace(
        &mut self,
        workspace: Uuid,
        why: &str,
    ) -> Vec<sent_views::sends::MessageTimeline> {
        let moving: Vec<String> = self
            .by_id
            .iter()
            .filter(|(id, t)| !t.is_final && self.owner.get(*id) == Some(&workspace))
            .map(|(id, _)| id.clone())
            .collect();
        let mut stopped = Vec::new();
        for id in moving {
            if let Some(mut t) = self.by_id.get(&id).cloned() {
                t.is_final = true;
                t.stopped = Some(why.to_owned());
                self.put(workspace, t.clone());
                stopped.push(t);
            }
        }
        stopped
    }

    /// How many timelines are kept.
    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }
}

pub struct Core {
    pub workspaces: Workspaces<Box<dyn SettingsBackend>>,
    /// Bulk onboarding: files read, batches open, runs in flight.
    pub batches: crate::batch::Batches,
    pub notices: Vec<Notice>,
    /// How long each part of the start-up took, in order (`./x bench` prints them).
    pub startup: Vec<StartupPhase>,
    /// Kept so the embedded sandbox serves as long as the app runs.
    pub sandbox: RunningSandbox,
    /// The local database (profile cache, journal, drafts, send history); `None` when it could
    /// not be opened even fresh (a notice says so, and the app works without a cache).
    pub store: Option<Arc<Mutex<sent_store::Store>>>,
    /// Every workspace's profile list, held here; the window asks for the rows it shows.
    pub lists: crate::lists::ListModels,
    /// One client per workspace (and per profile with a key of its own), reused so the connection
    /// pool and the key-kind cache work; dropped when that workspace's keys change.
    clients: Mutex<HashMap<ClientSlot, Arc<SentClient>>>,
    /// Pushes events to the window (`profiles_updated`, ...).
    emitter: EventSink,
    /// The async runtime the shell runs on: background work (following a message or a review)
    /// is spawned on it, whichever thread asks.
    runtime: tokio::runtime::Handle,
    /// The app's version, as the shell's package says.
    pub version: &'static str,
    /// How every client retries (the client's default in the app; shorter waits in tests).
    retry: RetryPolicy,
    /// Where exports (the journal's CSV) go: the user's Downloads folder; `None` when the system
    /// names none, and in tests (which set `AppOptions::data_dir` and must not write there).
    pub downloads_dir: Option<PathBuf>,
    /// The app's data folder: exports fall back to it.
    pub data_dir: PathBuf,
    /// The latest timeline of every message a test send is following, by message id.
    pub timelines: Timelines,
    /// Following messages and reviews, per workspace.
    pub supervisor: crate::supervisor::Supervisor,
    /// The completion-callback receiver's address, once started.
    receiver: tokio::sync::OnceCell<crate::receiver::Receiver>,
    /// Every profile in review being followed, and the notices of reviews that ended.
    pub reviews: Arc<crate::reviews::Reviews>,
    /// The workspaces whose compliance board is reading campaigns in the background.
    pub board_reads: Arc<Mutex<std::collections::HashSet<Uuid>>>,
    /// What went wrong in a workspace's last background read of campaigns, in words.
    pub board_problems: Arc<Mutex<HashMap<Uuid, String>>>,
}

/// A core ends with every changed list kept in the database (the writer thread's last round):
/// a restart on the same folder finds what this run showed.
impl Drop for Core {
    fn drop(&mut self) {
        self.lists.flush();
    }
}

impl Core {
    /// The client and call options for `workspace_id`, acting for `profile` when given (its own
    /// key if the app holds one, else the organization key with `x-profile-id`).
    pub fn client(
        &self,
        workspace_id: Uuid,
        profile: Option<Uuid>,
    ) -> Result<(Arc<SentClient>, CallOptions), AppError> {
        let own_key = profile.filter(|p| self.workspaces.has_profile_key(workspace_id, *p));
        let cached = self
            .clients
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&(workspace_id, own_key))
            .cloned();
        if let Some(client) = cached {
            let options = match (profile, own_key) {
                (Some(p), None) => CallOptions::for_profile(p.to_string()),
                _ => CallOptions::default(),
            };
            return Ok((client, options));
        }
        // Outside the lock: the keychain read may be slow (or prompt). `resolve` decides again
        // which key to use, and its options say so: a profile scope means the organization key.
        let generation = self.supervisor.generation(workspace_id);
        let (config, options) = self.workspaces.resolve(workspace_id, profile)?;
        let used_own_key = profile.filter(|_| options.profile_id.is_none());
        let config = config.with_retry(self.retry);
        let client = Arc::new(SentClient::new(config)?);
        let mut clients = self.clients.lock().unwrap_or_else(|e| e.into_inner());
        // Keys that changed while this one was read: use it once, keep none of it.
        if !self.supervisor.is_current(workspace_id, generation) {
            return Ok((client, options));
        }
        let client = clients
            .entry((workspace_id, used_own_key))
            .or_insert(client)
            .clone();
        Ok((client, options))
    }

    /// A workspace's keys changed, or it was removed: its clients are forgotten and its
    /// background work stops (nothing goes on with the old key).
    pub fn workspace_changed(&self, workspace_id: Uuid) {
        // Under the clients' lock, so a client read with the old key cannot be cached after.
        let mut clients = self.clients.lock().unwrap_or_else(|e| e.into_inner());
        self.supervisor.stop(workspace_id);
        self.reviews.forget(workspace_id);
        clients.retain(|(w, _), _| *w != workspace_id);
        drop(clients);
        // The messages it was following say why they no longer move.
        let stopped = self
            .timelines
            .lock()
            .map(|mut book| {
                book.stop_workspace(
                    workspace_id,
                    "No longer followed: this workspace's keys changed or it was removed. Its status may still change at Sent.",
                )
            })
            .unwrap_or_default();
        for timeline in stopped {
            if let Ok(value) = serde_json::to_value(crate::sends::TimelineUpdate {
                workspace_id: workspace_id.to_string(),
                timeline,
            }) {
                self.emit(AppEvent::MessageTimeline, value);
            }
        }
    }

    /// Runs `f` on the local database, when there is one.
    pub fn with_store<T>(
        &self,
        f: impl FnOnce(&mut sent_store::Store) -> Result<T, sent_store::StoreError>,
    ) -> Result<Option<T>, AppError> {
        let Some(store) = &self.store else {
            return Ok(None);
        };
        let mut store = store.lock().unwrap_or_else(|e| e.into_inner());
        f(&mut store).map(Some).map_err(AppError::database)
    }

    /// The database, for a task that outlives the command that started it.
    pub fn store_handle(&self) -> Option<Arc<Mutex<sent_store::Store>>> {
        self.store.clone()
    }

    /// The address of this app's loopback receiver for Sent's completion callbacks (contract
    /// §12.5), started on first use: `http://127.0.0.1:<port>/sent/completion/<token>`, with a new
    /// token for each submission. A callback that arrives is pushed as `completion_callback`. Sent
    /// does not sign these callbacks, so the unguessable path is what tells them from other traffic;
    /// only loopback peers reach it.
    pub async fn completion_receiver_url(&self) -> std::io::Result<String> {
        // A failure's reason is noted for the review follower's notice on the way to the window.
        let emit: EventSink = Arc::new(NotingReasons {
            window: self.emitter(),
            reasons: self.reviews.reasons(),
        });
        let runtime = self.runtime.clone();
        self.receiver
            .get_or_try_init(|| async move { crate::receiver::start(emit, &runtime).await })
            .await
            .map(|receiver| receiver.address_for_one_submission())
    }

    /// The review follower's state, for a task that outlives the command that started it.
    pub fn reviews_handle(&self) -> Arc<crate::reviews::Reviews> {
        self.reviews.clone()
    }

    /// The timelines, for a task that outlives the command that started it.
    pub fn timelines_handle(&self) -> Timelines {
        self.timelines.clone()
    }

    /// The event sink, for a task that outlives the command that started it.
    pub fn emitter(&self) -> EventSink {
        self.emitter.clone()
    }

    /// Pushes an event to the window.
    pub fn emit(&self, event: AppEvent, payload: impl Serialize) {
        if let Ok(value) = serde_json::to_value(payload) {
            self.emitter.emit(event, value);
        }
    }
}

/// Why the core could not start (everything else becomes a notice and the app opens).
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("the local Sent sandbox could not start: {0}")]
    Sandbox(sent_sandbox::SandboxError),
    /// The start-up itself failed unexpectedly (a bug): the shell says so instead of waiting.
    #[error("the start-up stopped unexpectedly")]
    Panicked,
}

/// What the shell hands the core to start it, once the settings are open.
pub struct Start {
    /// The settings file, through whatever the shell keeps it with.
    pub settings: Box<dyn SettingsBackend>,
    /// What the shell already has to say (a settings file recovered, ...).
    pub notices: Vec<Notice>,
    /// The start-up's clock, with the shell's parts already noted.
    pub phases: Phases,
    /// The keychain's service name (the bundle identifier, `.dev` outside release builds).
    pub keychain_service: String,
    /// Where `sandbox.json` and the local database live.
    pub data_dir: PathBuf,
    /// Where exports go (the user's Downloads folder), when the system names one.
    pub downloads_dir: Option<PathBuf>,
    /// Where events go (the window).
    pub events: EventSink,
    /// The async runtime background work runs on.
    pub runtime: tokio::runtime::Handle,
    /// The app's version.
    pub version: &'static str,
    /// How every client retries: `RetryPolicy::default()` in the app.
    pub retry: RetryPolicy,
}

/// The completion receiver's sink: a callback that says processing failed leaves its reason for
/// the review follower (the profile's answer carries none), then goes to the window.
struct NotingReasons {
    window: EventSink,
    reasons: Arc<Mutex<HashMap<String, String>>>,
}

impl crate::events::Events for NotingReasons {
    fn emit(&self, event: AppEvent, payload: serde_json::Value) {
        if event == AppEvent::CompletionCallback {
            let callback = &payload["callback"];
            if let (Some(profile), Some(reason), false) = (
                callback["profileId"].as_str(),
                callback["reason"].as_str(),
                callback["success"].as_bool().unwrap_or(true),
            ) {
                let mut reasons = self.reasons.lock().unwrap_or_else(|e| e.into_inner());
                if reasons.len() < 1024 {
                    reasons.insert(profile.to_owned(), reason.chars().take(500).collect());
                }
            }
        }
        self.window.emit(event, payload);
    }
}

impl Core {
    /// Starts the keychain, the embedded sandbox and the database; builds the core. Called on a
    /// thread outside the runtime (it waits for the sandbox to start).
    pub fn start(start: Start) -> Result<Core, StartError> {
        let Start {
            settings: backend,
            mut notices,
            mut phases,
            keychain_service,
            data_dir,
            downloads_dir,
            events,
            runtime,
            version,
            retry,
        } = start;
        // The developer option "Emulate the newer Sent API (2026-10)", read before the sandbox starts.
        let newer_revision = backend
            .get("sandbox_api_revision")
            .is_some_and(|v| v.as_str() == Some("2026-10"));

        let keychain =
            Keychain::os(keychain_service).and_then(|keychain| keychain.probe().map(|()| keychain));
        if let Err(error) = &keychain {
            notices.push(keychain_notice(error));
        }
        phases.done("keychain");

        let sandbox_key = sandbox_key(&keychain);
        // A developer option (`SENT_PROFILES_SANDBOX_PROFILES=10000 ./x run`): start the embedded
        // sandbox with N generated profiles on top of the demo organization. Like any seed it applies only when the sandbox's
        // data file does not exist yet. Capped so a typo cannot stall the start.
        let generated = std::env::var("SENT_PROFILES_SANDBOX_PROFILES")
            .ok()
            .and_then(|v| v.trim().parse::<usize>().ok())
            .unwrap_or(0)
            .min(50_000);
        let sandbox = runtime
            .block_on(
                Sandbox::builder()
                    .seed(Seed::Demo)
                    .generated_profiles(generated)
                    .api_revision(if newer_revision {
                        sent_sandbox::ApiRevision::Rev2026_10
                    } else {
                        sent_sandbox::ApiRevision::Seed
                    })
                    .org_key(sandbox_key.expose_secret())
                    .data_file(data_dir.join("sandbox.json"))
                    .start("127.0.0.1:0"),
            )
            .map_err(StartError::Sandbox)?;
        phases.done("sandbox");
        let local = LocalSandbox {
            identity: runtime.block_on(local_identity(&sandbox.base_url(), &sandbox_key)),
            base_url: sandbox.base_url(),
            org_key: sandbox_key,
        };
        phases.done("identity");
        let workspaces = Workspaces::new(sent_workspaces::Settings::new(backend), keychain, local);
        let database = data_dir.join("sent-profiles.sqlite3");
        let store = open_store(&database, &mut notices);
        phases.done("database");
        // The page-by-page check of the file (hundreds of ms for a large cache) waits until the
        // window has painted (a few seconds, on a connection of its own); a damaged file is
        // moved aside at the next launch, which says so.
        if store.is_some() {
            runtime.spawn(async move {
                tokio::time::sleep(std::time::Duration::from_secs(5)).await;
                let checked =
                    tokio::task::spawn_blocking(move || sent_store::Store::check_in_background(&database))
                        .await;
                if let Ok(Ok(Some(reason))) = checked {
                    eprintln!("Sent Profiles: the local database is damaged ({reason}); it will be moved aside and a new one started at the next launch.");
                }
            });
        }
        // Test sends older than the period the user keeps their numbers for lose them, off the
        // start-up path (the history forgets them again before it is read anyway).
        if let Some(store) = store.clone() {
            let days = workspaces.settings().send_details_days();
            runtime.spawn_blocking(move || {
                let mut store = store.lock().unwrap_or_else(|e| e.into_inner());
                if let Err(error) = crate::sends::forget_sends(&mut store, days) {
                    eprintln!("Sent Profiles: old test sends could not be forgotten: {error}");
                }
            });
        }
        let supervisor = crate::supervisor::Supervisor::new(runtime.clone());
        Ok(Core {
            workspaces,
            notices,
            startup: phases.list,
            sandbox,
            lists: crate::lists::ListModels::new(store.clone()),
            batches: crate::batch::Batches::default(),
            store,
            clients: Mutex::new(HashMap::new()),
            timelines: Timelines::default(),
            receiver: tokio::sync::OnceCell::new(),
            reviews: Arc::default(),
            board_reads: Arc::default(),
            board_problems: Arc::default(),
            supervisor,
            emitter: events,
            runtime,
            version,
            retry,
            downloads_dir,
            data_dir,
        })
    }
}

/// Opens the local database. One that cannot be opened or fails its integrity check is moved aside
/// by the store (kept for the user) and a new one is created; either way the app still opens.
fn open_store(
    path: &std::path::Path,
    notices: &mut Vec<Notice>,
) -> Option<Arc<Mutex<sent_store::Store>>> {
    match sent_store::Store::open(path) {
        Ok((store, recovery)) => {
            if let Some(recovery) = recovery {
                notices.push(Notice {
                    kind: NoticeKind::DatabaseRecovered,
                    message: format!(
                        "The app's local database could not be read ({}). It was kept as {}; a new one was created, so cached profile lists will load again from Sent.",
                        recovery.reason,
                        recovery.moved_to.display()
                    ),
                });
            }
            Some(Arc::new(Mutex::new(store)))
        }
        Err(error) => {
            notices.push(Notice {
                kind: NoticeKind::DatabaseUnavailable,
                message: format!(
                    "The app's local database at {} could not be opened ({error}). Profile lists will not be cached until the app can write there.",
                    path.display()
                ),
            });
            None
        }
    }
}

/// The embedded sandbox's organization key: made once and kept in the keychain like any other key;
/// without a keychain, a new one for this run (the sandbox still works).
fn sandbox_key(keychain: &Result<Keychain, KeychainError>) -> SecretString {
    let entry = KeyRef::Organization {
        workspace: LOCAL_SANDBOX_ID,
    };
    let fresh = || SecretString::new(format!("sandbox_{}", uuid::Uuid::new_v4().simple()));
    match keychain.as_ref().map(|k| (k, k.get(&entry))) {
        Ok((_, Ok(Some(key)))) => key,
        Ok((keychain, Ok(None))) => {
            let key = fresh();
            // If this fails the key lives for this run only: the sandbox derives every other key
            // from it, so its data answers to new keys next time.
            let _ = keychain.set(&entry, &key);
            key
        }
        // A keychain that cannot be read right now (locked, prompt refused) must not lose the
        // stored key: use one for this run only, and store nothing.
        Ok((_, Err(_))) | Err(_) => fresh(),
    }
}

async fn local_identity(base_url: &str, key: &SecretString) -> KeyIdentity {
    let fallback = KeyIdentity {
        account_type: "organization".into(),
        account_id: String::new(),
        name: "Local sandbox".into(),
        role: Some("admin".into()),
        profile_count: 0,
    };
    let Ok(client) = SentClient::new(ClientConfig::new(base_url, key.clone())) else {
        return fallback;
    };
    match client.me(&CallOptions::default()).await {
        Ok(response) => identity(&response.data),
        Err(_) => fallback,
    }
}

fn keychain_notice(error: &KeychainError) -> Notice {
    Notice {
        kind: NoticeKind::keychain(error),
        message: format!(
            "{error} Until then you can use the local sandbox, but not add workspaces or keys."
        ),
    }
}

#[cfg(test)]
mod tests {
    use sent_views::sends::MessageTimeline;

    use super::*;

    fn timeline(id: usize, is_final: bool) -> MessageTimeline {
        MessageTimeline {
            message_id: format!("m{id}"),
            is_final,
            ..MessageTimeline::default()
        }
    }

    #[test]
    fn final_timelines_are_pruned_oldest_first_and_moving_ones_kept() {
        let mut book = TimelineBook::default();
        let w = Uuid::new_v4();
        book.put(w, timeline(0, false));
        for id in 1..=FINAL_TIMELINES_KEPT + 10 {
            book.put(w, timeline(id, false));
            book.put(w, timeline(id, true));
        }
        assert_eq!(book.len(), FINAL_TIMELINES_KEPT + 1);
        assert!(book.get("m0").is_some(), "a message still moving is kept");
        assert!(book.get("m1").is_none(), "the oldest final one went first");
        assert!(book
            .get(&format!("m{}", FINAL_TIMELINES_KEPT + 10))
            .is_some());
        assert_eq!(
            book.owner.len(),
            book.len(),
            "owners are pruned with their timelines"
        );
    }

    #[test]
    fn a_stopped_workspace_marks_only_its_moving_timelines_and_they_stay_stopped() {
        let mut book = TimelineBook::default();
        let (a, b) = (Uuid::new_v4(), Uuid::new_v4());
        book.put(a, timeline(1, false));
        book.put(a, timeline(2, true));
        book.put(b, timeline(3, false));
        let stopped = book.stop_workspace(a, "keys changed");
        assert_eq!(stopped.len(), 1);
        assert_eq!(stopped[0].message_id, "m1");
        let m1 = book.get("m1").unwrap();
        assert!(m1.is_final);
        assert_eq!(m1.stopped.as_deref(), Some("keys changed"));
        assert!(
            book.get("m2").unwrap().stopped.is_none(),
            "a final one is left as it was"
        );
        assert!(
            !book.get("m3").unwrap().is_final,
            "another workspace's message still moves"
        );
        // A follower that was mid-step when it was stopped cannot bring the message back to moving.
        assert!(!book.put(a, timeline(1, false)));
        assert!(book.get("m1").unwrap().is_final);
    }
}
