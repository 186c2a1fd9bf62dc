//! The profile lists the app holds, one [`ProfileListModel`] per workspace, loaded from the local
//! database on first use and changed in place by refreshes, saves and deletes. The webview holds
//! none of it: it asks for the window it shows (`query_profiles`).
//!
//! Lock order: the lists, then the database; nothing takes the lists while holding the database.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use sent_model::effective::OrganizationSummary;
use sent_model::ProfileDetail;
use sent_views::{ProfileListModel, ProfileListView, ProfileRow, StoredList};
use uuid::Uuid;

type Store = Arc<Mutex<sent_store::Store>>;

/// The store's workspace fact holding the list in its compact form.
pub const LIST_MODEL_KEY: &str = "profile_list_model";
/// The fact an older version kept (every row worded in full); read once, when no model is stored.
const OLD_LIST_KEY: &str = "profile_list_view";
/// The store's workspace fact holding what the app knows of the organization: it resolves the
/// cached rows' WhatsApp column before the server answers.
pub const ORGANIZATION_SUMMARY_KEY: &str = "organization_summary";

/// Every workspace's list model, shared with background tasks.
#[derive(Clone, Default)]
pub struct ListModels {
    models: Arc<Mutex<HashMap<Uuid, ProfileListModel>>>,
    store: Option<Store>,
}

impl ListModels {
    pub fn new(store: Option<Store>) -> Self {
        Self {
            models: Arc::default(),
            store,
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

    /// Puts a freshly fetched list (already kept in the database) in place of the old one;
    /// answers its generation.
    pub fn replace(&self, mut model: ProfileListModel, workspace: Uuid) -> u64 {
        let mut models = self.models.lock().unwrap_or_else(|e| e.into_inner());
        model.follow(models.get(&workspace));
        let generation = model.generation();
        models.insert(workspace, model);
        generation
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
        let stored = self.with(workspace, |m| m.upsert(row).then(|| m.stored()));
        if let Some(stored) = &stored {
            self.persist(workspace, stored);
        }
        stored.is_some()
    }

    /// A deleted profile leaves the list. Answers whether it was there.
    pub fn remove(&self, workspace: Uuid, profile_id: &str) -> bool {
        let stored = self.with(workspace, |m| m.remove(profile_id).then(|| m.stored()));
        if let Some(stored) = &stored {
            self.persist(workspace, stored);
        }
        stored.is_some()
    }

    /// A removed workspace's list is dropped.
    pub fn forget(&self, workspace: Uuid) {
        self.models
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&workspace);
    }

    fn persist(&self, workspace: Uuid, stored: &StoredList) {
        if let Some(store) = &self.store {
            let mut store = store.lock().unwrap_or_else(|e| e.into_inner());
            // A list that cannot be kept is still shown; the next refresh writes it again.
            let _ = store.put_fact(&workspace.to_string(), LIST_MODEL_KEY, stored);
        }
    }

    /// The list as the database last kept it: the compact model, else the full rows an older
    /// version kept, else the cached profiles worded anew, else an empty list never fetched.
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
        if let Ok(Some(old)) = store.fact::<ProfileListView>(&id, OLD_LIST_KEY) {
            return ProfileListModel::new(
                id,
                old.rows,
                old.fetched_at,
                old.complete,
                old.request_id,
            );
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
            None => ProfileListModel::empty(id),
        }
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
