//! The compliance board against the embedded sandbox's demo organization: every profile's next
//! action in words, sorted by what needs attention; campaigns read in the background move a row
//! from "being checked" to "ready"; several profiles submitted at once, one key each, a result per
//! profile (a profile with a gap refused by name, the others submitted; a retry with the same key
//! submits nothing twice); the report written as CSV, one line per profile.

mod support;

use std::time::{Duration, Instant};

use sent_app::board::{self, BulkSubmitItem};
use sent_app::profiles;
use sent_views::{BoardQuery, BoardWindow, NextKind};
use support::{profile, TestCore, BUILTIN};

fn window(core: &TestCore, workspace: Option<uuid::Uuid>, query: BoardQuery) -> BoardWindow {
    core.run(board::query_board(&core.core, workspace, query))
        .expect("the board answers")
}

fn next_of(window: &BoardWindow, name: &str) -> String {
    window
        .rows
        .iter()
        .find(|r| r.name == name)
        .unwrap_or_else(|| panic!("{name} is on the board"))
        .next
        .words
        .clone()
}

#[test]
fn the_board_names_each_next_action_and_submits_several_profiles() {
    let core = TestCore::start();
    core.run(profiles::refresh_profiles(&core.core, BUILTIN))
        .unwrap();

    // Before the campaigns are read, a TCR application is being checked, never called ready.
    let first = window(&core, Some(BUILTIN), BoardQuery::default());
    assert_eq!(first.total, 5);
    assert_eq!(next_of(&first, "Joe's Pizza Uptown"), "Add a short name");
    assert!(next_of(&first, "Northwind Clinics").starts_with("In review"));
    assert!(next_of(&first, "Bella Salon").starts_with("Live"));
    // (Nothing reads them yet: the words say how to.)
    assert_eq!(
        next_of(&first, "Tenant Co"),
        "Its campaigns are not read yet: press Refresh to read them"
    );

    // The background read moves it; the board's rows are announced as they move.
    let reading = core.run(board::refresh_board(&core.core, BUILTIN)).unwrap();
    assert!(reading.reading && reading.profiles >= 1);
    let now = window(&core, Some(BUILTIN), BoardQuery::default());
    let tenant_now = now.rows.iter().find(|r| r.name == "Tenant Co").unwrap();
    if now.reading && tenant_now.next.kind == NextKind::Checking {
        assert_eq!(tenant_now.next.words, "Reading its campaigns from Sent…");
    }
    let deadline = Instant::now() + Duration::from_secs(20);
    let ready = loop {
        let w = window(&core, Some(BUILTIN), BoardQuery::default());
        if !w.reading {
            break w;
        }
        assert!(Instant::now() < deadline, "the campaigns were not read");
        std::thread::sleep(Duration::from_millis(50));
    };
    let tenant = ready.rows.iter().find(|r| r.name == "Tenant Co").unwrap();
    assert_eq!(tenant.next.words, "Ready: submit for review");
    assert_eq!(tenant.campaigns, "1 campaign, 0 active");
    assert!(
        tenant.freshness.starts_with("Read "),
        "{}",
        tenant.freshness
    );
    // Sorted by what needs attention: the ready one first, the live ones last.
    assert_eq!(ready.rows[0].name, "Tenant Co");
    assert_eq!(ready.rows.last().unwrap().next.kind, NextKind::Live);
    let only_ready = window(
        &core,
        Some(BUILTIN),
        BoardQuery {
            next: Some(NextKind::Ready),
            ..BoardQuery::default()
        },
    );
    assert_eq!(only_ready.matched, 1);
    // A second opening within 15 minutes reads nothing again.
    let again = core.run(board::refresh_board(&core.core, BUILTIN)).unwrap();
    assert_eq!(again.profiles, 0);

    // Two submitted at once: the one with a gap is refused by name, the ready one is submitted.
    let item = |name: &str, key: &str| BulkSubmitItem {
        workspace_id: BUILTIN,
        profile_id: profile(&core, name),
        idempotency_key: key.to_owned(),
    };
    let tenant_key = uuid::Uuid::new_v4().to_string();
    let results = core
        .run(board::submit_profiles(
            &core.core,
            vec![
                item("Tenant Co", &tenant_key),
                item("Joe's Pizza Uptown", &uuid::Uuid::new_v4().to_string()),
            ],
            None,
        ))
        .unwrap();
    assert_eq!(results.len(), 2);
    assert!(results[0].ok, "{}", results[0].message);
    assert_eq!(results[0].name, "Tenant Co");
    assert!(!results[1].ok);
    let refused = results[1].error.as_ref().expect("the refusal is said");
    assert!(
        refused.fields.as_ref().unwrap().contains_key("short_name"),
        "{refused:?}"
    );
    // The same key again is the same submission: Sent answers it from its record (a new key on
    // a profile already submitted would not be taken as a success).
    let retry = core
        .run(board::submit_profiles(
            &core.core,
            vec![item("Tenant Co", &tenant_key)],
            None,
        ))
        .unwrap();
    assert!(retry[0].ok, "{}", retry[0].message);
    // Two profiles with one key are refused before anything is sent.
    let twice = core.run(board::submit_profiles(
        &core.core,
        vec![item("Tenant Co", "k"), item("Bella Salon", "k")],
        None,
    ));
    assert!(twice.is_err());

    // The followed submission moves the row out of "ready" without a refresh.
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let w = window(&core, Some(BUILTIN), BoardQuery::default());
        let kind = w
            .rows
            .iter()
            .find(|r| r.name == "Tenant Co")
            .unwrap()
            .next
            .kind;
        if matches!(kind, NextKind::InReview | NextKind::Live) {
            break;
        }
        assert!(Instant::now() < deadline, "Tenant Co stayed {kind:?}");
        std::thread::sleep(Duration::from_millis(100));
    }

    // Every workspace: the same profiles here (one workspace), named with it.
    let all = window(&core, None, BoardQuery::default());
    assert_eq!(all.total, 5);
    assert!(all.rows.iter().all(|r| !r.workspace_name.is_empty()));

    // The report: a header and one line per profile, the next action in words.
    let export = core
        .run(board::export_board(
            &core.core,
            Some(BUILTIN),
            BoardQuery::default(),
        ))
        .unwrap();
    assert_eq!(export.rows, 5);
    let text = std::fs::read_to_string(&export.path).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 6);
    assert!(lines[0].starts_with("Workspace,Profile,Profile id"));
    assert!(
        text.contains("Add a short name"),
        "the report lacks Uptown's next action"
    );
    assert!(text.contains("Inherits the organization's"));
}
