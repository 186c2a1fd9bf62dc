//! Test sends. The backend picks the key (the profile's own, or the organization's with
//! `x-profile-id`); the webview passes one idempotency key per Send action and reuses it when the
//! user retries, so a lost answer never sends twice. (The quick-send screen comes with the roadmap's
//! "Quick test sends"; this command is its back end.)

use sent_client::IdempotencyKey;
use sent_model::message::{SendMessage, SendResult};
use uuid::Uuid;

use crate::error::{ErrorKind, IpcError};
use crate::state::AppState;

pub async fn send_message(
    state: &AppState,
    workspace_id: Uuid,
    profile_id: Option<Uuid>,
    request: SendMessage,
    idempotency_key: String,
) -> Result<SendResult, IpcError> {
    // Required: the key belongs to the user's Send action, so a retry of that action reuses it
    // and a lost answer can never send twice.
    let key = IdempotencyKey::new(idempotency_key).map_err(|_| {
        IpcError::new(
            ErrorKind::Validation,
            "Internal error: the send's idempotency key is malformed.",
        )
    })?;
    let (client, options) = state.client(workspace_id, profile_id)?;
    let options = options.with_idempotency_key(key);
    let result = client.send_message(&request, &options).await?;
    for recipient in &request.to {
        let _ = state.workspaces.settings().remember_recipient(recipient);
    }
    Ok(result.data)
}
