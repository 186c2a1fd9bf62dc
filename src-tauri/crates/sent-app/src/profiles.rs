//! Profile list commands. The list model lives in the app process ([`crate::lists`]); the window
//! asks for the rows it shows (`query_profiles`), at once from what the database kept, and
//! refreshes from Sent in the background (`refresh_profiles`), which stores the new list and pushes
//! a small `profiles_updated` event ([`ProfilesUpdated`]) so every view re-asks its window. Saves
//! and deletes change the model in place and push the same event.

use sent_model::effective::OrganizationSummary;
use sent_model::ProfileDetail;
use sent_views::{
    DomainLabels, ListQuery, ListWindow, PaletteProfiles, ProfileListModel, ProfileRow,
};
use serde::Serialize;
use ts_rs::TS;
use uuid::Uuid;

use crate::core::Core;
use crate::error::AppError;
use crate::events::AppEvent;
use crate::lists::ORGANIZATION_SUMMARY_KEY;

/// A workspace's profile list changed: re-ask your window if it is of an older generation.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ProfilesUpdated {
    pub workspace_id: String,
    /// The list's generation now (see `ListWindow::generation`).
    #[ts(type = "number")]
    pub generation: u64,
    /// When the list was last fetched from Sent (Unix milliseconds); `None` when never.
    #[ts(type = "number | null")]
    pub fetched_at: Option<i64>,
    /// Every profile the list holds.
    pub total: u32,
    /// False when the server stopped paging before the end.
    pub complete: bool,
}

pub(crate) fn organization_summary(state: &Core, workspace: &str) -> OrganizationSummary {
    state
        .with_store(|store| store.fact::<OrganizationSummary>(workspace, ORGANIZATION_SUMMARY_KEY))
        .ok()
        .flatten()
        .flatten()
        .unwrap_or_default()
}

/// What `profiles_updated` says of a workspace's list as it is now.
pub(crate) fn list_update(lists: &crate::lists::ListModels, workspace_id: Uuid) -> ProfilesUpdated {
    lists.with(workspace_id, |m| ProfilesUpdated {
        workspace_id: workspace_id.to_string(),
        generation: m.generation(),
        fetched_at: m.fetched_at(),
        total: u32::try_from(m.len()).unwrap_or(u32::MAX),
        complete: m.complete(),
    })
}

/// Pushes `profiles_updated` for the list as it is now.
pub(crate) fn announce(state: &Core, workspace_id: Uuid) -> ProfilesUpdated {
    let update = list_update(&state.lists, workspace_id);
    state.emit(AppEvent::ProfilesUpdated, &update);
    update
}

pub async fn query_profiles(
    state: &Core,
    workspace_id: Uuid,
    query: ListQuery,
) -> Result<ListWindow, AppError> {
    // At launch the first screen comes from the database while the model is read.
    if let Some(window) = state.lists.first_screen(workspace_id, &query) {
        return Ok(window);
    }
    let labels = DomainLabels::new();
    Ok(state.lists.with(workspace_id, |m| m.query(&query, &labels)))
}

/// The current workspace's list window and which workspace that is.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct CurrentListWindow {
    #[ts(type = "string")]
    pub workspace_id: Uuid,
    pub window: ListWindow,
}

/// `query_profiles` for whichever workspace is current. The window sends it as its script starts,
/// beside `list_workspaces`, so the first rows do not wait for one answer before asking (README,
/// Benchmarks).
pub async fn current_list_window(
    state: &Core,
    query: ListQuery,
) -> Result<CurrentListWindow, AppError> {
    let workspace_id = state.workspaces.list().current;
    let window = query_profiles(state, workspace_id, query).await?;
    Ok(CurrentListWindow {
        workspace_id,
        window,
    })
}

pub async fn palette_profiles(
    state: &Core,
    workspace_id: Uuid,
    text: String,
) -> Result<PaletteProfiles, AppError> {
    Ok(state.lists.with(workspace_id, |m| {
        m.palette(&text, sent_views::list::MAX_PALETTE)
    }))
}

/// Profiles written to the database per batch while a list streams in.
const REFRESH_BATCH: usize = 500;

/// What a refresh keeps while the list streams in: the list model being built (a compact row per
/// profile, added as each profile is read), and the profiles not yet written to the database (at
/// most one batch). Never the whole list worded or parsed.
#[derive(Default)]
struct Incoming {
    workspace: String,
    /// The organization's summary once `/v3/me` answered (the rows need it to word a `waba_id`).
    organization: Option<OrganizationSummary>,
    /// Where it arrives from: read alongside the list, waited for at the first profile only if the
    /// list arrives first; `None` sent when `/v3/me` failed (the refresh then fails with its error).
    organization_from: Option<std::sync::mpsc::Receiver<Option<OrganizationSummary>>>,
    store: Option<std::sync::Arc<std::sync::Mutex<sent_store::Store>>>,
    list: Option<ProfileListModel>,
    batch: Vec<ProfileDetail>,
    written: usize,
    failed: Option<sent_store::StoreError>,
}

impl Incoming {
    fn take(&mut self, profile: ProfileDetail) {
        if self.organization.is_none() {
            // On the parser's own (blocking) thread: only the list's parsing waits.
            self.organization = self
                .organization_from
                .take()
                .and_then(|from| from.recv().ok().flatten());
        }
        // Without it (`/v3/me` failed) nothing is kept: the refresh answers that error.
        let Some(organization) = &self.organization else {
            return;
        };
        let row = ProfileRow::new(&profile, organization);
        self.list
            .get_or_insert_with(|| ProfileListModel::empty(self.workspace.clone()))
            .push(row);
        self.batch.push(profile);
        if self.batch.len() >= REFRESH_BATCH {
            self.flush();
        }
    }

    /// Writes the batch to the database's incoming list (a short transaction: the database is
    /// free between batches). A failure is kept and reported once the stream ends.
    fn flush(&mut self) {
        let batch = std::mem::take(&mut self.batch);
        let Some(store) = &self.store else { return };
        if self.failed.is_some() || batch.is_empty() {
            return;
        }
        let mut store = store.lock().unwrap_or_else(|e| e.into_inner());
        match store.stage_profiles(&self.workspace, self.written, &batch) {
            Ok(()) => self.written += batch.len(),
            Err(error) => self.failed = Some(error),
        }
    }
}

pub async fn refresh_profiles(
    state: &Core,
    workspace_id: Uuid,
) -> Result<ProfilesUpdated, AppError> {
    let (client, _) = state.client(workspace_id, None)?;
    let workspace = workspace_id.to_string();
    // The list streams in (one profile at a time from the body, page by page where the server
    // pages) straight into the database's incoming list and the model's compact rows: neither the
    // answer nor the parsed list is ever held whole. The cached list stays until it is complete.
    state.with_store(|store| store.begin_profile_refresh(&workspace))?;
    // The organization's own WhatsApp account tells an inherited `waba_id` from a profile's own.
    // `/v3/me` lists every child profile (47 MB at 100,000), so it is read at the same time as the
    // list, not before it: the list's rows wait for it only if the list's first profile comes first.
    let (organization_to, organization_from) = std::sync::mpsc::sync_channel(1);
    let me = async {
        let me = client.me(&Default::default()).await;
        let _ = organization_to.send(me.as_ref().ok().map(|me| OrganizationSummary {
            has_waba: me.data.channels.whatsapp.configured,
            waba_id: None,
            has_brand: false,
        }));
        me
    };
    let incoming = std::sync::Arc::new(std::sync::Mutex::new(Incoming {
        workspace: workspace.clone(),
        organization: None,
        organization_from: Some(organization_from),
        store: state.store_handle(),
        list: None,
        batch: Vec::with_capacity(REFRESH_BATCH),
        written: 0,
        failed: None,
    }));
    let sink = incoming.clone();
    let streamed = client.stream_profiles(move |profile| {
        sink.lock().unwrap_or_else(|e| e.into_inner()).take(profile)
    });
    let (me, streamed) = futures_util::join!(me, streamed);
    let abandon = |state: &Core| {
        let _ = state.with_store(|store| store.abandon_profile_refresh(&workspace));
    };
    let organization = match me {
        Ok(me) => OrganizationSummary {
            has_waba: me.data.channels.whatsapp.configured,
            waba_id: None,
            has_brand: false,
        },
        Err(error) => {
            abandon(state);
            return Err(error.into());
        }
    };
    let streamed = match streamed {
        Ok(streamed) => streamed,
        Err(error) => {
            abandon(state);
            return Err(error.into());
        }
    };
    let mut incoming = std::mem::take(&mut *incoming.lock().unwrap_or_else(|e| e.into_inner()));
    incoming.flush();
    if let Some(error) = incoming.failed.take() {
        abandon(state);
        return Err(AppError::database(error));
    }
    // A newer server pages the list; `complete` false means it stopped paging before the end:
    // say so, never drop it silently.
    let complete = streamed.complete;
    let request_id = streamed.info.request_id;
    // A workspace removed while this refresh was in flight keeps nothing on disk.
    if !state
        .workspaces
        .list()
        .workspaces
        .iter()
        .any(|w| w.id == workspace_id)
    {
        abandon(state);
        return Err(sent_workspaces::WorkspaceError::NotFound(workspace_id).into());
    }
    let mut model = incoming
        .list
        .take()
        .unwrap_or_else(|| ProfileListModel::empty(workspace.clone()));
    model.set_listed(complete, request_id.clone());
    // What the compliance board read of each profile's campaigns outlives the new fetch.
    state
        .lists
        .peek(workspace_id, |previous| model.keep_campaigns_from(previous));
    let stored = state.with_store(|store| {
        let fetched_at =
            store.finish_profile_refresh(&workspace, complete, request_id.as_deref())?;
        store.put_fact(&workspace, ORGANIZATION_SUMMARY_KEY, &organization)?;
        Ok(fetched_at)
    })?;
    // Without a database the list is still shown, timed now.
    model.set_fetched_at(Some(stored.unwrap_or_else(now_ms)));
    // Kept in the database as it is put in place.
    state
        .lists
        .replace(model, workspace_id)
        .map_err(AppError::database)?;
    state.lists.release_memory();
    // Profiles in review (submitted elsewhere, or since the keys changed) are followed from now.
    crate::reviews::follow_list(state, workspace_id);
    Ok(announce(state, workspace_id))
}

pub(crate) fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}
