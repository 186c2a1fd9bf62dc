//! Profile list commands. The list model lives in the app process ([`crate::lists`]); the window
//! asks for the rows it shows (`query_profiles`), at once from what the database kept, and
//! refreshes from Sent in the background (`refresh_profiles`), which stores the new list and pushes
//! a small `profiles_updated` event ([`ProfilesUpdated`]) so every view re-asks its window. Saves
//! and deletes change the model in place and push the same event.

use sent_client::ProfileBackend;
use sent_model::effective::OrganizationSummary;
use sent_views::{
    DomainLabels, ListQuery, ListWindow, PaletteProfiles, ProfileListModel, ProfileRow,
};
use serde::Serialize;
use ts_rs::TS;
use uuid::Uuid;

use crate::core::Core;
use crate::error::AppError;
use crate::events::AppEvent;
use crate::lists::{LIST_MODEL_KEY, ORGANIZATION_SUMMARY_KEY};

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
    let labels = DomainLabels::new();
    Ok(state.lists.with(workspace_id, |m| m.query(&query, &labels)))
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

pub async fn refresh_profiles(
    state: &Core,
    workspace_id: Uuid,
) -> Result<ProfilesUpdated, AppError> {
    let (client, _) = state.list_client(workspace_id)?;
    // The organization's own WhatsApp account tells an inherited `waba_id` from a profile's own.
    let me = client.me(&Default::default()).await?;
    let organization = OrganizationSummary {
        has_waba: me.data.channels.whatsapp.configured,
        waba_id: None,
        has_brand: false,
    };
    let response = client.list_profiles().await?;
    let profiles = response.data.profiles;
    // A newer server pages the list; the client follows every page. `has_more` still true means the
    // server stopped paging before the end: say so, never drop it silently.
    let complete = !response.data.pagination.is_some_and(|p| p.has_more);
    let request_id = response.info.request_id;
    let workspace = workspace_id.to_string();
    // A workspace removed while this refresh was in flight keeps nothing on disk.
    if !state
        .workspaces
        .list()
        .workspaces
        .iter()
        .any(|w| w.id == workspace_id)
    {
        return Err(sent_workspaces::WorkspaceError::NotFound(workspace_id).into());
    }
    let mut model = ProfileListModel::new(
        workspace.clone(),
        profiles.iter().map(|p| ProfileRow::new(p, &organization)),
        None,
        complete,
        request_id.clone(),
    );
    let stored = state.with_store(|store| {
        let fetched_at =
            store.replace_profiles(&workspace, &profiles, complete, request_id.as_deref())?;
        store.put_fact(&workspace, ORGANIZATION_SUMMARY_KEY, &organization)?;
        model.set_fetched_at(Some(fetched_at));
        store.put_fact(&workspace, LIST_MODEL_KEY, &model.stored())?;
        Ok(fetched_at)
    })?;
    drop(profiles);
    // Without a database the list is still shown, timed now.
    model.set_fetched_at(Some(stored.unwrap_or_else(now_ms)));
    state.lists.replace(model, workspace_id);
    Ok(announce(state, workspace_id))
}

pub(crate) fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}
