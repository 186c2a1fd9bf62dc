//! API keys in the operating system's keychain: the macOS Keychain, the Windows Credential Manager,
//! or a Secret Service (gnome-keyring, KWallet, KeePassXC) on Linux.
//!
//! This crate owns where keys live and how keychain failures are explained to the user. It never
//! writes a key anywhere else, never logs one, and hands keys out only as [`SecretString`]s, which
//! redact themselves. It must not know about workspaces' other settings or about HTTP.

mod error;
mod key_ref;
mod platform;

use std::sync::Arc;

use keyring_core::api::CredentialPersistence;
use keyring_core::{CredentialStore, Entry};
pub use sent_model::secret::SecretString;

pub use error::KeychainError;
pub use key_ref::KeyRef;

/// Keys of one build kind: entries are namespaced by a keychain "service" name, so a debug or test
/// build never reads or overwrites what a release build stored for the user.
#[derive(Clone)]
pub struct Keychain {
    store: Arc<CredentialStore>,
    service: String,
}

impl std::fmt::Debug for Keychain {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Keychain")
            .field("service", &self.service)
            .finish()
    }
}

/// The service name for the app's entries: the bundle identifier, plus `.dev` outside release
/// builds (dev runs and tests).
pub fn service_name(identifier: &str, release_build: bool) -> String {
    if release_build {
        identifier.to_owned()
    } else {
        format!("{identifier}.dev")
    }
}

impl Keychain {
    /// The operating system's keychain, with entries under `service`.
    pub fn os(service: impl Into<String>) -> Result<Self, KeychainError> {
        Ok(Self::with_store(platform::store()?, service))
    }

    /// A keychain over any keyring-core store (tests use keyring-core's in-memory mock store for
    /// unit tests of callers; the real Secret Service is tested in `tests/`).
    pub fn with_store(store: Arc<CredentialStore>, service: impl Into<String>) -> Self {
        Self {
            store,
            service: service.into(),
        }
    }

    /// The service name entries are stored under.
    pub fn service(&self) -> &str {
        &self.service
    }

    /// Checks that keys really persist: the store must not be a memory-only one, and a write, read
    /// and delete of a probe entry must round-trip. Run at start-up; a failure becomes a banner
    /// that says what to install or unlock.
    pub fn probe(&self) -> Result<(), KeychainError> {
        if matches!(
            self.store.persistence(),
            CredentialPersistence::EntryOnly | CredentialPersistence::ProcessOnly
        ) && !self.allows_memory_store()
        {
            return Err(KeychainError::NotPersistent);
        }
        let probe = KeyRef::Probe(uuid::Uuid::new_v4());
        let value = SecretString::new(format!("probe-{}", uuid::Uuid::new_v4()));
        self.set(&probe, &value)?;
        let read = self.get(&probe);
        let deleted = self.delete(&probe);
        match read? {
            Some(back) if back.expose_secret() == value.expose_secret() => {}
            _ => return Err(KeychainError::RoundTripFailed),
        }
        deleted.map(|_| ())
    }

    /// Stores (or replaces) a key.
    pub fn set(&self, key: &KeyRef, secret: &SecretString) -> Result<(), KeychainError> {
        self.entry(key)?
            .set_password(secret.expose_secret())
            .map_err(KeychainError::from_platform)
    }

    /// Reads a key; `None` when there is no entry.
    pub fn get(&self, key: &KeyRef) -> Result<Option<SecretString>, KeychainError> {
        match self.entry(key)?.get_password() {
            Ok(password) => Ok(Some(SecretString::new(password))),
            Err(keyring_core::Error::NoEntry) => Ok(None),
            Err(error) => Err(KeychainError::from_platform(error)),
        }
    }

    /// Deletes a key; `Ok(false)` when there was none.
    pub fn delete(&self, key: &KeyRef) -> Result<bool, KeychainError> {
        match self.entry(key)?.delete_credential() {
            Ok(()) => Ok(true),
            Err(keyring_core::Error::NoEntry) => Ok(false),
            Err(error) => Err(KeychainError::from_platform(error)),
        }
    }

    fn entry(&self, key: &KeyRef) -> Result<Entry, KeychainError> {
        self.store
            .build(
                &self.service,
                &key.account(),
                platform::modifiers().as_ref(),
            )
            .map_err(KeychainError::from_platform)
    }

    /// keyring-core's mock store is memory-only by design; unit tests of callers may use it, and
    /// they opt in through a service name no real build uses.
    fn allows_memory_store(&self) -> bool {
        self.service.starts_with(MEMORY_TEST_PREFIX)
    }
}

/// Service-name prefix under which [`Keychain::probe`] accepts a memory-only store (unit tests).
pub const MEMORY_TEST_PREFIX: &str = "memory-test.";
