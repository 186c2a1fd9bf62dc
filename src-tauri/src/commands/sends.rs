//! Test sends. The backend picks the key (the profile's own, or the organization's with
//! `x-profile-id`); the webview passes one idempotency key per Send action and reuses it when the
//! user retries, so a lost answer never sends twice. (The quick-send screen comes with the roadmap's
//! "Quick test sends"; this command is its back end.)

use sent_client::{IdempotencyKey, SentClient};
use sent_model::message::{SendMessage, SendResult};
use tauri::State;
use uuid::Uuid;

use crate::error::IpcError;
use crate::state::AppState;

#[tauri::command]
pub async fn send_message(
    state: State<'_, AppState>,
    workspace_id: Uuid,
    profile_id: Option<Uuid>,
    request: SendMessage,
    idempotency_key: String,
) -> Result<SendResult, IpcError> {
    // Required: the key belongs to the user's Send action, so a retry of that action reuses it
    // and a lost answer can never send twice.
    let key = IdempotencyKey::new(idempotency_key).map_err(|_| {
        IpcError::new(
            "validation",
            "Internal error: the send's idempotency key is malformed.",
        )
    })?;
    let (config, options) = state.workspaces.resolve(workspace_id, profile_id)?;
    let options = options.with_idempotency_key(key);
    let result = SentClient::new(config)?
        .send_message(&request, &options)
        .await?;
    // Settings writes are not locked: the newest send's recipients win, which is what "recent" means.
    for recipient in &request.to {
        let _ = state.workspaces.settings().remember_recipient(recipient);
    }
    Ok(result.data)
}
