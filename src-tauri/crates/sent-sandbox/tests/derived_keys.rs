//! Derived-keys mode: with an org key, every other key is derived from it and the data file
//! holds no key value at all (README "Keys and the data file").

mod common;

use std::path::{Path, PathBuf};

use common::*;
use reqwest::Method;
use sent_sandbox::Keys;
use serde_json::json;

const ORG_KEY: &str = "org-key-from-the-keychain_0001";

fn temp_file() -> (PathBuf, PathBuf) {
    let dir = std::env::temp_dir().join(format!("sent-sandbox-derived-{}", uuid::Uuid::new_v4()));
    let file = dir.join("sandbox.json");
    (dir, file)
}

/// Every key value in `keys`, with a label for messages.
fn all_keys(keys: &Keys) -> Vec<(String, String)> {
    let mut v = vec![
        ("org admin".to_string(), keys.org_admin.clone()),
        ("org developer".to_string(), keys.org_developer.clone()),
    ];
    for p in &keys.profiles {
        v.push((
            format!("profile {} ({})", p.name, p.profile_id),
            p.key.clone(),
        ));
    }
    v
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    !needle.is_empty()
        && haystack
            .windows(needle.len())
            .any(|w| w == needle.as_bytes())
}

/// Panics when the file holds any of the keys.
fn assert_no_key_in(file: &Path, keys: &[(String, String)]) {
    let bytes = std::fs::read(file).expect("data file written");
    for (label, key) in keys {
        assert!(
            !contains(&bytes, key),
            "the data file contains the {label} key {key}"
        );
    }
}

fn sorted(mut keys: Keys) -> Keys {
    keys.profiles.sort_by_key(|p| p.profile_id);
    keys
}

async fn me(t: &T, key: &str) -> (u16, serde_json::Value) {
    let r = t.call(Method::GET, "/v3/me", Some(key), &[], None).await;
    (r.status, r.body)
}

/// Starts in derived-keys mode, creates a profile (idempotent, so the idempotency cache is
/// saved too) and a webhook, sends a message, then shuts down. Returns the keys of that run.
async fn first_run(file: &Path) -> (Keys, String) {
    let t = start_with(builder().org_key(ORG_KEY).data_file(file)).await;
    assert_eq!(t.admin, ORG_KEY, "the org key is the org admin key");
    let created = t
        .call(
            Method::POST,
            "/v3/profiles",
            Some(ORG_KEY),
            &[("idempotency-key", "derived-create-1")],
            Some(json!({ "name": "Runtime Co", "billing_model": "organization" })),
        )
        .await;
    assert_eq!(created.status, 201, "{}", created.body);
    let pid = created.body["data"]["id"].as_str().unwrap().to_string();
    let hook = t
        .post(
            "/v3/webhooks",
            json!({ "display_name": "Local", "endpoint_url": "https://example.com/hook",
                    "event_types": ["messages"] }),
        )
        .await;
    assert!(hook.status < 300, "{}", hook.body);
    let sent = t
        .post(
            "/v3/messages",
            json!({ "to": ["+14155550199"], "channel": ["sms"], "text": "hi" }),
        )
        .await;
    assert!(sent.status < 300, "{}", sent.body);
    t.advance(60.0).await;
    let keys = t.sb.keys();
    assert!(
        keys.profiles
            .iter()
            .any(|p| p.profile_id.to_string() == pid),
        "the created profile has a key"
    );
    // The control API lists the same values.
    let listed = t.control(Method::GET, "/_sandbox/keys", json!({})).await;
    let listed: Vec<String> = listed.body["data"]["keys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["key"].as_str().unwrap().to_string())
        .collect();
    for (label, key) in all_keys(&keys) {
        assert!(
            listed.contains(&key),
            "/_sandbox/keys lacks the {label} key"
        );
    }
    // While running, the file has been saved after each write: no key in it either.
    assert_no_key_in(file, &all_keys(&keys));
    t.sb.shutdown().await;
    (keys, pid)
}

#[tokio::test]
async fn derived_mode_writes_no_key_to_the_data_file() {
    let (dir, file) = temp_file();
    let (keys, pid) = first_run(&file).await;
    assert!(
        keys.profiles.len() >= 6,
        "demo profiles plus the created one"
    );
    let bytes = std::fs::read(&file).unwrap();
    assert!(
        contains(&bytes, &pid),
        "sanity: the file holds the created profile"
    );
    assert!(
        contains(&bytes, "derived-create-1"),
        "sanity: the file holds the idempotency cache"
    );
    assert_no_key_in(&file, &all_keys(&keys));
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test]
async fn derived_keys_survive_a_restart_with_the_same_org_key() {
    let (dir, file) = temp_file();
    let (before, pid) = first_run(&file).await;

    let t = start_with(builder().org_key(ORG_KEY).data_file(&file)).await;
    assert_eq!(sorted(t.sb.keys()), sorted(before.clone()), "same keys");
    let (status, body) = me(&t, &before.org_admin).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["data"]["type"], "organization");
    let (status, body) = me(&t, &before.org_developer).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["data"]["type"], "organization");
    for p in &before.profiles {
        let (status, body) = me(&t, &p.key).await;
        assert_eq!(status, 200, "{} {body}", p.name);
        assert_eq!(body["data"]["type"], "profile", "{}", p.name);
        assert_eq!(body["data"]["id"], p.profile_id.to_string().as_str());
    }
    // The run-time profile's key still acts as that profile.
    let created = before
        .profiles
        .iter()
        .find(|p| p.profile_id.to_string() == pid)
        .unwrap();
    let (_, body) = me(&t, &created.key).await;
    assert_eq!(body["data"]["id"], pid.as_str());
    // The developer role is kept: no profile management.
    let r = t
        .call(
            Method::POST,
            "/v3/profiles",
            Some(&before.org_developer),
            &[],
            Some(json!({ "name": "Nope", "billing_model": "organization" })),
        )
        .await;
    assert_eq!(r.status, 403, "{}", r.body);
    // The idempotent create replays after the restart.
    let replay = t
        .call(
            Method::POST,
            "/v3/profiles",
            Some(ORG_KEY),
            &[("idempotency-key", "derived-create-1")],
            Some(json!({ "name": "Runtime Co", "billing_model": "organization" })),
        )
        .await;
    assert_eq!(replay.status, 201, "{}", replay.body);
    assert_eq!(replay.body["data"]["id"], pid.as_str());
    t.sb.shutdown().await;
    assert_no_key_in(&file, &all_keys(&before));
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test]
async fn another_org_key_refuses_the_old_keys() {
    let (dir, file) = temp_file();
    let (before, _) = first_run(&file).await;

    let other = "a-different-org-key_0002";
    let t = start_with(builder().org_key(other).data_file(&file)).await;
    for (label, key) in all_keys(&before) {
        let (status, body) = me(&t, &key).await;
        assert_eq!(status, 401, "old {label} key: {body}");
    }
    let (status, body) = me(&t, other).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["data"]["type"], "organization");
    let now = t.sb.keys();
    assert_eq!(now.org_admin, other);
    assert_eq!(now.profiles.len(), before.profiles.len());
    for p in &now.profiles {
        let (status, body) = me(&t, &p.key).await;
        assert_eq!(status, 200, "{} {body}", p.name);
        assert_eq!(body["data"]["id"], p.profile_id.to_string().as_str());
    }
    t.sb.shutdown().await;
    let mut both = all_keys(&before);
    both.extend(all_keys(&now));
    assert_no_key_in(&file, &both);
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test]
async fn random_keys_are_persisted_and_scrubbed_when_an_org_key_arrives() {
    let (dir, file) = temp_file();
    // Without an org key the keys are random and stored, as before.
    let t = start_with(builder().data_file(&file)).await;
    let random = t.sb.keys();
    t.sb.shutdown().await;
    let bytes = std::fs::read(&file).unwrap();
    for (label, key) in all_keys(&random) {
        assert!(contains(&bytes, &key), "random mode stores the {label} key");
    }
    let t = start_with(builder().data_file(&file)).await;
    assert_eq!(sorted(t.sb.keys()), sorted(random.clone()));
    t.sb.shutdown().await;

    // Opening that file with an org key rewrites it without keys right at start.
    let t = start_with(builder().org_key(ORG_KEY).data_file(&file)).await;
    let derived = t.sb.keys();
    let mut both = all_keys(&random);
    both.extend(all_keys(&derived));
    assert_no_key_in(&file, &both);
    assert_eq!(me(&t, &random.org_developer).await.0, 401);
    assert_eq!(me(&t, &derived.org_developer).await.0, 200);
    t.sb.shutdown().await;

    // And opening the key-less file without the org key gives fresh random keys.
    let t = start_with(builder().data_file(&file)).await;
    let fresh = t.sb.keys();
    assert_eq!(fresh.profiles.len(), derived.profiles.len());
    assert_ne!(fresh.org_admin, ORG_KEY);
    assert_eq!(me(&t, &fresh.org_admin).await.0, 200);
    for p in &fresh.profiles {
        assert_eq!(me(&t, &p.key).await.0, 200, "{}", p.name);
    }
    t.sb.shutdown().await;
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test]
async fn reset_keeps_the_org_keys_in_derived_mode() {
    let (dir, file) = temp_file();
    let t = start_with(builder().org_key(ORG_KEY).data_file(&file)).await;
    let before = t.sb.keys();
    let r = t
        .control(Method::POST, "/_sandbox/reset", json!({ "seed": "demo" }))
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let after = t.sb.keys();
    assert_eq!(after.org_admin, before.org_admin);
    assert_eq!(after.org_developer, before.org_developer);
    assert_eq!(after.profiles.len(), before.profiles.len());
    for p in &after.profiles {
        assert_eq!(me(&t, &p.key).await.0, 200, "{}", p.name);
    }
    let mut both = all_keys(&before);
    both.extend(all_keys(&after));
    assert_no_key_in(&file, &both);
    t.sb.shutdown().await;
    assert_no_key_in(&file, &both);
    std::fs::remove_dir_all(dir).unwrap();
}
