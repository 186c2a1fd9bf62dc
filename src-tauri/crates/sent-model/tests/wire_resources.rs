//! (De)serialization of the other resources: campaigns (`submittedToTCR`, .NET default dates,
//! keys dropped by newer servers), completion, `/v3/me`, messages (money quirks), templates,
//! contacts, numbers, webhook deliveries in both vocabularies.

mod common;

use common::envelope;
use sent_model::campaign::TcrCampaignWithUseCases;
use sent_model::contact::ContactList;
use sent_model::me::Me;
use sent_model::message::{MessageActivities, MessageDetail, SendMessage, SendResult};
use sent_model::number::NumberLookup;
use sent_model::template::TemplateList;
use sent_model::webhook::WebhookDelivery;
use sent_model::*;
use serde_json::{json, Value};

#[test]
fn campaigns_are_camel_case_with_submitted_to_tcr_and_dotnet_default_dates() {
    let env: Envelope<Vec<TcrCampaignWithUseCases>> = envelope("campaign_response.json");
    let campaigns = env.data.unwrap();
    let first = &campaigns[0];
    assert_eq!(first.campaign_type, "App");
    assert!(first.has_submission_transaction && !first.submitted_to_tcr);
    assert_eq!(first.csp_id, Some(None), "present as null");
    assert_eq!(
        first.sharing_status,
        Some(Some(CampaignSharingStatus::Pending))
    );
    assert_eq!(first.cost, Some(15.0));
    let use_case = &first.use_cases[0];
    assert_eq!(
        use_case.messaging_use_case_us,
        Some(MessagingUseCaseUs::TwoFa)
    );
    assert_eq!(
        use_case.created_at.unwrap().to_utc().timestamp(),
        -62_135_596_800
    );
    let newer = &campaigns[1];
    assert!(newer.submitted_to_tcr);
    assert_eq!(newer.csp_id, None, "absent on newer servers");
    assert_eq!(newer.volume.as_deref(), Some("1500"));
    let back = serde_json::to_value(newer).unwrap();
    assert!(back.get("cspId").is_none() && back.get("submittedToTCR") == Some(&json!(true)));
    let first_back = serde_json::to_value(first).unwrap();
    assert_eq!(first_back["cspId"], Value::Null);
    assert_eq!(
        first_back["useCases"][0]["sampleMessages"][0],
        json!("Your code is 123456")
    );
}

#[test]
fn campaign_request_serializes_camel_case() {
    let request = CampaignRequest {
        campaign: Some(CampaignData {
            name: Some("Reminders".into()),
            description: Some("Visit reminders".into()),
            campaign_type: Some("App".into()),
            use_cases: Some(vec![UseCaseData {
                messaging_use_case_us: Some(MessagingUseCaseUs::AccountNotification),
                sample_messages: Some(vec!["See you at 9".into()]),
            }]),
            privacy_policy_link: Some("https://x.example/p".into()),
            optout_keywords: Some("STOP, END".into()),
            ..Default::default()
        }),
        sandbox: true,
    };
    assert_eq!(
        serde_json::to_value(&request).unwrap(),
        json!({"campaign": {"name": "Reminders", "description": "Visit reminders", "type": "App",
            "useCases": [{"messagingUseCaseUs": "ACCOUNT_NOTIFICATION", "sampleMessages": ["See you at 9"]}],
            "privacyPolicyLink": "https://x.example/p", "optoutKeywords": "STOP, END"}, "sandbox": true})
    );
}

#[test]
fn complete_uses_capital_h_and_callback_is_camel_case() {
    let body = ProfileComplete {
        web_hook_url: Some("https://x.example/cb".into()),
        sandbox: false,
    };
    assert_eq!(
        serde_json::to_string(&body).unwrap(),
        r#"{"webHookUrl":"https://x.example/cb"}"#
    );
    let accepted: ProfileCompleteResult =
        serde_json::from_value(json!({"message": "Profile completion in progress"})).unwrap();
    assert!(accepted.status.is_none());
    let done: ProfileCompleteResult =
        serde_json::from_value(json!({"message": "Already complete", "status": "completed"}))
            .unwrap();
    assert_eq!(
        done.status.unwrap().normalized(),
        CompletionStatus::Completed
    );
    let callback: sent_model::profile::CompletionCallback = serde_json::from_value(json!({
        "profileId": "770e8400-e29b-41d4-a716-446655440002", "success": true,
        "status": "SUBMITTED", "timestamp": "2026-07-10T08:15:02Z"
    }))
    .unwrap();
    assert_eq!(
        callback.status.unwrap().normalized(),
        CompletionStatus::Submitted
    );
    assert_eq!(
        serde_json::to_string(&SandboxOnly::default()).unwrap(),
        "{}"
    );
}

#[test]
fn me_reports_key_kind_and_newer_keys() {
    let env: Envelope<Me> = envelope("me_organization.json");
    let me = env.data.unwrap();
    assert!(me.is_organization_key() && !me.is_profile_key());
    assert_eq!(me.profiles[0].role, Some(UserRole::Admin));
    let settings = me.profiles[0].settings.as_ref().unwrap();
    assert_eq!(settings.inherit_tcr_campaign, None);
    assert_eq!(
        me.channels.sms.phone_number,
        Some(Some("+14155550100".into()))
    );
    assert_eq!(me.channels.whatsapp.phone_number, Some(None));
    assert_eq!(
        me.channels.rcs.phone_number, None,
        "omitted by newer servers"
    );
    assert_eq!(me.sending_phone_number, Some(None));
    assert_eq!(me.sending_phone_number_profile_id, None);
    let profile_key: Me = serde_json::from_value(json!({"id": "p", "type": "profile"})).unwrap();
    assert!(profile_key.is_profile_key());
    let future: Me = serde_json::from_value(json!({"type": "workspace"})).unwrap();
    assert_eq!(future.account_type, AccountType::Other("workspace".into()));
}

#[test]
fn messages_keep_their_money_quirks() {
    let send = SendMessage {
        to: vec!["+14155550199".into()],
        template: Some(sent_model::message::SendTemplate {
            id: Some("3f1c2b7e-5a0d-4e61-9c1e-2b8f0a7d4c11".into()),
            name: None,
            parameters: Some([("first_name".to_owned(), "Ana".to_owned())].into()),
        }),
        channel: Some(vec![Channel::Sms]),
        ..Default::default()
    };
    assert_eq!(
        serde_json::to_value(&send).unwrap(),
        json!({"to":["+14155550199"],"channel":["sms"],"template":{"id":"3f1c2b7e-5a0d-4e61-9c1e-2b8f0a7d4c11","parameters":{"first_name":"Ana"}}})
    );
    let result: SendResult = serde_json::from_value(json!({"status":"QUEUED","template_id":"3f1c2b7e-5a0d-4e61-9c1e-2b8f0a7d4c11","template_name":"visit_reminder","recipients":[{"message_id":"9d2e4f60-1b3a-4c7d-8e9f-0a1b2c3d4e5f","to":"+14155550199","channel":"sms","body":"Hi Ana, see you tomorrow at 9:00."}]})).unwrap();
    assert_eq!(result.status, Some(MessageStatus::Queued));
    assert_eq!(result.recipients[0].channel, Some(Channel::Sms));
    let detail: MessageDetail = serde_json::from_value(json!({
        "id": "m1", "status": "BLOCKED", "price": 0.0075, "active_contact_price": null,
        "direction": "outbound", "reason_code": "BUSINESS_003",
        "events": [{"status": "QUEUED", "timestamp": "2026-07-10T08:15:02.4417120+00:00", "description": null}],
        "message_body": {"content": "Hi", "buttons": [{"type": "QUICK_REPLY", "value": "y", "text": "Yes", "postbackData": "yes"}],
                         "headerMedia": {"mediaType": "image", "sizeBytes": 1024}}
    }))
    .unwrap();
    assert_eq!(detail.price, Some(0.0075));
    assert!(detail.status.as_ref().unwrap().is_final());
    let body = detail.message_body.unwrap();
    assert_eq!(
        body.buttons.unwrap()[0].postback_data.as_deref(),
        Some("yes")
    );
    assert_eq!(body.header_media.unwrap().size_bytes, Some(1024.0));
    let activities: MessageActivities = serde_json::from_value(json!({
        "message_id": "m1",
        "activities": [{"status": "FAILED", "description": "ERR_ROUTE_DENIED", "timestamp": "2025-10-31T10:10:42Z",
                        "from": null, "price": "0.0075", "active_contact_price": null}]
    }))
    .unwrap();
    assert_eq!(activities.activities[0].price.as_deref(), Some("0.0075"));
    assert!(serde_json::from_value::<MessageDetail>(json!({"price": "0.0075"})).is_err());
}

#[test]
fn lists_numbers_and_webhooks() {
    let templates: TemplateList = serde_json::from_value(json!({
        "templates": [{"id": "t1", "name": "visit_reminder", "category": "UTILITY", "language": "en_US",
            "status": "DRAFT", "channels": ["sms", "mms"], "variables": ["first_name"], "is_published": true,
            "created_at": "2025-10-31T10:10:42Z", "updated_at": null}],
        "pagination": {"page": 1, "page_size": 20, "total_count": 1, "total_pages": 1, "has_more": false, "cursors": null}
    }))
    .unwrap();
    let template = &templates.templates[0];
    assert_eq!(template.status, Some(TemplateStatus::Draft));
    assert_eq!(
        template.channels.as_ref().unwrap()[1],
        Channel::Other("mms".into())
    );
    let contacts: ContactList = serde_json::from_value(json!({
        "contacts": [{"id": "c1", "phone_number": "+14155550199", "available_channels": "sms,whatsapp",
            "default_channel": "sms", "opt_out": false, "is_inherited": true, "channel_consent": null}],
        "pagination": {"page": 1, "page_size": 20, "total_count": 1, "total_pages": 1, "has_more": false}
    }))
    .unwrap();
    assert_eq!(
        contacts.contacts[0].channels(),
        vec![Channel::Sms, Channel::Whatsapp]
    );
    let lookup: NumberLookup = serde_json::from_value(json!({"phone_number": "+14155550199",
        "is_valid": true, "carrier_name": null, "is_ported": null}))
    .unwrap();
    assert!(lookup.is_valid);
    for raw in [
        json!({"field": "message", "sub_type": "message.delivered", "timestamp": "2026-07-10T08:15:02Z", "payload": {"message_id": "m1"}}),
        json!({"field": "messages", "timestamp": "2026-07-10T08:15:02Z", "payload": {"message_id": "m1"}}),
        json!({"field": "message", "event": "message.delivered", "request_id": "req_1", "payload": {}}),
    ] {
        let delivery: WebhookDelivery = serde_json::from_value(raw).unwrap();
        assert!(delivery.is_message_event());
    }
}

#[test]
fn pagination_on_newer_profile_lists() {
    let list: ProfileList = serde_json::from_value(json!({
        "profiles": [], "pagination": {"page": 1, "page_size": 1, "total_count": 2, "total_pages": 2, "has_more": true}
    }))
    .unwrap();
    assert!(list.pagination.unwrap().has_more);
}
