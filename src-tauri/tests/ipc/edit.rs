//! Profile detail and editing over IPC on the mock runtime, against the embedded sandbox (real
//! HTTP, real SQLite file): save and read back, rules before any request, dry runs, card data
//! kept nowhere, locked brands, server errors on their fields, delete, drafts and the journal.

use serde_json::{json, Value};

use crate::support::{invoke, listed, mock_app, MockApp};

const BUILTIN: &str = "00000000-0000-0000-0000-000000000000";

fn key() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// Refreshes the demo organization and answers the detail of the profile with that name.
fn open(app: &MockApp, name: &str) -> Value {
    let id = crate::support::profile_id(app, BUILTIN, name);
    invoke(
        &app.window,
        "profile_detail",
        json!({ "workspaceId": BUILTIN, "profileId": id }),
    )
    .unwrap()
}

fn save(
    app: &MockApp,
    id: &Value,
    draft: &Value,
    payment: Value,
    dry_run: bool,
) -> Result<Value, Value> {
    invoke(
        &app.window,
        "save_profile",
        json!({ "workspaceId": BUILTIN, "profileId": id, "draft": draft, "payment": payment,
                "dryRun": dry_run, "idempotencyKey": key() }),
    )
}

fn journal(app: &MockApp) -> Vec<sent_store::JournalEntry> {
    let state = crate::support::core(&app.app);
    state
        .with_store(|store| store.journal(BUILTIN, 100))
        .unwrap()
        .unwrap()
}

#[test]
fn a_toggle_is_saved_read_back_and_journaled() {
    let app = mock_app();
    let detail = open(&app, "Bella Salon");
    let id = detail["profile"]["id"].clone();
    assert_eq!(detail["profile"]["inherit_contacts"], false);
    let contacts_before = detail["resources"][2]["text"].clone();

    let mut draft = detail["profile"].clone();
    draft["inherit_contacts"] = json!(true);
    let check = invoke(
        &app.window,
        "check_profile_edit",
        json!({ "workspaceId": BUILTIN, "profileId": id, "draft": draft, "payment": null }),
    )
    .unwrap();
    assert_eq!(check["fields"], json!({}));
    assert_eq!(
        check["changes"],
        json!([{ "path": "inherit_contacts", "label": "Inherit the organization's contacts",
                 "old": "No", "new": "Yes" }])
    );

    let saved = save(&app, &id, &draft, Value::Null, false).unwrap();
    assert_eq!(saved["dry_run"], false);
    assert_eq!(saved["profile"]["inherit_contacts"], true);
    assert_eq!(saved["differences"], json!([]));
    assert_ne!(saved["view"]["resources"][2]["text"], contacts_before);

    // Read back from Sent, not from what was typed.
    let fresh = invoke(
        &app.window,
        "refresh_profile",
        json!({ "workspaceId": BUILTIN, "profileId": id }),
    )
    .unwrap();
    assert_eq!(fresh["profile"]["inherit_contacts"], true);
    assert_eq!(fresh["draft"], Value::Null);

    let entries = journal(&app);
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].action, "profile.update");
    assert_eq!(entries[0].outcome, "ok");
    assert_eq!(entries[0].changes["profile_name"], "Bella Salon");
    assert_eq!(entries[0].changes["changes"][0]["path"], "inherit_contacts");
    assert!(entries[0].request_id.is_some());
}

#[test]
fn billing_the_profile_needs_a_contact_before_any_request() {
    let app = mock_app();
    let detail = open(&app, "Bella Salon");
    let id = detail["profile"]["id"].clone();
    let mut draft = detail["profile"].clone();
    draft["billing_model"] = json!("profile");
    let check = invoke(
        &app.window,
        "check_profile_edit",
        json!({ "workspaceId": BUILTIN, "profileId": id, "draft": draft, "payment": null }),
    )
    .unwrap();
    assert!(check["fields"]["billing_contact"].is_array(), "{check}");
    let error = save(&app, &id, &draft, Value::Null, false).unwrap_err();
    assert_eq!(error["kind"], "validation");
    assert!(error["fields"]["billing_contact"].is_array());
    assert!(
        journal(&app).is_empty(),
        "nothing was sent, so nothing is journaled"
    );

    // With a contact (phone typed loosely, normalised to E.164) it saves.
    draft["billing_contact"] = json!({ "name": "Bella Ltd", "email": "ap@bella.example", "phone": "+1 (415) 555-0199", "address": null });
    let saved = save(&app, &id, &draft, Value::Null, false).unwrap();
    assert_eq!(saved["profile"]["billing_model"], "profile");
    assert_eq!(saved["profile"]["billing_contact"]["phone"], "+14155550199");
}

#[test]
fn a_dry_run_changes_nothing_and_card_details_are_kept_nowhere() {
    let app = mock_app();
    let detail = open(&app, "Tenant Co");
    let id = detail["profile"]["id"].clone();
    let mut draft = detail["profile"].clone();
    draft["description"] = json!("Renamed by a dry run");
    let card = json!({ "card_number": "4242424242424242", "expiry": "12/34", "cvc": "987",
                       "zip_code": "94105-7788" });

    // A bad card is refused field by field before sending.
    let bad = save(
        &app,
        &id,
        &draft,
        json!({ "card_number": "4242", "expiry": "13/99", "cvc": "1", "zip_code": "" }),
        false,
    )
    .unwrap_err();
    for field in [
        "payment_details.card_number",
        "payment_details.expiry",
        "payment_details.cvc",
        "payment_details.zip_code",
    ] {
        assert!(bad["fields"][field].is_array(), "{field}: {bad}");
    }

    let dry = save(&app, &id, &draft, card.clone(), true).unwrap();
    assert_eq!(dry["dry_run"], true);
    assert_eq!(dry["view"], Value::Null);
    assert!(dry["message"]
        .as_str()
        .unwrap()
        .contains("Nothing was saved"));
    let after_dry = invoke(
        &app.window,
        "refresh_profile",
        json!({ "workspaceId": BUILTIN, "profileId": id }),
    )
    .unwrap();
    assert_eq!(
        after_dry["profile"]["description"],
        detail["profile"]["description"]
    );

    let live = save(&app, &id, &draft, card, false).unwrap();
    assert_eq!(live["profile"]["description"], "Renamed by a dry run");
    let listed: Vec<&str> = live["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["path"].as_str().unwrap())
        .collect();
    assert_eq!(listed, ["description", "payment_details"]);
    let entries = journal(&app);
    assert_eq!(
        entries
            .iter()
            .map(|e| e.outcome.as_str())
            .collect::<Vec<_>>(),
        ["ok", "dry_run"]
    );

    // The card number, CVC and ZIP are in no file the app wrote.
    drop(entries);
    let dir = app.dir.path.clone();
    drop(app);
    for needle in ["4242424242424242", "94105-7788", "card_number", "\"cvc\""] {
        let found = crate::support::files_containing(&dir, needle);
        assert!(found.is_empty(), "{needle} found in {found:?}");
    }
}

#[test]
fn a_submitted_brand_is_locked_and_refused() {
    let app = mock_app();
    let detail = open(&app, "Northwind Clinics");
    assert!(detail["locks"]["brand"]
        .as_str()
        .unwrap()
        .contains("submitted to TCR"));
    let mut draft = detail["profile"].clone();
    draft["brand"]["business"]["legal_name"] = json!("Northwind Group");
    let check = invoke(
        &app.window,
        "check_profile_edit",
        json!({ "workspaceId": BUILTIN, "profileId": detail["profile"]["id"], "draft": draft,
                "payment": null }),
    )
    .unwrap();
    assert!(
        check["fields"]["brand"][0]
            .as_str()
            .unwrap()
            .contains("submitted"),
        "{check}"
    );
}

#[test]
fn brand_rules_and_normalisation_while_typing() {
    let app = mock_app();
    let detail = open(&app, "Tenant Co");
    let id = detail["profile"]["id"].clone();
    let mut draft = detail["profile"].clone();
    draft["brand"]["contact"]["phone"] = json!("415 555");
    draft["brand"]["compliance"]["destination_countries"] = json!([{ "id": "US" }, { "id": "CA" }]);
    draft["brand"]["business"]["url"] = json!("not a url");
    let check = invoke(
        &app.window,
        "check_profile_edit",
        json!({ "workspaceId": BUILTIN, "profileId": id, "draft": draft, "payment": null }),
    )
    .unwrap();
    let fields = &check["fields"];
    assert!(fields["brand.contact.phone"].is_array(), "{check}");
    assert!(fields["brand.compliance.destinationCountries"][0]
        .as_str()
        .unwrap()
        .contains("main"));
    assert!(fields["brand.business.url"].is_array());

    let phone = invoke(
        &app.window,
        "normalize_phone",
        json!({ "value": "(415) 555-0123", "country": "US" }),
    )
    .unwrap();
    assert_eq!(phone, "+14155550123");
    let bad = invoke(
        &app.window,
        "normalize_phone",
        json!({ "value": "415 555", "country": null }),
    )
    .unwrap_err();
    assert_eq!(bad["kind"], "validation");
}

#[test]
fn a_server_error_lands_on_its_field_and_is_journaled() {
    let app = mock_app();
    let bella = open(&app, "Bella Salon");
    let uptown = open(&app, "Joe's Pizza Uptown");
    // Delete Uptown behind the app's back: its cache still lists it, so the pre-flight passes
    // and only Sent can say the borrowed profile is gone.
    let state = crate::support::core(&app.app);
    let (client, _) = state.client(BUILTIN.parse().unwrap(), None).unwrap();
    let id = uptown["profile"]["id"].as_str().unwrap().to_owned();
    tauri::async_runtime::block_on(async {
        use sent_client::ProfileBackend;
        client
            .delete_profile(&id, &Default::default())
            .await
            .unwrap();
    });
    let mut draft = bella["profile"].clone();
    draft["sending_phone_number_profile_id"] = json!(id);
    let error = save(&app, &bella["profile"]["id"], &draft, Value::Null, false).unwrap_err();
    assert_eq!(error["kind"], "validation");
    assert!(
        error["fields"]["sending_phone_number_profile_id"].is_array(),
        "{error}"
    );
    assert!(error["request_id"].is_string());
    assert!(error["message"]
        .as_str()
        .unwrap()
        .contains("Sent refused the save"));
    let entries = journal(&app);
    assert_eq!(entries[0].outcome, "error:VALIDATION_001");
}

#[test]
fn delete_needs_the_name_and_forgets_the_profile() {
    let app = mock_app();
    let detail = open(&app, "Joe's Pizza Uptown");
    let id = detail["profile"]["id"].clone();
    let wrong = invoke(
        &app.window,
        "delete_profile",
        json!({ "workspaceId": BUILTIN, "profileId": id, "confirmName": "Joe's Pizza",
                "idempotencyKey": key() }),
    )
    .unwrap_err();
    assert!(wrong["fields"]["confirm_name"].is_array());
    let done = invoke(
        &app.window,
        "delete_profile",
        json!({ "workspaceId": BUILTIN, "profileId": id, "confirmName": " Joe's Pizza Uptown ",
                "idempotencyKey": key() }),
    )
    .unwrap();
    assert!(done["message"].as_str().unwrap().contains("Sent keeps"));
    let list = listed(&app.window, json!({ "workspaceId": BUILTIN })).unwrap();
    assert!(!list["rows"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["id"] == id));
    let gone = invoke(
        &app.window,
        "refresh_profile",
        json!({ "workspaceId": BUILTIN, "profileId": id }),
    )
    .unwrap_err();
    assert_eq!(gone["kind"], "not_found");
    assert_eq!(journal(&app)[0].action, "profile.delete");
}

#[test]
fn a_draft_survives_and_can_be_discarded() {
    let app = mock_app();
    let detail = open(&app, "Bella Salon");
    let id = detail["profile"]["id"].clone();
    let mut draft = detail["profile"].clone();
    draft["description"] = json!("Half-typed");
    invoke(
        &app.window,
        "save_profile_draft",
        json!({ "workspaceId": BUILTIN, "profileId": id, "draft": draft }),
    )
    .unwrap();
    let again = invoke(
        &app.window,
        "profile_detail",
        json!({ "workspaceId": BUILTIN, "profileId": id }),
    )
    .unwrap();
    assert_eq!(again["draft"]["description"], "Half-typed");
    assert!(again["draft_saved_at"].is_number());
    invoke(
        &app.window,
        "discard_profile_draft",
        json!({ "workspaceId": BUILTIN, "profileId": id }),
    )
    .unwrap();
    let clean = invoke(
        &app.window,
        "profile_detail",
        json!({ "workspaceId": BUILTIN, "profileId": id }),
    )
    .unwrap();
    assert_eq!(clean["draft"], Value::Null);
}

#[test]
fn a_newer_server_behaviour_locks_its_fields_with_the_reason() {
    let app = mock_app();
    let detail = open(&app, "Bella Salon");
    assert_eq!(detail["drift"], json!([]));
    assert_eq!(detail["locks"]["sharing"], Value::Null);
    // What a save against a server that ignored the flags records (D1, D2).
    let state = crate::support::core(&app.app);
    state
        .with_store(|store| {
            store.put_fact(
                BUILTIN,
                "server_drift",
                &sent_views::edit::DriftMemory {
                    drifts: vec![
                        "sharing_flags_ignored".into(),
                        "sender_borrowing_ignored".into(),
                    ],
                },
            )
        })
        .unwrap();
    let again = invoke(
        &app.window,
        "profile_detail",
        json!({ "workspaceId": BUILTIN, "profileId": detail["profile"]["id"] }),
    )
    .unwrap();
    assert_eq!(again["drift"].as_array().unwrap().len(), 2);
    assert!(again["drift"][0]["message"]
        .as_str()
        .unwrap()
        .contains("ignores"));
    assert!(again["locks"]["sharing"]
        .as_str()
        .unwrap()
        .starts_with("Read-only on this server"));
    assert!(again["locks"]["borrowing"].is_string());
    assert_eq!(again["locks"]["brand_volume"], Value::Null);

    // A kept draft that only flips a toggle now read-only is no edit: it is not restored (the
    // screen would otherwise stay "unsaved" forever) and it is forgotten.
    let id = detail["profile"]["id"].clone();
    let mut draft = detail["profile"].clone();
    draft["allow_contact_sharing"] = json!(!draft["allow_contact_sharing"].as_bool().unwrap());
    let keep = |draft: &Value| {
        invoke(
            &app.window,
            "save_profile_draft",
            json!({ "workspaceId": BUILTIN, "profileId": id, "draft": draft }),
        )
        .unwrap();
    };
    keep(&draft);
    let read = || {
        invoke(
            &app.window,
            "profile_detail",
            json!({ "workspaceId": BUILTIN, "profileId": id }),
        )
        .unwrap()
    };
    assert_eq!(read()["draft"], Value::Null);
    let stored = state
        .with_store(|store| {
            store.draft::<sent_model::ProfileDetail>(
                BUILTIN,
                &format!("profile:{}", id.as_str().unwrap()),
            )
        })
        .unwrap()
        .flatten();
    assert!(stored.is_none(), "the dropped draft is deleted");
    // Beside a real edit, the edit is restored and the locked toggle is shown as stored.
    draft["description"] = json!("Half-typed");
    keep(&draft);
    let restored = read();
    assert_eq!(restored["draft"]["description"], "Half-typed");
    assert_eq!(
        restored["draft"]["allow_contact_sharing"],
        detail["profile"]["allow_contact_sharing"]
    );
}

#[test]
fn a_retried_save_with_the_same_key_applies_once() {
    let app = mock_app();
    let detail = open(&app, "Bella Salon");
    let id = detail["profile"]["id"].clone();
    let mut draft = detail["profile"].clone();
    draft["description"] = json!("Retried");
    let key = key();
    let args = json!({ "workspaceId": BUILTIN, "profileId": id, "draft": draft, "payment": null,
                       "dryRun": false, "idempotencyKey": key });
    let first = invoke(&app.window, "save_profile", args).unwrap();
    // The answer was lost: the UI retries the same action with the same key against the stored
    // state it had (the profile before the save).
    let state = crate::support::core(&app.app);
    state
        .with_store(|store| {
            let before: sent_model::ProfileDetail =
                serde_json::from_value(detail["profile"].clone()).unwrap();
            store.upsert_profile(BUILTIN, &before)
        })
        .unwrap();
    let again = invoke(
        &app.window,
        "save_profile",
        json!({ "workspaceId": BUILTIN, "profileId": id, "draft": draft, "payment": null,
                "dryRun": false, "idempotencyKey": key }),
    )
    .unwrap();
    assert_eq!(
        again["profile"]["updated_at"], first["profile"]["updated_at"],
        "Sent replayed the first answer"
    );
}
