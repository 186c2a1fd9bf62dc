//! Workspace commands over IPC on the mock runtime, against a second real `sent-sandbox` and the
//! real Secret Service of the test session.

use serde_json::{json, Value};

use crate::support::{invoke, mock_app, mock_app_in, refreshed_list, second_sandbox, TempDir};

fn add(app: &crate::support::MockApp, url: &str, key: &str) -> Result<Value, Value> {
    invoke(
        &app.window,
        "add_workspace",
        json!({ "draft": { "name": "Acme by hand", "environment": "custom", "custom_base_url": url, "api_key": key } }),
    )
}

#[test]
fn add_switch_and_remove_a_workspace() {
    let sandbox = second_sandbox();
    let app = mock_app();
    let added = add(&app, &sandbox.base_url(), &sandbox.keys().org_admin).expect("added");
    assert_eq!(added["identity"]["name"], "Acme Agency");
    assert_eq!(added["identity"]["account_type"], "organization");
    assert!(added.get("api_key").is_none());

    let list = invoke(&app.window, "list_workspaces", json!({})).unwrap();
    assert_eq!(list["current"], added["id"]);
    assert_eq!(list["workspaces"].as_array().unwrap().len(), 2);
    let info = invoke(&app.window, "app_info", json!({})).unwrap();
    assert_eq!(info["environment"], "custom");

    let builtin = list["workspaces"][0]["id"].clone();
    let switched = invoke(&app.window, "switch_workspace", json!({ "id": builtin })).unwrap();
    assert_eq!(switched["current"], builtin);

    let profiles = refreshed_list(&app.window, json!({ "workspaceId": added["id"] })).unwrap();
    assert!(
        !profiles["rows"].as_array().unwrap().is_empty(),
        "the demo organization has profiles"
    );

    let removed = invoke(
        &app.window,
        "remove_workspace",
        json!({ "id": added["id"] }),
    )
    .unwrap();
    assert_eq!(removed["workspaces"].as_array().unwrap().len(), 1);
    let builtin_refused =
        invoke(&app.window, "remove_workspace", json!({ "id": builtin })).unwrap_err();
    assert_eq!(builtin_refused["kind"], "built_in");
}

#[test]
fn each_bad_key_or_server_gets_its_own_error() {
    let sandbox = second_sandbox();
    let keys = sandbox.keys();
    let app = mock_app();
    let url = sandbox.base_url();
    let cases = [
        (
            url.as_str(),
            "unknown-key-0123456789",
            "key_rejected",
            Some("api_key"),
        ),
        (
            url.as_str(),
            keys.org_developer.as_str(),
            "not_admin",
            Some("api_key"),
        ),
        (
            url.as_str(),
            keys.profiles[0].key.as_str(),
            "not_organization_key",
            Some("api_key"),
        ),
        (
            "http://127.0.0.1:9",
            "some-key-0123456789",
            "unreachable",
            None,
        ),
        (
            "ftp://nowhere",
            "some-key-0123456789",
            "validation",
            Some("custom_base_url"),
        ),
    ];
    for (url, key, kind, field) in cases {
        let error = add(&app, url, key).unwrap_err();
        assert_eq!(error["kind"], kind, "{url} {error}");
        if let Some(field) = field {
            assert!(error["fields"][field].is_array(), "{kind}: {error}");
        }
        assert!(
            !error.to_string().contains(key),
            "an error never repeats the key"
        );
    }
    let list = invoke(&app.window, "list_workspaces", json!({})).unwrap();
    assert_eq!(
        list["workspaces"].as_array().unwrap().len(),
        1,
        "nothing was kept"
    );
}

#[test]
fn workspaces_survive_a_restart() {
    let sandbox = second_sandbox();
    let dir = TempDir::new();
    let path = dir.path.clone();
    let first = mock_app_in(dir);
    let added = add(&first, &sandbox.base_url(), &sandbox.keys().org_admin).unwrap();
    let service = first.keychain_service.clone();
    drop(first.window);
    let dir = first.dir;
    drop(first.app);
    assert_eq!(dir.path, path);
    let second = crate::support::mock_app_with(dir, service);
    let list = invoke(&second.window, "list_workspaces", json!({})).unwrap();
    assert_eq!(
        list["current"], added["id"],
        "the current workspace is remembered"
    );
    let profiles = refreshed_list(&second.window, json!({ "workspaceId": added["id"] }));
    assert!(
        profiles.is_ok(),
        "the key is found again in the keychain: {profiles:?}"
    );
    invoke(
        &second.window,
        "remove_workspace",
        json!({ "id": added["id"] }),
    )
    .unwrap();
}

#[test]
fn a_corrupt_settings_file_is_kept_aside_and_reported() {
    let dir = TempDir::new();
    std::fs::write(dir.path.join("settings.json"), "{\"workspaces\": [tor").unwrap();
    let app = mock_app_in(dir);
    let info = invoke(&app.window, "app_info", json!({})).unwrap();
    assert_eq!(info["notices"][0]["kind"], "settings_recovered");
    assert!(info["notices"][0]["message"]
        .as_str()
        .unwrap()
        .contains("default settings"));
    let kept: Vec<_> = std::fs::read_dir(&app.dir.path)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("settings.json.corrupt-")
        })
        .collect();
    assert_eq!(kept.len(), 1, "the unreadable file is kept for the user");
    assert_eq!(
        std::fs::read_to_string(kept[0].path()).unwrap(),
        "{\"workspaces\": [tor"
    );
}

/// A whole session with real keys, then a search of everything the app wrote for those keys.
#[test]
fn no_key_reaches_the_settings_or_data_files() {
    let sandbox = second_sandbox();
    let keys = sandbox.keys();
    let app = mock_app();
    let workspace = add(&app, &sandbox.base_url(), &keys.org_admin).unwrap();
    let profile = &keys.profiles[0];
    invoke(
        &app.window,
        "set_profile_key",
        json!({ "workspaceId": workspace["id"], "profileId": profile.profile_id, "apiKey": profile.key }),
    )
    .expect("profile key added");
    refreshed_list(&app.window, json!({ "workspaceId": workspace["id"] })).unwrap();
    // Send as the profile (its own key) and as another profile (org key + x-profile-id).
    for profile_id in [profile.profile_id, keys.profiles[1].profile_id] {
        let sent = invoke(
            &app.window,
            "send_message",
            json!({ "workspaceId": workspace["id"], "profileId": profile_id,
                    "request": { "to": ["+14155550123"], "text": "Hello from the scripted session" },
                    "idempotencyKey": format!("scripted-{profile_id}") }),
        )
        .expect("sent");
        assert_eq!(sent["recipients"].as_array().unwrap().len(), 1, "{sent}");
    }
    // Card data and a WhatsApp token go through profile create and update on the built-in
    // sandbox (its data file is in the app's data dir), live and as a dry run, through the
    // client the commands use.
    let secrets = profile_writes_with_secrets(&app);
    let listed = invoke(&app.window, "list_workspaces", json!({}))
        .unwrap()
        .to_string();
    invoke(
        &app.window,
        "remove_profile_key",
        json!({ "workspaceId": workspace["id"], "profileId": profile.profile_id }),
    )
    .unwrap();

    // The embedded sandbox's keys too: its org key comes from the keychain, the others derive
    // from it, and its data file lives in the app's data dir.
    let builtin = list_builtin_profiles(&app);
    let embedded = crate::support::core(&app.app).sandbox.keys();
    let mut used = vec![keys.org_admin.as_str(), profile.key.as_str()];
    used.extend([embedded.org_admin.as_str(), embedded.org_developer.as_str()]);
    used.extend(embedded.profiles.iter().map(|p| p.key.as_str()));
    assert!(builtin > 0 && embedded.profiles.len() == builtin);
    for &key in &used {
        assert!(!listed.contains(key), "a key reached the webview");
    }
    let mut scanned = 0;
    for entry in walk(&app.dir.path) {
        let bytes = std::fs::read(&entry).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        for &key in &used {
            assert!(!text.contains(key), "{} contains a key", entry.display());
        }
        for secret in secrets {
            assert!(
                !text.contains(secret),
                "{} contains a card number or WhatsApp token",
                entry.display()
            );
        }
        // The short card fields (CVC, expiry, ZIP) are not distinctive as values, so no file may
        // hold a card field at all, under any of its names.
        for field in [
            "card_number",
            "cvc",
            "expiry",
            "zip_code",
            "payment_details",
            "access_token\":\"",
        ] {
            assert!(
                !text.contains(field),
                "{} holds a card or token field ({field})",
                entry.display()
            );
        }
        scanned += 1;
    }
    assert!(
        scanned >= 2,
        "the settings file and the sandbox data were scanned ({scanned})"
    );
    let settings = std::fs::read_to_string(app.dir.path.join("settings.json")).unwrap();
    assert!(
        settings.contains("+14155550123"),
        "the recipient is remembered, so the settings were written during the session"
    );
    invoke(
        &app.window,
        "remove_workspace",
        json!({ "id": workspace["id"] }),
    )
    .unwrap();
}

/// Creates a profile with a card and a WhatsApp access token on the built-in sandbox, updates
/// its card, and repeats both as dry runs. Returns the distinctive values to search for.
fn profile_writes_with_secrets(app: &crate::support::MockApp) -> [&'static str; 3] {
    use sent_client::{CallOptions, ProfileBackend, SentClient};
    use sent_model::{BillingContactInfo, BillingModel, PaymentDetails, ProfileCreate};
    use sent_model::{ProfileUpdate, WhatsappBusinessAccount};

    const TOKEN: &str = "EAAGscriptedSessionWabaToken9f3c1d";
    const CARD: &str = "4000056655665556";
    const CARD_UPDATE: &str = "5555555555554444";
    let card = |number: &str| PaymentDetails {
        card_number: Some(number.into()),
        expiry: Some("11/29".into()),
        cvc: Some("321".into()),
        zip_code: Some("94607".into()),
    };
    let create = ProfileCreate {
        name: Some("Scripted Secrets".into()),
        short_name: Some("SECRETS".into()),
        billing_model: Some(BillingModel::Profile),
        billing_contact: Some(BillingContactInfo {
            name: Some("Ana Lima".into()),
            email: Some("ana@example.com".into()),
            ..Default::default()
        }),
        payment_details: Some(card(CARD)),
        whatsapp_business_account: Some(WhatsappBusinessAccount {
            waba_id: Some("555000111222333".into()),
            access_token: Some(TOKEN.into()),
            phone_number_id: None,
        }),
        inherit_tcr_brand: Some(true),
        inherit_tcr_campaign: Some(true),
        ..Default::default()
    };
    let update = ProfileUpdate {
        payment_details: Some(card(CARD_UPDATE)),
        ..Default::default()
    };
    let state = crate::support::core(&app.app);
    let (config, _) = state
        .workspaces
        .resolve(sent_workspaces::LOCAL_SANDBOX_ID, None)
        .unwrap();
    let client = SentClient::new(config).unwrap();
    tauri::async_runtime::block_on(async {
        let dry = CallOptions {
            sandbox: true,
            ..Default::default()
        };
        client
            .create_profile(&create, &dry)
            .await
            .expect("dry-run create");
        let created = client
            .create_profile(&create, &CallOptions::default())
            .await
            .expect("create with a card and a WhatsApp token")
            .data;
        let id = created.id.to_string();
        for options in [dry, CallOptions::default()] {
            client
                .update_profile(&id, &update, &options)
                .await
                .expect("update with a new card");
        }
    });
    [TOKEN, CARD, CARD_UPDATE]
}

fn list_builtin_profiles(app: &crate::support::MockApp) -> usize {
    let builtin = sent_workspaces::LOCAL_SANDBOX_ID;
    let profiles = refreshed_list(&app.window, json!({ "workspaceId": builtin })).unwrap();
    profiles["rows"].as_array().unwrap().len()
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}
