//! Profile completion (§12): prerequisites, status logic, background job on the sandbox clock
//! and the callback to a local listener.

mod common;

use std::time::Duration;

use common::*;
use reqwest::Method;
use serde_json::json;

async fn next_callback(rx: &mut Receiver) -> serde_json::Value {
    tokio::time::timeout(Duration::from_secs(10), rx.rx.recv())
        .await
        .expect("callback arrives")
        .unwrap()
        .1
}

#[tokio::test]
async fn dedicated_tcr_profile_goes_to_review_with_a_callback() {
    let t = start().await;
    let mut cb = receiver().await;
    let pid = t.profile_id("Tenant Co").await;
    let r = t
        .post(
            &format!("/v3/profiles/{pid}/complete"),
            json!({ "webHookUrl": cb.url }),
        )
        .await;
    assert_eq!(r.status, 202, "{}", r.body);
    assert_eq!(r.body["data"]["message"], "Profile completion in progress");
    // Nothing happens until sandbox time passes the configured delay.
    t.advance(1.0).await;
    assert_eq!(
        t.get(&format!("/v3/profiles/{pid}")).await.body["data"]["status"],
        "incomplete"
    );
    t.advance(5.0).await;
    let body = next_callback(&mut cb).await;
    assert_eq!(body["profileId"], pid.as_str());
    assert_eq!(body["success"], true);
    assert_eq!(body["status"], "SUBMITTED");
    assert!(body["timestamp"].is_string());
    assert_eq!(
        t.get(&format!("/v3/profiles/{pid}")).await.body["data"]["status"],
        "pending_review"
    );
}

#[tokio::test]
async fn fully_inherited_profile_completes_and_second_call_is_200() {
    let t = start().await;
    let mut cb = receiver().await;
    let pid = t.profile_id("Joe's Pizza Downtown").await;
    let done = t
        .post(
            &format!("/v3/profiles/{pid}/complete"),
            json!({ "webHookUrl": cb.url }),
        )
        .await;
    assert_eq!(done.status, 200);
    assert_eq!(done.body["data"]["status"], "completed");
    let r = t
        .control(
            Method::POST,
            &format!("/_sandbox/profiles/{pid}/status"),
            json!({ "status": "incomplete" }),
        )
        .await;
    assert_eq!(r.status, 200);
    let r = t
        .post(
            &format!("/v3/profiles/{pid}/complete"),
            json!({ "webHookUrl": cb.url }),
        )
        .await;
    assert_eq!(r.status, 202);
    t.advance(6.0).await;
    assert_eq!(next_callback(&mut cb).await["status"], "COMPLETED");
    assert_eq!(
        t.get(&format!("/v3/profiles/{pid}")).await.body["data"]["status"],
        "approved"
    );
}

#[tokio::test]
async fn prerequisites_and_url_rules() {
    let t = start().await;
    let pid = t.profile_id("Joe's Pizza Uptown").await;
    let r = t
        .post(
            &format!("/v3/profiles/{pid}/complete"),
            json!({ "webHookUrl": "https://example.com/cb" }),
        )
        .await;
    assert_eq!((r.status, r.code()), (400, "VALIDATION_001"));
    assert_eq!(r.detail_keys(), vec!["short_name"]);
    let r = t
        .post(&format!("/v3/profiles/{pid}/complete"), json!({}))
        .await;
    assert_eq!(r.detail_keys(), vec!["webHookUrl"]);
    let r = t
        .post(
            &format!("/v3/profiles/{pid}/complete"),
            json!({ "webHookUrl": "http://example.com/cb" }),
        )
        .await;
    assert_eq!(r.detail_keys(), vec!["webHookUrl"]);
}

#[tokio::test]
async fn sandbox_complete_sends_no_callback() {
    let t = start().await;
    let mut cb = receiver().await;
    let pid = t.profile_id("Tenant Co").await;
    let r = t
        .post(
            &format!("/v3/profiles/{pid}/complete"),
            json!({ "webHookUrl": cb.url, "sandbox": true }),
        )
        .await;
    assert_eq!(r.status, 202);
    assert_eq!(r.header("x-sandbox").as_deref(), Some("true"));
    t.advance(30.0).await;
    assert!(cb.rx.try_recv().is_err());
    assert_eq!(
        t.get(&format!("/v3/profiles/{pid}")).await.body["data"]["status"],
        "incomplete"
    );
}
