//! The client against the real local sandbox (`sent-sandbox`, issue #4): the whole read/write
//! surface, a dry run, and a response lost after commit (the sandbox's `drop_after_commit` fault).
//!
//! Every test runs against both server revisions of contract §19.3 (`seed` and `2026-10`): the
//! same test body, once per revision (`both!`).

use sent_client::{CallOptions, ClientConfig, ProfileBackend, RetryPolicy, SentClient};
use sent_model::contact::ContactFilter;
use sent_model::envelope::PageRequest;
use sent_model::template::TemplateFilter;
use sent_model::ErrorKind;
use sent_model::{
    AccountType, BillingModel, ProfileCreate, ProfileUpdate, WhatsappBusinessAccount,
};
use sent_sandbox::{ApiRevision, Faults, RunningSandbox, Sandbox, Seed};
use std::time::Duration;

/// Runs `$name(rev)` as one test per revision: `$name::seed` and `$name::rev_2026_10`.
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
    reads_and_writes_through_the_whole_surface,
    a_response_lost_after_commit_yields_one_profile,
    a_profile_key_is_refused_a_profile_scope_locally,
);

async fn sandbox(rev: ApiRevision, faults: Faults) -> RunningSandbox {
    Sandbox::builder()
        .seed(Seed::Demo)
        .rate_limits(None)
        .faults(faults)
        .api_revision(rev)
        .start("127.0.0.1:0")
        .await
        .expect("sandbox starts")
}

fn client(sandbox: &RunningSandbox, key: String) -> SentClient {
    let config =
        ClientConfig::new(format!("{}/", sandbox.base_url()), key.into()).with_retry(RetryPolicy {
            initial_backoff: Duration::from_millis(5),
            max_backoff: Duration::from_millis(20),
            ..RetryPolicy::default()
        });
    SentClient::new(config).unwrap()
}

fn new_profile(name: &str) -> ProfileCreate {
    ProfileCreate {
        name: Some(name.into()),
        short_name: Some("Client T".into()),
        billing_model: Some(BillingModel::Organization),
        inherit_tcr_brand: Some(true),
        inherit_tcr_campaign: Some(true),
        whatsapp_business_account: Some(WhatsappBusinessAccount {
            waba_id: Some("204417733119850".into()),
            access_token: Some("EAAG-test".into()),
            phone_number_id: None,
        }),
        ..Default::default()
    }
}

async fn reads_and_writes_through_the_whole_surface(rev: ApiRevision) {
    let sandbox = sandbox(rev, Faults::default()).await;
    let org = client(&sandbox, sandbox.keys().org_admin);
    let me = org.me(&CallOptions::default()).await.unwrap();
    assert_eq!(me.data.account_type, AccountType::Organization);
    assert_eq!(org.key_kind(), Some(AccountType::Organization));

    let listed = org.list_profiles().await.unwrap();
    let first = listed.data.profiles.first().expect("demo profiles").clone();
    let fetched = org.get_profile(&first.id).await.unwrap();
    assert_eq!(fetched.data.id, first.id);
    assert!(fetched.info.request_id.is_some());

    let dry = org
        .create_profile(
            &new_profile("Dry Run Co"),
            &CallOptions::default().dry_run(),
        )
        .await
        .unwrap();
    assert!(dry.info.sandbox, "X-Sandbox reported");
    let created = org
        .create_profile(&new_profile("Client Test Co"), &CallOptions::default())
        .await
        .unwrap();
    assert_eq!(created.data.name, "Client Test Co");
    let after = org.list_profiles().await.unwrap();
    assert_eq!(
        after.data.profiles.len(),
        listed.data.profiles.len() + 1,
        "the dry run stored nothing"
    );

    let changes = ProfileUpdate {
        description: Some("Updated by the client".into()),
        ..Default::default()
    };
    let updated = org
        .update_profile(&created.data.id, &changes, &CallOptions::default())
        .await
        .unwrap();
    assert_eq!(
        updated.data.description.as_deref(),
        Some("Updated by the client")
    );
    assert_eq!(
        updated.data.name, "Client Test Co",
        "PATCH left the rest alone"
    );

    org.list_campaigns(&first.id).await.unwrap();
    let scope = CallOptions::for_profile(first.id.clone());
    org.list_templates(PageRequest::default(), &TemplateFilter::default(), &scope)
        .await
        .unwrap();
    org.list_contacts(PageRequest::default(), &ContactFilter::default(), &scope)
        .await
        .unwrap();
    org.lookup_number("+14155550123", &scope).await.unwrap();

    org.delete_profile(&created.data.id, &CallOptions::default())
        .await
        .unwrap();
    let gone = org.get_profile(&created.data.id).await.unwrap_err();
    assert_eq!(
        (gone.kind(), gone.status()),
        (ErrorKind::NotFound, Some(404))
    );
}

async fn a_response_lost_after_commit_yields_one_profile(rev: ApiRevision) {
    let sandbox = sandbox(
        rev,
        Faults {
            drop_after_commit: 1,
            ..Faults::default()
        },
    )
    .await;
    let org = client(&sandbox, sandbox.keys().org_admin);
    let before = org.list_profiles().await.unwrap().data.profiles.len();
    let created = org
        .create_profile(&new_profile("Exactly Once"), &CallOptions::default())
        .await
        .unwrap();
    assert_eq!(created.info.attempts, 2);
    assert!(created.info.idempotent_replayed);
    let profiles = org.list_profiles().await.unwrap().data.profiles;
    assert_eq!(profiles.len(), before + 1);
    assert_eq!(
        profiles.iter().filter(|p| p.name == "Exactly Once").count(),
        1
    );
}

async fn a_profile_key_is_refused_a_profile_scope_locally(rev: ApiRevision) {
    let sandbox = sandbox(rev, Faults::default()).await;
    let profile_key = sandbox
        .keys()
        .profiles
        .first()
        .expect("demo profile keys")
        .clone();
    let own = client(&sandbox, profile_key.key.clone());
    let me = own.me(&CallOptions::default()).await.unwrap();
    assert!(me.data.is_profile_key());
    let scope = CallOptions::for_profile(profile_key.profile_id.to_string());
    let error = own.lookup_number("+14155550123", &scope).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::ScopeRefused);
}
