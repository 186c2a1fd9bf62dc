//! Profile and campaign writes: shared validation rules (V1–V17, V20–V23) reported all at once,
//! V13 brand lock, V14 422, V21/V22 inherited campaigns, PATCH null semantics, Q33.

mod common;

use common::*;
use reqwest::Method;
use serde_json::{json, Value};

fn new_profile(name: &str) -> Value {
    json!({ "name": name, "short_name": "Conf", "description": "test", "billing_model": "organization",
            "inherit_tcr_brand": true, "inherit_tcr_campaign": true })
}

fn brand() -> Value {
    json!({
        "contact": { "name": "Dana Ortiz", "businessName": "Northwind", "email": "dana@northwind.example" },
        "business": { "legalName": "Northwind Health Ltd", "entityType": "PRIVATE_PROFIT", "country": "US" },
        "compliance": { "vertical": "HEALTHCARE", "brandRelationship": "SMALL_ACCOUNT", "isTcrApplication": true,
                        "destinationCountries": [ { "id": "US", "isMain": true } ] }
    })
}

#[tokio::test]
async fn create_returns_201_and_issues_a_key() {
    let t = start().await;
    let r = t.post("/v3/profiles", new_profile("Created Co")).await;
    assert_eq!(r.status, 201, "{}", r.body);
    let d = &r.body["data"];
    assert_eq!(d["status"], "incomplete");
    assert_eq!(d["email"], "team@acme-agency.example");
    assert_eq!(
        d["waba_id"], "104918273645501",
        "inherits the organization's WABA"
    );
    assert_eq!(d["brand"]["is_inherited"], true);
    assert_eq!(d["inherit_contacts"], true, "API default");
    let id = d["id"].as_str().unwrap();
    assert!(t
        .sb
        .keys()
        .profiles
        .iter()
        .any(|k| k.profile_id.to_string() == id));
    assert_eq!(
        t.get("/v3/profiles").await.body["data"]["profiles"]
            .as_array()
            .unwrap()
            .len(),
        6
    );
}

#[tokio::test]
async fn every_failing_field_is_reported_at_once() {
    let t = start().await;
    let r = t
        .post("/v3/profiles", json!({ "short_name": "x!", "billing_model": "organization",
            "payment_details": { "card_number": "4242", "expiry": "13/99", "cvc": "1", "zip_code": "94607" },
            "inherit_contacts": "yes" }))
        .await;
    assert_eq!((r.status, r.code()), (400, "VALIDATION_001"));
    assert_eq!(r.body["error"]["message"], "Request validation failed");
    let keys = r.detail_keys();
    for k in [
        "name",
        "short_name",
        "payment_details",
        "payment_details.expiry",
        "payment_details.card_number",
        "payment_details.cvc",
        "inherit_contacts",
    ] {
        assert!(keys.contains(&k.to_string()), "missing {k} in {keys:?}");
    }
    assert_eq!(
        r.body["error"]["details"]["name"][0],
        "Profile name is required"
    );
    let r = t
        .post(
            "/v3/profiles",
            json!({ "name": "X", "inherit_tcr_brand": true, "brand": brand() }),
        )
        .await;
    assert_eq!(
        r.body["error"]["details"]["brand"][0],
        "Cannot provide brand data when inherit_tcr_brand is true."
    );
    let r = t.post("/v3/profiles", json!({ "name": "X", "brand": { "contact": {}, "compliance": { "vertical": "NOPE" } } })).await;
    let keys = r.detail_keys();
    assert!(keys.contains(&"brand.contact.name".to_string()), "{keys:?}");
    assert!(
        keys.contains(&"brand.compliance.vertical".to_string()),
        "{keys:?}"
    );
    assert_eq!(
        t.get("/v3/profiles").await.body["data"]["profiles"]
            .as_array()
            .unwrap()
            .len(),
        5,
        "nothing written"
    );
}

#[tokio::test]
async fn no_waba_is_422_and_direct_credentials_work() {
    let t = start_with(builder().seed(sent_sandbox::Seed::Empty)).await;
    let r = t.post("/v3/profiles", new_profile("No WABA")).await;
    assert_eq!((r.status, r.code()), (422, "VALIDATION_001"));
    assert!(r.body["error"]["details"].is_null());
    assert!(r.body["error"]["message"]
        .as_str()
        .unwrap()
        .starts_with("Organization does not have a WhatsApp Business Account"));
    let mut body = new_profile("Direct WABA");
    body["whatsapp_business_account"] =
        json!({ "waba_id": "204417733119850", "access_token": "EAAG-secret" });
    let r = t.post("/v3/profiles", body).await;
    assert_eq!(r.status, 201, "{}", r.body);
    assert_eq!(r.body["data"]["waba_id"], "204417733119850");
    assert!(
        !r.body.to_string().contains("EAAG-secret"),
        "the token is never returned"
    );
}

#[tokio::test]
async fn patch_null_leaves_values_and_brand_lock_applies() {
    let t = start().await;
    let admin = t.admin.clone();
    let tenant = t.profile_id("Tenant Co").await;
    let r = t
        .call(
            Method::PATCH,
            &format!("/v3/profiles/{tenant}"),
            Some(&admin),
            &[],
            Some(json!({ "description": null, "short_name": "Tenant2", "inherit_contacts": null })),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body["data"]["short_name"], "Tenant2");
    assert_eq!(
        r.body["data"]["description"],
        "Platform tenant with dedicated resources"
    );
    assert_eq!(r.body["data"]["inherit_contacts"], false);
    // Not yet submitted: the brand can change.
    let r = t
        .call(
            Method::PATCH,
            &format!("/v3/profiles/{tenant}"),
            Some(&admin),
            &[],
            Some(json!({ "brand": brand() })),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(
        r.body["data"]["brand"]["compliance"]["vertical"],
        "HEALTHCARE"
    );
    assert_eq!(
        r.body["data"]["brand"]["business"]["legal_name"],
        "Northwind Health Ltd"
    );
    // V13: submitted to TCR, locked.
    let nw = t.profile_id("Northwind Clinics").await;
    let r = t
        .call(
            Method::PATCH,
            &format!("/v3/profiles/{nw}"),
            Some(&admin),
            &[],
            Some(json!({ "brand": brand() })),
        )
        .await;
    assert_eq!((r.status, r.code()), (400, "VALIDATION_001"));
    assert_eq!(
        r.body["error"]["details"]["brand"][0],
        "Brand has already been submitted to TCR and cannot be modified."
    );
    let r = t
        .call(
            Method::PATCH,
            "/v3/profiles/00000000-0000-4000-8000-000000000000",
            Some(&admin),
            &[],
            Some(json!({ "name": "x" })),
        )
        .await;
    assert_eq!((r.status, r.code()), (404, "RESOURCE_014"));
}

#[tokio::test]
async fn a_brand_on_create_means_a_dedicated_brand() {
    let t = start().await;
    let r = t
        .post(
            "/v3/profiles",
            json!({ "name": "Own Brand Co", "billing_model": "organization", "brand": brand() }),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    assert_eq!(r.body["data"]["inherit_tcr_brand"], false);
    assert_eq!(r.body["data"]["brand"]["is_inherited"], false);
    assert_eq!(r.body["data"]["brand"]["submitted_to_tcr"], false);
    assert_eq!(
        r.body["data"]["brand"]["compliance"]["destination_countries"][0]["isMain"],
        true
    );
}

#[tokio::test]
async fn sandbox_and_idempotent_create() {
    let t = start().await;
    let admin = t.admin.clone();
    let mut dry = new_profile("Dry");
    dry["sandbox"] = json!(true);
    let r = t.post("/v3/profiles", dry).await;
    assert_eq!(r.status, 201);
    assert_eq!(r.header("x-sandbox").as_deref(), Some("true"));
    let dry_id = r.body["data"]["id"].as_str().unwrap().to_string();
    assert_eq!(t.get(&format!("/v3/profiles/{dry_id}")).await.status, 404);
    let a = t
        .call(
            Method::POST,
            "/v3/profiles",
            Some(&admin),
            &[("idempotency-key", "create-1")],
            Some(new_profile("Once")),
        )
        .await;
    let b = t
        .call(
            Method::POST,
            "/v3/profiles",
            Some(&admin),
            &[("idempotency-key", "create-1")],
            Some(new_profile("Twice")),
        )
        .await;
    assert_eq!(a.body["data"]["id"], b.body["data"]["id"]);
    assert_eq!(b.body["data"]["name"], "Once");
    assert_eq!(
        t.get("/v3/profiles").await.body["data"]["profiles"]
            .as_array()
            .unwrap()
            .len(),
        6
    );
}

fn campaign(name: &str) -> Value {
    json!({ "campaign": { "name": name, "description": "d", "type": "App",
        "useCases": [ { "messagingUseCaseUs": "ACCOUNT_NOTIFICATION", "sampleMessages": ["Your order shipped."] } ] } })
}

#[tokio::test]
async fn inherited_campaigns_are_read_only() {
    let t = start().await;
    let admin = t.admin.clone();
    let bella = t.profile_id("Bella Salon").await;
    let list = t.get(&format!("/v3/profiles/{bella}/campaigns")).await;
    let org_campaign = list.body["data"][0]["id"].as_str().unwrap().to_string();
    assert_eq!(list.body["data"][0]["submittedToTCR"], true);
    assert_eq!(list.body["data"][0]["hasSubmissionTransaction"], true);
    // V22: create while inheriting.
    let r = t
        .post(&format!("/v3/profiles/{bella}/campaigns"), campaign("x"))
        .await;
    assert_eq!((r.status, r.code()), (400, "VALIDATION_001"));
    assert_eq!(r.detail_keys(), vec!["campaign"]);
    // V21: update/delete an inherited one.
    let r = t
        .call(
            Method::PUT,
            &format!("/v3/profiles/{bella}/campaigns/{org_campaign}"),
            Some(&admin),
            &[],
            Some(campaign("y")),
        )
        .await;
    assert_eq!((r.status, r.code()), (400, "VALIDATION_001"));
    assert!(r.detail_keys().contains(&"campaign".to_string()));
    let r = t
        .call(
            Method::DELETE,
            &format!("/v3/profiles/{bella}/campaigns/{org_campaign}"),
            Some(&admin),
            &[],
            Some(json!({})),
        )
        .await;
    assert_eq!((r.status, r.code()), (400, "VALIDATION_001"));
}

#[tokio::test]
async fn own_campaigns_create_update_delete() {
    let t = start().await;
    let admin = t.admin.clone();
    let tenant = t.profile_id("Tenant Co").await;
    let r = t
        .post(
            &format!("/v3/profiles/{tenant}/campaigns"),
            json!({ "campaign": { "name": "n", "useCases": [] } }),
        )
        .await;
    assert_eq!((r.status, r.code()), (400, "VALIDATION_001"));
    let keys = r.detail_keys();
    for k in ["campaign.description", "campaign.type", "campaign.useCases"] {
        assert!(keys.contains(&k.to_string()), "{keys:?}");
    }
    let r = t
        .post(&format!("/v3/profiles/{tenant}/campaigns"), campaign("Own"))
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    assert_eq!(r.body["data"]["submittedToTCR"], false);
    assert!(r.body["data"]["status"].is_null());
    assert_eq!(
        r.body["data"]["useCases"][0]["sampleMessages"][0],
        "Your order shipped."
    );
    let cid = r.body["data"]["id"].as_str().unwrap().to_string();
    let r = t
        .call(
            Method::PUT,
            &format!("/v3/profiles/{tenant}/campaigns/{cid}"),
            Some(&admin),
            &[],
            Some(campaign("Own v2")),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body["data"]["name"], "Own v2");
    let r = t
        .call(
            Method::DELETE,
            &format!("/v3/profiles/{tenant}/campaigns/{cid}"),
            Some(&admin),
            &[],
            None,
        )
        .await;
    assert_eq!(r.status, 204);
    let r = t
        .call(
            Method::DELETE,
            &format!("/v3/profiles/{tenant}/campaigns/{cid}"),
            Some(&admin),
            &[],
            None,
        )
        .await;
    assert_eq!((r.status, r.code()), (404, "RESOURCE_009"));
    // A developer key cannot write campaigns.
    let dev = t.dev.clone();
    let r = t
        .call(
            Method::POST,
            &format!("/v3/profiles/{tenant}/campaigns"),
            Some(&dev),
            &[],
            Some(campaign("Dev")),
        )
        .await;
    assert_eq!((r.status, r.code()), (403, "AUTH_004"));
}
