//! Malformed input always gets a clear envelope: bad JSON, non-objects, wrong types, oversized
//! bodies, unknown routes, wrong methods, non-UUID ids.

mod common;

use common::*;
use reqwest::Method;
use serde_json::json;

async fn raw(t: &T, method: Method, path: &str, body: &'static [u8]) -> R {
    let r = t
        .http
        .request(method, t.url(path))
        .header("x-api-key", &t.admin)
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .unwrap();
    into_r(r).await
}

#[tokio::test]
async fn malformed_json_and_non_objects_are_400_without_details() {
    let t = start().await;
    let r = raw(&t, Method::POST, "/v3/messages", b"{\"to\": [").await;
    assert_eq!((r.status, r.code()), (400, "VALIDATION_001"));
    assert!(r.body["error"]["details"].is_null());
    let r = raw(&t, Method::POST, "/v3/messages", b"[1,2]").await;
    assert_eq!((r.status, r.code()), (400, "VALIDATION_001"));
    assert!(r.body["error"]["message"]
        .as_str()
        .unwrap()
        .contains("JSON object"));
}

#[tokio::test]
async fn wrong_types_are_reported_by_field() {
    let t = start().await;
    let r = t
        .post(
            "/v3/messages",
            json!({ "to": "+14155550199", "text": 5, "channel": ["sms"] }),
        )
        .await;
    assert_eq!((r.status, r.code()), (400, "VALIDATION_001"));
    assert_eq!(r.detail_keys(), vec!["text", "to"]);
}

#[tokio::test]
async fn oversized_body_is_413_with_envelope() {
    let t = start_with(builder().config(sent_sandbox::Config {
        max_body_bytes: 1024,
        rate_limits: None,
        ..Default::default()
    }))
    .await;
    let big = json!({ "text": "x".repeat(4096), "to": ["+14155550199"] });
    let r = t.post("/v3/messages", big).await;
    assert_eq!((r.status, r.code()), (413, "PAYLOAD_TOO_LARGE"));
    assert_eq!(r.body["success"], false);
}

#[tokio::test]
async fn unknown_route_wrong_method_and_bad_ids() {
    let t = start().await;
    let r = t.get("/v3/unknown").await;
    assert_eq!((r.status, r.code()), (404, "NOT_FOUND"));
    let r = t.get("/not-even-v3").await;
    assert_eq!((r.status, r.code()), (404, "NOT_FOUND"));
    let r = t
        .call(
            Method::PUT,
            "/v3/me",
            Some(&t.admin.clone()),
            &[],
            Some(json!({})),
        )
        .await;
    assert_eq!((r.status, r.code()), (405, "METHOD_NOT_ALLOWED"));
    let r = t.get("/v3/profiles/abc").await;
    assert_eq!((r.status, r.code()), (400, "VALIDATION_003"));
    let r = t.get("/v3/messages/123/activities").await;
    assert_eq!((r.status, r.code()), (400, "VALIDATION_003"));
}

#[tokio::test]
async fn paging_params_are_required_and_bounded() {
    let t = start().await;
    let r = t.get("/v3/templates").await;
    assert_eq!((r.status, r.code()), (400, "VALIDATION_004"));
    assert_eq!(r.detail_keys(), vec!["page", "page_size"]);
    let r = t.get("/v3/contacts?page=1&page_size=1000").await;
    assert_eq!((r.status, r.code()), (400, "VALIDATION_005"));
    let r = t
        .get("/v3/templates?page=1&page_size=2&status=approved")
        .await;
    assert_eq!((r.status, r.code()), (400, "VALIDATION_006"));
}

#[tokio::test]
async fn number_lookup_accepts_literal_and_encoded_plus() {
    let t = start().await;
    let r = t.get("/v3/numbers/lookup/+14155550123").await;
    assert_eq!(r.status, 200);
    assert_eq!(r.body["data"]["is_valid"], true);
    let r = t.get("/v3/numbers/lookup/%2B14155550123").await;
    assert_eq!(r.body["data"]["phone_number"], "+14155550123");
    let r = t.get("/v3/numbers/lookup/4155550123").await;
    assert_eq!((r.status, r.code()), (400, "VALIDATION_002"));
}

#[tokio::test]
async fn webhook_ranges_are_validation_005() {
    let t = start().await;
    let r = t
        .post("/v3/webhooks", json!({ "display_name": "x", "endpoint_url": "https://example.com/h", "retry_count": 9, "timeout_seconds": 1 }))
        .await;
    assert_eq!((r.status, r.code()), (400, "VALIDATION_005"));
    assert_eq!(r.detail_keys(), vec!["retry_count", "timeout_seconds"]);
    let r = t
        .post(
            "/v3/webhooks",
            json!({ "endpoint_url": "https://example.com/h" }),
        )
        .await;
    assert_eq!((r.status, r.code()), (400, "VALIDATION_004"));
    assert_eq!(r.detail_keys(), vec!["display_name"]);
    let r = t
        .get("/v3/webhooks/00000000-0000-4000-8000-000000000000")
        .await;
    assert_eq!((r.status, r.code()), (404, "RESOURCE_008"));
}

#[tokio::test]
async fn null_sharing_flags_on_create_are_refused_and_nothing_is_stored() {
    // Contract E4 / 9.1: not nullable on create (seed revision).
    let t = start().await;
    let before = t.get("/v3/profiles").await.body["data"]["profiles"]
        .as_array()
        .unwrap()
        .len();
    for key in ["allow_contact_sharing", "allow_template_sharing"] {
        let mut body = json!({ "name": "Null Sharing", "billing_model": "organization" });
        body[key] = serde_json::Value::Null;
        let r = t.post("/v3/profiles", body).await;
        assert_eq!((r.status, r.code()), (400, "VALIDATION_001"), "{}", r.body);
        assert_eq!(r.detail_keys(), vec![key.to_string()]);
    }
    let after = t.get("/v3/profiles").await.body["data"]["profiles"]
        .as_array()
        .unwrap()
        .len();
    assert_eq!(before, after, "nothing stored");
    // The inheritance flags stay nullable (default applies).
    let r = t
        .post(
            "/v3/profiles",
            json!({ "name": "Null Inherit", "billing_model": "organization", "inherit_contacts": null }),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
}

#[tokio::test]
async fn recipient_with_trailing_newline_is_not_e164() {
    let t = start().await;
    for to in ["+14155550123\n", " +14155550123", "+14155550123 "] {
        let r = t
            .post(
                "/v3/messages",
                json!({ "to": [to], "text": "hi", "sandbox": true }),
            )
            .await;
        assert_eq!(
            (r.status, r.code()),
            (400, "VALIDATION_002"),
            "{to:?}: {}",
            r.body
        );
        assert_eq!(r.detail_keys(), vec!["to[0]".to_string()]);
    }
    let r = t
        .post(
            "/v3/messages",
            json!({ "to": ["+14155550123"], "text": "hi", "sandbox": true }),
        )
        .await;
    assert_eq!(r.status, 202, "{}", r.body);
}
