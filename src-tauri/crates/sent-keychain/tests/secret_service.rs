//! Against the real Secret Service of the test session (gnome-keyring under dbus-run-session,
//! unlocked by `./x`): keys round-trip, stay in their namespace, and are really deleted.

mod support;

use sent_keychain::{KeyRef, Keychain, SecretString};
use support::{require_test_session, test_service};
use uuid::Uuid;

#[test]
fn probe_round_trips_on_the_real_secret_service() {
    require_test_session();
    Keychain::os(test_service())
        .expect("the Secret Service answers")
        .probe()
        .expect("probe");
}

#[test]
fn organization_and_profile_keys_are_stored_read_and_deleted() {
    require_test_session();
    let keychain = Keychain::os(test_service()).unwrap();
    let workspace = Uuid::new_v4();
    let org = KeyRef::Organization { workspace };
    let profile = KeyRef::Profile {
        workspace,
        profile: Uuid::new_v4(),
    };

    keychain.set(&org, &SecretString::new("org-key-1")).unwrap();
    keychain
        .set(&profile, &SecretString::new("profile-key-1"))
        .unwrap();
    assert_eq!(
        keychain.get(&org).unwrap().unwrap().expose_secret(),
        "org-key-1"
    );
    assert_eq!(
        keychain.get(&profile).unwrap().unwrap().expose_secret(),
        "profile-key-1"
    );

    // Replacing keeps one entry with the new value.
    keychain.set(&org, &SecretString::new("org-key-2")).unwrap();
    assert_eq!(
        keychain.get(&org).unwrap().unwrap().expose_secret(),
        "org-key-2"
    );

    assert!(keychain.delete(&org).unwrap());
    assert!(keychain.get(&org).unwrap().is_none());
    assert!(
        !keychain.delete(&org).unwrap(),
        "a second delete finds nothing"
    );
    assert!(keychain.delete(&profile).unwrap());
}

#[test]
fn another_service_name_never_sees_the_entries() {
    require_test_session();
    let release = Keychain::os(test_service()).unwrap();
    let dev = Keychain::os(format!("{}.dev", release.service())).unwrap();
    let key = KeyRef::Organization {
        workspace: Uuid::new_v4(),
    };
    release
        .set(&key, &SecretString::new("users-real-key"))
        .unwrap();
    assert!(dev.get(&key).unwrap().is_none());
    assert!(!dev.delete(&key).unwrap());
    assert_eq!(
        release.get(&key).unwrap().unwrap().expose_secret(),
        "users-real-key"
    );
    release.delete(&key).unwrap();
}

#[test]
fn a_memory_only_store_is_refused_by_the_probe() {
    let memory = keyring_core::mock::Store::new().unwrap();
    let keychain = Keychain::with_store(memory, test_service());
    assert_eq!(
        keychain.probe(),
        Err(sent_keychain::KeychainError::NotPersistent)
    );
}
