//! Profile commands. The list opens from the local cache at once (`cached_profiles`), then
//! refreshes from Sent in the background (`refresh_profiles`), which stores the new list, answers
//! it, and pushes a small `profiles_updated` event ([`ProfilesUpdated`]) so any other view of that
//! workspace re-reads the cache (the 10,000-row list crosses IPC once per refresh, not twice).

use sent_client::ProfileBackend;
use sent_model::effective::OrganizationSummary;
use sent_model::ProfileDetail;
use sent_views::{ProfileListView, ProfileRow};
use serde::Serialize;
use ts_rs::TS;
use uuid::Uuid;

use crate::error::IpcError;
use crate::state::AppState;

/// The event `refresh_profiles` pushes (a [`ProfilesUpdated`]).
pub const PROFILES_UPDATED: &str = "profiles_updated";

/// A workspace's profile list changed: re-read it with `cached_profiles` if yours is older.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ProfilesUpdated {
    pub workspace_id: String,
    /// Unix milliseconds.
    #[ts(type = "number")]
    pub fetched_at: i64,
}

/// The store's workspace fact holding the worded list as last shown, so the list opens without
/// deserializing every full profile.
pub(crate) const PROFILE_LIST_KEY: &str = "profile_list_view";

/// The store's workspace fact holding what the app knows of the organization: it resolves the
/// cached rows' WhatsApp column before the server answers.
const ORGANIZATION_SUMMARY_KEY: &str = "organization_summary";

pub(crate) fn organization_summary(state: &AppState, workspace: &str) -> OrganizationSummary {
    state
        .with_store(|store| store.fact::<OrganizationSummary>(workspace, ORGANIZATION_SUMMARY_KEY))
        .ok()
        .flatten()
        .flatten()
        .unwrap_or_default()
}

fn view(
    workspace_id: Uuid,
    profiles: &[ProfileDetail],
    organization: &OrganizationSummary,
    fetched_at: Option<i64>,
    complete: bool,
    request_id: Option<String>,
) -> ProfileListView {
    ProfileListView {
        workspace_id: workspace_id.to_string(),
        rows: profiles
            .iter()
            .map(|p| ProfileRow::new(p, organization))
            .collect(),
        fetched_at,
        complete,
        request_id,
    }
}

pub async fn cached_profiles(
    state: &AppState,
    workspace_id: Uuid,
) -> Result<ProfileListView, IpcError> {
    let workspace = workspace_id.to_string();
    if let Some(list) = state
        .with_store(|store| store.fact::<ProfileListView>(&workspace, PROFILE_LIST_KEY))?
        .flatten()
    {
        return Ok(list);
    }
    // A database from before the worded list was kept: word the full profiles.
    let cached = state
        .with_store(|store| store.cached_profiles(&workspace))?
        .flatten();
    let organization = organization_summary(state, &workspace);
    Ok(match cached {
        Some(cached) => view(
            workspace_id,
            &cached.profiles,
            &organization,
            Some(cached.fetched_at),
            cached.complete,
            cached.request_id,
        ),
        None => view(workspace_id, &[], &organization, None, true, None),
    })
}

pub async fn refresh_profiles(
    state: &AppState,
    workspace_id: Uuid,
) -> Result<ProfileListView, IpcError> {
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
    let mut list = view(
        workspace_id,
        &profiles,
        &organization,
        None,
        complete,
        request_id.clone(),
    );
    let stored = state.with_store(|store| {
        let fetched_at =
            store.replace_profiles(&workspace, &profiles, complete, request_id.as_deref())?;
        store.put_fact(&workspace, ORGANIZATION_SUMMARY_KEY, &organization)?;
        list.fetched_at = Some(fetched_at);
        store.put_fact(&workspace, PROFILE_LIST_KEY, &list)?;
        Ok(fetched_at)
    })?;
    // Without a database the list is still shown, timed now.
    let fetched_at = stored.unwrap_or_else(now_ms);
    list.fetched_at = Some(fetched_at);
    state.emit(
        PROFILES_UPDATED,
        &ProfilesUpdated {
            workspace_id: workspace,
            fetched_at,
        },
    );
    Ok(list)
}

pub(crate) fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

#[cfg(test)]
#[path = "profiles_tests.rs"]
mod tests;
