//! The error every command returns across IPC: `{ kind, message, fields?, request_id? }`, so the UI
//! can put a message under the right field and show Sent's request id.

use std::collections::BTreeMap;

use serde::Serialize;
use ts_rs::TS;

/// An error as the webview sees it.
#[derive(Debug, Clone, PartialEq, Serialize, TS, thiserror::Error)]
#[error("{message}")]
#[ts(export)]
pub struct IpcError {
    /// Machine-readable category the UI branches on (e.g. `validation`, `auth`, `network`).
    pub kind: String,
    /// One human sentence.
    pub message: String,
    /// Field path (dotted, as Sent's `error.details` keys) -> messages for that field.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub fields: Option<BTreeMap<String, Vec<String>>>,
    /// Sent's `meta.request_id`, to quote to support.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub request_id: Option<String>,
}

impl IpcError {
    /// An error with no field or request id.
    pub fn new(kind: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            kind: kind.into(),
            message: message.into(),
            fields: None,
            request_id: None,
        }
    }
}

impl From<sent_workspaces::WorkspaceError> for IpcError {
    fn from(error: sent_workspaces::WorkspaceError) -> Self {
        Self {
            kind: error.kind().into(),
            fields: error.fields().map(|f| f.into_map()),
            request_id: error.request_id().map(str::to_owned),
            message: error.to_string(),
        }
    }
}

impl From<sent_client::ClientError> for IpcError {
    fn from(error: sent_client::ClientError) -> Self {
        Self {
            kind: error.kind().into(),
            fields: error.fields().cloned().map(|f| f.into_map()),
            request_id: error.request_id().map(str::to_owned),
            message: error.to_string(),
        }
    }
}
