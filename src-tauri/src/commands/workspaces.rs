//! Workspace commands: thin adapters over `sent_workspaces::Workspaces`. Keys arrive here once, in
//! a `SecretString`, and go to the keychain; nothing returned to the webview contains a key.

use sent_model::SecretString;
use sent_workspaces::{Workspace, WorkspaceDraft, WorkspaceList};
use tauri::State;
use uuid::Uuid;

use crate::error::IpcError;
use crate::state::AppState;

#[tauri::command]
pub fn list_workspaces(state: State<'_, AppState>) -> WorkspaceList {
    state.workspaces.list()
}

#[tauri::command]
pub async fn add_workspace(
    state: State<'_, AppState>,
    draft: WorkspaceDraft,
) -> Result<Workspace, IpcError> {
    Ok(state.workspaces.add(draft).await?)
}

#[tauri::command]
pub fn switch_workspace(state: State<'_, AppState>, id: Uuid) -> Result<WorkspaceList, IpcError> {
    Ok(state.workspaces.switch(id)?)
}

// Async so the keychain's (blocking, possibly prompting) D-Bus call never runs on the UI thread,
// where Tauri runs synchronous commands.
#[tauri::command]
pub async fn remove_workspace(
    state: State<'_, AppState>,
    id: Uuid,
) -> Result<WorkspaceList, IpcError> {
    Ok(state.workspaces.remove(id)?)
}

#[tauri::command]
pub async fn set_profile_key(
    state: State<'_, AppState>,
    workspace_id: Uuid,
    profile_id: Uuid,
    api_key: SecretString,
) -> Result<Workspace, IpcError> {
    Ok(state
        .workspaces
        .set_profile_key(workspace_id, profile_id, api_key)
        .await?)
}

#[tauri::command]
pub async fn remove_profile_key(
    state: State<'_, AppState>,
    workspace_id: Uuid,
    profile_id: Uuid,
) -> Result<Workspace, IpcError> {
    Ok(state
        .workspaces
        .remove_profile_key(workspace_id, profile_id)?)
}

#[cfg(test)]
#[path = "workspaces_tests.rs"]
mod tests;
