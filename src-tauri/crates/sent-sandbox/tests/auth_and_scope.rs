//! Auth (401), roles (403 AUTH_004), `x-profile-id` rules (Q5), key views (Q25, Q34).

mod common;

use common::*;
use reqwest::Method;
use serde_json::json;

#[tokio::test]
async fn missing_and_unknown_keys_are_401_with_envelope() {
    let t = start().await;
    let r = t.call(Method::GET, "/v3/me", None, &[], None).await;
    assert_eq!((r.status, r.code()), (401, "AUTH_001"));
    assert_eq!(r.body["success"], false);
    assert!(r.body["data"].is_null());
    let r = t
        .call(Method::GET, "/v3/me", Some("not-a-key"), &[], None)
        .await;
    assert_eq!((r.status, r.code()), (401, "AUTH_002"));
}

#[tokio::test]
async fn envelope_and_headers_on_success() {
    let t = start().await;
    let r = t.get("/v3/me").await;
    assert_eq!(r.status, 200);
    assert_eq!(r.body["success"], true);
    assert!(r.body["error"].is_null());
    assert_eq!(r.body["data"]["type"], "organization");
    assert_eq!(r.body["data"]["name"], "Acme Agency");
    assert_eq!(r.body["data"]["profiles"].as_array().unwrap().len(), 5);
    let rid = r.header("x-request-id").unwrap();
    assert_eq!(r.body["meta"]["request_id"], rid.as_str());
    assert!(rid.starts_with("req_") && rid.len() == 14);
    assert_eq!(r.body["meta"]["version"], "v3");
    assert_eq!(r.header("x-api-version").as_deref(), Some("v3"));
    assert!(r.header("x-response-time").is_some());
}

#[tokio::test]
async fn developer_key_reads_but_cannot_manage_profiles() {
    let t = start().await;
    let id = t.profile_id("Bella Salon").await;
    let dev = t.dev.clone();
    let r = t
        .call(Method::GET, "/v3/profiles", Some(&dev), &[], None)
        .await;
    assert_eq!(r.status, 200);
    let r = t
        .call(
            Method::DELETE,
            &format!("/v3/profiles/{id}"),
            Some(&dev),
            &[],
            Some(json!({})),
        )
        .await;
    assert_eq!((r.status, r.code()), (403, "AUTH_004"));
    let r = t
        .call(
            Method::POST,
            "/v3/profiles",
            Some(&dev),
            &[],
            Some(json!({ "name": "X" })),
        )
        .await;
    assert_eq!((r.status, r.code()), (403, "AUTH_004"));
}

#[tokio::test]
async fn x_profile_id_rules() {
    let t = start().await;
    let id = t.profile_id("Tenant Co").await;
    let admin = t.admin.clone();
    // Org key + x-profile-id acts as the profile (Q25) and echoes the header.
    let r = t
        .call(
            Method::GET,
            "/v3/me",
            Some(&admin),
            &[("x-profile-id", &id)],
            None,
        )
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.body["data"]["type"], "profile");
    assert_eq!(r.body["data"]["id"], id.as_str());
    assert_eq!(r.header("x-profile-id").as_deref(), Some(id.as_str()));
    // Malformed -> 400 VALIDATION_003; unknown -> 404 RESOURCE_014.
    let r = t
        .call(
            Method::GET,
            "/v3/me",
            Some(&admin),
            &[("x-profile-id", "nope")],
            None,
        )
        .await;
    assert_eq!((r.status, r.code()), (400, "VALIDATION_003"));
    let r = t
        .call(
            Method::GET,
            "/v3/me",
            Some(&admin),
            &[("x-profile-id", "00000000-0000-4000-8000-000000000000")],
            None,
        )
        .await;
    assert_eq!((r.status, r.code()), (404, "RESOURCE_014"));
    // A profile key may not send it at all.
    let pk = t.profile_key("Tenant Co");
    let r = t
        .call(
            Method::GET,
            "/v3/me",
            Some(&pk),
            &[("x-profile-id", &id)],
            None,
        )
        .await;
    assert_eq!((r.status, r.code()), (403, "AUTH_004"));
}

#[tokio::test]
async fn profile_key_sees_its_own_profile_only() {
    let t = start().await;
    let own = t.profile_id("Tenant Co").await;
    let other = t.profile_id("Bella Salon").await;
    let pk = t.profile_key("Tenant Co");
    let r = t.call(Method::GET, "/v3/me", Some(&pk), &[], None).await;
    assert_eq!(r.body["data"]["type"], "profile");
    assert_eq!(r.body["data"]["profiles"], json!([]));
    let r = t
        .call(
            Method::GET,
            &format!("/v3/profiles/{own}"),
            Some(&pk),
            &[],
            None,
        )
        .await;
    assert_eq!(r.status, 200);
    let r = t
        .call(
            Method::GET,
            &format!("/v3/profiles/{other}"),
            Some(&pk),
            &[],
            None,
        )
        .await;
    assert_eq!((r.status, r.code()), (403, "AUTH_004"));
    let r = t
        .call(Method::GET, "/v3/profiles", Some(&pk), &[], None)
        .await;
    assert_eq!((r.status, r.code()), (403, "AUTH_004"));
}

#[tokio::test]
async fn brand_inheritance_view() {
    let t = start().await;
    let inh = t.profile_id("Bella Salon").await;
    let own = t.profile_id("Northwind Clinics").await;
    let r = t.get(&format!("/v3/profiles/{inh}")).await;
    assert_eq!(r.body["data"]["brand"]["is_inherited"], true);
    assert_eq!(r.body["data"]["brand"]["submitted_to_tcr"], true);
    let r = t.get(&format!("/v3/profiles/{own}")).await;
    assert_eq!(r.body["data"]["brand"]["is_inherited"], false);
    assert_eq!(
        r.body["data"]["brand"]["compliance"]["vertical"],
        "HEALTHCARE"
    );
}
