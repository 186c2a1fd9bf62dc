use serde_json::json;

use crate::support::{invoke, mock_app};

const BUILTIN: &str = "00000000-0000-0000-0000-000000000000";

#[test]
fn create_edit_and_delete_a_campaign_of_a_profile_with_its_own() {
    let app = mock_app();
    let id = crate::support::profile_id(&app, BUILTIN, "Tenant Co");
    let view = invoke(
        &app.window,
        "profile_campaigns",
        json!({ "workspaceId": BUILTIN, "profileId": id }),
    )
    .unwrap();
    assert_eq!(
        view["create_blocked"],
        serde_json::Value::Null,
        "Tenant Co keeps its own campaigns"
    );
    let before = view["campaigns"].as_array().unwrap().len();
    let campaign = json!({ "name": "Welcome", "description": "Welcome messages", "type": "App",
        "useCases": [
            { "messagingUseCaseUs": "ACCOUNT_NOTIFICATION", "sampleMessages": ["Welcome to Tenant Co"] },
            { "messagingUseCaseUs": "CUSTOMER_CARE", "sampleMessages": ["How can we help?", "Reply HELP"] }
        ] });
    let bad = invoke(
        &app.window,
        "check_campaign",
        json!({ "campaign": { "name": "", "useCases": [] }, "creating": true }),
    )
    .unwrap();
    assert!(bad["fields"]["campaign.name"].is_array(), "{bad}");
    let created = invoke(&app.window, "save_campaign", json!({ "workspaceId": BUILTIN, "profileId": id,
        "campaignId": null, "campaign": campaign, "idempotencyKey": uuid::Uuid::new_v4().to_string() })).unwrap();
    let rows = created["campaigns"].as_array().unwrap();
    assert_eq!(rows.len(), before + 1);
    let new = rows
        .iter()
        .find(|r| r["campaign"]["name"] == "Welcome")
        .unwrap();
    assert_eq!(new["use_case_labels"].as_array().unwrap().len(), 2);
    let cid = new["campaign"]["id"].clone();
    let mut edited = campaign.clone();
    edited["description"] = json!("Welcome and onboarding messages");
    let after = invoke(&app.window, "save_campaign", json!({ "workspaceId": BUILTIN, "profileId": id,
        "campaignId": cid, "campaign": edited, "idempotencyKey": uuid::Uuid::new_v4().to_string() })).unwrap();
    assert!(after["campaigns"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["campaign"]["description"] == "Welcome and onboarding messages"));
    let deleted = invoke(
        &app.window,
        "delete_campaign",
        json!({ "workspaceId": BUILTIN, "profileId": id,
        "campaignId": cid, "idempotencyKey": uuid::Uuid::new_v4().to_string() }),
    )
    .unwrap();
    assert_eq!(deleted["campaigns"].as_array().unwrap().len(), before);

    // An id that is not one never reaches a URL (`..` would make the path the profile's own): it
    // is refused at the IPC boundary, before the use case runs.
    for bad in ["..", ".", "", "a/b"] {
        let refused = invoke(
            &app.window,
            "delete_campaign",
            json!({ "workspaceId": BUILTIN, "profileId": id,
            "campaignId": bad, "idempotencyKey": uuid::Uuid::new_v4().to_string() }),
        )
        .unwrap_err();
        assert!(
            refused.to_string().contains("campaign id must be"),
            "{bad:?}: {refused}"
        );
    }
    let still = invoke(
        &app.window,
        "refresh_profile",
        json!({ "workspaceId": BUILTIN, "profileId": id }),
    )
    .unwrap();
    assert_eq!(
        still["profile"]["name"], "Tenant Co",
        "the profile is still there"
    );
}

#[test]
fn a_profile_that_inherits_campaigns_cannot_create_one() {
    let app = mock_app();
    let id = crate::support::profile_id(&app, BUILTIN, "Bella Salon");
    let view = invoke(
        &app.window,
        "profile_campaigns",
        json!({ "workspaceId": BUILTIN, "profileId": id }),
    )
    .unwrap();
    assert!(view["create_blocked"]
        .as_str()
        .unwrap()
        .contains("organization's campaigns"));
    assert!(view["campaigns"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["read_only"].is_string()));
    let refused = invoke(
        &app.window,
        "save_campaign",
        json!({ "workspaceId": BUILTIN, "profileId": id,
        "campaignId": null, "campaign": { "name": "X", "description": "Y", "type": "App",
        "useCases": [{ "messagingUseCaseUs": "MARKETING", "sampleMessages": ["Hi"] }] },
        "idempotencyKey": uuid::Uuid::new_v4().to_string() }),
    )
    .unwrap_err();
    assert!(refused["fields"]["campaign"].is_array(), "{refused}");
}
