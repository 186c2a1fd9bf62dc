//! Sends: 202, status progression driven by the control clock, activities, magic numbers.

mod common;

use common::*;
use serde_json::json;

async fn status(t: &T, id: &str) -> String {
    let r = t.get(&format!("/v3/messages/{id}")).await;
    assert_eq!(r.status, 200, "{}", r.body);
    r.body["data"]["status"].as_str().unwrap().to_string()
}

#[tokio::test]
async fn sms_progresses_to_delivered_and_whatsapp_to_read() {
    let t = start().await;
    let r = t
        .post("/v3/messages", json!({ "to": ["+14155550199"], "channel": ["sms", "whatsapp"], "template": { "name": "visit_reminder", "parameters": { "first_name": "Ana", "time": "9:00" } } }))
        .await;
    assert_eq!(r.status, 202, "{}", r.body);
    let d = &r.body["data"];
    assert_eq!(d["status"], "QUEUED");
    assert_eq!(d["template_name"], "visit_reminder");
    let recips = d["recipients"].as_array().unwrap();
    assert_eq!(recips.len(), 2);
    assert_eq!(recips[0]["body"], "Hi Ana, see you tomorrow at 9:00.");
    let sms = recips[0]["message_id"].as_str().unwrap().to_string();
    let wa = recips[1]["message_id"].as_str().unwrap().to_string();
    assert_eq!(status(&t, &sms).await, "QUEUED");
    t.advance(1.0).await;
    assert_eq!(status(&t, &sms).await, "ROUTED");
    t.advance(1.0).await;
    assert_eq!(status(&t, &sms).await, "SENT");
    t.advance(1.0).await;
    assert_eq!(status(&t, &sms).await, "DELIVERED");
    t.advance(5.0).await;
    assert_eq!(status(&t, &sms).await, "DELIVERED");
    assert_eq!(status(&t, &wa).await, "READ");
    let a = t.get(&format!("/v3/messages/{sms}/activities")).await;
    let acts = a.body["data"]["activities"].as_array().unwrap();
    let order: Vec<&str> = acts.iter().map(|a| a["status"].as_str().unwrap()).collect();
    assert_eq!(order, vec!["DELIVERED", "SENT", "ROUTED", "QUEUED"]);
    assert_eq!(acts[0]["price"], "0.0075");
    let m = t.get(&format!("/v3/messages/{sms}")).await;
    assert_eq!(m.body["data"]["events"].as_array().unwrap().len(), 4);
    assert_eq!(m.body["data"]["price"], 0.0075);
}

#[tokio::test]
async fn magic_numbers_fail_with_their_codes() {
    let t = start().await;
    let r = t
        .post("/v3/messages", json!({ "to": ["+15005550001", "+15005550002", "+15005550003"], "channel": ["sms"], "text": "hello" }))
        .await;
    assert_eq!(r.status, 202, "{}", r.body);
    let ids: Vec<String> = r.body["data"]["recipients"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["message_id"].as_str().unwrap().to_string())
        .collect();
    t.advance(10.0).await;
    for (id, code) in ids.iter().zip([
        "ERR_ROUTE_DENIED",
        "ERR_CONSENT_BLOCKED",
        "ERR_TEMPLATE_PARAMS_INVALID",
    ]) {
        let a = t.get(&format!("/v3/messages/{id}/activities")).await;
        assert_eq!(a.body["data"]["activities"][0]["status"], "FAILED");
        assert_eq!(a.body["data"]["activities"][0]["description"], code);
    }
}

#[tokio::test]
async fn send_refusals() {
    let t = start().await;
    let r = t
        .post(
            "/v3/messages",
            json!({ "to": ["+15005550002"], "text": "hi" }),
        )
        .await;
    assert_eq!((r.status, r.code()), (422, "BUSINESS_004"));
    let r = t
        .post(
            "/v3/messages",
            json!({ "to": ["4155550199"], "text": "hi" }),
        )
        .await;
    assert_eq!((r.status, r.code()), (400, "VALIDATION_002"));
    assert_eq!(r.detail_keys(), vec!["to[0]"]);
    let r = t
        .post(
            "/v3/messages",
            json!({ "to": ["+14155550199"], "template": { "name": "spring_promo" } }),
        )
        .await;
    assert_eq!((r.status, r.code()), (422, "BUSINESS_005"));
    let r = t.post("/v3/messages", json!({ "to": ["+14155550199"], "template": { "id": "3f1c2b7e-5a0d-4e61-9c1e-2b8f0a7d4c11" } })).await;
    assert_eq!((r.status, r.code()), (404, "RESOURCE_002"));
    let r = t
        .post("/v3/messages", json!({ "to": ["+14155550199"] }))
        .await;
    assert_eq!((r.status, r.code()), (400, "VALIDATION_004"));
    let r = t
        .get("/v3/messages/00000000-0000-4000-8000-000000000000")
        .await;
    assert_eq!((r.status, r.code()), (404, "RESOURCE_003"));
}

#[tokio::test]
async fn missing_template_parameters_fail_later() {
    let t = start().await;
    let r = t.post("/v3/messages", json!({ "to": ["+14155550199"], "channel": ["sms"], "template": { "name": "visit_reminder", "parameters": { "first_name": "Ana" } } })).await;
    assert_eq!(r.status, 202);
    let id = r.body["data"]["recipients"][0]["message_id"]
        .as_str()
        .unwrap()
        .to_string();
    t.advance(1.0).await;
    let m = t.get(&format!("/v3/messages/{id}")).await;
    assert_eq!(m.body["data"]["status"], "FAILED");
}

#[tokio::test]
async fn whatsapp_is_unavailable_without_a_waba() {
    let t = start_with(builder().seed(sent_sandbox::Seed::Empty)).await;
    let r = t
        .post(
            "/v3/messages",
            json!({ "to": ["+14155550199"], "channel": ["whatsapp"], "text": "hi" }),
        )
        .await;
    assert_eq!((r.status, r.code()), (422, "BUSINESS_007"));
}
