//! Onboarding over IPC on the mock runtime, against real sandboxes: the draft checked step by step,
//! the masked request, dry run and create (one profile per draft, also after a lost response), the
//! V14 case caught at the WhatsApp step on an organization without an account, drafts kept and
//! discarded, and submit for review with its prerequisites and the status followed.

use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::support::{invoke, listed, mock_app, refreshed_list, second_sandbox, MockApp};

const BUILTIN: &str = "00000000-0000-0000-0000-000000000000";
const TOKEN: &str = "EAAG-onboarding-secret-token-0123456789";

fn start(app: &MockApp, preset: Option<&str>) -> Value {
    invoke(&app.window, "start_onboarding", json!({ "preset": preset })).unwrap()["draft"].clone()
}

fn check(app: &MockApp, workspace: &Value, draft: &Value, token: Option<&str>) -> Value {
    invoke(
        &app.window,
        "check_onboarding",
        json!({ "workspaceId": workspace, "draft": draft,
                "secrets": { "access_token": token, "payment": null } }),
    )
    .unwrap()
}

fn create(app: &MockApp, workspace: &Value, draft: &Value, dry_run: bool) -> Result<Value, Value> {
    invoke(
        &app.window,
        "create_profile",
        json!({ "workspaceId": workspace, "draft": draft,
                "secrets": { "access_token": TOKEN, "payment": null }, "dryRun": dry_run }),
    )
}

/// How many profiles of that name the workspace lists, read afresh from its server.
fn profiles_named(app: &MockApp, workspace: &Value, name: &str) -> usize {
    let list = refreshed_list(&app.window, json!({ "workspaceId": workspace })).unwrap();
    list["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["name"] == name)
        .count()
}

/// An Agency-preset draft with its own WhatsApp credentials, inheriting brand and campaigns.
fn agency(app: &MockApp, name: &str) -> Value {
    let mut d = start(app, Some("agency"));
    d["profile"]["name"] = json!(name);
    d["profile"]["short_name"] = json!("Sunrise");
    d["profile"]["description"] = json!("Agency client: dental reminders");
    d["waba_id"] = json!("204400000000001");
    d
}

#[test]
fn a_draft_is_checked_step_by_step_and_created_once() {
    let app = mock_app();
    let ws = json!(BUILTIN);
    refreshed_list(&app.window, json!({ "workspaceId": BUILTIN })).unwrap();
    let empty = start(&app, None);
    let verdict = check(&app, &ws, &empty, None);
    assert!(verdict["fields"]["name"].is_array(), "{verdict}");
    let identity = &verdict["steps"][0];
    assert_eq!(identity["id"], "identity");
    assert!(identity["errors"].as_u64().unwrap() >= 1);

    let mut d = agency(&app, "Sunrise Dental");
    // Own WhatsApp without its token: asked for (a resumed draft never has it).
    let verdict = check(&app, &ws, &d, None);
    assert!(
        verdict["fields"]["whatsapp_business_account.access_token"].is_array(),
        "{verdict}"
    );
    assert_eq!(verdict["steps"][3]["errors"], 1);
    let verdict = check(&app, &ws, &d, Some(TOKEN));
    assert_eq!(verdict["fields"], json!({}), "{verdict}");
    let request = verdict["request"].to_string();
    assert!(request.contains("•••• (hidden)") && !request.contains(TOKEN));
    for explicit in ["inherit_tcr_brand", "inherit_tcr_campaign", "billing_model"] {
        assert!(
            verdict["request"].get(explicit).is_some(),
            "{explicit} always sent (D3)"
        );
    }
    assert!(verdict["resources"][3]["text"]
        .as_str()
        .unwrap()
        .contains("shares its own"));
    // Direct credentials: the preview says the account is the profile's own (not "not reported").
    assert_eq!(
        verdict["resources"][1]["text"], "Has its own WhatsApp Business Account (204400000000001).",
        "{verdict}"
    );

    // Kept as a draft (without the token), listed, resumable.
    invoke(
        &app.window,
        "save_onboarding_draft",
        json!({ "workspaceId": BUILTIN, "draft": d }),
    )
    .unwrap();
    let drafts = invoke(
        &app.window,
        "onboarding_drafts",
        json!({ "workspaceId": BUILTIN }),
    )
    .unwrap();
    assert_eq!(drafts[0]["name"], "Sunrise Dental");

    let dry = create(&app, &ws, &d, true).unwrap();
    assert_eq!(dry["view"], Value::Null);
    let created = create(&app, &ws, &d, false).unwrap();
    let profile = &created["view"]["profile"];
    assert_eq!(profile["name"], "Sunrise Dental");
    assert_eq!(profile["inherit_contacts"], false);
    assert_eq!(profile["allow_template_sharing"], true);
    assert_eq!(profile["billing_model"], "organization");
    d = created["draft"].clone();
    assert_eq!(d["created_profile_id"], profile["id"]);
    // The list shows it with its effective configuration.
    let list = listed(&app.window, json!({ "workspaceId": BUILTIN })).unwrap();
    assert!(list["rows"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["name"] == "Sunrise Dental"));
    // The same draft cannot create a second profile.
    let again = create(&app, &ws, &d, false).unwrap_err();
    assert_eq!(again["kind"], "conflict");

    // Nothing of the token in any file the app wrote.
    let dir = app.dir.path.clone();
    drop(app);
    let found = crate::support::files_containing(&dir, TOKEN);
    assert!(found.is_empty(), "the token is in {found:?}");
}

fn add_workspace(app: &MockApp, sandbox: &sent_sandbox::RunningSandbox, name: &str) -> Value {
    let added = invoke(
        &app.window,
        "add_workspace",
        json!({ "draft": { "name": name, "environment": "custom",
                "custom_base_url": sandbox.base_url(), "api_key": sandbox.keys().org_admin } }),
    )
    .unwrap();
    let id = added["id"].clone();
    refreshed_list(&app.window, json!({ "workspaceId": id })).unwrap();
    id
}

#[test]
fn inheriting_whatsapp_from_an_organization_without_one_is_caught_at_its_step() {
    let sandbox = tauri::async_runtime::block_on(
        sent_sandbox::Sandbox::builder()
            .seed(sent_sandbox::Seed::Empty)
            .start("127.0.0.1:0"),
    )
    .unwrap();
    let app = mock_app();
    let ws = add_workspace(&app, &sandbox, "Empty organization");
    let mut d = start(&app, Some("custom"));
    d["profile"]["name"] = json!("Needs WhatsApp");
    assert_eq!(d["whatsapp_inherit"], true);
    let verdict = check(&app, &ws, &d, None);
    assert_eq!(verdict["organization_has_whatsapp"], false);
    assert!(verdict["fields"]["whatsapp"][0]
        .as_str()
        .unwrap()
        .contains("no WhatsApp Business Account"));
    let whatsapp = verdict["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "whatsapp")
        .unwrap()
        .clone();
    assert_eq!(whatsapp["errors"], 1);
    let refused = create(&app, &ws, &d, false).unwrap_err();
    assert!(
        refused["fields"]["whatsapp"].is_array(),
        "refused before sending: {refused}"
    );
}

#[test]
fn a_lost_response_then_a_retry_creates_one_profile() {
    let sandbox = second_sandbox();
    let app = mock_app();
    let ws = add_workspace(&app, &sandbox, "Flaky");
    sandbox.set_faults(sent_sandbox::Faults {
        drop_after_commit: 1,
        ..Default::default()
    });
    let d = agency(&app, "Lost Response Co");
    // The client retries the dropped answer with the same key; a second click would too.
    let first = create(&app, &ws, &d, false);
    let second = create(&app, &ws, &d, false);
    assert!(first.is_ok() || second.is_ok(), "{first:?} / {second:?}");
    let count = profiles_named(&app, &ws, "Lost Response Co");
    assert_eq!(count, 1);
}

#[test]
fn submit_checks_the_prerequisites_then_follows_the_status() {
    let app = mock_app();
    let ws = json!(BUILTIN);
    refreshed_list(&app.window, json!({ "workspaceId": BUILTIN })).unwrap();
    // No short name or description: each missing item is named.
    let mut bare = agency(&app, "Bare Co");
    bare["profile"]["short_name"] = Value::Null;
    bare["profile"]["description"] = Value::Null;
    let created = create(&app, &ws, &bare, false).unwrap();
    let id = created["view"]["profile"]["id"].clone();
    let missing = invoke(
        &app.window,
        "submit_profile",
        json!({ "workspaceId": BUILTIN, "profileId": id, "webHookUrl": null,
                "idempotencyKey": "submit-bare-1" }),
    )
    .unwrap_err();
    assert!(
        missing["fields"]["short_name"].is_array() && missing["fields"]["description"].is_array(),
        "{missing}"
    );

    let ready = create(&app, &ws, &agency(&app, "Ready Co"), false).unwrap();
    let id = ready["view"]["profile"]["id"].clone();
    let submitted = invoke(
        &app.window,
        "submit_profile",
        json!({ "workspaceId": BUILTIN, "profileId": id, "webHookUrl": null,
                "idempotencyKey": "submit-ready-1" }),
    )
    .unwrap();
    assert!(
        submitted["message"].as_str().unwrap().contains("Submitted"),
        "{submitted}"
    );
    let started = Instant::now();
    loop {
        let detail = invoke(
            &app.window,
            "refresh_profile",
            json!({ "workspaceId": BUILTIN, "profileId": id }),
        )
        .unwrap();
        let status = detail["profile"]["status"].as_str().unwrap().to_owned();
        if status != "incomplete" {
            assert!(
                ["approved", "pending_review"].contains(&status.as_str()),
                "{status}"
            );
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "status never changed"
        );
        std::thread::sleep(Duration::from_millis(300));
    }
}

#[test]
fn an_ambiguous_create_keeps_its_key_and_says_outcome_unknown() {
    let sandbox = second_sandbox();
    let app = mock_app();
    let ws = add_workspace(&app, &sandbox, "Flaky answers");
    let d = agency(&app, "Unknown Outcome Co");
    invoke(
        &app.window,
        "save_onboarding_draft",
        json!({ "workspaceId": ws, "draft": d }),
    )
    .unwrap();
    // Every attempt answered 500 (the client's retries included): Sent may or may not have
    // created it, as far as the app can tell.
    sandbox.set_faults(sent_sandbox::Faults {
        error_500_rate: 1.0,
        ..Default::default()
    });
    let lost = create(&app, &ws, &d, false).unwrap_err();
    assert_eq!(lost["outcome"], "unknown", "{lost}");
    assert!(
        lost["message"]
            .as_str()
            .unwrap()
            .contains("Outcome unknown"),
        "{lost}"
    );
    let stored = invoke(
        &app.window,
        "onboarding_draft",
        json!({ "workspaceId": ws, "id": d["id"] }),
    )
    .unwrap()["draft"]
        .clone();
    assert_eq!(stored["idempotency_key"], d["idempotency_key"]);
    assert!(stored["ambiguous_since"].is_number(), "{stored}");
    sandbox.set_faults(sent_sandbox::Faults::default());
    create(&app, &ws, &d, false).unwrap();
    let count = profiles_named(&app, &ws, "Unknown Outcome Co");
    assert_eq!(count, 1, "one profile for the lost create and its retry");
}

/// Every text the wizard's form holds, emptied one at a time (the form sends `null` for an
/// emptied field): the draft is still checked and kept, and a required one gets its message.
#[test]
fn every_field_survives_being_emptied() {
    fn text_paths(value: &Value, prefix: &str, out: &mut Vec<String>) {
        match value {
            Value::String(_) => out.push(prefix.to_owned()),
            Value::Object(map) => {
                for (key, inner) in map {
                    text_paths(inner, &format!("{prefix}/{key}"), out);
                }
            }
            _ => {}
        }
    }
    let app = mock_app();
    let ws = json!(BUILTIN);
    let mut d = agency(&app, "Emptied Co");
    d["profile"]["inherit_tcr_brand"] = json!(false);
    d["profile"]["icon"] = json!("https://emptied.example/icon.png");
    d["profile"]["billing_contact"] = json!({ "name": "Ann Lee", "email": "billing@emptied.example",
        "phone": "+14155550123", "address": "1 Main St, Austin TX" });
    d["profile"]["brand"] = json!({
        "id": "", "is_inherited": false, "submitted_to_tcr": false,
        "contact": { "name": "Ann Lee", "business_name": "Emptied Co", "role": "CEO",
                     "phone": "+14155550123", "email": "ann@example.com", "phone_country_code": "1" },
        "business": { "legal_name": "Emptied Co LLC", "tax_id": "12-3456789", "tax_id_type": "us_ein",
                      "entity_type": "PRIVATE_PROFIT", "street": "1 Main St", "city": "Austin", "state": "TX",
                      "postal_code": "78701", "country": "US", "url": "https://emptied.example",
                      "country_of_registration": "US" },
        "compliance": { "vertical": "RETAIL", "brand_relationship": "BASIC_ACCOUNT",
                        "primary_use_case": "ACCOUNT_NOTIFICATION", "expected_messaging_volume": "1000",
                        "is_tcr_application": true, "phone_number_prefix": "+1",
                        "destination_countries": [{ "id": "US", "isMain": true }], "notes": "none" }
    });
    let mut paths = Vec::new();
    text_paths(&d["profile"], "/profile", &mut paths);
    // The form's fields: not what only Sent sets (ids, status, times).
    paths.retain(|p| {
        ![
            "/id",
            "/status",
            "_at",
            "/organization_id",
            "/billing_model",
        ]
        .iter()
        .any(|end| p.ends_with(end))
    });
    eprintln!("emptied one at a time: {paths:?}");
    assert!(paths.len() > 20, "{paths:?}");
    for path in &paths {
        let mut emptied = d.clone();
        *emptied.pointer_mut(path).unwrap() = Value::Null;
        let verdict = invoke(
            &app.window,
            "check_onboarding",
            json!({ "workspaceId": ws, "draft": emptied,
                    "secrets": { "access_token": TOKEN, "payment": null } }),
        )
        .unwrap_or_else(|e| panic!("{path} emptied: the draft was not checked: {e}"));
        invoke(
            &app.window,
            "save_onboarding_draft",
            json!({ "workspaceId": BUILTIN, "draft": emptied }),
        )
        .unwrap_or_else(|e| panic!("{path} emptied: the draft was not kept: {e}"));
        if path == "/profile/name" {
            assert!(verdict["fields"]["name"].is_array(), "{verdict}");
        }
        if path == "/profile/brand/contact/name" {
            assert!(
                verdict["fields"]["brand.contact.name"].is_array(),
                "{verdict}"
            );
        }
    }
}
