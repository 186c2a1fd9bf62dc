//! No session bus at all (a bare Linux session): a clear "install a Secret Service" error, no hang.
#![cfg(target_os = "linux")]

mod support;

use sent_keychain::{Keychain, KeychainError};

#[test]
fn without_a_session_bus_the_keychain_is_unavailable_with_an_install_hint() {
    let dir = support::TempDir::new();
    // Safety of set_var: this test file is its own process with this single test.
    std::env::set_var(
        "DBUS_SESSION_BUS_ADDRESS",
        format!("unix:path={}/no-bus-here", dir.path.display()),
    );
    let error = Keychain::os(support::test_service())
        .and_then(|k| k.probe())
        .unwrap_err();
    assert!(
        matches!(error, KeychainError::Unavailable { .. }),
        "{error:?}"
    );
    assert!(error.to_string().contains("gnome-keyring"), "{error}");
}
