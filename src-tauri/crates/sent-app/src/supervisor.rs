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

/// One workspace's tasks: how many run, the signal that stops the current ones, and the
/// generation of the workspace's keys (bumped by every stop).
struct Crew {
    stop: watch::Sender<bool>,
    running: Arc<AtomicUsize>,
    generation: u64,
}

impl Crew {
    fn new() -> Self {
        Self {
            stop: watch::channel(false).0,
            running: Arc::default(),
            generation: 0,
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

/// The generation of a workspace's keys when some work was asked for: work asked for before a
/// stop is refused after it ([`Supervisor::spawn`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Generation(u64);

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

    /// The workspace's generation now. A use case takes it before it reads a key, and gives it to
    /// [`Self::spawn`]: if the keys changed meanwhile, the work never starts.
    pub fn generation(&self, workspace: Uuid) -> Generation {
        let mut crews = self.crews.lock().unwrap_or_else(|e| e.into_inner());
        Generation(crews.entry(workspace).or_insert_with(Crew::new).generation)
    }

    /// Whether `generation` is still the workspace's (its keys have not changed since).
    pub fn is_current(&self, workspace: Uuid, generation: Generation) -> bool {
        self.generation(workspace) == generation
    }

    /// Runs `work` for `workspace` until it ends or the workspace's work is stopped. Answers
    /// `false`, running nothing, when the workspace already runs [`MAX_PER_WORKSPACE`] tasks or
    /// was stopped since `generation` was taken.
    pub fn spawn<F>(&self, workspace: Uuid, generation: Generation, work: F) -> bool
    where
        F: Future<Output = ()> + Send + 'static,
    {
        let (mut stopped, running) = {
            let mut crews = self.crews.lock().unwrap_or_else(|e| e.into_inner());
            let crew = crews.entry(workspace).or_insert_with(Crew::new);
            if crew.generation != generation.0
                || crew.running.load(Ordering::SeqCst) >= MAX_PER_WORKSPACE
            {
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

    /// Stops every task of `workspace` (it was removed, or its keys changed) and starts a new
    /// generation: work asked for before this is refused, work asked for after starts afresh.
    pub fn stop(&self, workspace: Uuid) {
        let mut crews = self.crews.lock().unwrap_or_else(|e| e.into_inner());
        let crew = crews.entry(workspace).or_insert_with(Crew::new);
        let _ = crew.stop.send(true);
        crew.stop = watch::channel(false).0;
        crew.generation += 1;
    }

    /// How many tasks of `workspace` run now (a stopped task counts until it has ended).
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
    use std::sync::atomic::AtomicBool;
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

    /// Work that runs until it is cancelled, and says when it was dropped.
    fn forever(dropped: &Arc<AtomicBool>) -> impl Future<Output = ()> + Send + 'static {
        struct Flag(Arc<AtomicBool>);
        impl Drop for Flag {
            fn drop(&mut self) {
                self.0.store(true, Ordering::SeqCst);
            }
        }
        let flag = Flag(dropped.clone());
        async move {
            let _flag = flag;
            std::future::pending::<()>().await
        }
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn work_is_bounded_per_workspace_and_stops_with_it() {
        let supervisor = Supervisor::new(tokio::runtime::Handle::current());
        let (a, b) = (Uuid::new_v4(), Uuid::new_v4());
        let (ga, gb) = (supervisor.generation(a), supervisor.generation(b));
        let dropped_a: Vec<Arc<AtomicBool>> =
            (0..MAX_PER_WORKSPACE).map(|_| Arc::default()).collect();
        for flag in &dropped_a {
            assert!(supervisor.spawn(a, ga, forever(flag)));
        }
        let extra = Arc::default();
        assert!(
            !supervisor.spawn(a, ga, forever(&extra)),
            "no more than the bound"
        );
        let dropped_b = Arc::default();
        assert!(
            supervisor.spawn(b, gb, forever(&dropped_b)),
            "another workspace has its own bound"
        );
        assert_eq!(supervisor.running(a), MAX_PER_WORKSPACE);

        supervisor.stop(a);
        // Every task of `a` really ended (its future was dropped), and only those.
        until(|| dropped_a.iter().all(|f| f.load(Ordering::SeqCst))).await;
        until(|| supervisor.running(a) == 0).await;
        assert!(
            !dropped_b.load(Ordering::SeqCst),
            "the other workspace's work goes on"
        );
        assert_eq!(supervisor.running(b), 1);

        // Work asked for before the stop never starts; work asked for after it does.
        let late = Arc::default();
        assert!(
            !supervisor.spawn(a, ga, forever(&late)),
            "an old generation is refused"
        );
        assert!(supervisor.spawn(a, supervisor.generation(a), forever(&late)));

        // A task that ends on its own is counted out.
        assert!(supervisor.spawn(b, gb, async {}));
        until(|| supervisor.running(b) == 1).await;
    }
}
