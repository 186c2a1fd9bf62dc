//! The journal's filtered read against a real file: by profile, by outcome (an `error` filter
//! matches every `error:<CODE>`), newest first, capped, and per workspace.

use sent_store::{NewJournalEntry, Store};
use sent_views::{FieldChange, JournalChanges};

fn changes(name: &str) -> JournalChanges {
    JournalChanges {
        profile_name: name.into(),
        changes: vec![FieldChange {
            path: "name".into(),
            label: "Name".into(),
            old: "Old".into(),
            new: name.into(),
        }],
        message: None,
    }
}

fn append(store: &mut Store, workspace: &str, profile: Option<&str>, outcome: &str) -> i64 {
    store
        .append_journal(&NewJournalEntry {
            workspace_id: workspace,
            profile_id: profile,
            action: "profile.update",
            changes: &changes(profile.unwrap_or("none")),
            outcome,
            request_id: Some("req-1"),
        })
        .unwrap()
}

fn ids(entries: &[sent_store::JournalEntry]) -> Vec<i64> {
    entries.iter().map(|e| e.id).collect()
}

#[test]
fn the_journal_filters_by_profile_and_outcome_newest_first() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = Store::open(dir.path().join("app.db")).unwrap();
    let a_ok = append(&mut store, "ws", Some("p-a"), "ok");
    let a_dry = append(&mut store, "ws", Some("p-a"), "dry_run");
    let b_err = append(&mut store, "ws", Some("p-b"), "error:VALIDATION_001");
    let b_net = append(&mut store, "ws", Some("p-b"), "error:network");
    let none_ok = append(&mut store, "ws", None, "ok");
    let other = append(&mut store, "other", Some("p-a"), "ok");

    let all = store.journal_filtered("ws", None, None, 100).unwrap();
    assert_eq!(ids(&all), vec![none_ok, b_net, b_err, a_dry, a_ok]);
    assert_eq!(all, store.journal("ws", 100).unwrap());
    assert_eq!(all[2].changes["profile_name"], "p-b");

    let a = store
        .journal_filtered("ws", Some("p-a"), None, 100)
        .unwrap();
    assert_eq!(ids(&a), vec![a_dry, a_ok]);
    let ok = store.journal_filtered("ws", None, Some("ok"), 100).unwrap();
    assert_eq!(ids(&ok), vec![none_ok, a_ok]);
    let dry = store
        .journal_filtered("ws", None, Some("dry_run"), 100)
        .unwrap();
    assert_eq!(ids(&dry), vec![a_dry]);
    let errors = store
        .journal_filtered("ws", None, Some("error"), 100)
        .unwrap();
    assert_eq!(ids(&errors), vec![b_net, b_err]);
    let a_errors = store
        .journal_filtered("ws", Some("p-a"), Some("error"), 100)
        .unwrap();
    assert!(a_errors.is_empty());
    let b_errors = store
        .journal_filtered("ws", Some("p-b"), Some("error"), 1)
        .unwrap();
    assert_eq!(ids(&b_errors), vec![b_net], "the limit keeps the newest");

    assert_eq!(
        ids(&store.journal_filtered("other", None, None, 100).unwrap()),
        vec![other]
    );
    assert!(store
        .journal_filtered("nobody", None, None, 100)
        .unwrap()
        .is_empty());
}

#[test]
fn an_outcome_filter_is_a_prefix_not_a_pattern() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = Store::open(dir.path().join("app.db")).unwrap();
    append(&mut store, "ws", Some("p"), "okay");
    append(&mut store, "ws", Some("p"), "dry_runs");
    append(&mut store, "ws", Some("p"), "errors");
    append(&mut store, "ws", Some("p"), "dryXrun");
    for outcome in ["ok", "dry_run", "error", "%", "_"] {
        assert!(
            store
                .journal_filtered("ws", None, Some(outcome), 100)
                .unwrap()
                .is_empty(),
            "{outcome} matched"
        );
    }
}

#[test]
fn an_export_reads_the_journal_page_after_page_without_gaps_or_repeats() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = Store::open(dir.path().join("app.db")).unwrap();
    // Entries written in the same millisecond share `at`: the cursor's id breaks the tie.
    let mut written: Vec<i64> = (0..25)
        .map(|i| {
            append(
                &mut store,
                "ws",
                Some(if i % 3 == 0 { "p1" } else { "p2" }),
                "ok",
            )
        })
        .collect();
    append(&mut store, "other", Some("p1"), "ok");
    written.reverse();
    let mut read = Vec::new();
    let mut after = None;
    loop {
        let page = store.journal_page("ws", None, None, after, 7).unwrap();
        after = page.last().map(|e| (e.at, e.id));
        read.extend(ids(&page));
        if page.len() < 7 {
            break;
        }
    }
    assert_eq!(read, written, "every entry once, newest first");
    let p1: Vec<i64> = written
        .iter()
        .copied()
        .enumerate()
        .filter(|(i, _)| (24 - i) % 3 == 0)
        .map(|(_, id)| id)
        .collect();
    let first = store.journal_page("ws", Some("p1"), None, None, 4).unwrap();
    let cursor = first.last().map(|e| (e.at, e.id));
    let rest = store
        .journal_page("ws", Some("p1"), None, cursor, 100)
        .unwrap();
    assert_eq!([ids(&first), ids(&rest)].concat(), p1);
}
