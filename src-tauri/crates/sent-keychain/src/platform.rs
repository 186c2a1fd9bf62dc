//! The one keychain backend of each operating system, chosen at compile time.

use std::collections::HashMap;
use std::sync::Arc;

use keyring_core::CredentialStore;

use crate::KeychainError;

#[cfg(target_os = "linux")]
pub fn store() -> Result<Arc<CredentialStore>, KeychainError> {
    zbus_secret_service_keyring_store::Store::new()
        .map(|store| store as Arc<CredentialStore>)
        .map_err(KeychainError::from_platform)
}

#[cfg(target_os = "macos")]
pub fn store() -> Result<Arc<CredentialStore>, KeychainError> {
    apple_native_keyring_store::keychain::Store::new()
        .map(|store| store as Arc<CredentialStore>)
        .map_err(KeychainError::from_platform)
}

#[cfg(target_os = "windows")]
pub fn store() -> Result<Arc<CredentialStore>, KeychainError> {
    windows_native_keyring_store::store::Store::new()
        .map(|store| store as Arc<CredentialStore>)
        .map_err(KeychainError::from_platform)
}

#[cfg(not(any(target_os = "linux", target_os = "macos", target_os = "windows")))]
pub fn store() -> Result<Arc<CredentialStore>, KeychainError> {
    Err(KeychainError::Unavailable {
        hint: "this operating system has no supported keychain".into(),
        detail: String::new(),
    })
}

/// Entry modifiers per OS. On Windows, credentials default to "Enterprise" persistence, which
/// roams them to other machines of a domain profile: API keys stay on this machine ("Local").
pub fn modifiers() -> Option<HashMap<&'static str, &'static str>> {
    if cfg!(target_os = "windows") {
        Some(HashMap::from([("persistence", "Local")]))
    } else {
        None
    }
}
