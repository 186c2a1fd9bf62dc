//! Contract §19.2 detections against the real sandbox, in both revisions of §19.3: each of D1,
//! D2, D4–D11 fires when its trigger is exercised against a `2026-10` server, and stays silent
//! against a `seed` server (same test body, `both!`). Every call here also proves that the
//! client reads the `2026-10` answers without a deserialisation error.

use std::time::Duration;

use sent_client::drift::{self, ServerDrift};
use sent_client::{CallOptions, ClientConfig, ProfileBackend, RetryPolicy, SentClient};
use sent_model::contact::ContactFilter;
use sent_model::envelope::PageRequest;
use sent_model::message::SendMessage;
use sent_model::template::TemplateFilter;
use sent_model::{CampaignRequest, ProfileComplete, ProfileCreate, ProfileStatus, ProfileUpdate};
use sent_sandbox::{ApiRevision, Fixtures, RunningSandbox, Sandbox, Seed};
use serde_json::{json, Value};

macro_rules! both {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            #[tokio::test]
            async fn seed() {
                super::$name(sent_sandbox::ApiRevision::Seed).await
            }
            #[tokio::test]
            async fn rev_2026_10() {
                super::$name(sent_sandbox::ApiRevision::Rev2026_10).await
            }
        }
    )*};
}

both!(
    d1_sharing_flags_ignored,
    d2_sender_borrowing_ignored,
    d4_whatsapp_not_inherited,
    d5_brand_volume_fields_dropped,
    d6_campaign_volume_supported,
    d7_paged_profile_list_is_read_whole,
    d8_completion_newer_prerequisites_and_direct_approval,
    d9_delete_blocked_by_whatsapp_is_not_retried,
    d10_send_preconditions_on_messages,
    d11_owner_reported_on_templates_and_contacts,
    no_read_fails_to_deserialise,
);

struct Env {
    sandbox: RunningSandbox,
    org: SentClient,
    newer: bool,
}

async fn env(rev: ApiRevision) -> Env {
    let sandbox = Sandbox::builder()
        .seed(Seed::Demo)
        .rate_limits(None)
        .message_step(Duration::from_secs(1))
        .completion_delay(Duration::from_secs(2))
        .control_api(true)
        .api_revision(rev)
        .start("127.0.0.1:0")
        .await
        .expect("sandbox starts");
    let config = ClientConfig::new(
        format!("{}/", sandbox.base_url()),
        sandbox.keys().org_admin.into(),
    )
    .with_retry(RetryPolicy {
        initial_backoff: Duration::from_millis(5),
        max_backoff: Duration::from_millis(20),
        ..RetryPolicy::default()
    });
    Env {
        org: SentClient::new(config).unwrap(),
        sandbox,
        newer: rev == ApiRevision::Rev2026_10,
    }
}

impl Env {
    /// `expected` when the server is `2026-10`, nothing when it is `seed`.
    fn expect(&self, found: Vec<ServerDrift>, expected: ServerDrift) {
        if self.newer {
            assert!(found.contains(&expected), "{expected:?} not in {found:?}");
        } else {
            assert!(
                !found.contains(&expected),
                "{expected:?} on a seed server: {found:?}"
            );
        }
    }

    fn profile_id(&self, name: &str) -> String {
        self.sandbox
            .keys()
            .profiles
            .into_iter()
            .find(|p| p.name == name)
            .unwrap()
            .profile_id
            .to_string()
    }

    async fn fixtures(&self, profile_id: &str, body: Value) {
        let r = reqwest::Client::new()
            .put(format!(
                "{}/_sandbox/profiles/{profile_id}/fixtures",
                self.sandbox.base_url()
            ))
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
    }

    async fn create(&self, body: Value) -> (ProfileCreate, sent_model::ProfileDetail) {
        let req: ProfileCreate = serde_json::from_value(body).unwrap();
        let created = self
            .org
            .create_profile(&req, &CallOptions::default())
            .await
            .unwrap();
        (req, created.data)
    }
}

fn base(name: &str) -> Value {
    json!({ "name": name, "short_name": "Drift", "description": "drift test",
            "billing_model": "organization", "inherit_tcr_brand": true, "inherit_tcr_campaign": true })
}

fn brand() -> Value {
    json!({
        "contact": { "name": "Dana Ortiz", "email": "dana@northwind.example" },
        "business": { "legalName": "Drift Ltd", "entityType": "PRIVATE_PROFIT", "country": "US" },
        "compliance": { "vertical": "HEALTHCARE", "brandRelationship": "SMALL_ACCOUNT", "isTcrApplication": false,
                        "primaryUseCase": "appointment reminders", "expectedMessagingVolume": "5000",
                        "destinationCountries": [ { "id": "US", "isMain": true } ] }
    })
}

async fn d1_sharing_flags_ignored(rev: ApiRevision) {
    let e = env(rev).await;
    let mut body = base("D1 Co");
    body["allow_contact_sharing"] = json!(true);
    body["inherit_templates"] = json!(true);
    let (sent, back) = e.create(body).await;
    e.expect(
        drift::after_profile_create(&sent, &back),
        ServerDrift::SharingFlagsIgnored,
    );
    let change = ProfileUpdate {
        allow_template_sharing: Some(true),
        ..Default::default()
    };
    let updated = e
        .org
        .update_profile(&back.id, &change, &CallOptions::default())
        .await
        .unwrap();
    e.expect(
        drift::after_profile_update(&change, &updated.data),
        ServerDrift::SharingFlagsIgnored,
    );
}

async fn d2_sender_borrowing_ignored(rev: ApiRevision) {
    let e = env(rev).await;
    let (_, back) = e.create(base("D2 Co")).await;
    let change = ProfileUpdate {
        sending_phone_number_profile_id: Some(e.profile_id("Bella Salon")),
        ..Default::default()
    };
    let updated = e
        .org
        .update_profile(&back.id, &change, &CallOptions::default())
        .await
        .unwrap();
    e.expect(
        drift::after_profile_update(&change, &updated.data),
        ServerDrift::SenderBorrowingIgnored,
    );
}

async fn d4_whatsapp_not_inherited(rev: ApiRevision) {
    let e = env(rev).await;
    // The demo organization has a WABA: the seed revision lends it, the newer one does not.
    let (sent, back) = e.create(base("D4 Co")).await;
    assert!(sent.whatsapp_business_account.is_none());
    e.expect(
        drift::after_profile_create(&sent, &back),
        ServerDrift::WhatsappNotInherited,
    );
}

async fn d5_brand_volume_fields_dropped(rev: ApiRevision) {
    let e = env(rev).await;
    let mut body = base("D5 Co");
    body["inherit_tcr_brand"] = json!(false);
    body["brand"] = brand();
    let (sent, back) = e.create(body).await;
    e.expect(
        drift::after_profile_create(&sent, &back),
        ServerDrift::BrandVolumeFieldsDropped,
    );
}

async fn d6_campaign_volume_supported(rev: ApiRevision) {
    let e = env(rev).await;
    let mut body = base("D6 Co");
    body["inherit_tcr_brand"] = json!(false);
    body["inherit_tcr_campaign"] = json!(false);
    body["brand"] = brand();
    let (_, back) = e.create(body).await;
    let req: CampaignRequest = serde_json::from_value(json!({ "campaign": {
        "name": "Reminders", "description": "Appointment reminders", "type": "App", "volume": "1500",
        "useCases": [ { "messagingUseCaseUs": "ACCOUNT_NOTIFICATION", "sampleMessages": ["See you at 3"] } ] } }))
    .unwrap();
    let created = e
        .org
        .create_campaign(&back.id, &req, &CallOptions::default())
        .await
        .unwrap();
    e.expect(
        drift::after_campaign(&created.data),
        ServerDrift::CampaignVolumeSupported,
    );
    let listed = e.org.list_campaigns(&back.id).await.unwrap();
    let found: Vec<_> = listed.data.iter().flat_map(drift::after_campaign).collect();
    e.expect(found, ServerDrift::CampaignVolumeSupported);
}

async fn d7_paged_profile_list_is_read_whole(rev: ApiRevision) {
    let e = env(rev).await;
    e.sandbox.set_fixtures(Fixtures {
        profile_list_page_size: Some(2),
    });
    let list = e.org.list_profiles().await.unwrap();
    assert_eq!(
        list.data.profiles.len(),
        e.sandbox.keys().profiles.len(),
        "every page fetched"
    );
    let found = drift::after_profile_list(&list.data);
    e.expect(found.clone(), ServerDrift::ProfileListPaged);
    assert!(!found.contains(&ServerDrift::ProfileListTruncated));
}

async fn d8_completion_newer_prerequisites_and_direct_approval(rev: ApiRevision) {
    let e = env(rev).await;
    // A dedicated TCR profile: the seed rules send it to review, the newer ones approve it.
    let pid = e.profile_id("Tenant Co");
    let before = e.org.get_profile(&pid).await.unwrap().data.status;
    let complete = ProfileComplete {
        web_hook_url: Some("http://127.0.0.1:9/callback".into()),
        ..Default::default()
    };
    // The KYC fixture only exists on the newer revision.
    e.fixtures(&pid, json!({ "kyc_submitted": false })).await;
    let first = e
        .org
        .complete_profile(&pid, &complete, &CallOptions::default())
        .await;
    if e.newer {
        let error = first.unwrap_err();
        assert!(error.fields().unwrap().contains("kyc"), "{error:?}");
        e.expect(
            drift::after_complete_error(&error),
            ServerDrift::CompletionPrerequisitesNewer,
        );
        e.fixtures(&pid, json!({ "kyc_submitted": null })).await;
        e.org
            .complete_profile(&pid, &complete, &CallOptions::default())
            .await
            .unwrap();
    } else {
        first.unwrap();
    }
    e.sandbox.advance_clock(Duration::from_secs(3)).await;
    let after = e.org.get_profile(&pid).await.unwrap().data.status;
    e.expect(
        drift::after_completion_statuses(&[before, after.clone()]),
        ServerDrift::CompletionApprovesDirectly,
    );
    let expected = if e.newer {
        ProfileStatus::Approved
    } else {
        ProfileStatus::PendingReview
    };
    assert_eq!(after, expected);
}

async fn d9_delete_blocked_by_whatsapp_is_not_retried(rev: ApiRevision) {
    let e = env(rev).await;
    let pid = e.profile_id("Joe's Pizza Uptown");
    e.fixtures(&pid, json!({ "delete_conflict": "CONFLICT_012" }))
        .await;
    let result = e.org.delete_profile(&pid, &CallOptions::default()).await;
    if e.newer {
        let error = result.unwrap_err();
        assert_eq!(
            (error.status(), error.code()),
            (Some(409), Some("CONFLICT_012"))
        );
        e.expect(
            drift::after_delete_error(&error),
            ServerDrift::DeleteBlockedByWhatsapp,
        );
        assert!(drift::delete_conflict_remedy("CONFLICT_012").is_some());
        // Not retried: the profile is untouched and a CONFLICT_013 is answered the same way.
        assert!(e.org.get_profile(&pid).await.is_ok());
        e.fixtures(&pid, json!({ "delete_conflict": "CONFLICT_013" }))
            .await;
        let error = e
            .org
            .delete_profile(&pid, &CallOptions::default())
            .await
            .unwrap_err();
        assert_eq!(error.code(), Some("CONFLICT_013"));
    } else {
        result.unwrap();
    }
}

async fn d10_send_preconditions_on_messages(rev: ApiRevision) {
    let e = env(rev).await;
    let send: SendMessage = serde_json::from_value(json!({
        "to": ["+14155550123"], "template": { "name": "sms_survey" }, "channel": ["sms"] }))
    .unwrap();
    let result = e.org.send_message(&send, &CallOptions::default()).await;
    if !e.newer {
        let error = result.unwrap_err();
        assert_eq!(
            (error.status(), error.code()),
            (Some(422), Some("BUSINESS_005"))
        );
        return;
    }
    let accepted = result.unwrap();
    let id = accepted.data.recipients[0].message_id.clone();
    e.sandbox.advance_clock(Duration::from_secs(3)).await;
    let message = e
        .org
        .get_message(&id, &CallOptions::default())
        .await
        .unwrap();
    e.expect(
        drift::after_message(&message.data),
        ServerDrift::SendPreconditionsOnMessages,
    );
    assert!(drift::message_reason(&message.data)
        .unwrap()
        .starts_with("BUSINESS_005"));
    let activities = e
        .org
        .message_activities(&id, &CallOptions::default())
        .await
        .unwrap();
    assert_eq!(
        activities.data.activities[0].reason_code.as_deref(),
        Some("BUSINESS_005")
    );
}

async fn d11_owner_reported_on_templates_and_contacts(rev: ApiRevision) {
    let e = env(rev).await;
    let org = CallOptions::default();
    let templates = e
        .org
        .list_templates(PageRequest::default(), &TemplateFilter::default(), &org)
        .await
        .unwrap();
    e.expect(
        drift::after_templates(&templates.data),
        ServerDrift::ResourceOwnerReported,
    );
    let contacts = e
        .org
        .list_contacts(PageRequest::default(), &ContactFilter::default(), &org)
        .await
        .unwrap();
    e.expect(
        drift::after_contacts(&contacts.data),
        ServerDrift::ResourceOwnerReported,
    );
}

/// Every read the app makes, in organization and profile scope, parses on both revisions.
async fn no_read_fails_to_deserialise(rev: ApiRevision) {
    let e = env(rev).await;
    let org = CallOptions::default();
    let me = e.org.me(&org).await.unwrap();
    assert!(!me.data.profiles.is_empty());
    for p in e.org.list_profiles().await.unwrap().data.profiles {
        e.org.get_profile(&p.id).await.unwrap();
        e.org.list_campaigns(&p.id).await.unwrap();
        let scope = CallOptions::for_profile(p.id.clone());
        e.org.me(&scope).await.unwrap();
        e.org
            .list_templates(PageRequest::default(), &TemplateFilter::default(), &scope)
            .await
            .unwrap();
        e.org
            .list_contacts(PageRequest::default(), &ContactFilter::default(), &scope)
            .await
            .unwrap();
    }
    // Messages in every final state: delivered, failed, filtered (all opted out).
    let mut ids = vec![];
    for to in ["+14155550123", "+15005550001", "+15005550002"] {
        let send: SendMessage =
            serde_json::from_value(json!({ "to": [to], "text": "hello" })).unwrap();
        match e.org.send_message(&send, &org).await {
            Ok(r) => ids.push(r.data.recipients[0].message_id.clone()),
            // The seed revision refuses an all-opted-out send (422 BUSINESS_004).
            Err(error) => assert_eq!(error.code(), Some("BUSINESS_004")),
        }
    }
    e.sandbox.advance_clock(Duration::from_secs(10)).await;
    for id in ids {
        e.org.get_message(&id, &org).await.unwrap();
        e.org.message_activities(&id, &org).await.unwrap();
    }
}

/// A list read page by page holds no more than one answer may: a server that keeps paging cannot
/// fill the app's memory.
#[tokio::test]
async fn the_pages_of_a_list_together_stay_under_the_answer_cap() {
    let e = env(ApiRevision::Rev2026_10).await;
    e.sandbox.set_fixtures(Fixtures {
        profile_list_page_size: Some(2),
    });
    let whole = e.org.list_profiles().await.unwrap();
    let pages = whole.data.profiles.len().div_ceil(2);
    assert!(pages >= 3, "{pages} pages");
    let total = whole.info.body_bytes;
    assert!(total > 0);
    // Every page fits under this cap; all of them together do not.
    let capped = SentClient::new(
        ClientConfig::new(e.sandbox.base_url(), e.sandbox.keys().org_admin.into())
            .with_max_response_bytes(total * 2 / 3),
    )
    .unwrap();
    let error = capped.list_profiles().await.unwrap_err();
    assert!(
        matches!(error, sent_client::ClientError::ResponseTooLarge { .. }),
        "{error:?}"
    );
}
