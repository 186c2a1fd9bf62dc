//! Idempotency (§5, Q12, Q32) and sandbox mode (§4): replays, different bodies, concurrent
//! duplicates, and dry runs that leave no trace.

mod common;

use std::time::Duration;

use common::*;
use reqwest::Method;
use serde_json::json;

#[tokio::test]
async fn replay_returns_the_first_response_with_replay_headers() {
    let t = start().await;
    let admin = t.admin.clone();
    let body = json!({ "to": ["+14155550199"], "channel": ["sms"], "text": "first" });
    let a = t
        .call(
            Method::POST,
            "/v3/messages",
            Some(&admin),
            &[("idempotency-key", "send-1")],
            Some(body),
        )
        .await;
    assert_eq!(a.status, 202);
    assert!(a.header("idempotent-replayed").is_none());
    let b = t
        .call(
            Method::POST,
            "/v3/messages",
            Some(&admin),
            &[("idempotency-key", "send-1")],
            Some(json!({ "to": ["+14155550198"], "text": "other body" })),
        )
        .await;
    assert_eq!(b.status, 202);
    assert_eq!(
        b.body, a.body,
        "same key, different body: the first response"
    );
    assert_eq!(b.header("idempotent-replayed").as_deref(), Some("true"));
    let original = a.header("x-request-id").unwrap();
    assert_eq!(
        b.header("x-original-request-id").as_deref(),
        Some(original.as_str())
    );
    assert_ne!(b.header("x-request-id").unwrap(), original);
    // Bad key format.
    let c = t
        .call(
            Method::POST,
            "/v3/messages",
            Some(&admin),
            &[("idempotency-key", "bad key!")],
            Some(json!({})),
        )
        .await;
    assert_eq!((c.status, c.code()), (400, "VALIDATION_007"));
}

#[tokio::test]
async fn errors_are_cached_but_keys_are_per_account() {
    let t = start().await;
    let admin = t.admin.clone();
    let pk = t.profile_key("Tenant Co");
    let a = t
        .call(
            Method::POST,
            "/v3/messages",
            Some(&admin),
            &[("idempotency-key", "k1")],
            Some(json!({ "to": ["bad"], "text": "x" })),
        )
        .await;
    assert_eq!(a.status, 400);
    let b = t
        .call(
            Method::POST,
            "/v3/messages",
            Some(&admin),
            &[("idempotency-key", "k1")],
            Some(json!({ "to": ["+14155550199"], "text": "x" })),
        )
        .await;
    assert_eq!(b.status, 400);
    assert_eq!(b.header("idempotent-replayed").as_deref(), Some("true"));
    let c = t
        .call(
            Method::POST,
            "/v3/messages",
            Some(&pk),
            &[("idempotency-key", "k1")],
            Some(json!({ "to": ["+14155550180"], "channel": ["sms"], "text": "x" })),
        )
        .await;
    assert_eq!(c.status, 202, "{}", c.body);
}

#[tokio::test]
async fn concurrent_duplicate_gets_409_conflict() {
    // The webhook test endpoint waits for the receiver, which lets us hold the first request
    // in flight for as long as we like.
    let mut cfg = sent_sandbox::Config {
        rate_limits: None,
        idempotency_wait: Duration::from_millis(200),
        ..Default::default()
    };
    cfg.message_step = Duration::from_secs(1);
    let t = start_with(builder().config(cfg)).await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    let w = t
        .post(
            "/v3/webhooks",
            json!({ "display_name": "hold", "endpoint_url": url, "event_types": ["message"] }),
        )
        .await;
    assert_eq!(w.status, 201, "{}", w.body);
    let wid = w.body["data"]["id"].as_str().unwrap().to_string();
    let admin = t.admin.clone();
    let path = format!("/v3/webhooks/{wid}/test");
    let first = {
        let http = t.http.clone();
        let url = t.url(&path);
        let admin = admin.clone();
        tokio::spawn(async move {
            into_r(
                http.post(url)
                    .header("x-api-key", admin)
                    .header("idempotency-key", "hold-1")
                    .json(&json!({}))
                    .send()
                    .await
                    .unwrap(),
            )
            .await
        })
    };
    // Accept the delivery but do not answer yet: the first request is now in flight.
    let (mut sock, _) = listener.accept().await.unwrap();
    let dup = t
        .call(
            Method::POST,
            &path,
            Some(&admin),
            &[("idempotency-key", "hold-1")],
            Some(json!({})),
        )
        .await;
    assert_eq!((dup.status, dup.code()), (409, "CONFLICT_001"));
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut buf = [0u8; 8192];
    let n = sock.read(&mut buf).await.unwrap();
    let req = String::from_utf8_lossy(&buf[..n]).to_lowercase();
    assert!(req.contains("x-webhook-signature: v1,"));
    sock.write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\nconnection: close\r\n\r\n")
        .await
        .unwrap();
    let first = first.await.unwrap();
    assert_eq!(first.status, 200);
    assert_eq!(first.body["data"]["success"], true);
    let replay = t
        .call(
            Method::POST,
            &path,
            Some(&admin),
            &[("idempotency-key", "hold-1")],
            Some(json!({})),
        )
        .await;
    assert_eq!(
        replay.header("idempotent-replayed").as_deref(),
        Some("true")
    );
    assert_eq!(replay.body, first.body);
}

#[tokio::test]
async fn sandbox_mode_changes_nothing() {
    let t = start().await;
    let admin = t.admin.clone();
    let r = t
        .post(
            "/v3/messages",
            json!({ "to": ["+14155550199"], "channel": ["sms"], "text": "dry", "sandbox": true }),
        )
        .await;
    assert_eq!(r.status, 202);
    assert_eq!(r.header("x-sandbox").as_deref(), Some("true"));
    let id = r.body["data"]["recipients"][0]["message_id"]
        .as_str()
        .unwrap()
        .to_string();
    let g = t.get(&format!("/v3/messages/{id}")).await;
    assert_eq!(g.status, 404, "a sandbox send stores nothing");

    let pid = t.profile_id("Bella Salon").await;
    let d = t
        .call(
            Method::DELETE,
            &format!("/v3/profiles/{pid}"),
            Some(&admin),
            &[],
            Some(json!({ "sandbox": true })),
        )
        .await;
    assert_eq!(d.status, 204);
    assert_eq!(d.header("x-sandbox").as_deref(), Some("true"));
    assert_eq!(t.get(&format!("/v3/profiles/{pid}")).await.status, 200);

    // Validation still runs in sandbox mode.
    let v = t
        .post(
            "/v3/messages",
            json!({ "to": ["nope"], "text": "x", "sandbox": true }),
        )
        .await;
    assert_eq!((v.status, v.code()), (400, "VALIDATION_002"));
}

#[tokio::test]
async fn soft_delete_hides_the_profile_and_retires_its_key() {
    let t = start().await;
    let admin = t.admin.clone();
    let pid = t.profile_id("Joe's Pizza Uptown").await;
    let pk = t.profile_key("Joe's Pizza Uptown");
    let d = t
        .call(
            Method::DELETE,
            &format!("/v3/profiles/{pid}"),
            Some(&admin),
            &[],
            None,
        )
        .await;
    assert_eq!(d.status, 204);
    assert!(d.body.is_null());
    let g = t.get(&format!("/v3/profiles/{pid}")).await;
    assert_eq!((g.status, g.code()), (404, "RESOURCE_014"));
    let l = t.get("/v3/profiles").await;
    assert!(!l.body["data"]["profiles"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["id"] == pid.as_str()));
    let again = t
        .call(
            Method::DELETE,
            &format!("/v3/profiles/{pid}"),
            Some(&admin),
            &[],
            Some(json!({})),
        )
        .await;
    assert_eq!((again.status, again.code()), (404, "RESOURCE_014"));
    let c = t
        .call(
            Method::POST,
            &format!("/v3/profiles/{pid}/complete"),
            Some(&admin),
            &[],
            Some(json!({ "webHookUrl": "https://example.com/cb" })),
        )
        .await;
    assert_eq!((c.status, c.code()), (404, "RESOURCE_014"));
    let me = t.call(Method::GET, "/v3/me", Some(&pk), &[], None).await;
    assert_eq!((me.status, me.code()), (401, "AUTH_002"));
}
