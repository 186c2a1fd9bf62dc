//! Background work, supervised per workspace: following a test message to its final status and a
//! submitted profile's review. Every task belongs to a workspace, at most [`MAX_PER_WORKSPACE`] run
//! at once for one workspace, and all of a workspace's tasks stop when it is removed or its keys
//! change ([`Supervisor::stop`]): a removed key is never used again by a follower, and a follower
//! that ends late never writes into a removed workspace's cache.

use std::collections::HashMap;
use std::future::Future;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use tokio::sync::watch;
use uuid::Uuid;

/// Tasks one workspace may run at once.
pub const MAX_PER_WORKSPACE: usize = 64;

/// One workspace's tasks: how many run, and the signal that stops them.
struct Crew {
    stop: watch::Sender<bool>,
    running: Arc<AtomicUsize>,
}

impl Crew {
    fn new() -> Self {
        Self {
            stop: watch::channel(false).0,
            running: Arc::default(),
        }
    }
}

/// Counts a task out when it ends, however it ends.
struct Running(Arc<AtomicUsize>);

impl Drop for Running {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

pub struct Supervisor {
    runtime: tokio::runtime::Handle,
    crews: Mutex<HashMap<Uuid, Crew>>,
}

impl Supervisor {
    pub fn new(runtime: tokio::runtime::Handle) -> Self {
        Self {
            runtime,
            crews: Mutex::default(),
        }
    }

    /// Runs `work` for `workspace` until it ends or the workspace's work is stopped. Answers
    /// `false`, running nothing, when the workspace already runs [`MAX_PER_WORKSPACE`] tasks.
    pub fn spawn<F>(&self, workspace: Uuid, work: F) -> bool
    where
        F: Future<Output = ()> + Send + 'static,
    {
        let (mut stopped, running) = {
            let mut crews = self.crews.lock().unwrap_or_else(|e| e.into_inner());
            let crew = crews.entry(workspace).or_insert_with(Crew::new);
            if crew.running.load(Ordering::SeqCst) >= MAX_PER_WORKSPACE {
                return false;
            }
            crew.running.fetch_add(1, Ordering::SeqCst);
            (crew.stop.subscribe(), Running(crew.running.clone()))
        };
        self.runtime.spawn(async move {
            let _running = running;
            tokio::select! {
                () = work => {}
                _ = stopped.wait_for(|stop| *stop) => {}
            }
        });
        true
    }

    /// Stops every task of `workspace` (it was removed, or its keys changed). Work spawned after
    /// this starts afresh.
    pub fn stop(&self, workspace: Uuid) {
        let crew = self
            .crews
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&workspace);
        if let Some(crew) = crew {
            let _ = crew.stop.send(true);
        }
    }

    /// How many tasks of `workspace` run now.
    pub fn running(&self, workspace: Uuid) -> usize {
        self.crews
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&workspace)
            .map_or(0, |crew| crew.running.load(Ordering::SeqCst))
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    async fn until(mut done: impl FnMut() -> bool) {
        for _ in 0..200 {
            if done() {
                return;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        panic!("never happened");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn work_is_bounded_per_workspace_and_stops_with_it() {
        let supervisor = Supervisor::new(tokio::runtime::Handle::current());
        let (a, b) = (Uuid::new_v4(), Uuid::new_v4());
        let forever = || std::future::pending::<()>();
        for _ in 0..MAX_PER_WORKSPACE {
            assert!(supervisor.spawn(a, forever()));
        }
        assert!(!supervisor.spawn(a, forever()), "no more than the bound");
        assert!(
            supervisor.spawn(b, forever()),
            "another workspace has its own bound"
        );
        assert_eq!(supervisor.running(a), MAX_PER_WORKSPACE);

        supervisor.stop(a);
        until(|| supervisor.running(a) == 0).await;
        assert_eq!(
            supervisor.running(b),
            1,
            "the other workspace's work goes on"
        );
        assert!(supervisor.spawn(a, forever()), "new work starts afresh");

        // A task that ends on its own is counted out.
        assert!(supervisor.spawn(b, async {}));
        until(|| supervisor.running(b) == 1).await;
    }
}
