//! Profile-list commands over IPC on the mock runtime: the cache (instant, survives a restart),
//! the refresh from a real sandbox, the read-only summary, and errors with their kinds.

use serde_json::{json, Value};

use crate::support::{
    invoke, listed, mock_app, mock_app_with, refreshed_list, second_sandbox, TempDir,
};

const BUILTIN: &str = "00000000-0000-0000-0000-000000000000";

fn rows(list: &Value) -> &Vec<Value> {
    list["rows"].as_array().expect("rows")
}

#[test]
fn the_list_is_cached_refreshed_and_kept_across_a_restart() {
    let dir = TempDir::new();
    let service = format!("app.sentprofiles.desktop.test-{}", uuid::Uuid::new_v4());
    let app = mock_app_with(dir, service.clone());

    // Nothing cached yet: an empty list that says it was never fetched, at once.
    let cold = listed(&app.window, json!({ "workspaceId": BUILTIN })).unwrap();
    assert!(rows(&cold).is_empty());
    assert_eq!(cold["fetched_at"], Value::Null);

    let fresh = refreshed_list(&app.window, json!({ "workspaceId": BUILTIN })).unwrap();
    assert!(rows(&fresh).len() >= 5, "the demo organization's profiles");
    assert_eq!(fresh["complete"], true);
    assert!(fresh["fetched_at"].as_i64().is_some());
    let bella = rows(&fresh)
        .iter()
        .find(|r| r["name"] == "Bella Salon")
        .expect("Bella Salon is listed")
        .clone();
    // Worded by Rust: labels, not raw values.
    assert_eq!(bella["status_label"], "Approved");
    assert!(
        bella["billing_label"].as_str().unwrap().contains("pays")
            || bella["billing_label"].as_str().unwrap().contains("then")
    );
    assert!(bella["brand"]["label"].as_str().unwrap().contains("brand"));

    let cached = listed(&app.window, json!({ "workspaceId": BUILTIN })).unwrap();
    assert_eq!(rows(&cached), rows(&fresh));

    let summary = invoke(
        &app.window,
        "profile_detail",
        json!({ "workspaceId": BUILTIN, "profileId": bella["id"] }),
    )
    .unwrap();
    assert_eq!(summary["profile"]["name"], "Bella Salon");
    assert_eq!(summary["row"], bella);
    let missing = invoke(
        &app.window,
        "profile_detail",
        json!({ "workspaceId": BUILTIN, "profileId": "no-such-profile" }),
    )
    .unwrap_err();
    assert_eq!(missing["kind"], "not_found");

    // A restart shows the saved list before any network call.
    let MockAppParts { dir, .. } = into_parts(app);
    let again = mock_app_with(dir, service);
    let restarted = listed(&again.window, json!({ "workspaceId": BUILTIN })).unwrap();
    assert_eq!(rows(&restarted).len(), rows(&fresh).len());
    assert_eq!(restarted["fetched_at"], fresh["fetched_at"]);
}

struct MockAppParts {
    dir: TempDir,
}

fn into_parts(app: crate::support::MockApp) -> MockAppParts {
    drop(app.window);
    drop(app.app);
    MockAppParts { dir: app.dir }
}

#[test]
fn a_server_that_stopped_gives_an_unreachable_error_and_the_cache_stays() {
    let sandbox = second_sandbox();
    let app = mock_app();
    let added = invoke(
        &app.window,
        "add_workspace",
        json!({ "draft": { "name": "Soon offline", "environment": "custom",
                "custom_base_url": sandbox.base_url(), "api_key": sandbox.keys().org_admin } }),
    )
    .unwrap();
    let id = added["id"].clone();
    let fresh = refreshed_list(&app.window, json!({ "workspaceId": id })).unwrap();
    assert!(!rows(&fresh).is_empty());
    // Stopped for good (its open connections closed), not merely told to stop: a request racing
    // the shutdown would still be answered.
    tauri::async_runtime::block_on(sandbox.shutdown());

    let error = refreshed_list(&app.window, json!({ "workspaceId": id })).unwrap_err();
    assert!(
        ["unreachable", "network", "timeout"].contains(&error["kind"].as_str().unwrap()),
        "{error}"
    );
    let cached = listed(&app.window, json!({ "workspaceId": id })).unwrap();
    assert_eq!(rows(&cached), rows(&fresh), "the saved rows stay");

    // Removing the workspace forgets its cache.
    invoke(&app.window, "remove_workspace", json!({ "id": id })).unwrap();
    let unknown = refreshed_list(&app.window, json!({ "workspaceId": id })).unwrap_err();
    assert_eq!(unknown["kind"], "workspace_not_found");
}

#[test]
fn the_sandbox_offers_its_own_profile_keys() {
    let app = mock_app();
    let list = refreshed_list(&app.window, json!({ "workspaceId": BUILTIN })).unwrap();
    let profile_id = rows(&list)[0]["id"].clone();
    let workspace = invoke(
        &app.window,
        "use_sandbox_profile_key",
        json!({ "profileId": profile_id }),
    )
    .expect("the sandbox's key of the profile is stored");
    let keys = workspace["profile_keys"].as_array().unwrap();
    assert_eq!(keys.len(), 1);
    assert_eq!(keys[0]["profile_id"], profile_id);
    assert!(workspace.to_string().len() < 4000, "only hints, no key");

    let unknown = invoke(
        &app.window,
        "use_sandbox_profile_key",
        json!({ "profileId": uuid::Uuid::new_v4() }),
    )
    .unwrap_err();
    assert_eq!(unknown["kind"], "not_found");
}

#[test]
fn labels_come_from_rust() {
    let app = mock_app();
    let labels = invoke(&app.window, "domain_labels", json!({})).unwrap();
    let statuses = labels["statuses"].as_array().unwrap();
    assert!(statuses
        .iter()
        .any(|c| c["value"] == "pending_review" && c["label"] == "Pending review"));
    let environments = labels["environments"].as_array().unwrap();
    assert!(environments.iter().any(|c| c["value"] == "production"
        && c["hint"].as_str().unwrap().contains("https://api.sent.dm")));
}

#[test]
fn errors_keep_their_kind_code_fields_and_request_id_across_ipc() {
    let app = mock_app();
    let send = |to: &str, key: &str| {
        invoke(
            &app.window,
            "send_message",
            json!({ "workspaceId": BUILTIN, "profileId": null,
                    "request": { "to": [to], "text": "Hello" }, "idempotencyKey": key }),
        )
    };
    // Checked before sending: field-level, no request id (nothing was sent).
    let invalid = send("not a number", "errors-invalid").unwrap_err();
    assert_eq!(invalid["kind"], "validation", "{invalid}");
    let fields = invalid["fields"].as_object().expect("fields");
    assert!(fields.keys().any(|k| k.starts_with("to")), "{invalid}");
    assert!(invalid.get("request_id").is_none());

    // Refused by Sent: its code and request id reach the webview.
    let opted_out = send("+15005550002", "errors-opted-out").unwrap_err();
    assert_eq!(opted_out["kind"], "business", "{opted_out}");
    assert_eq!(opted_out["code"], "BUSINESS_004");
    assert!(opted_out["request_id"]
        .as_str()
        .is_some_and(|id| !id.is_empty()));

    // A malformed action key is the app's own mistake, said as such.
    let bad_key = send("+14155550123", "").unwrap_err();
    assert_eq!(bad_key["kind"], "validation");

    // Arguments the command cannot read: refused by Tauri before the command runs.
    let unreadable = listed(&app.window, json!({ "workspaceId": "not-a-uuid" })).unwrap_err();
    assert!(
        unreadable.to_string().contains("workspaceId"),
        "{unreadable}"
    );
}

#[test]
fn the_window_gets_only_the_rows_it_asks_for_and_sees_a_save_at_once() {
    let app = mock_app();
    let all = refreshed_list(&app.window, json!({ "workspaceId": BUILTIN })).unwrap();
    let total = all["total"].as_u64().unwrap();
    assert!(total >= 5);
    assert_eq!(all["matched"], total);
    let query = |q: Value| {
        invoke(
            &app.window,
            "query_profiles",
            json!({ "workspaceId": BUILTIN, "query": q }),
        )
        .unwrap()
    };
    // The launch asks for the current workspace's window before it knows which one that is.
    let current = invoke(
        &app.window,
        "current_list_window",
        json!({ "query": { "offset": 1, "limit": 2 } }),
    )
    .unwrap();
    assert_eq!(current["workspace_id"], BUILTIN);
    assert_eq!(
        current["window"]["rows"],
        query(json!({ "offset": 1, "limit": 2 }))["rows"]
    );
    // Two rows from the second on, in name order, and where the focused profile is.
    let bella = rows(&all)
        .iter()
        .find(|r| r["name"] == "Bella Salon")
        .unwrap()["id"]
        .clone();
    let window = query(json!({ "offset": 1, "limit": 2, "focus_id": bella }));
    assert_eq!(rows(&window).len(), 2);
    assert_eq!(rows(&window)[0], rows(&all)[1]);
    let at = window["focus_index"].as_u64().unwrap() as usize;
    assert_eq!(rows(&all)[at]["id"], bella);
    // Search ignores case and accents; the facets count every profile.
    let found = query(json!({ "search": "BELLA" }));
    assert_eq!(found["matched"], 1);
    let counted: u64 = found["statuses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["count"].as_u64().unwrap())
        .sum();
    assert_eq!(counted, total);
    // Arguments the webview got wrong are refused, never a panic.
    let bad = invoke(
        &app.window,
        "query_profiles",
        json!({ "workspaceId": BUILTIN, "query": { "offset": -1 } }),
    )
    .unwrap_err();
    assert!(bad.to_string().contains("query"), "{bad}");

    // The palette ranks from the same list.
    let palette = invoke(
        &app.window,
        "palette_profiles",
        json!({ "workspaceId": BUILTIN, "text": "send bella" }),
    )
    .unwrap();
    assert_eq!(palette["items"][0]["verb"], "send");
    assert_eq!(palette["items"][0]["id"], bella);

    // A save changes the row in the list the window asks, without a refresh.
    let detail = invoke(
        &app.window,
        "profile_detail",
        json!({ "workspaceId": BUILTIN, "profileId": bella }),
    )
    .unwrap();
    let mut draft = detail["profile"].clone();
    draft["name"] = json!("Bella Salon Renamed");
    invoke(
        &app.window,
        "save_profile",
        json!({ "workspaceId": BUILTIN, "profileId": bella,
        "draft": draft, "payment": null, "dryRun": false,
        "idempotencyKey": uuid::Uuid::new_v4().to_string() }),
    )
    .unwrap();
    let after = query(json!({ "search": "renamed" }));
    assert_eq!(after["matched"], 1);
    assert!(after["generation"].as_u64() > all["generation"].as_u64());
}
