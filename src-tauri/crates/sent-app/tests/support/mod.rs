//! A core without Tauri, as the app starts it: a settings file in memory, a throw-away keychain
//! namespace (the real Secret Service inside `./x session`), the embedded sandbox with the demo
//! organization, a real SQLite file in a temporary folder, and the events kept in a list.

#![allow(dead_code)]

use std::future::Future;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use sent_app::{AppEvent, Core, Events, Phases, Start};
use sent_client::RetryPolicy;
use sent_workspaces::{MemoryBackend, LOCAL_SANDBOX_ID};
use uuid::Uuid;

/// The built-in local sandbox workspace.
pub const BUILTIN: Uuid = LOCAL_SANDBOX_ID;

/// The id of the demo organization's profile called `name` in the core's embedded sandbox.
pub fn profile(core: &TestCore, name: &str) -> sent_model::ProfileId {
    let id = core
        .core
        .sandbox
        .census()
        .profiles
        .into_iter()
        .find(|p| p.1 == name)
        .unwrap_or_else(|| panic!("{name} is in the demo organization"))
        .0;
    sent_model::ProfileId::new(id.to_string()).unwrap()
}

/// Every event the core pushed, in order.
#[derive(Default)]
pub struct Recorded(pub Mutex<Vec<(AppEvent, serde_json::Value)>>);

impl Events for Recorded {
    fn emit(&self, event: AppEvent, payload: serde_json::Value) {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((event, payload));
    }
}

pub struct TestCore {
    // Dropped first: the core (and its sandbox) before the runtime it runs on.
    pub core: Core,
    pub events: Arc<Recorded>,
    pub runtime: tokio::runtime::Runtime,
    pub dir: TempDir,
}

impl TestCore {
    pub fn start() -> Self {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("a runtime");
        let dir = TempDir::new();
        let events = Arc::new(Recorded::default());
        let core = Core::start(Start {
            settings: Box::new(MemoryBackend::default()),
            notices: Vec::new(),
            phases: Phases::new(),
            keychain_service: format!("sent-app-test-{}", Uuid::new_v4().simple()),
            data_dir: dir.path.clone(),
            downloads_dir: None,
            events: events.clone(),
            runtime: runtime.handle().clone(),
            version: "test",
            // The client's rules, with short waits: a test under faults retries often.
            retry: RetryPolicy {
                initial_backoff: Duration::from_millis(10),
                max_backoff: Duration::from_millis(80),
                ..RetryPolicy::default()
            },
        })
        .expect("the core starts");
        Self {
            core,
            events,
            runtime,
            dir,
        }
    }

    /// Runs a use case to its end.
    pub fn run<F: Future>(&self, work: F) -> F::Output {
        self.runtime.block_on(work)
    }
}

/// A folder under the system's temp dir, removed when dropped.
pub struct TempDir {
    pub path: PathBuf,
}

impl TempDir {
    pub fn new() -> Self {
        let path = std::env::temp_dir().join(format!("sent-app-test-{}", Uuid::new_v4()));
        std::fs::create_dir_all(&path).expect("create a temp dir");
        Self { path }
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}
