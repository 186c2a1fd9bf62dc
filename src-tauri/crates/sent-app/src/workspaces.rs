//! Workspace commands: thin adapters over `sent_workspaces::Workspaces`. Keys arrive here once, in
//! a `SecretString`, and go to the keychain; nothing returned to the webview contains a key.

use sent_model::SecretString;
use sent_workspaces::{Workspace, WorkspaceDraft, WorkspaceList, LOCAL_SANDBOX_ID};
use uuid::Uuid;

use crate::core::Core;
use crate::error::{AppError, ErrorKind};

pub async fn list_workspaces(state: &Core) -> Result<WorkspaceList, AppError> {
    Ok(state.workspaces.list())
}

pub async fn add_workspace(state: &Core, draft: WorkspaceDraft) -> Result<Workspace, AppError> {
    Ok(state.workspaces.add(draft).await?)
}

pub async fn switch_workspace(state: &Core, id: Uuid) -> Result<WorkspaceList, AppError> {
    Ok(state.workspaces.switch(id)?)
}

// Every command is async, so the keychain's (blocking, possibly prompting) D-Bus call never runs on
// the UI thread, where Tauri runs synchronous commands.
pub async fn remove_workspace(state: &Core, id: Uuid) -> Result<WorkspaceList, AppError> {
    // Whatever the outcome: a removal that failed half-way may already have deleted a key.
    let removed = state.workspaces.remove(id);
    state.workspace_changed(id);
    let list = removed?;
    state.lists.forget(id);
    let _ = state.with_store(|store| store.forget_workspace(&id.to_string()));
    Ok(list)
}

pub async fn set_profile_key(
    state: &Core,
    workspace_id: Uuid,
    profile_id: Uuid,
    api_key: SecretString,
) -> Result<Workspace, AppError> {
    let workspace = state
        .workspaces
        .set_profile_key(workspace_id, profile_id, api_key)
        .await;
    state.workspace_changed(workspace_id);
    Ok(workspace?)
}

pub async fn remove_profile_key(
    state: &Core,
    workspace_id: Uuid,
    profile_id: Uuid,
) -> Result<Workspace, AppError> {
    let workspace = state
        .workspaces
        .remove_profile_key(workspace_id, profile_id);
    state.workspace_changed(workspace_id);
    Ok(workspace?)
}

/// The local sandbox derives each profile's key from its organization key; this stores that key
/// for the profile like any other profile key (checked with `/v3/me`), so "send with the profile's
/// own key" can be tried without a Sent account. The key never reaches the webview.
pub async fn use_sandbox_profile_key(
    state: &Core,
    profile_id: Uuid,
) -> Result<Workspace, AppError> {
    let keys = state.sandbox.keys();
    let found = keys
        .profiles
        .into_iter()
        .find(|k| k.profile_id == profile_id);
    let key = found.map(|k| k.key).ok_or_else(|| {
        AppError::new(
            ErrorKind::NotFound,
            "The local sandbox has no such profile. Refresh the list and try again.",
        )
    })?;
    set_profile_key(state, LOCAL_SANDBOX_ID, profile_id, SecretString::new(key)).await
}
