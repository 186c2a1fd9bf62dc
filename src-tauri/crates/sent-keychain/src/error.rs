//! Keychain failures, each worded so the user knows what to install, unlock or retry. Platform
//! error texts are kept as `detail` for the log; they never contain a secret (keyring-core reports
//! the entry's service and account, not its password).

use sent_model::ErrorKind;

/// Why a key could not be stored, read or deleted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeychainError {
    /// No keychain service answers (on Linux: no Secret Service on the session bus).
    #[error("No keychain is available to keep API keys: {hint}.")]
    Unavailable { hint: String, detail: String },
    /// The keychain exists but is locked, or refused access.
    #[error("The keychain is locked or refused access: unlock it (on Linux, unlock the \"login\" keyring, e.g. with Seahorse) and try again.")]
    Locked { detail: String },
    /// The backend keeps secrets in memory only; keys would vanish when the app quits.
    #[error("This build has no real keychain backend: keys would be kept in memory only. Please report this.")]
    NotPersistent,
    /// A probe key read back differently from what was written.
    #[error(
        "The keychain did not return the key it was given; keys cannot be stored safely here."
    )]
    RoundTripFailed,
    /// Any other keychain failure.
    #[error("The keychain failed: {detail}")]
    Platform { detail: String },
}

#[cfg(target_os = "linux")]
const INSTALL_HINT: &str = "install and start a Secret Service such as gnome-keyring (Debian/Ubuntu: `sudo apt install gnome-keyring`) or KeePassXC with Secret Service integration, then restart Sent Profiles";
#[cfg(not(target_os = "linux"))]
const INSTALL_HINT: &str = "the operating system's credential store could not be opened";

impl KeychainError {
    /// What went wrong, in the app's one vocabulary.
    pub fn kind(&self) -> ErrorKind {
        match self {
            KeychainError::Unavailable { .. } => ErrorKind::KeychainUnavailable,
            KeychainError::Locked { .. } => ErrorKind::KeychainLocked,
            KeychainError::NotPersistent => ErrorKind::KeychainNotPersistent,
            KeychainError::RoundTripFailed | KeychainError::Platform { .. } => {
                ErrorKind::KeychainFailed
            }
        }
    }

    pub(crate) fn from_platform(error: keyring_core::Error) -> Self {
        let detail = error.to_string();
        match error {
            keyring_core::Error::NoStorageAccess(_) if !is_missing_service(&detail) => {
                KeychainError::Locked { detail }
            }
            keyring_core::Error::NoStorageAccess(_)
            | keyring_core::Error::NoDefaultStore
            | keyring_core::Error::NotSupportedByStore(_) => KeychainError::Unavailable {
                hint: INSTALL_HINT.into(),
                detail,
            },
            keyring_core::Error::PlatformFailure(_) if is_missing_service(&detail) => {
                KeychainError::Unavailable {
                    hint: INSTALL_HINT.into(),
                    detail,
                }
            }
            _ => KeychainError::Platform { detail },
        }
    }
}

/// The D-Bus texts seen when there is no session bus or no Secret Service provider on it.
fn is_missing_service(detail: &str) -> bool {
    const SIGNS: [&str; 6] = [
        "org.freedesktop.secrets",
        "ServiceUnknown",
        "NotFound",
        "No such file or directory",
        "DBUS_SESSION_BUS_ADDRESS",
        "Connection refused",
    ];
    SIGNS.iter().any(|sign| detail.contains(sign))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_say_what_to_do() {
        let locked = KeychainError::Locked { detail: "x".into() };
        assert!(locked.to_string().contains("unlock"));
        let missing = KeychainError::Unavailable {
            hint: INSTALL_HINT.into(),
            detail: "x".into(),
        };
        #[cfg(target_os = "linux")]
        assert!(missing.to_string().contains("gnome-keyring"));
        assert_eq!(missing.kind(), ErrorKind::KeychainUnavailable);
    }
}
