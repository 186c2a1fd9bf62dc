//! Profile commands. For now the list, which the workspace screen needs to attach profile keys;
//! the profile screens of the roadmap add to this module.

use sent_client::{ProfileBackend, SentClient};
use sent_model::ProfileDetail;
use tauri::State;
use uuid::Uuid;

use crate::error::IpcError;
use crate::state::AppState;

/// Every sender profile of the workspace's organization (`GET /v3/profiles`, org key).
#[tauri::command]
pub async fn list_profiles(
    state: State<'_, AppState>,
    workspace_id: Uuid,
) -> Result<Vec<ProfileDetail>, IpcError> {
    let (config, _) = state.workspaces.resolve(workspace_id, None)?;
    let client = SentClient::new(config)?;
    Ok(client.list_profiles().await?.data.profiles)
}
