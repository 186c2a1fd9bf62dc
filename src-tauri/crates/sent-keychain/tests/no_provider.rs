//! A session bus on which nothing provides org.freedesktop.secrets.
#![cfg(target_os = "linux")]

mod support;

use sent_keychain::{Keychain, KeychainError};

#[test]
fn a_bus_without_a_secret_service_is_reported_as_unavailable() {
    let bus = support::private_bus(false);
    std::env::set_var("DBUS_SESSION_BUS_ADDRESS", &bus.address);
    let error = Keychain::os(support::test_service())
        .and_then(|k| k.probe())
        .unwrap_err();
    assert!(
        matches!(error, KeychainError::Unavailable { .. }),
        "{error:?}"
    );
}
