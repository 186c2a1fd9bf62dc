//! Rate limits (Q13), fault injection, the control API and persistence across restarts.

mod common;

use common::*;
use reqwest::Method;
use sent_sandbox::RateLimits;
use serde_json::json;

#[tokio::test]
async fn rate_limit_429_with_retry_after_and_recovery() {
    let limits = RateLimits {
        standard_per_window: 3,
        sensitive_per_window: 2,
        messages_per_window: 2,
        window_secs: 60,
    };
    let t = start_with(builder().rate_limits(Some(limits))).await;
    for i in 0..3 {
        let r = t.get("/v3/me").await;
        assert_eq!(r.status, 200);
        assert_eq!(
            r.header("x-ratelimit-remaining").unwrap(),
            (2 - i).to_string()
        );
        assert_eq!(r.header("x-ratelimit-limit").as_deref(), Some("3"));
    }
    let r = t.get("/v3/me").await;
    assert_eq!((r.status, r.code()), (429, "BUSINESS_002"));
    assert_eq!(r.body["error"]["message"], "Rate limit exceeded");
    let wait: i64 = r.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=60).contains(&wait));
    t.advance(61.0).await;
    assert_eq!(t.get("/v3/me").await.status, 200);
}

#[tokio::test]
async fn message_budget_counts_recipients_times_channels() {
    let limits = RateLimits {
        standard_per_window: 100,
        sensitive_per_window: 10,
        messages_per_window: 3,
        window_secs: 60,
    };
    let t = start_with(builder().rate_limits(Some(limits))).await;
    let r = t.post("/v3/messages", json!({ "to": ["+14155550199", "+14155550198"], "channel": ["sms", "whatsapp"], "text": "x" })).await;
    assert_eq!((r.status, r.code()), (429, "BUSINESS_002"));
    let r = t
        .post(
            "/v3/messages",
            json!({ "to": ["+14155550199"], "channel": ["sms"], "text": "x" }),
        )
        .await;
    assert_eq!(r.status, 202);
}

#[tokio::test]
async fn faults_storm_errors_and_latency_through_the_control_api() {
    let t = start().await;
    let r = t
        .control(
            Method::PUT,
            "/_sandbox/faults",
            json!({ "rate_limit_storm": 2 }),
        )
        .await;
    assert_eq!(r.body["data"]["rate_limit_storm"], 2);
    assert_eq!(t.get("/v3/me").await.code(), "BUSINESS_002");
    let r = t.get("/v3/me").await;
    assert_eq!(r.status, 429);
    assert!(r.header("retry-after").is_some());
    assert_eq!(t.get("/v3/me").await.status, 200);

    t.control(
        Method::PUT,
        "/_sandbox/faults",
        json!({ "error_500_rate": 1.0 }),
    )
    .await;
    let r = t.get("/v3/profiles").await;
    assert_eq!((r.status, r.code()), (500, "INTERNAL_001"));
    let rid = r.header("x-request-id").unwrap();
    assert_eq!(
        r.body["error"]["message"],
        format!("Failed to retrieve profiles. Please contact support with request ID: {rid}")
    );
    t.control(
        Method::PUT,
        "/_sandbox/faults",
        json!({ "error_500_rate": 0.0, "error_503_rate": 1.0 }),
    )
    .await;
    assert_eq!(t.get("/v3/me").await.code(), "INTERNAL_005");
    let bad = t
        .control(
            Method::PUT,
            "/_sandbox/faults",
            json!({ "error_503_rate": 2.0 }),
        )
        .await;
    assert_eq!(bad.status, 400);
    t.control(
        Method::PUT,
        "/_sandbox/faults",
        json!({ "error_503_rate": 0.0 }),
    )
    .await;
    assert_eq!(t.get("/v3/me").await.status, 200);
}

#[tokio::test]
async fn drop_after_commit_then_idempotent_retry_replays() {
    let t = start().await;
    t.control(
        Method::PUT,
        "/_sandbox/faults",
        json!({ "drop_after_commit": 1 }),
    )
    .await;
    let send = || {
        t.http
            .post(t.url("/v3/messages"))
            .header("x-api-key", &t.admin)
            .header("idempotency-key", "drop-1")
            .json(&json!({ "to": ["+14155550199"], "channel": ["sms"], "text": "x" }))
            .send()
    };
    let first = send().await;
    assert!(
        first.is_err(),
        "the connection must close without a response"
    );
    let retry = into_r(send().await.unwrap()).await;
    assert_eq!(retry.status, 202);
    assert_eq!(retry.header("idempotent-replayed").as_deref(), Some("true"));
    let id = retry.body["data"]["recipients"][0]["message_id"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(
        t.get(&format!("/v3/messages/{id}")).await.status,
        200,
        "the write was committed"
    );
}

#[tokio::test]
async fn control_api_keys_and_reset() {
    let t = start().await;
    let k = t.control(Method::GET, "/_sandbox/keys", json!({})).await;
    let keys = k.body["data"]["keys"].as_array().unwrap();
    assert_eq!(keys.len(), 7);
    assert!(keys
        .iter()
        .any(|x| x["key"] == t.admin.as_str() && x["kind"] == "org_admin"));
    let r = t
        .control(Method::POST, "/_sandbox/reset", json!({ "seed": "empty" }))
        .await;
    assert_eq!(r.status, 200);
    let me = t.get("/v3/me").await;
    assert_eq!(me.body["data"]["profiles"], json!([]));
    assert_eq!(me.body["data"]["channels"]["whatsapp"]["configured"], false);
}

#[tokio::test]
async fn state_survives_restart_through_the_data_file() {
    let dir = std::env::temp_dir().join(format!("sent-sandbox-test-{}", uuid::Uuid::new_v4()));
    let file = dir.join("state.json");
    let t = start_with(builder().data_file(&file)).await;
    let pid = t.profile_id("Bella Salon").await;
    let admin = t.admin.clone();
    assert_eq!(
        t.call(
            Method::DELETE,
            &format!("/v3/profiles/{pid}"),
            Some(&admin),
            &[],
            None
        )
        .await
        .status,
        204
    );
    let sent = t
        .post(
            "/v3/messages",
            json!({ "to": ["+14155550199"], "channel": ["sms"], "text": "kept" }),
        )
        .await;
    let mid = sent.body["data"]["recipients"][0]["message_id"]
        .as_str()
        .unwrap()
        .to_string();
    let keyed = t
        .call(
            Method::POST,
            "/v3/profiles",
            Some(&admin),
            &[("idempotency-key", "wizard-create-1")],
            Some(json!({ "name": "Wizard Co", "billing_model": "organization" })),
        )
        .await;
    assert_eq!(keyed.status, 201, "{}", keyed.body);
    t.advance(3600.0).await;
    assert_eq!(
        t.get(&format!("/v3/messages/{mid}")).await.body["data"]["status"],
        "DELIVERED"
    );
    t.sb.shutdown().await;
    let saved: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert!(
        saved["clock_offset_ms"].as_i64().unwrap() >= 3_600_000,
        "saved offset {}",
        saved["clock_offset_ms"]
    );

    let t2 = start_with(builder().data_file(&file)).await;
    assert_eq!(t2.admin, admin, "keys persist");
    assert_eq!(t2.get(&format!("/v3/profiles/{pid}")).await.status, 404);
    let clock = t2.control(Method::GET, "/_sandbox/clock", json!({})).await;
    assert!(
        clock.body["data"]["offset_ms"].as_i64().unwrap() >= 3_600_000,
        "{}",
        clock.body
    );
    let m = t2.get(&format!("/v3/messages/{mid}")).await;
    assert_eq!(
        m.body["data"]["status"], "DELIVERED",
        "sandbox time does not go back after a restart"
    );
    assert_eq!(
        t2.get("/v3/profiles").await.body["data"]["profiles"]
            .as_array()
            .unwrap()
            .len(),
        5
    );
    // The same create retried after the restart replays instead of creating a second profile.
    let again = t2
        .call(
            Method::POST,
            "/v3/profiles",
            Some(&admin),
            &[("idempotency-key", "wizard-create-1")],
            Some(json!({ "name": "Wizard Co", "billing_model": "organization" })),
        )
        .await;
    assert_eq!(again.header("idempotent-replayed").as_deref(), Some("true"));
    assert_eq!(again.body, keyed.body);
    t2.sb.shutdown().await;
    std::fs::remove_dir_all(dir).unwrap();
}
