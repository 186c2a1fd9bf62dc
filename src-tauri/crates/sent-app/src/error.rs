//! The one error of every use case, which is also what crosses IPC unchanged (TypeScript name
//! `IpcError`): `{ kind, message, code?, fields?, request_id?, detail?, outcome? }`. `kind` is a closed enum ([`ErrorKind`], exported to TypeScript) so the UI handles
//! every case exhaustively; Sent's own `error.code`, `details` (as `fields`) and `request_id` travel
//! untouched from the client to the screen.

use std::collections::BTreeMap;

use sent_client::{ClientError, WriteOutcome};
pub use sent_model::ErrorKind;
use sent_workspaces::WorkspaceError;
use serde::Serialize;
use ts_rs::TS;

/// A use case's failure, in words, with what the screen needs to place it (fields) and to retry
/// it safely (outcome).
#[derive(Debug, Clone, PartialEq, Serialize, TS, thiserror::Error)]
#[error("{message}")]
#[ts(export, rename = "IpcError")]
pub struct AppError {
    /// What went wrong, for the UI to branch on.
    pub kind: ErrorKind,
    /// One human sentence that says what to do.
    pub message: String,
    /// Sent's `error.code` (e.g. `VALIDATION_001`), when Sent answered with one.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub code: Option<String>,
    /// Field path (dotted, as Sent's `error.details` keys) -> messages for that field.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub fields: Option<BTreeMap<String, Vec<String>>>,
    /// Sent's `meta.request_id`, to quote to support.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub request_id: Option<String>,
    /// The technical detail (e.g. the network error chain), behind a "Details" toggle.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub detail: Option<String>,
    /// For a write that failed on the way to or at Sent: whether it may have happened, and so
    /// whether the next attempt of the same action must reuse its Idempotency-Key
    /// ([`WriteOutcome::reuse_key`]). Absent for failures that never involved Sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub outcome: Option<WriteOutcome>,
}

impl AppError {
    /// An error with no field, code or request id.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            message: message.into(),
            code: None,
            fields: None,
            request_id: None,
            detail: None,
            outcome: None,
        }
    }

    /// Whether the write may have happened (a retry must reuse its key, and the user is told
    /// "outcome unknown", never "failed").
    pub fn outcome_unknown(&self) -> bool {
        self.outcome == Some(WriteOutcome::Unknown)
    }

    /// Whether the next attempt of the same action must carry the same Idempotency-Key.
    pub fn reuse_key(&self) -> bool {
        self.outcome.is_some_and(WriteOutcome::reuse_key)
    }

    /// The same error with a technical detail.
    pub fn with_detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }

    /// The Idempotency-Key a write was given by the webview, or an error that says nothing was sent
    /// (the UI makes keys itself, so a malformed one is the app's own fault).
    pub fn idempotency_key(value: String) -> Result<sent_client::IdempotencyKey, AppError> {
        sent_client::IdempotencyKey::new(value).map_err(|_| {
            AppError::new(
                ErrorKind::Validation,
                "The app made a malformed idempotency key; nothing was sent. Restart the app.",
            )
        })
    }

    /// A failure of the local database.
    pub fn database(error: impl std::fmt::Display) -> Self {
        Self::new(
            ErrorKind::Database,
            "The app's local database failed. Restart the app; if it keeps failing, the notice at start-up says where the file is.",
        )
        .with_detail(error.to_string())
    }
}

impl From<sent_model::BadId> for AppError {
    /// Ids come from the app's own answers, so a malformed one is the app's mistake.
    fn from(error: sent_model::BadId) -> Self {
        AppError::new(
            ErrorKind::Validation,
            "The app used a malformed id; nothing was sent. Go back to the list and open the item again.",
        )
        .with_detail(error.to_string())
    }
}

impl From<WorkspaceError> for AppError {
    fn from(error: WorkspaceError) -> Self {
        let kind = error.kind();
        Self {
            kind,
            fields: error.fields().map(|f| f.into_map()),
            request_id: error.request_id().map(str::to_owned),
            code: error.code().map(str::to_owned),
            detail: error.detail(),
            message: error.to_string(),
            outcome: None,
        }
    }
}

impl From<ClientError> for AppError {
    fn from(error: ClientError) -> Self {
        let code = match &error {
            ClientError::Api { code, .. } | ClientError::RetryLater { code, .. } => code.clone(),
            _ => None,
        };
        // Transport failures get a sentence that says what to do; the library's error chain
        // (`client error (Connect): tcp connect error: ...`) goes to `detail`, behind a toggle.
        let plain = match &error {
            ClientError::Connect(_) => Some(
                "Sent could not be reached at this workspace's address. Check your internet connection (or, for a server on this computer, that it is running), then try again.",
            ),
            ClientError::Network(_) => Some(
                "The connection to Sent broke before it answered. Try again; if it keeps happening, check your connection or proxy.",
            ),
            ClientError::Tls(_) => Some(
                "The secure connection to Sent failed (certificate or TLS). Check the workspace's address and any proxy or antivirus that inspects HTTPS, then try again.",
            ),
            ClientError::Timeout => Some(
                "Sent did not answer in time. Try again in a moment; if it keeps happening, check your connection.",
            ),
            _ => None,
        };
        Self {
            outcome: Some(error.write_outcome()),
            kind: error.kind(),
            fields: error.fields().cloned().map(|f| f.into_map()),
            request_id: error.request_id().map(str::to_owned),
            code,
            detail: plain.map(|_| error.to_string()),
            message: plain
                .map(str::to_owned)
                .unwrap_or_else(|| error.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sent_model::ErrorFamily;

    #[test]
    fn a_sent_error_keeps_its_code_fields_and_request_id() {
        let mut fields = sent_model::FieldErrors::new();
        fields.add("brand.business.legal_name", "Required");
        let error = AppError::from(ClientError::Api {
            status: 400,
            family: ErrorFamily::Validation,
            code: Some("VALIDATION_001".into()),
            message: "Invalid".into(),
            fields: Some(fields),
            request_id: Some("req_1".into()),
            retry_after: None,
        });
        let json = serde_json::to_value(&error).unwrap();
        assert_eq!(json["kind"], "validation");
        assert_eq!(json["code"], "VALIDATION_001");
        assert_eq!(json["request_id"], "req_1");
        assert_eq!(json["fields"]["brand.business.legal_name"][0], "Required");
    }

    #[test]
    fn local_failures_have_their_own_kinds() {
        assert_eq!(ClientError::Timeout.kind(), ErrorKind::Timeout);
        assert_eq!(
            ClientError::Connect("refused".into()).kind(),
            ErrorKind::Unreachable
        );
        let refused = AppError::from(ClientError::Connect(
            "error sending request: client error (Connect): tcp connect error".into(),
        ));
        assert!(
            !refused.message.contains("client error"),
            "{}",
            refused.message
        );
        assert!(refused
            .detail
            .as_deref()
            .unwrap()
            .contains("tcp connect error"));
        let json = serde_json::to_value(AppError::new(ErrorKind::ServiceUnavailable, "x")).unwrap();
        assert_eq!(json["kind"], "service_unavailable");
        assert!(json.get("code").is_none());
    }
}
