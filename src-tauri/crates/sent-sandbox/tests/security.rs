//! Security issue #8, findings 3 and 5 (sandbox side): the Host check on `/v3` and the control
//! API, no control API when embedded, JSON-only control bodies, and bounded control inputs.

mod common;

use common::{builder, into_r, start, start_with, R};
use reqwest::Method;
use serde_json::{json, Value};

async fn raw(
    t: &common::T,
    method: Method,
    path: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
) -> R {
    let mut rb = t.http.request(method, t.url(path));
    for (k, v) in headers {
        rb = rb.header(*k, *v);
    }
    if let Some(b) = body {
        rb = rb.body(b.to_string());
    }
    into_r(rb.send().await.unwrap()).await
}

#[tokio::test]
async fn an_embedded_sandbox_has_no_control_api() {
    // The app's builder: no `.control_api(true)`.
    let t = start_with(sent_sandbox::Sandbox::builder().rate_limits(None)).await;
    let r = t.control(Method::GET, "/_sandbox/keys", json!({})).await;
    assert_eq!(r.status, 404, "{}", r.body);
    assert!(!r.body.to_string().contains(&t.admin), "no key in a 404");
    let r = t
        .control(Method::POST, "/_sandbox/reset", json!({ "seed": "empty" }))
        .await;
    assert_eq!(r.status, 404, "{}", r.body);
    // The Sent surface works as before.
    assert_eq!(t.get("/v3/me").await.status, 200);
}

#[tokio::test]
async fn a_forged_host_is_refused_on_v3_and_on_the_control_api() {
    let t = start().await;
    let port = t.sb.addr().port();
    let admin = t.admin.clone();
    for host in [
        format!("evil.example:{port}"),
        format!("localhost.evil.example:{port}"),
        format!("127.0.0.1:{}", port.wrapping_add(1)),
        "evil.example".to_string(),
    ] {
        let r = raw(
            &t,
            Method::GET,
            "/v3/me",
            &[("host", &host), ("x-api-key", &admin)],
            None,
        )
        .await;
        assert_eq!(r.status, 421, "{host}: {}", r.body);
        assert_eq!(r.code(), "MISDIRECTED_REQUEST");
        assert_eq!(r.body["success"], false);
        assert!(r.body["meta"]["request_id"].is_string());

        let r = raw(&t, Method::GET, "/_sandbox/keys", &[("host", &host)], None).await;
        assert_eq!(r.status, 421, "{host}: {}", r.body);
        assert!(
            !r.body.to_string().contains(&admin),
            "no key in the refusal"
        );
    }
    // The names this server really has are answered.
    for host in [format!("127.0.0.1:{port}"), format!("localhost:{port}")] {
        let r = raw(
            &t,
            Method::GET,
            "/v3/me",
            &[("host", &host), ("x-api-key", &admin)],
            None,
        )
        .await;
        assert_eq!(r.status, 200, "{host}: {}", r.body);
        let r = raw(&t, Method::GET, "/_sandbox/clock", &[("host", &host)], None).await;
        assert_eq!(r.status, 200, "{host}: {}", r.body);
    }
}

#[tokio::test]
async fn control_writes_need_a_json_content_type() {
    let t = start().await;
    let before = t.get("/v3/profiles").await.body["data"]["profiles"]
        .as_array()
        .unwrap()
        .len();
    assert!(before > 0);
    for (headers, body) in [
        (
            vec![("content-type", "text/plain")],
            Some(r#"{"seed":"empty"}"#),
        ),
        (
            vec![("content-type", "application/x-www-form-urlencoded")],
            Some("seed=empty"),
        ),
        (vec![], None),
    ] {
        let r = raw(&t, Method::POST, "/_sandbox/reset", &headers, body).await;
        assert_eq!(r.status, 415, "{headers:?}: {}", r.body);
        assert_eq!(r.code(), "UNSUPPORTED_MEDIA_TYPE");
    }
    let r = raw(
        &t,
        Method::PUT,
        "/_sandbox/faults",
        &[("content-type", "text/plain")],
        Some(r#"{"rate_limit_storm":5}"#),
    )
    .await;
    assert_eq!(r.status, 415, "{}", r.body);
    // Nothing changed.
    let after = t.get("/v3/profiles").await;
    assert_eq!(after.status, 200, "no storm was set");
    assert_eq!(
        after.body["data"]["profiles"].as_array().unwrap().len(),
        before
    );
    // JSON with parameters is fine.
    let r = raw(
        &t,
        Method::POST,
        "/_sandbox/clock/advance",
        &[("content-type", "Application/JSON; charset=utf-8")],
        Some(r#"{"seconds":1}"#),
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.body);
}

fn assert_field_error(r: &R, field: &str) {
    assert_eq!(r.status, 400, "{}", r.body);
    assert_eq!(r.code(), "VALIDATION_001", "{}", r.body);
    assert_eq!(r.detail_keys(), vec![field.to_string()], "{}", r.body);
}

#[tokio::test]
async fn clock_and_window_values_that_would_overflow_are_refused() {
    let t = start_with(builder()).await;
    for seconds in [
        json!(1e30),
        json!(f64::MAX),
        json!(-1),
        json!("10"),
        json!(1e10),
    ] {
        let r = t
            .control(
                Method::POST,
                "/_sandbox/clock/advance",
                json!({ "seconds": seconds }),
            )
            .await;
        assert_field_error(&r, "seconds");
    }
    // The bound is on the total: 100 years in one go is fine, one more second is not.
    let max = sent_sandbox::control::MAX_ADVANCE_SECS;
    let r = t
        .control(
            Method::POST,
            "/_sandbox/clock/advance",
            json!({ "seconds": max - 5 }),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let r = t
        .control(
            Method::POST,
            "/_sandbox/clock/advance",
            json!({ "seconds": 60 }),
        )
        .await;
    assert_field_error(&r, "seconds");
    // The server still answers, with a valid date.
    assert_eq!(t.get("/v3/me").await.status, 200);
    let c = t.control(Method::GET, "/_sandbox/clock", json!({})).await;
    assert_eq!(c.status, 200);
    assert!(c.body["data"]["now"].as_str().unwrap().starts_with("21"));

    for (field, value) in [
        ("window_secs", json!(u64::MAX)),
        ("window_secs", json!(0)),
        ("window_secs", json!(1e300)),
        ("standard_per_window", json!(1u64 << 40)),
        ("messages_per_window", json!(-3)),
        ("sensitive_per_window", json!(2.5)),
    ] {
        let r = t
            .control(
                Method::PUT,
                "/_sandbox/rate-limits",
                json!({ field: value }),
            )
            .await;
        assert_field_error(&r, field);
    }
    let r = t
        .control(
            Method::PUT,
            "/_sandbox/rate-limits",
            json!({ "window_secs": 60, "standard_per_window": 1000 }),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body["data"]["window_secs"], 60);

    for body in [
        json!({ "latency_ms": u64::MAX }),
        json!({ "error_500_rate": 2.0 }),
    ] {
        let r = t.control(Method::PUT, "/_sandbox/faults", body).await;
        assert_eq!(r.status, 400, "{}", r.body);
    }
    let r = t
        .control(
            Method::PUT,
            "/_sandbox/faults",
            json!({ "rate_limit_storm": 1e20 }),
        )
        .await;
    assert_eq!(r.status, 400, "{}", r.body);
    let f = t
        .control(Method::GET, "/_sandbox/faults", Value::Null)
        .await;
    assert_eq!(f.body["data"]["latency_ms"], 0, "{}", f.body);
    assert_eq!(t.get("/v3/me").await.status, 200);
}

#[tokio::test]
async fn the_handle_ignores_an_advance_that_would_overflow() {
    let t = start().await;
    t.sb.advance_clock(std::time::Duration::from_secs(u64::MAX))
        .await;
    t.sb.advance_clock(std::time::Duration::from_secs(1 << 40))
        .await;
    assert_eq!(t.get("/v3/me").await.status, 200);
}

/// Finding 4: the data file keeps only the fact that a WABA token was given, never the token
/// (nor the card), and is readable by the user only.
#[tokio::test]
async fn the_data_file_holds_no_waba_token_or_card_and_is_private() {
    const TOKEN: &str = "EAAG-sandbox-no-leak-5d2e9a";
    const CARD: &str = "4000056655665556";
    let dir = std::env::temp_dir().join(format!("sent-sandbox-sec-{}", uuid::Uuid::new_v4()));
    let file = dir.join("sandbox.json");
    let t = start_with(builder().data_file(&file)).await;
    let r = t
        .post(
            "/v3/profiles",
            json!({
                "name": "Token Holder",
                "short_name": "TOKEN",
                "billing_model": "profile",
                "billing_contact": { "name": "Ana", "email": "ana@example.com" },
                "payment_details": { "card_number": CARD, "expiry": "11/29", "cvc": "123", "zip_code": "94607" },
                "whatsapp_business_account": { "waba_id": "555000111222333", "access_token": TOKEN },
                "inherit_tcr_brand": true,
                "inherit_tcr_campaign": true
            }),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    assert!(!r.body.to_string().contains(TOKEN));
    t.sb.shutdown().await;
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(!text.contains(TOKEN), "the WABA token is in sandbox.json");
    assert!(!text.contains(CARD), "the card number is in sandbox.json");
    assert!(!text.contains("EAAG-demo-token"), "nor the seed's token");
    assert!(
        text.contains("\"access_token_set\": true"),
        "the marker is kept"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{mode:o}");
    }

    // A file written by an older version (token in clear, world-readable) loads, and is
    // rewritten at once without the token and private.
    let legacy = text.replacen(
        "\"access_token_set\": true",
        &format!("\"access_token\": \"{TOKEN}\""),
        1,
    );
    assert!(legacy.contains(TOKEN));
    std::fs::write(&file, legacy).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    }
    let t2 = start_with(builder().data_file(&file)).await;
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(!text.contains(TOKEN), "rewritten at start");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{mode:o}");
    }
    let id = t2.profile_id("Token Holder").await;
    assert_eq!(t2.get(&format!("/v3/profiles/{id}")).await.status, 200);
    t2.sb.shutdown().await;
    let _ = std::fs::remove_dir_all(dir);
}
