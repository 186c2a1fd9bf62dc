//! What the app's benches share: a core started the way the app starts one, on a data dir of its own.

use std::path::PathBuf;
use std::sync::Arc;

use sent_app::{Core, NoEvents, Phases, Start};
use sent_workspaces::MemoryBackend;

/// A core on a fresh temp data dir named after `bench`, with a keychain service of its own;
/// answers the dir too (the caller removes it).
pub fn start_core(bench: &str, runtime: &tokio::runtime::Runtime) -> (Core, PathBuf) {
    let dir = std::env::temp_dir().join(format!("sent-{bench}-bench-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).expect("a temp dir");
    let core = Core::start(Start {
        settings: Box::new(MemoryBackend::default()),
        notices: Vec::new(),
        phases: Phases::new(),
        keychain_service: format!("sent-{bench}-bench-{}", uuid::Uuid::new_v4().simple()),
        data_dir: dir.clone(),
        downloads_dir: None,
        events: Arc::new(NoEvents),
        runtime: runtime.handle().clone(),
        version: "bench",
        retry: sent_client::RetryPolicy::default(),
    })
    .expect("the core starts");
    (core, dir)
}
