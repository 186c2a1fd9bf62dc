//! What a scope sees: templates and contacts through inheritance and sharing, messages per
//! sender, sends as a profile through its key or `x-profile-id`.

mod common;

use common::*;
use reqwest::Method;
use serde_json::{json, Value};

fn names(v: &Value, list: &str, field: &str) -> Vec<String> {
    let mut out: Vec<String> = v["data"][list]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x[field].as_str().unwrap().to_string())
        .collect();
    out.sort();
    out
}

#[tokio::test]
async fn templates_follow_inheritance() {
    let t = start().await;
    let tenant = t.profile_key("Tenant Co");
    let bella = t.profile_key("Bella Salon");
    let r = t
        .call(
            Method::GET,
            "/v3/templates?page=1&page_size=50",
            Some(&tenant),
            &[],
            None,
        )
        .await;
    assert_eq!(names(&r.body, "templates", "name"), vec!["tenant_welcome"]);
    let r = t
        .call(
            Method::GET,
            "/v3/templates?page=1&page_size=50",
            Some(&bella),
            &[],
            None,
        )
        .await;
    let n = names(&r.body, "templates", "name");
    assert!(
        n.contains(&"visit_reminder".to_string()) && n.contains(&"bella_booking".to_string()),
        "{n:?}"
    );
    // The organization sees its own plus what profiles share (Bella shares templates).
    let r = t.get("/v3/templates?page=1&page_size=50").await;
    let n = names(&r.body, "templates", "name");
    assert!(
        n.contains(&"bella_booking".to_string()) && !n.contains(&"tenant_welcome".to_string()),
        "{n:?}"
    );
    // Paging.
    let r = t.get("/v3/templates?page=2&page_size=2").await;
    assert_eq!(r.body["data"]["templates"].as_array().unwrap().len(), 2);
    assert_eq!(r.body["data"]["pagination"]["page"], 2);
    assert_eq!(r.body["data"]["pagination"]["has_more"], true);
    // A template outside the scope is not found, also by name on send.
    let r = t
        .call(
            Method::POST,
            "/v3/messages",
            Some(&tenant),
            &[],
            Some(json!({ "to": ["+14155550180"], "template": { "name": "visit_reminder" } })),
        )
        .await;
    assert_eq!((r.status, r.code()), (404, "RESOURCE_002"));
}

#[tokio::test]
async fn contacts_are_marked_inherited() {
    let t = start().await;
    let admin = t.admin.clone();
    let downtown = t.profile_id("Joe's Pizza Downtown").await;
    let r = t
        .call(
            Method::GET,
            "/v3/contacts?page=1&page_size=50",
            Some(&admin),
            &[("x-profile-id", &downtown)],
            None,
        )
        .await;
    let contacts = r.body["data"]["contacts"].as_array().unwrap();
    assert_eq!(contacts.len(), 3);
    assert!(contacts.iter().all(|c| c["is_inherited"] == true));
    assert_eq!(contacts[0]["available_channels"], "sms,whatsapp");
    let bella = t.profile_key("Bella Salon");
    let r = t
        .call(
            Method::GET,
            "/v3/contacts?page=1&page_size=50",
            Some(&bella),
            &[],
            None,
        )
        .await;
    let contacts = r.body["data"]["contacts"].as_array().unwrap();
    assert_eq!(contacts.len(), 1);
    assert_eq!(contacts[0]["is_inherited"], false);
    let r = t
        .get("/v3/contacts?page=1&page_size=50&phone=%2B14155550198")
        .await;
    assert_eq!(r.body["data"]["contacts"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn messages_belong_to_the_sending_scope() {
    let t = start().await;
    let admin = t.admin.clone();
    let tenant_id = t.profile_id("Tenant Co").await;
    let tenant = t.profile_key("Tenant Co");
    let bella = t.profile_key("Bella Salon");
    let r = t
        .call(Method::POST, "/v3/messages", Some(&admin), &[("x-profile-id", &tenant_id)],
            Some(json!({ "to": ["+14155550180"], "channel": ["sms"], "template": { "name": "tenant_welcome", "parameters": { "first_name": "Ana" } } })))
        .await;
    assert_eq!(r.status, 202, "{}", r.body);
    let id = r.body["data"]["recipients"][0]["message_id"]
        .as_str()
        .unwrap()
        .to_string();
    let own = t
        .call(
            Method::GET,
            &format!("/v3/messages/{id}"),
            Some(&tenant),
            &[],
            None,
        )
        .await;
    assert_eq!(own.status, 200);
    assert_eq!(own.body["data"]["customer_id"], tenant_id.as_str());
    assert_eq!(
        own.body["data"]["message_body"]["content"],
        "Welcome to Tenant Co, Ana."
    );
    let other = t
        .call(
            Method::GET,
            &format!("/v3/messages/{id}"),
            Some(&bella),
            &[],
            None,
        )
        .await;
    assert_eq!((other.status, other.code()), (404, "RESOURCE_003"));
    assert_eq!(
        t.get(&format!("/v3/messages/{id}")).await.status,
        200,
        "the organization sees all"
    );
}

#[tokio::test]
async fn message_events_reach_subscribed_webhooks_signed() {
    let t = start().await;
    let mut rx = receiver().await;
    let w = t
        .post(
            "/v3/webhooks",
            json!({ "display_name": "delivered only", "endpoint_url": rx.url,
            "event_types": ["message"], "event_filters": { "message": ["sent", "delivered"] } }),
        )
        .await;
    assert_eq!(w.status, 201, "{}", w.body);
    let secret = w.body["data"]["signing_secret"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(secret.starts_with("whsec_"));
    let listed = t.get("/v3/webhooks?page=1&page_size=10").await;
    assert!(
        listed.body["data"]["webhooks"][0]["signing_secret"].is_null(),
        "Q19"
    );
    let r = t
        .post(
            "/v3/messages",
            json!({ "to": ["+14155550199"], "channel": ["sms"], "text": "hi" }),
        )
        .await;
    let mid = r.body["data"]["recipients"][0]["message_id"]
        .as_str()
        .unwrap()
        .to_string();
    t.advance(10.0).await;
    let mut seen = vec![];
    for _ in 0..2 {
        let (headers, body, raw) =
            tokio::time::timeout(std::time::Duration::from_secs(10), rx.rx.recv())
                .await
                .expect("delivery arrives")
                .unwrap();
        let h = |k: &str| {
            headers
                .iter()
                .find(|(n, _)| n == k)
                .map(|(_, v)| v.clone())
                .unwrap()
        };
        let ts = h("x-webhook-timestamp");
        // Signed with sandbox time, so verify against the timestamp it carries.
        sent_model::webhook::signature::verify(
            &secret,
            &h("x-webhook-id"),
            &ts,
            &raw,
            &h("x-webhook-signature"),
            ts.parse().unwrap(),
        )
        .expect("signature verifies over the raw body");
        assert_eq!(body["field"], "message");
        assert_eq!(body["payload"]["message_id"], mid.as_str());
        seen.push(body["sub_type"].as_str().unwrap().to_string());
    }
    assert_eq!(seen, vec!["message.sent", "message.delivered"]);
}
