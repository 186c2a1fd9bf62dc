//! The `api_revision` switch (contract §19.3): `seed` keeps sections 1–18, `2026-10` changes
//! exactly S1–S13. One test (or more) per behaviour, over real HTTP.

mod common;

use std::time::Duration;

use common::*;
use reqwest::Method;
use sent_sandbox::ApiRevision;
use serde_json::{json, Value};

async fn newer() -> T {
    start_with(builder().api_revision(ApiRevision::Rev2026_10)).await
}

fn new_profile(name: &str) -> Value {
    json!({ "name": name, "short_name": "Conf", "description": "test", "billing_model": "organization",
            "inherit_tcr_brand": true, "inherit_tcr_campaign": true })
}

async fn next_body(rx: &mut Receiver) -> (Vec<(String, String)>, Value) {
    let (h, b, _) = tokio::time::timeout(Duration::from_secs(10), rx.rx.recv())
        .await
        .expect("a request arrives")
        .unwrap();
    (h, b)
}

#[tokio::test]
async fn revision_is_readable_and_settable_through_the_control_api() {
    let t = start().await;
    let r = t
        .control(Method::GET, "/_sandbox/api-revision", json!({}))
        .await;
    assert_eq!(r.body["data"]["api_revision"], "seed");
    let r = t
        .control(
            Method::PUT,
            "/_sandbox/api-revision",
            json!({ "api_revision": "2026-10" }),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(t.sb.api_revision(), ApiRevision::Rev2026_10);
    let r = t
        .control(
            Method::PUT,
            "/_sandbox/api-revision",
            json!({ "api_revision": "2027-01" }),
        )
        .await;
    assert_eq!((r.status, r.code()), (400, "VALIDATION_001"));
    assert_eq!(r.detail_keys(), vec!["api_revision"]);
    // Switching back restores sections 1–18.
    t.sb.set_api_revision(ApiRevision::Seed);
    let r = t.get("/v3/profiles").await;
    assert!(r.body["data"].get("pagination").is_none());
}

#[tokio::test]
async fn s1_sharing_flags_accepted_never_stored_reported_false() {
    let t = newer().await;
    let mut body = new_profile("Flags Co");
    for k in [
        "allow_contact_sharing",
        "allow_template_sharing",
        "inherit_contacts",
        "inherit_templates",
    ] {
        body[k] = json!(true);
    }
    let r = t.post("/v3/profiles", body).await;
    assert_eq!(r.status, 201, "{}", r.body);
    let id = r.body["data"]["id"].as_str().unwrap().to_string();
    for k in [
        "allow_contact_sharing",
        "inherit_contacts",
        "inherit_templates",
    ] {
        assert_eq!(r.body["data"][k], false, "{k}");
    }
    // null is accepted on create (not on seed: see bad_input.rs).
    let r = t
        .post(
            "/v3/profiles",
            json!({ "name": "Null Flags", "billing_model": "organization",
                    "allow_contact_sharing": null, "allow_template_sharing": null }),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let r = t
        .call(
            Method::PATCH,
            &format!("/v3/profiles/{id}"),
            Some(&t.admin),
            &[],
            Some(json!({ "allow_template_sharing": true, "inherit_contacts": null })),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body["data"]["allow_template_sharing"], false);
    let me = t.get("/v3/me").await;
    for p in me.body["data"]["profiles"].as_array().unwrap() {
        for k in [
            "allow_contact_sharing",
            "allow_template_sharing",
            "inherit_contacts",
            "inherit_templates",
        ] {
            assert_eq!(p["settings"][k], false, "{k}");
        }
    }
}

#[tokio::test]
async fn s1_visibility_is_by_owner_with_customer_id() {
    let t = newer().await;
    let tenant = t.profile_id("Tenant Co").await;
    let key = t.profile_key("Tenant Co");
    // A profile sees only its own templates, each with its owner.
    let r = t
        .call(
            Method::GET,
            "/v3/templates?page=1&page_size=100",
            Some(&key),
            &[],
            None,
        )
        .await;
    let names: Vec<&str> = r.body["data"]["templates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, vec!["tenant_welcome"]);
    assert_eq!(
        r.body["data"]["templates"][0]["customer_id"],
        tenant.as_str()
    );
    // The organization sees its own and its profiles'.
    let r = t.get("/v3/templates?page=1&page_size=100").await;
    let all = r.body["data"]["templates"].as_array().unwrap();
    assert!(all.iter().any(|t| t["name"] == "tenant_welcome"));
    assert!(all.iter().any(|t| t["name"] == "bella_booking"));
    assert!(all.iter().all(|t| t["customer_id"].is_string()));
    // Contacts: never inherited, always with an owner.
    let r = t
        .call(
            Method::GET,
            "/v3/contacts?page=1&page_size=100",
            Some(&key),
            &[],
            None,
        )
        .await;
    assert!(r.body["data"]["contacts"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["is_inherited"] == false && c["customer_id"] == tenant.as_str()));
    let r = t.get("/v3/contacts?page=1&page_size=100").await;
    let contacts = r.body["data"]["contacts"].as_array().unwrap();
    assert!(!contacts.is_empty());
    assert!(contacts
        .iter()
        .all(|c| c["is_inherited"] == false && c["customer_id"].is_string()));
}

#[tokio::test]
async fn s2_sender_borrowing_is_ignored_without_v17() {
    let t = newer().await;
    let a = t.profile_id("Joe's Pizza Uptown").await;
    let r = t
        .call(
            Method::PATCH,
            &format!("/v3/profiles/{a}"),
            Some(&t.admin),
            &[],
            // V17 would refuse its own id and an unknown one; the newer revision ignores both.
            Some(json!({ "sending_phone_number_profile_id": a,
                         "sending_whatsapp_number_profile_id": "00000000-0000-4000-8000-000000000001" })),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body["data"]["sending_phone_number_profile_id"].is_null());
    assert!(r.body["data"]["sending_whatsapp_number_profile_id"].is_null());
}

#[tokio::test]
async fn s3_tcr_inherit_flags_default_to_false() {
    let t = newer().await;
    let r = t
        .post(
            "/v3/profiles",
            json!({ "name": "Defaults", "billing_model": "organization", "inherit_tcr_campaign": null }),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    assert_eq!(r.body["data"]["inherit_tcr_brand"], false);
    assert_eq!(r.body["data"]["inherit_tcr_campaign"], false);
}

#[tokio::test]
async fn s4_no_waba_inheritance_and_no_422() {
    let t = newer().await;
    let r = t.post("/v3/profiles", new_profile("No WhatsApp")).await;
    assert_eq!(r.status, 201, "{}", r.body);
    assert!(r.body["data"]["waba_id"].is_null());
    assert_eq!(r.body["data"]["status"], "incomplete");
    // Direct credentials still work.
    let mut body = new_profile("Own WhatsApp");
    body["whatsapp_business_account"] = json!({ "waba_id": "999", "access_token": "tok" });
    let r = t.post("/v3/profiles", body).await;
    assert_eq!(r.body["data"]["waba_id"], "999");
}

#[tokio::test]
async fn s5_brand_use_case_and_volume_are_not_stored() {
    let t = newer().await;
    let mut body = new_profile("Brand Co");
    body["inherit_tcr_brand"] = json!(false);
    body["brand"] = json!({
        "contact": { "name": "Dana Ortiz" },
        "business": { "legalName": "Brand Co Ltd", "entityType": "PRIVATE_PROFIT", "country": "US" },
        "compliance": { "vertical": "HEALTHCARE", "brandRelationship": "SMALL_ACCOUNT",
                        "primaryUseCase": "appointments", "expectedMessagingVolume": "5000",
                        "destinationCountries": [ { "id": "US", "isMain": true } ] }
    });
    let r = t.post("/v3/profiles", body).await;
    assert_eq!(r.status, 201, "{}", r.body);
    let c = &r.body["data"]["brand"]["compliance"];
    assert!(c["primary_use_case"].is_null());
    assert!(c.get("expected_messaging_volume").is_none(), "{c}");
}

fn campaign_body(volume: Option<&str>) -> Value {
    let mut c = json!({ "name": "Reminders", "description": "Appointment reminders", "type": "App",
        "useCases": [ { "messagingUseCaseUs": "ACCOUNT_NOTIFICATION", "sampleMessages": ["Hi, see you at 3"] } ] });
    if let Some(v) = volume {
        c["volume"] = json!(v);
    }
    json!({ "campaign": c })
}

#[tokio::test]
async fn s6_campaign_volume_echoed_and_internal_keys_dropped() {
    let t = newer().await;
    let pid = t.profile_id("Tenant Co").await;
    let r = t
        .post(
            &format!("/v3/profiles/{pid}/campaigns"),
            campaign_body(Some("1500")),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let d = &r.body["data"];
    assert_eq!(d["volume"], "1500");
    for k in [
        "cspId",
        "resellerId",
        "kycSubmissionFormId",
        "telnyxCampaignId",
        "upstreamCnpId",
        "sharingStatus",
    ] {
        assert!(d.get(k).is_none(), "{k} in {d}");
    }
    let r = t.get(&format!("/v3/profiles/{pid}/campaigns")).await;
    assert!(r.body["data"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c.get("volume").is_some() && c.get("cspId").is_none()));
    // Seed: no volume key, the TCR keys stay.
    t.sb.set_api_revision(ApiRevision::Seed);
    let r = t
        .post(
            &format!("/v3/profiles/{pid}/campaigns"),
            campaign_body(Some("1500")),
        )
        .await;
    assert!(r.body["data"].get("volume").is_none());
    assert!(r.body["data"].get("cspId").is_some());
}

#[tokio::test]
async fn s7_profile_list_pages_with_the_fixture() {
    let t = newer().await;
    let r = t.get("/v3/profiles").await;
    let p = &r.body["data"]["pagination"];
    assert_eq!(
        (p["page"].as_u64(), p["has_more"].as_bool()),
        (Some(1), Some(false))
    );
    let total = r.body["data"]["profiles"].as_array().unwrap().len();
    let r = t
        .control(
            Method::PUT,
            "/_sandbox/fixtures",
            json!({ "profile_list_page_size": 2 }),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let mut seen = vec![];
    for page in 1.. {
        let r = t.get(&format!("/v3/profiles?page={page}")).await;
        let items = r.body["data"]["profiles"].as_array().unwrap();
        assert!(items.len() <= 2);
        seen.extend(items.iter().map(|p| p["id"].clone()));
        if r.body["data"]["pagination"]["has_more"] == false {
            break;
        }
    }
    assert_eq!(seen.len(), total);
}

/// A profile with its own non-TCR brand whose main destination is the US.
async fn completable(t: &T) -> String {
    let mut body = new_profile("Completable");
    body["inherit_tcr_brand"] = json!(false);
    body["brand"] = json!({
        "contact": { "name": "Dana Ortiz" },
        "business": { "legalName": "Completable Ltd", "entityType": "PRIVATE_PROFIT", "country": "US" },
        "compliance": { "vertical": "HEALTHCARE", "brandRelationship": "SMALL_ACCOUNT", "isTcrApplication": false,
                        "destinationCountries": [ { "id": "US", "isMain": true } ] }
    });
    let r = t.post("/v3/profiles", body).await;
    assert_eq!(r.status, 201, "{}", r.body);
    r.body["data"]["id"].as_str().unwrap().to_string()
}

#[tokio::test]
async fn s8_completion_checks_everything_at_once_and_approves() {
    let t = newer().await;
    let mut cb = receiver().await;
    let pid = completable(&t).await;
    let fx = format!("/_sandbox/profiles/{pid}/fixtures");
    let r = t
        .control(
            Method::PUT,
            &fx,
            json!({ "kyc_submitted": false, "documents_uploaded": { "US": false } }),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let r = t
        .post(
            &format!("/v3/profiles/{pid}/complete"),
            json!({ "webHookUrl": cb.url }),
        )
        .await;
    assert_eq!((r.status, r.code()), (400, "VALIDATION_001"), "{}", r.body);
    let keys = r.detail_keys();
    assert!(
        keys.contains(&"kyc".to_string()) && keys.contains(&"documents".to_string()),
        "{keys:?}"
    );
    t.control(
        Method::PUT,
        &fx,
        json!({ "kyc_submitted": null, "documents_uploaded": {} }),
    )
    .await;
    // The profile's own key may complete it; success ends in approved (no pending_review).
    let key = t.profile_key("Completable");
    let r = t
        .call(
            Method::POST,
            &format!("/v3/profiles/{pid}/complete"),
            Some(&key),
            &[],
            Some(json!({ "webHookUrl": cb.url })),
        )
        .await;
    assert_eq!(r.status, 202, "{}", r.body);
    t.advance(6.0).await;
    let (_, body) = next_body(&mut cb).await;
    assert_eq!(body["success"], true);
    assert_eq!(body["status"], "COMPLETED");
    assert_eq!(
        t.get(&format!("/v3/profiles/{pid}")).await.body["data"]["status"],
        "approved"
    );
}

#[tokio::test]
async fn s8_forced_background_failure_keeps_the_status() {
    let t = newer().await;
    let mut cb = receiver().await;
    let pid = completable(&t).await;
    t.control(
        Method::PUT,
        &format!("/_sandbox/profiles/{pid}/fixtures"),
        json!({ "completion_failure": "Brand vetting failed" }),
    )
    .await;
    let r = t
        .post(
            &format!("/v3/profiles/{pid}/complete"),
            json!({ "webHookUrl": cb.url }),
        )
        .await;
    assert_eq!(r.status, 202, "{}", r.body);
    t.advance(6.0).await;
    let (_, body) = next_body(&mut cb).await;
    assert_eq!(body["success"], false);
    assert_eq!(body["reason"], "Brand vetting failed");
    assert_eq!(
        t.get(&format!("/v3/profiles/{pid}")).await.body["data"]["status"],
        "incomplete"
    );
}

#[tokio::test]
async fn s9_delete_conflicts_leave_the_profile() {
    let t = newer().await;
    let pid = t.profile_id("Joe's Pizza Uptown").await;
    for code in ["CONFLICT_012", "CONFLICT_013"] {
        let r = t
            .control(
                Method::PUT,
                &format!("/_sandbox/profiles/{pid}/fixtures"),
                json!({ "delete_conflict": code }),
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        let r = t
            .call(
                Method::DELETE,
                &format!("/v3/profiles/{pid}"),
                Some(&t.admin),
                &[],
                None,
            )
            .await;
        assert_eq!((r.status, r.code()), (409, code));
        assert_eq!(t.get(&format!("/v3/profiles/{pid}")).await.status, 200);
    }
    let r = t
        .control(
            Method::PUT,
            &format!("/_sandbox/profiles/{pid}/fixtures"),
            json!({ "delete_conflict": "CONFLICT_999" }),
        )
        .await;
    assert_eq!(r.status, 400);
    t.control(
        Method::PUT,
        &format!("/_sandbox/profiles/{pid}/fixtures"),
        json!({ "delete_conflict": null }),
    )
    .await;
    let r = t
        .call(
            Method::DELETE,
            &format!("/v3/profiles/{pid}"),
            Some(&t.admin),
            &[],
            None,
        )
        .await;
    assert_eq!(r.status, 204);
}

#[tokio::test]
async fn s10_paging_optional_cursors_null_more_pagination() {
    let t = newer().await;
    for path in ["/v3/templates", "/v3/contacts", "/v3/webhooks"] {
        let r = t.get(path).await;
        assert_eq!(r.status, 200, "{path}: {}", r.body);
        let p = &r.body["data"]["pagination"];
        assert_eq!(
            (p["page"].as_u64(), p["page_size"].as_u64()),
            (Some(1), Some(20))
        );
        assert!(p["cursors"].is_null());
    }
    let r = t.get("/v3/webhooks/event-types").await;
    assert!(r.body["data"]["pagination"].is_object(), "{}", r.body);
    // is_welcome_playground is ignored.
    let all = t.get("/v3/templates").await.body["data"]["templates"]
        .as_array()
        .unwrap()
        .len();
    let filtered = t.get("/v3/templates?is_welcome_playground=true").await.body["data"]
        ["templates"]
        .as_array()
        .unwrap()
        .len();
    assert_eq!(all, filtered);
}

async fn send(t: &T, body: Value) -> R {
    t.post("/v3/messages", body).await
}

async fn message(t: &T, id: &str) -> Value {
    t.get(&format!("/v3/messages/{id}")).await.body["data"].clone()
}

#[tokio::test]
async fn s11_preconditions_block_or_filter_instead_of_refusing() {
    let t = newer().await;
    let r = send(
        &t,
        json!({ "to": ["+14155550123"], "template": { "name": "sms_survey" }, "channel": ["sms"] }),
    )
    .await;
    assert_eq!(r.status, 202, "{}", r.body);
    let id = r.body["data"]["recipients"][0]["message_id"]
        .as_str()
        .unwrap()
        .to_string();
    t.advance(5.0).await;
    let m = message(&t, &id).await;
    assert_eq!(m["status"], "BLOCKED");
    assert_eq!(m["reason_code"], "BUSINESS_005");
    assert!(m["reason"].is_string());
    let last = m["events"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["reason_code"], "BUSINESS_005");
    let acts = t.get(&format!("/v3/messages/{id}/activities")).await;
    assert_eq!(
        acts.body["data"]["activities"][0]["reason_code"],
        "BUSINESS_005"
    );
    assert!(acts.body["data"]["pagination"].is_object());

    let r = send(&t, json!({ "to": ["+15005550002"], "text": "hi" })).await;
    assert_eq!(r.status, 202, "{}", r.body);
    let id = r.body["data"]["recipients"][0]["message_id"]
        .as_str()
        .unwrap()
        .to_string();
    t.advance(5.0).await;
    let m = message(&t, &id).await;
    assert_eq!(m["status"], "FILTERED");
    assert_eq!(
        m["events"].as_array().unwrap().last().unwrap()["description"],
        "ERR_CONSENT_BLOCKED"
    );

    // FAILED carries a DELIVERY_* code, the description keeps ERR_*.
    let r = send(&t, json!({ "to": ["+15005550001"], "text": "hi" })).await;
    let id = r.body["data"]["recipients"][0]["message_id"]
        .as_str()
        .unwrap()
        .to_string();
    t.advance(10.0).await;
    let m = message(&t, &id).await;
    assert_eq!(m["status"], "FAILED");
    assert_eq!(m["reason_code"], "DELIVERY_007");
    // A delivered message has no reason keys.
    let r = send(&t, json!({ "to": ["+14155550123"], "text": "hi" })).await;
    let id = r.body["data"]["recipients"][0]["message_id"]
        .as_str()
        .unwrap()
        .to_string();
    t.advance(10.0).await;
    let m = message(&t, &id).await;
    assert!(m.get("reason_code").is_none(), "{m}");
}

#[tokio::test]
async fn s12_me_newer_keys_and_omitted_numbers() {
    let t = newer().await;
    let me = t.get("/v3/me").await.body["data"].clone();
    assert_eq!(me["enable_template_auto_creation_for_sp"], false);
    assert!(me.get("sending_phone_number").is_some());
    assert_eq!(
        me["sending_phone_number"],
        me["channels"]["sms"]["phone_number"]
    );
    assert!(me["channels"]["rcs"].get("phone_number").is_none(), "{me}");
    let seed = start().await;
    let me = seed.get("/v3/me").await.body["data"].clone();
    assert!(me.get("sending_phone_number").is_none());
    assert!(me["channels"]["rcs"].get("phone_number").is_some());
}

#[tokio::test]
async fn s13_deliveries_use_the_newer_envelope_with_an_event_id() {
    let t = newer().await;
    let mut rx = receiver().await;
    let r = t
        .post(
            "/v3/webhooks",
            json!({ "display_name": "hook", "endpoint_url": rx.url, "event_types": ["message"],
                    "sender_profile": { "event_types": ["message"] } }),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    assert!(r.body["data"].get("sender_profile").is_none());
    assert!(r.body["data"]["customer_id"].is_string());
    send(
        &t,
        json!({ "to": ["+14155550123"], "text": "hello", "channel": ["sms"] }),
    )
    .await;
    t.advance(1.0).await;
    let (headers, body) = next_body(&mut rx).await;
    assert!(headers
        .iter()
        .any(|(k, v)| k == "x-webhook-event-id" && !v.is_empty()));
    assert_eq!(body["field"], "message");
    assert!(body["event"].as_str().unwrap().starts_with("message."));
    assert!(body.get("sub_type").is_none());
    assert!(body["request_id"].is_string());
    let p = &body["payload"];
    assert!(p.get("inbound_number").is_none());
    assert_eq!(p["outbound_number"], "+14155550123");
    assert_eq!(p["body"], "hello");
    assert!(p["updated_at"].is_string());
}
