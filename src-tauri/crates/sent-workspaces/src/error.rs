//! Why a workspace action failed, worded for the person at the keyboard.

use sent_keychain::KeychainError;
use sent_model::FieldErrors;
use uuid::Uuid;

#[derive(Debug, thiserror::Error)]
pub enum WorkspaceError {
    /// The form has errors; nothing was sent.
    #[error("Some fields need attention.")]
    Invalid(FieldErrors),
    /// Sent answered 401 for the key.
    #[error("{environment} did not recognise this API key. Check that it belongs to this environment (keys differ between production and staging) and paste it again.")]
    KeyRejected {
        environment: String,
        request_id: Option<String>,
    },
    /// The key belongs to a profile or a standalone user, not an organization.
    #[error("This is a {account_type} key ({name}). Managing sender profiles needs an organization API key.")]
    NotOrganizationKey { account_type: String, name: String },
    /// The key's role cannot manage profiles.
    #[error("This key has the {role} role. Managing sender profiles needs an organization key with the admin role.")]
    NotAdmin { role: String },
    /// A profile key that does not belong to the profile (or organization) it was added for.
    #[error("This key belongs to {actual}, not to the profile it was added for.")]
    WrongProfileKey { actual: String },
    /// The server could not be reached or did not answer like Sent.
    #[error("Could not reach {url}: {detail}")]
    Unreachable { url: String, detail: String },
    /// Sent answered with an error other than 401.
    #[error("{message}")]
    Sent {
        message: String,
        request_id: Option<String>,
    },
    #[error("There is no workspace with id {0}.")]
    NotFound(Uuid),
    #[error("The local sandbox is built in and cannot be removed.")]
    BuiltIn,
    #[error(transparent)]
    Keychain(#[from] KeychainError),
    #[error("The settings could not be saved: {0}")]
    Settings(String),
}

impl WorkspaceError {
    /// The IPC error `kind` the UI branches on.
    pub fn kind(&self) -> &'static str {
        match self {
            WorkspaceError::Invalid(_) => "validation",
            WorkspaceError::KeyRejected { .. } => "key_rejected",
            WorkspaceError::NotOrganizationKey { .. } => "not_organization_key",
            WorkspaceError::NotAdmin { .. } => "not_admin",
            WorkspaceError::WrongProfileKey { .. } => "wrong_profile_key",
            WorkspaceError::Unreachable { .. } => "unreachable",
            WorkspaceError::Sent { .. } => "sent",
            WorkspaceError::NotFound(_) => "not_found",
            WorkspaceError::BuiltIn => "built_in",
            WorkspaceError::Keychain(error) => error.kind(),
            WorkspaceError::Settings(_) => "settings",
        }
    }

    /// Field errors for the form, when the failure belongs to a field.
    pub fn fields(&self) -> Option<FieldErrors> {
        let mut fields = FieldErrors::new();
        match self {
            WorkspaceError::Invalid(errors) => return Some(errors.clone()),
            WorkspaceError::KeyRejected { .. }
            | WorkspaceError::NotOrganizationKey { .. }
            | WorkspaceError::NotAdmin { .. }
            | WorkspaceError::WrongProfileKey { .. } => fields.add("api_key", self.to_string()),
            _ => return None,
        }
        Some(fields)
    }

    /// Sent's request id, to quote to support.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            WorkspaceError::KeyRejected { request_id, .. }
            | WorkspaceError::Sent { request_id, .. } => request_id.as_deref(),
            _ => None,
        }
    }
}
