//! Why a workspace action failed, worded for the person at the keyboard.

use sent_keychain::KeychainError;
use sent_model::{ErrorFamily, ErrorKind, FieldErrors};

use crate::EnvironmentKind;
use uuid::Uuid;

#[derive(Debug, thiserror::Error)]
pub enum WorkspaceError {
    /// The form has errors; nothing was sent.
    #[error("Some fields need attention.")]
    Invalid(FieldErrors),
    /// Sent answered 401 for the key. The advice depends on where the key was checked.
    #[error("{}", key_rejected_message(*environment, server))]
    KeyRejected {
        environment: EnvironmentKind,
        /// The server's base URL.
        server: String,
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
    /// The server could not be reached or did not answer like Sent. `detail` is the technical
    /// chain (e.g. a DNS error), shown behind a "Details" toggle, never as the message.
    #[error("{}", unreachable_message(*environment, url))]
    Unreachable {
        environment: EnvironmentKind,
        url: String,
        detail: String,
    },
    /// Sent answered with an error other than 401.
    #[error("{message}")]
    Sent {
        message: String,
        /// Sent's `error.code`.
        code: Option<String>,
        /// The family of the code (or of the status).
        family: Option<ErrorFamily>,
        request_id: Option<String>,
    },
    #[error("There is no workspace with id {0}.")]
    NotFound(Uuid),
    #[error("The local sandbox is built in and cannot be removed.")]
    BuiltIn,
    #[error(transparent)]
    Keychain(#[from] KeychainError),
    #[error("The settings could not be saved: {0}")]
    Settings(#[from] crate::settings::SettingsError),
}

impl WorkspaceError {
    /// What went wrong, in the app's one vocabulary.
    pub fn kind(&self) -> ErrorKind {
        match self {
            WorkspaceError::Invalid(_) => ErrorKind::Validation,
            WorkspaceError::KeyRejected { .. } => ErrorKind::KeyRejected,
            WorkspaceError::NotOrganizationKey { .. } => ErrorKind::NotOrganizationKey,
            WorkspaceError::NotAdmin { .. } => ErrorKind::NotAdmin,
            WorkspaceError::WrongProfileKey { .. } => ErrorKind::WrongProfileKey,
            WorkspaceError::Unreachable { .. } => ErrorKind::Unreachable,
            WorkspaceError::Sent { family, .. } => {
                family.map(ErrorKind::from).unwrap_or(ErrorKind::Unknown)
            }
            WorkspaceError::NotFound(_) => ErrorKind::WorkspaceNotFound,
            WorkspaceError::BuiltIn => ErrorKind::BuiltIn,
            WorkspaceError::Keychain(error) => error.kind(),
            WorkspaceError::Settings(_) => ErrorKind::Settings,
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
            // The address is what the user can check: under the URL field for a custom server,
            // under the environment choice for Sent's own.
            WorkspaceError::Unreachable { environment, .. } => fields.add(
                if *environment == EnvironmentKind::Custom {
                    "custom_base_url"
                } else {
                    "environment"
                },
                self.to_string(),
            ),
            _ => return None,
        }
        Some(fields)
    }

    /// Sent's `error.code`, when Sent answered with one.
    pub fn code(&self) -> Option<&str> {
        match self {
            WorkspaceError::Sent { code, .. } => code.as_deref(),
            _ => None,
        }
    }

    /// The technical detail behind the message, when there is one.
    pub fn detail(&self) -> Option<String> {
        match self {
            WorkspaceError::Unreachable { detail, .. } => Some(detail.clone()),
            WorkspaceError::Settings(error) => Some(error.to_string()),
            _ => None,
        }
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

fn key_rejected_message(environment: EnvironmentKind, server: &str) -> String {
    match environment {
        EnvironmentKind::Production | EnvironmentKind::Staging => format!(
            "Sent {} did not recognise this API key. Check that it is an organization key from {} (production and staging keys differ) and paste it again.",
            environment.label().to_lowercase(),
            environment.label().to_lowercase()
        ),
        EnvironmentKind::LocalSandbox => "The local sandbox did not recognise this API key. Use one of the keys the sandbox lists for this organization.".into(),
        EnvironmentKind::Custom => format!(
            "The server at {server} did not recognise this API key. Check that the key was issued by this server and paste it again."
        ),
    }
}

fn unreachable_message(environment: EnvironmentKind, url: &str) -> String {
    match environment {
        EnvironmentKind::Custom | EnvironmentKind::LocalSandbox => format!(
            "No Sent server answered at {url}. Check the address and that the server is running, then save again."
        ),
        EnvironmentKind::Production | EnvironmentKind::Staging => format!(
            "Sent {} ({url}) could not be reached. Check your internet connection (or proxy), then save again.",
            environment.label().to_lowercase()
        ),
    }
}
