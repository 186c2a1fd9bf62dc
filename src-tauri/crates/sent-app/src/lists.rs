//! The profile lists the app holds, one [`ProfileListModel`] per workspace, loaded from the local
//! database on first use and changed in place by refreshes, saves and deletes. The webview holds
//! none of it: it asks for the window it shows (`query_profiles`).
//!
//! Lock order: the lists, then the database; nothing takes the lists while holding the database.

use std::collections::HashMap;
use std::sync::{Arc, Condvar, Mutex};

use sent_model::effective::OrganizationSummary;
use sent_model::ProfileDetail;
use sent_views::{
    DomainLabels, ListQuery, ListWindow, ProfileListModel, ProfileListView, ProfileRow, StoredList,
};
use uuid::Uuid;

type Store = Arc<Mutex<sent_store::Store>>;

/// The store's workspace fact holding the list in its compact form.
/// (`_2`: rows carry the compliance board's facts; an older model is worded anew from the cached
/// profiles.)
pub const LIST_MODEL_KEY: &str = "profile_list_model_2";
/// The store's workspace fact holding the list's first screen in the default order, as
/// [`FIRST_SCREEN_ROWS`] rows answered: a launch paints it while the model is read (at 100,000
/// profiles the model is 9 MB and reads in a few hundred ms; this is ~50 KB).
pub const FIRST_SCREEN_KEY: &str = "profile_list_first_screen";
/// Rows kept in the first screen (a tall window shows ~30; the list asks for 60 at launch).
pub const FIRST_SCREEN_ROWS: u32 = 100;
/// The facts older versions kept in the model's place (removed once the new one is written).
const OLD_MODEL_KEYS: [&str; 2] = ["profile_list_model", OLD_LIST_KEY];
/// The fact an older version kept (every row worded in full); read when nothing else is kept.
const OLD_LIST_KEY: &str = "profile_list_view";
/// The store's workspace fact holding what the app knows of the organization: it resolves the
/// cached rows' WhatsApp column before the server answers.
pub const ORGANIZATION_SUMMARY_KEY: &str = "organization_summary";

/// Every workspace's list model, shared with background tasks.
#[derive(Clone, Default)]
pub struct ListModels {
    models: Arc<Mutex<HashMap<Uuid, ProfileListModel>>>,
    store: Option<Store>,
    writer: Arc<Writer>,
}

/// The lists changed by a profile read, saved or deleted, waiting to be kept in the database,
/// and whether a thread is writing them now (one at a time; it ends when none is left).
#[derive(Default)]
struct Writer {
    pending: Mutex<Pending>,
    idle: Condvar,
}

#[derive(Default)]
struct Pending {
    workspaces: Vec<Uuid>,
    running: bool,
}

impl ListModels {
    pub fn new(store: Option<Store>) -> Self {
        Self {
            models: Arc::default(),
            store,
            writer: Arc::default(),
        }
    }

    /// Runs `f` on a workspace's list, reading it from the database first if needed.
    pub fn with<T>(&self, workspace: Uuid, f: impl FnOnce(&mut ProfileListModel) -> T) -> T {
        let mut models = self.models.lock().unwrap_or_else(|e| e.into_inner());
        let model = models.entry(workspace).or_insert_with(|| {
            let model = self.load(workspace);
            // Reading the stored model freed its JSON (9 MB at 100,000 profiles).
            release_freed_memory();
            model
        });
        f(model)
    }

    /// Runs `f` on several workspaces' lists at once (each read from the database first if
    /// needed), in the order of `workspaces` (repeats dropped): one consistent view of them all.
    pub fn with_each<T>(
        &self,
        workspaces: &[Uuid],
        f: impl FnOnce(&mut [ProfileListModel]) -> T,
    ) -> T {
        let mut ids: Vec<Uuid> = Vec::with_capacity(workspaces.len());
        for id in workspaces {
            if !ids.contains(id) {
                ids.push(*id);
            }
        }
        let mut models = self.models.lock().unwrap_or_else(|e| e.into_inner());
        let taken: Vec<ProfileListModel> = ids
            .iter()
            .map(|id| models.remove(id).unwrap_or_else(|| self.load(*id)))
            .collect();
        // Put back when `f` ends, also if it panics (the lock is then poisoned, and recovered
        // by every user of it): the lists are never lost to a panic.
        let mut held = Held {
            models: &mut models,
            ids,
            taken,
        };
        f(&mut held.taken)
    }

    /// Has a workspace's list kept in the database as it is now (the board's campaign counts) by
    /// the writer thread: the board's read, on the async runtime, never waits for a whole list to
    /// be written (150 ms and more at 100,000 profiles, which held up every other call meanwhile).
    /// The writer never puts it over a newer list (see [`Self::keep_later`]).
    pub fn save(&self, workspace: Uuid) {
        self.keep_later(workspace);
    }

    /// Runs `f` on a workspace's list: the one held, else one read from the database for this call
    /// only (a workspace not shown is not kept in memory for it).
    pub fn peek<T>(&self, workspace: Uuid, f: impl FnOnce(&ProfileListModel) -> T) -> T {
        {
            let models = self.models.lock().unwrap_or_else(|e| e.into_inner());
            if let Some(model) = models.get(&workspace) {
                return f(model);
            }
        }
        let model = self.load(workspace);
        let answer = f(&model);
        drop(model);
        release_freed_memory();
        answer
    }

    /// After a large piece of work on the lists (a refresh put in place, the writer done): the
    /// database connection's page cache and the freed heap go back to the system.
    pub fn release_memory(&self) {
        if let Some(store) = &self.store {
            lock(store).release_memory();
        }
        release_freed_memory();
    }

    /// Puts a freshly fetched list in place of the old one and keeps it in the database, both
    /// under the lists' lock (so the writer of [`Self::upsert`]'s changes never puts an older list
    /// over it); answers its generation. A list the database cannot keep is still put in place
    /// (shown), and the error is answered.
    pub fn replace(
        &self,
        mut model: ProfileListModel,
        workspace: Uuid,
    ) -> Result<u64, sent_store::StoreError> {
        let mut models = lock(&self.models);
        model.follow(models.get(&workspace));
        // What the board read of each profile's campaigns outlives a new fetch of the list.
        if let Some(previous) = models.get(&workspace) {
            model.keep_campaigns_from(previous);
        }
        let generation = model.generation();
        // Changes to the old list waiting for the writer are replaced with it.
        lock(&self.writer.pending)
            .workspaces
            .retain(|w| *w != workspace);
        let kept_now = match &self.store {
            Some(store) => keep(&mut lock(store), &workspace.to_string(), &kept(&mut model)),
            None => Ok(()),
        };
        models.insert(workspace, model);
        kept_now.map(|()| generation)
    }

    /// A profile read or changed: its row is put in the list and, when that changed the list, the
    /// list is kept in the database. Answers whether it changed.
    pub fn upsert(
        &self,
        workspace: Uuid,
        profile: &ProfileDetail,
        organization: &OrganizationSummary,
    ) -> bool {
        let row = ProfileRow::new(profile, organization);
        let changed = self.with(workspace, |m| m.upsert(row));
        if changed {
            self.keep_later(workspace);
        }
        changed
    }

    /// A deleted profile leaves the list. Answers whether it was there.
    pub fn remove(&self, workspace: Uuid, profile_id: &str) -> bool {
        let removed = self.with(workspace, |m| m.remove(profile_id));
        if removed {
            self.keep_later(workspace);
        }
        removed
    }

    /// Has a workspace's changed list kept in the database by the writer thread: the command that
    /// changed one profile answers without waiting for the whole list to be written (10 MB, ~90 ms
    /// at 100,000 profiles: `cargo bench -p sent-app --bench lists`). Changes that arrive while
    /// it writes are kept by its next round, one write for all of them. A write lost to the app
    /// being killed in those milliseconds costs only the list's copy: the profile itself is in the
    /// database already, and the next refresh words the list anew.
    fn keep_later(&self, workspace: Uuid) {
        if self.store.is_none() {
            return;
        }
        let mut pending = lock(&self.writer.pending);
        if !pending.workspaces.contains(&workspace) {
            pending.workspaces.push(workspace);
        }
        if pending.running {
            return;
        }
        pending.running = true;
        drop(pending);
        let lists = self.clone();
        let spawned = std::thread::Builder::new()
            .name("list-write".into())
            .spawn(move || lists.write_pending());
        if spawned.is_err() {
            // No thread to be had: written on the caller's.
            self.write_pending();
        }
    }

    /// The writer's loop: one workspace at a time until none is pending.
    fn write_pending(&self) {
        // If a write panics, the writer is marked idle all the same, so later changes start
        // another and `flush` does not wait forever.
        struct Idle<'a>(&'a Writer);
        impl Drop for Idle<'_> {
            fn drop(&mut self) {
                let mut pending = lock(&self.0.pending);
                pending.running = false;
                self.0.idle.notify_all();
            }
        }
        let idle = Idle(&self.writer);
        loop {
            let next = {
                let mut pending = lock(&self.writer.pending);
                if pending.workspaces.is_empty() {
                    // Idle under the same lock that found nothing pending: a change marked after
                    // this starts a writer of its own, never waits for this one.
                    pending.running = false;
                    self.writer.idle.notify_all();
                    drop(pending);
                    std::mem::forget(idle);
                    // The snapshots and their JSON (10 MB and more at 100,000 profiles) go back
                    // to the system, not only to the heap.
                    self.release_memory();
                    return;
                }
                pending.workspaces.remove(0)
            };
            if !self.write_one(next) {
                // Changed while it was serialized: written again as it is now.
                let mut pending = lock(&self.writer.pending);
                if !pending.workspaces.contains(&next) {
                    pending.workspaces.push(next);
                }
            }
        }
    }

    /// Keeps one workspace's list: a snapshot taken under the lists' lock, turned into JSON off
    /// every lock (the long part), and written only if the list is still the one serialized (the
    /// lists' lock is held for the write, so a refresh cannot slip in between). Answers false when
    /// the list changed meanwhile; true when written, or when there is nothing to write.
    fn write_one(&self, workspace: Uuid) -> bool {
        let Some(store) = &self.store else {
            return true;
        };
        let (generation, (stored, first)) = {
            let mut models = lock(&self.models);
            let Some(model) = models.get_mut(&workspace) else {
                return true;
            };
            (model.generation(), kept(model))
        };
        let (Ok(stored), Ok(first)) = (
            sent_store::FactJson::new(&stored),
            sent_store::FactJson::new(&first),
        ) else {
            return true;
        };
        let models = lock(&self.models);
        match models.get(&workspace) {
            None => true,
            Some(model) if model.generation() != generation => false,
            Some(_) => {
                let mut store = lock(store);
                // A list that cannot be kept is still shown; the next refresh writes it again.
                let _ = keep_json(&mut store, &workspace.to_string(), &stored, &first);
                true
            }
        }
    }

    /// Waits until every list changed so far is kept in the database (tests; the app's exit).
    pub fn flush(&self) {
        let mut pending = lock(&self.writer.pending);
        while pending.running || !pending.workspaces.is_empty() {
            if !pending.running {
                // Marked but no writer (it could not start): written here.
                drop(pending);
                self.write_pending_here();
                pending = lock(&self.writer.pending);
                continue;
            }
            pending = self
                .writer
                .idle
                .wait(pending)
                .unwrap_or_else(|e| e.into_inner());
        }
    }

    fn write_pending_here(&self) {
        {
            let mut pending = lock(&self.writer.pending);
            if pending.running {
                return;
            }
            pending.running = true;
        }
        self.write_pending();
    }

    /// A removed workspace's list is dropped.
    pub fn forget(&self, workspace: Uuid) {
        self.models
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&workspace);
    }

    /// The first screen of a list not read yet, from the database, when `query` asks for no more
    /// than it; the model is then read on a thread of its own. `None` when the model is already
    /// held (it answers at once) or nothing was kept: the caller asks the model.
    pub fn first_screen(&self, workspace: Uuid, query: &ListQuery) -> Option<ListWindow> {
        if !query.within_first_screen(FIRST_SCREEN_ROWS) {
            return None;
        }
        match self.models.try_lock() {
            Ok(models) if models.contains_key(&workspace) => return None,
            Err(std::sync::TryLockError::Poisoned(p)) if p.get_ref().contains_key(&workspace) => {
                return None
            }
            // Not read yet, or being read (the lock is held for the read): the kept screen.
            _ => {}
        }
        let store = self.store.as_ref()?;
        let mut window = store
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .fact::<ListWindow>(&workspace.to_string(), FIRST_SCREEN_KEY)
            .ok()
            .flatten()?;
        window.rows.truncate(query.limit as usize);
        // The model read from the database starts at generation 0; news of a later one re-asks.
        window.generation = 0;
        let lists = self.clone();
        let _ = std::thread::Builder::new()
            .name("list-read".into())
            .spawn(move || lists.with(workspace, |_| ()));
        Some(window)
    }

    /// The list as the database last kept it: the compact model, else the cached profiles worded
    /// anew, else the full rows an older version kept, else an empty list never fetched.
    fn load(&self, workspace: Uuid) -> ProfileListModel {
        let id = workspace.to_string();
        let Some(store) = &self.store else {
            return ProfileListModel::empty(id);
        };
        let store = store.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(model) = store
            .fact::<StoredList>(&id, LIST_MODEL_KEY)
            .ok()
            .flatten()
            .and_then(|stored| ProfileListModel::from_stored(id.clone(), stored))
        {
            return model;
        }
        let organization = store
            .fact::<OrganizationSummary>(&id, ORGANIZATION_SUMMARY_KEY)
            .ok()
            .flatten()
            .unwrap_or_default();
        match store.cached_profiles(&id).ok().flatten() {
            Some(cached) => ProfileListModel::new(
                id,
                cached
                    .profiles
                    .iter()
                    .map(|p| ProfileRow::new(p, &organization)),
                Some(cached.fetched_at),
                cached.complete,
                cached.request_id,
            ),
            // Only rows an old version worded (without what the board needs: it says to refresh).
            None => match store.fact::<ProfileListView>(&id, OLD_LIST_KEY) {
                Ok(Some(old)) => ProfileListModel::new(
                    id,
                    old.rows,
                    old.fetched_at,
                    old.complete,
                    old.request_id,
                ),
                _ => ProfileListModel::empty(id),
            },
        }
    }
}

/// What the database keeps of a list: its compact model and its first screen.
pub(crate) fn kept(model: &mut ProfileListModel) -> (StoredList, ListWindow) {
    let first = model.query(
        &ListQuery::first_screen(FIRST_SCREEN_ROWS),
        &DomainLabels::new(),
    );
    (model.stored(), first)
}

/// Writes what [`kept`] answered for a workspace.
pub(crate) fn keep(
    store: &mut sent_store::Store,
    workspace: &str,
    (stored, first): &(StoredList, ListWindow),
) -> Result<(), sent_store::StoreError> {
    keep_json(
        store,
        workspace,
        &sent_store::FactJson::new(stored)?,
        &sent_store::FactJson::new(first)?,
    )
}

/// [`keep`], from the two facts already turned into JSON.
fn keep_json(
    store: &mut sent_store::Store,
    workspace: &str,
    stored: &sent_store::FactJson,
    first: &sent_store::FactJson,
) -> Result<(), sent_store::StoreError> {
    store.put_fact_json(workspace, LIST_MODEL_KEY, stored)?;
    store.put_fact_json(workspace, FIRST_SCREEN_KEY, first)?;
    // What older versions kept in their place is not read any more.
    for old in OLD_MODEL_KEYS {
        store.remove_fact(workspace, old)?;
    }
    Ok(())
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

/// Caps glibc's heaps at two, and keeps large blocks out of them. By default glibc gives threads
/// their own heap (up to eight per core), each keeping what it freed and its own partly used
/// pages: the app runs Tokio's workers, blocking readers and GTK's threads, and little of its work
/// gains from more heaps. And by default a block of 128 KiB or more gets pages of its own only
/// until the first such block is freed: glibc then raises that threshold (up to 32 MiB), so a
/// refresh's large buffers (a batch of profiles, the growing list) land in the heaps, where what
/// they leave behind when freed stays scattered among live blocks. A fixed threshold keeps every
/// large block on its own pages, returned to the system when freed (measured at 100,000
/// profiles: the app process 16 MB smaller after adding the workspace; README, Benchmarks).
/// Called at launch, before any thread exists.
pub fn limit_heaps() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `mallopt` only sets allocator parameters; called before any other thread runs.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
        // Setting either of these fixes both (no dynamic adjustment); 128 KiB is glibc's start.
        libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024);
        libc::mallopt(libc::M_TRIM_THRESHOLD, 128 * 1024);
    }
}

/// Hands the memory a large piece of work freed (a refresh's batches and parsed profiles, the
/// stored model's JSON once read) back to the system, off the caller's thread. glibc keeps freed
/// blocks in its arenas for reuse, so after a list of 100,000 profiles the process would stay tens
/// of MB larger than it needs; other platforms' allocators return such memory by themselves.
pub(crate) fn release_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        fn trim() {
            // SAFETY: `malloc_trim` only returns free pages of the heap to the system; it reads
            // and moves no live allocation, and glibc makes it safe to call from any thread.
            unsafe {
                libc::malloc_trim(0);
            }
        }
        match tokio::runtime::Handle::try_current() {
            Ok(runtime) => drop(runtime.spawn_blocking(trim)),
            Err(_) => trim(),
        }
    }
}

/// Lists taken out of the map for [`ListModels::with_each`], put back when dropped.
struct Held<'a> {
    models: &'a mut HashMap<Uuid, ProfileListModel>,
    ids: Vec<Uuid>,
    taken: Vec<ProfileListModel>,
}

impl Drop for Held<'_> {
    fn drop(&mut self) {
        for (id, model) in self.ids.drain(..).zip(self.taken.drain(..)) {
            self.models.insert(id, model);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sent_model::ProfileDetail;

    fn profile(i: usize) -> ProfileDetail {
        ProfileDetail {
            id: format!("00000000-0000-4000-8000-{i:012}"),
            name: format!("Client {i:04}"),
            ..ProfileDetail::default()
        }
    }

    /// A real SQLite file, opened again as a restart would.
    fn open(dir: &std::path::Path) -> Store {
        let (store, _) = sent_store::Store::open(dir.join("app.db")).expect("the database opens");
        Arc::new(Mutex::new(store))
    }

    #[test]
    fn a_panic_while_several_lists_are_held_loses_none_of_them() {
        let lists = ListModels::new(None);
        let (a, b) = (Uuid::new_v4(), Uuid::new_v4());
        let organization = OrganizationSummary::default();
        lists.upsert(a, &profile(1), &organization);
        lists.upsert(b, &profile(2), &organization);
        let lists_in_panic = lists.clone();
        let panicked = std::panic::catch_unwind(move || {
            lists_in_panic.with_each(&[a, b, a], |models| {
                assert_eq!(models.len(), 2, "a repeated workspace is held once");
                panic!("a bug while the lists are held");
            })
        });
        assert!(panicked.is_err());
        // Without a store nothing could be read again: they are the lists put back.
        assert_eq!(lists.with(a, |m| m.len()), 1);
        assert_eq!(lists.with(b, |m| m.len()), 1);
        assert_eq!(lists.with_each(&[b, a], |m| m[0].len() + m[1].len()), 2);
    }

    #[test]
    fn a_launch_paints_the_kept_first_screen_while_the_model_is_read() {
        let dir = std::env::temp_dir().join(format!("sent-lists-{}", Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        let workspace = Uuid::new_v4();
        let id = workspace.to_string();
        let organization = OrganizationSummary::default();
        let mut model = ProfileListModel::new(
            id.clone(),
            (0..300)
                .rev()
                .map(|i| ProfileRow::new(&profile(i), &organization)),
            Some(1),
            true,
            None,
        );
        let first = ListQuery::first_screen(60);
        let expected = model.query(&first, &DomainLabels::new());
        {
            let store = open(&dir);
            let mut store = store.lock().unwrap();
            keep(&mut store, &id, &kept(&mut model)).unwrap();
        }

        // Restarted: the first screen comes from the database, in the default order.
        let lists = ListModels::new(Some(open(&dir)));
        let window = lists
            .first_screen(workspace, &first)
            .expect("the kept first screen answers");
        // As the window sees them (the board's facts are not part of a list row's wire form).
        let wire = |rows: &[ProfileRow]| serde_json::to_value(rows).unwrap();
        assert_eq!(wire(&window.rows), wire(&expected.rows));
        assert_eq!(window.rows[0].name, "Client 0000");
        assert_eq!((window.total, window.matched), (300, 300));
        assert_eq!(window.statuses, expected.statuses);
        // Anything else waits for the model: a search, a later window, an active row to find.
        for other in [
            ListQuery {
                search: "client".into(),
                ..first.clone()
            },
            ListQuery {
                offset: 60,
                ..first.clone()
            },
            ListQuery {
                limit: FIRST_SCREEN_ROWS + 1,
                ..first.clone()
            },
            ListQuery {
                focus_id: Some(window.rows[3].id.clone()),
                ..first.clone()
            },
        ] {
            assert!(lists.first_screen(workspace, &other).is_none(), "{other:?}");
        }
        // The model was read meanwhile; once held, it answers.
        assert_eq!(lists.with(workspace, |m| m.len()), 300);
        assert!(lists.first_screen(workspace, &first).is_none());

        // A change kept in place is in the next launch's first screen.
        lists.upsert(
            workspace,
            &ProfileDetail {
                name: "Aardvark Dental".into(),
                ..profile(1000)
            },
            &organization,
        );
        // Kept by the writer thread; a core waits for it when it ends (as here).
        lists.flush();
        let again = ListModels::new(Some(open(&dir)));
        let window = again.first_screen(workspace, &first).unwrap();
        assert_eq!(window.rows[0].name, "Aardvark Dental");
        assert_eq!(window.total, 301);
        // Another workspace kept nothing: the model (empty) answers.
        assert!(again.first_screen(Uuid::new_v4(), &first).is_none());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn changes_are_kept_by_the_writer_and_never_over_a_newer_list() {
        let dir = std::env::temp_dir().join(format!("sent-lists-{}", Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        let workspace = Uuid::new_v4();
        let id = workspace.to_string();
        let organization = OrganizationSummary::default();
        let list = |n: usize| {
            ProfileListModel::new(
                id.clone(),
                (0..n).map(|i| ProfileRow::new(&profile(i), &organization)),
                Some(1),
                true,
                None,
            )
        };
        let name_in = |lists: &ListModels, i: usize| {
            lists.with(workspace, |m| m.row(&profile(i).id).map(|r| r.name))
        };
        let lists = ListModels::new(Some(open(&dir)));
        lists.replace(list(2000), workspace).unwrap();

        // Changes in a row: each caller goes on at once, and the database ends with every one.
        for i in 0..20 {
            let renamed = ProfileDetail {
                name: format!("Renamed {i}"),
                ..profile(i)
            };
            assert!(lists.upsert(workspace, &renamed, &organization));
        }
        assert!(lists.remove(workspace, &profile(1999).id));
        lists.flush();
        let again = ListModels::new(Some(open(&dir)));
        assert_eq!(name_in(&again, 0).as_deref(), Some("Renamed 0"));
        assert_eq!(name_in(&again, 19).as_deref(), Some("Renamed 19"));
        assert_eq!(again.with(workspace, |m| m.len()), 1999);

        // A refresh right after a change: the database keeps the refreshed list, whatever the
        // writer was doing with the older one.
        for round in 0..5 {
            let stale = ProfileDetail {
                name: format!("Stale {round}"),
                ..profile(5)
            };
            lists.upsert(workspace, &stale, &organization);
            lists.replace(list(10 + round), workspace).unwrap();
            lists.flush();
            let again = ListModels::new(Some(open(&dir)));
            assert_eq!(again.with(workspace, |m| m.len()), 10 + round);
            assert_eq!(name_in(&again, 5).as_deref(), Some("Client 0005"));
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}
