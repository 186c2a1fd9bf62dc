//! The database against real files: migrations, corrupt-file recovery, the profile cache, the
//! other tables, permissions, and that no secret reaches the file.

use std::fs;
use std::path::{Path, PathBuf};

use sent_model::{BillingContact, BillingModel, BrandDetail, ProfileDetail, ProfileStatus};
use sent_store::{NewJournalEntry, NewSend, Store, SCHEMA_VERSION};

fn dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

fn profile(i: usize) -> ProfileDetail {
    ProfileDetail {
        id: format!("00000000-0000-4000-8000-{i:012}"),
        organization_id: Some("org-1".into()),
        name: format!("Profile {i} — عيادة 🦷"),
        short_name: Some(format!("P{i}")),
        status: ProfileStatus::Approved,
        billing_model: BillingModel::Organization,
        inherit_tcr_brand: i.is_multiple_of(2),
        waba_id: Some("WABA-1".into()),
        billing_contact: Some(BillingContact {
            name: Some("Dana".into()),
            ..BillingContact::default()
        }),
        brand: Some(BrandDetail {
            id: format!("brand-{i}"),
            is_inherited: i.is_multiple_of(2),
            ..BrandDetail::default()
        }),
        ..ProfileDetail::default()
    }
}

fn db_bytes(path: &Path) -> Vec<u8> {
    let mut all = fs::read(path).unwrap_or_default();
    for suffix in ["-wal", "-shm"] {
        let mut side = path.as_os_str().to_owned();
        side.push(suffix);
        all.extend(fs::read(PathBuf::from(side)).unwrap_or_default());
    }
    all
}

#[test]
fn migrates_from_empty_and_reopens_idempotently() {
    let dir = dir();
    let path = dir.path().join("nested").join("app.db");
    let (store, recovery) = Store::open(&path).unwrap();
    assert!(recovery.is_none());
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(store.path(), Some(path.as_path()));
    drop(store);
    for _ in 0..2 {
        let (store, recovery) = Store::open(&path).unwrap();
        assert!(recovery.is_none());
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    }
}

#[test]
fn a_zero_length_file_is_a_new_database() {
    let dir = dir();
    let path = dir.path().join("app.db");
    fs::write(&path, b"").unwrap();
    let (store, recovery) = Store::open(&path).unwrap();
    assert!(recovery.is_none());
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
}

#[test]
fn garbage_file_is_moved_aside_and_a_fresh_database_works() {
    let dir = dir();
    let path = dir.path().join("app.db");
    let garbage: Vec<u8> = (0..8192u32).map(|i| (i * 31 % 251) as u8).collect();
    fs::write(&path, &garbage).unwrap();

    let (mut store, recovery) = Store::open(&path).unwrap();
    let recovery = recovery.expect("the garbage file is reported");
    assert!(recovery
        .moved_to
        .file_name()
        .unwrap()
        .to_string_lossy()
        .starts_with("app.db.corrupt-"));
    assert_eq!(
        fs::read(&recovery.moved_to).unwrap(),
        garbage,
        "kept as it was"
    );
    assert!(!recovery.reason.is_empty());

    store
        .replace_profiles("ws", &[profile(1)], true, None)
        .unwrap();
    assert_eq!(
        store.cached_profiles("ws").unwrap().unwrap().profiles.len(),
        1
    );
}

#[test]
fn a_database_failing_its_integrity_check_is_moved_aside() {
    let dir = dir();
    let path = dir.path().join("app.db");
    {
        let (mut store, _) = Store::open(&path).unwrap();
        let many: Vec<_> = (0..300).map(profile).collect();
        store.replace_profiles("ws", &many, true, None).unwrap();
    }
    // Scribble over the pages after the header: still "a database", no longer a sound one.
    let mut bytes = fs::read(&path).unwrap();
    assert!(bytes.len() > 16 * 4096, "the file has pages to damage");
    for b in &mut bytes[4096..16 * 4096] {
        *b = 0xA5;
    }
    fs::write(&path, &bytes).unwrap();

    // The launch reads only the header and schema (they are sound): the page check runs after
    // the window opened, finds the damage and marks the file...
    let (store, recovery) = Store::open(&path).unwrap();
    assert!(recovery.is_none(), "the launch does not read every page");
    let reason = Store::check_in_background(&path).unwrap();
    assert!(reason.is_some(), "the background check finds the damage");
    drop(store);
    // ...and the next launch moves it aside and starts a new one, once.
    let (store, recovery) = Store::open(&path).unwrap();
    assert!(recovery.is_some(), "a damaged database is reported");
    assert!(store.cached_profiles("ws").unwrap().is_none(), "fresh");
    assert_eq!(Store::check_in_background(&path).unwrap(), None);
    drop(store);
    let (_, recovery) = Store::open(&path).unwrap();
    assert!(recovery.is_none(), "a sound database is kept");
}

#[test]
fn a_newer_schema_is_left_alone() {
    let dir = dir();
    let path = dir.path().join("app.db");
    drop(Store::open(&path).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    drop(conn);
    let err = Store::open(&path).unwrap_err();
    assert!(
        matches!(err, sent_store::StoreError::NewerSchema { .. }),
        "{err}"
    );
    assert!(path.exists());
}

#[test]
fn replace_and_read_back_round_trip() {
    let mut store = Store::open_in_memory().unwrap();
    assert!(store.cached_profiles("ws").unwrap().is_none());

    let first: Vec<_> = (0..5).map(profile).collect();
    store
        .replace_profiles("ws", &first, false, Some("req-1"))
        .unwrap();
    let cached = store.cached_profiles("ws").unwrap().unwrap();
    assert_eq!(cached.profiles, first, "same profiles, same order");
    assert!(!cached.complete);
    assert_eq!(cached.request_id.as_deref(), Some("req-1"));
    assert!(cached.fetched_at > 1_600_000_000_000);

    // A replace drops profiles that are gone and keeps the new order.
    let second = vec![profile(3), profile(1)];
    store.replace_profiles("ws", &second, true, None).unwrap();
    let cached = store.cached_profiles("ws").unwrap().unwrap();
    assert_eq!(cached.profiles, second);
    assert!(cached.complete);
    assert_eq!(cached.request_id, None);

    // Empty organization: cached, and distinct from "never fetched".
    store.replace_profiles("empty", &[], true, None).unwrap();
    assert!(store
        .cached_profiles("empty")
        .unwrap()
        .unwrap()
        .profiles
        .is_empty());

    // Workspaces are separate; a duplicate id keeps its last copy.
    let mut dup = profile(3);
    dup.name = "renamed".into();
    store
        .replace_profiles("other", &[profile(3), dup.clone()], true, None)
        .unwrap();
    assert_eq!(
        store.cached_profiles("other").unwrap().unwrap().profiles,
        vec![dup]
    );
    assert_eq!(
        store.cached_profiles("ws").unwrap().unwrap().profiles,
        second
    );

    store.forget_workspace("ws").unwrap();
    assert!(store.cached_profiles("ws").unwrap().is_none());
    assert!(store.cached_profiles("other").unwrap().is_some());
}

#[test]
fn ten_thousand_profiles() {
    let dir = dir();
    let path = dir.path().join("app.db");
    let (mut store, _) = Store::open(&path).unwrap();
    let many: Vec<_> = (0..10_000).map(profile).collect();
    store.replace_profiles("ws", &many, true, None).unwrap();
    store.replace_profiles("ws", &many, true, None).unwrap();
    drop(store);
    let (store, _) = Store::open(&path).unwrap();
    let cached = store.cached_profiles("ws").unwrap().unwrap();
    assert_eq!(cached.profiles.len(), 10_000);
    assert_eq!(cached.profiles, many);
}

#[test]
fn journal_drafts_and_send_history() {
    let mut store = Store::open_in_memory().unwrap();
    let changes = profile(1);
    let first = store
        .append_journal(&NewJournalEntry {
            workspace_id: "ws",
            profile_id: Some("p1"),
            action: "profile.update",
            changes: &changes,
            outcome: "ok",
            request_id: Some("req-9"),
        })
        .unwrap();
    let second = store
        .append_journal(&NewJournalEntry {
            workspace_id: "ws",
            profile_id: None,
            action: "profile.create",
            changes: &Some(profile(2)),
            outcome: "error:VALIDATION_001",
            request_id: None,
        })
        .unwrap();
    let journal = store.journal("ws", 10).unwrap();
    assert_eq!(
        journal.iter().map(|e| e.id).collect::<Vec<_>>(),
        [second, first]
    );
    assert_eq!(journal[1].action, "profile.update");
    assert_eq!(journal[1].request_id.as_deref(), Some("req-9"));
    assert_eq!(journal[1].changes["name"], changes.name.as_str());
    assert_eq!(store.journal("ws", 1).unwrap().len(), 1);
    assert!(store.journal("other", 10).unwrap().is_empty());

    store.put_draft("ws", "onboarding", &profile(7)).unwrap();
    store.put_draft("ws", "onboarding", &profile(8)).unwrap();
    let (draft, _at): (ProfileDetail, i64) = store.draft("ws", "onboarding").unwrap().unwrap();
    assert_eq!(draft, profile(8));
    assert_eq!(store.drafts("ws").unwrap().len(), 1);
    store.delete_draft("ws", "onboarding").unwrap();
    assert!(store
        .draft::<ProfileDetail>("ws", "onboarding")
        .unwrap()
        .is_none());

    let id = store
        .record_send(&NewSend {
            workspace_id: "ws",
            profile_id: "p1",
            template_id: Some("t1"),
            recipients_masked: "+1 •••• 0142",
            result: &vec![BillingContact::default()],
        })
        .unwrap();
    let history = store.send_history("ws", 5).unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].id, id);
    assert_eq!(history[0].recipients_masked, "+1 •••• 0142");

    store.forget_workspace("ws").unwrap();
    assert!(store.journal("ws", 10).unwrap().is_empty());
    assert!(store.send_history("ws", 10).unwrap().is_empty());
    assert!(store.drafts("ws").unwrap().is_empty());
}

/// `impls`-style probe: the inherent constant applies only when `T: NoSecret`, the trait's
/// default otherwise.
mod probe {
    pub struct Probe<T: ?Sized>(std::marker::PhantomData<T>);
    pub trait Fallback {
        const STORABLE: bool = false;
    }
    impl<T: ?Sized> Fallback for Probe<T> {}
    impl<T: sent_store::NoSecret> Probe<T> {
        pub const STORABLE: bool = true;
    }
}

// Checked when this file compiles: what the store takes, and every type that carries a
// SecretString (or serializes one through `secret::wire`), which it must never take.
const _: () = {
    use probe::{Fallback, Probe};
    assert!(Probe::<ProfileDetail>::STORABLE);
    assert!(Probe::<BrandDetail>::STORABLE);
    assert!(!Probe::<sent_model::SecretString>::STORABLE);
    assert!(!Probe::<sent_model::ProfileCreate>::STORABLE);
    assert!(!Probe::<sent_model::ProfileUpdate>::STORABLE);
    assert!(!Probe::<sent_model::PaymentDetails>::STORABLE);
    assert!(!Probe::<sent_model::WhatsappBusinessAccount>::STORABLE);
    // Free-form JSON or text could carry anything.
    assert!(!Probe::<serde_json::Value>::STORABLE);
    assert!(!Probe::<String>::STORABLE);
};

#[test]
fn no_secret_bearing_type_can_be_stored() {
    use probe::{Fallback, Probe};
    // The same facts at run time, so the test list shows them.
    let storable = [
        Probe::<ProfileDetail>::STORABLE,
        Probe::<sent_model::ProfileCreate>::STORABLE,
        Probe::<sent_model::ProfileUpdate>::STORABLE,
        Probe::<sent_model::PaymentDetails>::STORABLE,
        Probe::<sent_model::WhatsappBusinessAccount>::STORABLE,
    ];
    assert_eq!(storable, [true, false, false, false, false]);
}

#[test]
fn the_file_holds_only_what_was_written() {
    let dir = dir();
    let path = dir.path().join("app.db");
    let planted = "sk_live_PLANTED0123456789abcdef";
    // The key exists in the process (as a request would hold it) but never reaches the store.
    let _request = sent_model::PaymentDetails {
        card_number: Some(planted.into()),
        ..Default::default()
    };
    let (mut store, _) = Store::open(&path).unwrap();
    let many: Vec<_> = (0..50).map(profile).collect();
    store
        .replace_profiles("ws", &many, true, Some("req-1"))
        .unwrap();
    store.put_draft("ws", "d", &profile(1)).unwrap();
    let bytes = db_bytes(&path);
    assert!(
        contains(&bytes, b"Profile 7"),
        "sanity: the scan sees written data"
    );
    assert!(!contains(&bytes, planted.as_bytes()));
    drop(store);
    assert!(!contains(&db_bytes(&path), planted.as_bytes()));
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[cfg(unix)]
#[test]
fn files_are_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = dir();
    let path = dir.path().join("app.db");
    let (mut store, _) = Store::open(&path).unwrap();
    store
        .replace_profiles("ws", &[profile(1)], true, None)
        .unwrap();
    let mut checked = 0;
    for suffix in ["", "-wal", "-shm"] {
        let mut file = path.as_os_str().to_owned();
        file.push(suffix);
        let Ok(meta) = fs::metadata(PathBuf::from(&file)) else {
            continue;
        };
        assert_eq!(meta.permissions().mode() & 0o777, 0o600, "{file:?}");
        checked += 1;
    }
    assert_eq!(
        checked, 3,
        "the database and both WAL files exist while open"
    );

    // A file left world-readable by something else is repaired at the next open.
    drop(store);
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
    let (_store, _) = Store::open(&path).unwrap();
    assert_eq!(
        fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o600
    );
}

#[test]
fn one_cached_profile_and_workspace_facts() {
    let dir = dir();
    let (mut store, _) = Store::open(dir.path().join("app.db")).unwrap();
    store
        .replace_profiles("ws", &[profile(1), profile(2)], true, None)
        .unwrap();
    let (found, fetched_at) = store.cached_profile("ws", &profile(2).id).unwrap().unwrap();
    assert_eq!(found, profile(2));
    assert!(fetched_at > 0);
    assert!(store.cached_profile("ws", "nope").unwrap().is_none());
    assert!(store
        .cached_profile("other", &profile(2).id)
        .unwrap()
        .is_none());

    let summary = sent_model::effective::OrganizationSummary {
        has_waba: true,
        waba_id: None,
        has_brand: false,
    };
    store.put_fact("ws", "organization", &summary).unwrap();
    let read: Option<sent_model::effective::OrganizationSummary> =
        store.fact("ws", "organization").unwrap();
    assert_eq!(read, Some(summary));
    assert!(
        store.drafts("ws").unwrap().is_empty(),
        "facts are not drafts"
    );
    store.forget_workspace("ws").unwrap();
    let gone: Option<sent_model::effective::OrganizationSummary> =
        store.fact("ws", "organization").unwrap();
    assert_eq!(gone, None);
}

#[test]
fn one_profile_is_replaced_added_and_removed_in_place() {
    let dir = dir();
    let (mut store, _) = Store::open(dir.path().join("app.db")).unwrap();
    // Before any list was cached: the profile becomes the whole (incomplete) cache.
    store.upsert_profile("w", &profile(9)).unwrap();
    let cached = store.cached_profiles("w").unwrap().unwrap();
    assert_eq!(cached.profiles, vec![profile(9)]);
    assert!(!cached.complete);

    let fetched_at = store
        .replace_profiles("w", &[profile(1), profile(2), profile(3)], true, None)
        .unwrap();
    let mut renamed = profile(2);
    renamed.name = "Renamed".into();
    store.upsert_profile("w", &renamed).unwrap();
    store.upsert_profile("w", &profile(4)).unwrap();
    store.remove_profile("w", &profile(1).id).unwrap();
    store.remove_profile("w", "not-there").unwrap();
    let cached = store.cached_profiles("w").unwrap().unwrap();
    assert_eq!(
        cached.profiles,
        vec![renamed.clone(), profile(3), profile(4)]
    );
    assert_eq!(cached.fetched_at, fetched_at, "the list's age is unchanged");
    assert!(cached.complete);
    assert_eq!(
        store.cached_profile("w", &renamed.id).unwrap().unwrap().0,
        renamed
    );
    assert!(store.cached_profile("w", &profile(1).id).unwrap().is_none());
}

/// A draft is written in one statement inside SQLite's transaction: a writer that dies in the middle
/// (here: a second connection whose transaction never commits, then is dropped, as a killed process
/// would leave it) leaves the previous draft whole, and the store opens cleanly afterwards.
#[test]
fn a_draft_survives_a_crash_in_the_middle_of_a_write() {
    let dir = dir();
    let path = dir.path().join("app.db");
    let (mut store, _) = Store::open(&path).unwrap();
    store.put_draft("w", "onboarding:1", &profile(1)).unwrap();
    drop(store);
    {
        let crashing = rusqlite::Connection::open(&path).unwrap();
        crashing.execute_batch("BEGIN IMMEDIATE").unwrap();
        crashing
            .execute(
                "UPDATE drafts SET json = '{\"half\": ' WHERE key = 'onboarding:1'",
                [],
            )
            .unwrap();
        // No COMMIT: the connection goes away mid-transaction.
    }
    let (store, recovery) = Store::open(&path).unwrap();
    assert!(recovery.is_none(), "the file is not damaged");
    let (draft, _) = store
        .draft::<ProfileDetail>("w", "onboarding:1")
        .unwrap()
        .expect("the draft is still there");
    assert_eq!(draft, profile(1));
}

#[test]
fn old_test_sends_forget_their_details_once_and_unreadable_ones_go() {
    let dir = dir();
    let (mut store, _) = Store::open(dir.path().join("app.db")).unwrap();
    let contact = BillingContact {
        name: Some("Ann".into()),
        email: Some("ann@example.com".into()),
        ..BillingContact::default()
    };
    for _ in 0..2 {
        store
            .record_send(&NewSend {
                workspace_id: "ws",
                profile_id: "p1",
                template_id: Some("t1"),
                recipients_masked: "+1 •••• 0142",
                result: &contact,
            })
            .unwrap();
    }
    // A result of another shape cannot be rewritten: it is deleted, not kept with its details.
    store
        .record_send(&NewSend {
            workspace_id: "ws",
            profile_id: "p1",
            template_id: None,
            recipients_masked: "+1 •••• 0199",
            result: &vec![contact.clone()],
        })
        .unwrap();
    let forget = |c: &mut BillingContact| {
        c.name = None;
        c.email = None;
    };
    assert_eq!(
        store.forget_sends_before(0, forget).unwrap(),
        0,
        "nothing is that old"
    );
    let later = i64::MAX;
    assert_eq!(store.forget_sends_before(later, forget).unwrap(), 3);
    let history = store.send_history("ws", 10).unwrap();
    assert_eq!(history.len(), 2, "the unreadable send is gone");
    for send in &history {
        assert_eq!(
            send.recipients_masked, "+1 •••• 0142",
            "the masked numbers stay"
        );
        let kept: BillingContact = serde_json::from_value(send.result.clone()).unwrap();
        assert_eq!(kept.name, None);
        assert_eq!(kept.email, None);
    }
    assert_eq!(
        store.forget_sends_before(later, forget).unwrap(),
        0,
        "each send is rewritten once"
    );
    drop(store);
    let bytes = db_bytes(&dir.path().join("app.db"));
    assert!(
        !bytes.windows(15).any(|w| w == b"ann@example.com"),
        "the details left the file"
    );
}

#[test]
fn a_streamed_refresh_replaces_the_list_only_when_it_is_whole() {
    let mut store = Store::open_in_memory().unwrap();
    let old: Vec<_> = (0..3).map(profile).collect();
    store.replace_profiles("ws", &old, true, None).unwrap();

    // Batches arrive; the cached list is the old one until the refresh finishes.
    store.begin_profile_refresh("ws").unwrap();
    let new: Vec<_> = (10..1_010).map(profile).collect();
    for (i, batch) in new.chunks(300).enumerate() {
        store.stage_profiles("ws", i * 300, batch).unwrap();
        assert_eq!(store.cached_profiles("ws").unwrap().unwrap().profiles, old);
    }
    store
        .finish_profile_refresh("ws", false, Some("req-2"))
        .unwrap();
    let cached = store.cached_profiles("ws").unwrap().unwrap();
    assert_eq!(
        cached.profiles, new,
        "the new list, in the order it arrived"
    );
    assert!(!cached.complete);
    assert_eq!(cached.request_id.as_deref(), Some("req-2"));

    // A refresh that fails is abandoned: the list stays, and the next one starts clean.
    store.begin_profile_refresh("ws").unwrap();
    store.stage_profiles("ws", 0, &[profile(99)]).unwrap();
    store.abandon_profile_refresh("ws").unwrap();
    assert_eq!(store.cached_profiles("ws").unwrap().unwrap().profiles, new);
    store.stage_profiles("ws", 0, &[profile(7)]).unwrap(); // left over by a crash
    store.begin_profile_refresh("ws").unwrap();
    store.stage_profiles("ws", 0, &[profile(8)]).unwrap();
    store.finish_profile_refresh("ws", true, None).unwrap();
    assert_eq!(
        store.cached_profiles("ws").unwrap().unwrap().profiles,
        vec![profile(8)]
    );
}
