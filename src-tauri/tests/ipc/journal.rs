//! Journal commands over IPC on the mock runtime: entries appended through the store (as the save
//! and delete commands do) come back worded and filtered, and the CSV export holds exactly what the
//! journal holds, quoted, in a new owner-only file.

use sent_model::{PaymentDetails, ProfileDetail, ProfileUpdate};
use sent_store::NewJournalEntry;
use sent_views::{FieldChange, JournalChanges};
use serde_json::{json, Value};

use crate::support::{invoke, mock_app, MockApp};

const BUILTIN: &str = "00000000-0000-0000-0000-000000000000";
const CARD: &str = "4242424242424242";
const TRICKY: &str = "Bella, \"the\" salon\nsecond line";

fn append(
    app: &MockApp,
    profile: Option<&str>,
    action: &str,
    changes: &JournalChanges,
    outcome: &str,
) {
    let state = crate::support::core(&app.app);
    state
        .with_store(|store| {
            store.append_journal(&NewJournalEntry {
                workspace_id: BUILTIN,
                profile_id: profile,
                action,
                changes,
                outcome,
                request_id: Some("req_123"),
            })
        })
        .unwrap()
        .expect("the mock app has a database");
}

/// Three entries: a save with a tricky new name and card data (worded by `sent_views` as the
/// save command words it), a failed update, a dry-run delete without changes.
fn fill(app: &MockApp) {
    let stored = ProfileDetail {
        id: "p-bella".into(),
        name: "Bella Salon".into(),
        ..ProfileDetail::default()
    };
    let update = ProfileUpdate {
        name: Some(TRICKY.into()),
        payment_details: Some(PaymentDetails {
            card_number: Some(CARD.into()),
            cvc: Some("987".into()),
            ..Default::default()
        }),
        ..Default::default()
    };
    let saved = JournalChanges {
        profile_name: "Bella Salon".into(),
        changes: sent_views::edit::changes(&stored, &update),
        message: None,
    };
    assert_eq!(saved.changes.len(), 2, "{:?}", saved.changes);
    append(app, Some("p-bella"), "profile.update", &saved, "ok");
    let failed = JournalChanges {
        profile_name: "Acme Dental".into(),
        changes: vec![FieldChange {
            path: "billing_contact.email".into(),
            label: "Billing contact · E-mail".into(),
            old: "a@acme.test".into(),
            new: "not-an-email".into(),
        }],
        message: Some("billing_contact.email must be an e-mail address".into()),
    };
    append(
        app,
        Some("p-acme"),
        "profile.update",
        &failed,
        "error:VALIDATION_001",
    );
    let deleted = JournalChanges {
        profile_name: "Acme Dental".into(),
        changes: vec![],
        message: Some("Sent would delete this profile.".into()),
    };
    append(app, Some("p-acme"), "profile.delete", &deleted, "dry_run");
}

fn entries(app: &MockApp, args: Value) -> Vec<Value> {
    let mut body = json!({ "workspaceId": BUILTIN });
    body.as_object_mut()
        .unwrap()
        .extend(args.as_object().unwrap().clone());
    invoke(&app.window, "journal_entries", body)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn journal_entries_are_worded_newest_first_and_filtered() {
    let app = mock_app();
    assert!(entries(&app, json!({})).is_empty());
    fill(&app);

    let all = entries(&app, json!({}));
    assert_eq!(all.len(), 3);
    let actions: Vec<_> = all.iter().map(|r| r["action_label"].clone()).collect();
    assert_eq!(
        actions,
        [
            json!("Profile deleted"),
            json!("Profile updated"),
            json!("Profile updated")
        ]
    );
    let [deleted, failed, saved] = [&all[0], &all[1], &all[2]];
    assert_eq!(deleted["outcome_label"], "Dry run");
    assert_eq!(deleted["changes"], json!([]));
    assert_eq!(deleted["message"], "Sent would delete this profile.");
    assert_eq!(
        failed["outcome"],
        json!({ "kind": "failed", "code": "VALIDATION_001" })
    );
    assert_eq!(failed["action"], "profile.update");
    assert_eq!(failed["outcome_label"], "Failed: VALIDATION_001");
    assert_eq!(failed["outcome_tone"], "danger");
    assert_eq!(failed["changes"][0]["label"], "Billing contact · E-mail");
    assert_eq!(saved["outcome_label"], "Saved");
    assert_eq!(saved["outcome_tone"], "success");
    assert_eq!(saved["profile_name"], "Bella Salon");
    assert_eq!(saved["profile_id"], "p-bella");
    assert_eq!(saved["request_id"], "req_123");
    assert!(saved["at"].as_i64().unwrap() > 1_700_000_000_000);
    assert!(!Value::Array(all.clone()).to_string().contains("4242"));

    let acme = entries(&app, json!({ "profileId": "p-acme" }));
    assert_eq!(acme, all[..2].to_vec());
    assert_eq!(
        entries(&app, json!({ "outcome": "error" })),
        vec![failed.clone()]
    );
    assert_eq!(
        entries(&app, json!({ "outcome": "ok" })),
        vec![saved.clone()]
    );
    assert_eq!(
        entries(&app, json!({ "profileId": "p-acme", "outcome": "dry_run" })),
        vec![deleted.clone()]
    );
    assert!(entries(&app, json!({ "profileId": "p-bella", "outcome": "error" })).is_empty());

    let bad = invoke(
        &app.window,
        "journal_entries",
        json!({ "workspaceId": BUILTIN, "outcome": "maybe" }),
    )
    .unwrap_err();
    assert!(bad.to_string().contains("maybe"), "{bad}");
}

#[test]
fn the_journal_exports_as_quoted_csv_with_one_line_per_change() {
    let app = mock_app();
    fill(&app);
    let export = |args: Value| {
        let mut body = json!({ "workspaceId": BUILTIN });
        body.as_object_mut()
            .unwrap()
            .extend(args.as_object().unwrap().clone());
        invoke(&app.window, "export_journal", body).unwrap()
    };

    let answer = export(json!({}));
    // 2 changes + 1 change + 1 line for the entry without changes.
    assert_eq!(answer["rows"], 4);
    let path = std::path::PathBuf::from(answer["path"].as_str().unwrap());
    assert!(
        path.starts_with(&app.dir.path),
        "tests write into their data dir"
    );
    let name = path.file_name().unwrap().to_str().unwrap();
    assert!(
        name.starts_with("sent-profiles-journal-local-sandbox-") && name.ends_with(".csv"),
        "{name}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    let text = std::fs::read_to_string(&path).unwrap();
    assert!(!text.contains("4242") && !text.contains("987"), "{text}");
    let mut reader = csv::Reader::from_path(&path).unwrap();
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header[0], "Time (UTC)");
    assert_eq!(header.len(), 11);
    let lines: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    assert_eq!(lines.len(), 4);
    // Newest first: the dry-run delete, with empty field columns.
    assert_eq!(lines[0][1], "Local sandbox");
    assert_eq!(lines[0][2], "Acme Dental");
    assert_eq!(lines[0][3], "p-acme");
    assert_eq!(lines[0][4], "Profile deleted");
    assert_eq!(lines[0][5], "Dry run");
    assert_eq!(&lines[0][6..9], ["", "", ""]);
    assert_eq!(lines[0][9], "req_123");
    assert_eq!(lines[0][10], "Sent would delete this profile.");
    assert_eq!(lines[1][5], "Failed: VALIDATION_001");
    assert_eq!(lines[1][8], "not-an-email");
    // ISO 8601 UTC with milliseconds.
    let time = &lines[0][0];
    assert!(
        time.len() == 24 && time.ends_with('Z') && time.as_bytes()[10] == b'T',
        "{time}"
    );
    let name_line = lines
        .iter()
        .find(|l| l[6] == "Name")
        .expect("the name change");
    assert_eq!(name_line[7], "Bella Salon");
    assert_eq!(
        name_line[8], TRICKY,
        "commas, quotes and line breaks survive"
    );
    assert!(
        text.contains("\"Bella, \"\"the\"\" salon\nsecond line\""),
        "{text}"
    );
    let card_line = lines.iter().find(|l| l[6] == "Card").expect("the card");
    assert!(card_line[8].starts_with("redacted"), "{card_line:?}");

    // Filtered, and never over the first file.
    let failed = export(json!({ "outcome": "error" }));
    assert_eq!(failed["rows"], 1);
    assert_ne!(failed["path"], answer["path"]);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    let bella = export(json!({ "profileId": "p-bella" }));
    assert_eq!(bella["rows"], 2);

    let unknown = invoke(
        &app.window,
        "export_journal",
        json!({ "workspaceId": uuid::Uuid::new_v4() }),
    )
    .unwrap_err();
    assert_eq!(unknown["kind"], "workspace_not_found");
}
