//! [`ErrorKind`]: the one vocabulary of what went wrong, for every crate (the client, the keychain,
//! the workspaces, the use cases) and the UI (exported to TypeScript). Here, in the crate every
//! other depends on, so no crate keeps a string `kind` of its own.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::envelope::ErrorFamily;

/// What went wrong, as the UI branches on it. Closed: adding a variant makes every exhaustive
/// `switch` in the UI fail to type-check until it handles the new case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ErrorKind {
    /// Input that breaks a rule (checked before sending, or Sent's `VALIDATION_*`): see `fields`.
    Validation,
    /// Sent refused the key or its role (`AUTH_*`).
    Auth,
    /// Sent does not know the resource (`RESOURCE_*`, 404/410).
    NotFound,
    /// A business rule of Sent (`BUSINESS_*`: balance, opt-outs, template state, ...).
    Business,
    /// A conflict with the resource's state (`CONFLICT_*`, 409).
    Conflict,
    /// Sent is temporarily unavailable (`SERVICE_*`, 503).
    ServiceUnavailable,
    /// Sent failed internally (`INTERNAL_*`, 5xx).
    ServerError,
    /// Sent answered with an error this app cannot classify.
    Unknown,
    /// A profile key cannot act for another profile; refused before sending.
    ScopeRefused,
    /// Sent asked to wait longer than the app retries by itself.
    RateLimited,
    /// No answer in time.
    Timeout,
    /// The server could not be reached (DNS, refused, offline).
    Unreachable,
    /// The secure connection failed (certificate, TLS).
    Tls,
    /// The connection broke during the exchange.
    Network,
    /// The server answered with something that is not Sent's API.
    BadResponse,
    /// The server answered with a redirect, which Sent's API never does; not followed.
    Redirect,
    /// The answer was larger than the app reads.
    ResponseTooLarge,
    /// The app's own configuration is wrong (e.g. a base URL it cannot use).
    Config,
    /// The server did not recognise the API key (401 on the key check).
    KeyRejected,
    /// The key belongs to a profile or user, not an organization.
    NotOrganizationKey,
    /// The key's role cannot manage profiles.
    NotAdmin,
    /// A profile key that belongs to another profile.
    WrongProfileKey,
    /// No such workspace.
    WorkspaceNotFound,
    /// The built-in local sandbox cannot be removed.
    BuiltIn,
    /// No keychain service is available.
    KeychainUnavailable,
    /// The keychain is locked or refused access.
    KeychainLocked,
    /// The keychain keeps keys in memory only.
    KeychainNotPersistent,
    /// Any other keychain failure.
    KeychainFailed,
    /// The settings file could not be written.
    Settings,
    /// The local database failed.
    Database,
    /// The webview's call did not reach a command (unknown, refused by the capability, bad
    /// arguments). Made by the UI's IPC wrapper, never by a command.
    Ipc,
}

impl From<ErrorFamily> for ErrorKind {
    /// Sent's error-code family (contract §7), as the app says it.
    fn from(family: ErrorFamily) -> Self {
        match family {
            ErrorFamily::Auth => ErrorKind::Auth,
            ErrorFamily::Validation => ErrorKind::Validation,
            ErrorFamily::Resource => ErrorKind::NotFound,
            ErrorFamily::Business => ErrorKind::Business,
            ErrorFamily::Conflict => ErrorKind::Conflict,
            ErrorFamily::Service => ErrorKind::ServiceUnavailable,
            ErrorFamily::Internal => ErrorKind::ServerError,
            ErrorFamily::Unknown => ErrorKind::Unknown,
        }
    }
}
