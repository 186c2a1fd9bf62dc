//! A Secret Service that is started on demand but never unlocked, as on a desktop where the user
//! has not unlocked the login keyring.
#![cfg(target_os = "linux")]

mod support;

use sent_keychain::{Keychain, KeychainError};

#[test]
fn a_locked_keyring_is_reported_as_locked() {
    let home = support::TempDir::new();
    // gnome-keyring keeps its keyrings under XDG_DATA_HOME: a fresh one has none unlocked.
    std::env::set_var("XDG_DATA_HOME", home.path.join("data"));
    std::env::set_var("XDG_RUNTIME_DIR", &home.path);
    let bus = support::private_bus(true);
    std::env::set_var("DBUS_SESSION_BUS_ADDRESS", &bus.address);
    let error = Keychain::os(support::test_service())
        .and_then(|k| k.probe())
        .unwrap_err();
    assert!(matches!(error, KeychainError::Locked { .. }), "{error:?}");
    assert!(error.to_string().contains("unlock"));
}
