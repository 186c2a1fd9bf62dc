//! Headers, scoping, dry runs, metadata, pre-flight validation and error mapping over real HTTP.

mod support;

use sent_client::{CallOptions, ClientConfig, ClientError, ProfileBackend, SentClient};
use sent_model::envelope::PageRequest;
use sent_model::template::TemplateFilter;
use sent_model::ErrorKind;
use sent_model::{BillingModel, ProfileCreate, ProfileUpdate};
use serde_json::json;
use support::{Scripted, TestServer};

const PROFILE: &str = "770e8400-e29b-41d4-a716-446655440002";

#[tokio::test]
async fn sends_the_key_the_user_agent_and_no_double_slash() {
    let server = TestServer::start().await;
    let client = server.client("org-key");
    client.get_profile(PROFILE).await.unwrap();
    let request = &server.requests()[0];
    assert_eq!(request.path, format!("/v3/profiles/{PROFILE}"));
    assert_eq!(request.header("x-api-key"), Some("org-key"));
    assert_eq!(
        request.header("user-agent"),
        Some("SentProfiles/9.9.9-test")
    );
    assert_eq!(request.header("accept"), Some("application/json"));
    assert!(request.header("x-profile-id").is_none());
    assert!(request.header("idempotency-key").is_none(), "never on GET");
    assert!(format!("{client:?}").contains("<redacted>"));
    assert!(!format!("{client:?}").contains("org-key"));
}

#[tokio::test]
async fn scopes_with_x_profile_id_and_refuses_it_for_a_profile_key() {
    let server = TestServer::start().await;
    let org = server.client("org-key");
    let scope = CallOptions::for_profile(PROFILE);
    org.lookup_number("+14155550123", &scope).await.unwrap();
    let request = &server.requests()[0];
    assert_eq!(request.header("x-profile-id"), Some(PROFILE));
    assert_eq!(request.path, "/v3/numbers/lookup/+14155550123", "literal +");

    let profile_key = server.client("profile-key");
    let me = profile_key.me(&CallOptions::default()).await.unwrap();
    assert!(me.data.is_profile_key());
    let before = server.requests().len();
    let error = profile_key
        .lookup_number("+14155550123", &scope)
        .await
        .unwrap_err();
    assert_eq!(error, ClientError::ScopeRefused);
    assert_eq!(error.kind(), ErrorKind::ScopeRefused);
    assert_eq!(server.requests().len(), before, "no request was made");
    // Unscoped calls with the profile key still work.
    profile_key
        .lookup_number("+14155550123", &CallOptions::default())
        .await
        .unwrap();
}

#[tokio::test]
async fn a_dry_run_sets_sandbox_and_reports_it() {
    let server = TestServer::start().await;
    let client = server.client("org-key");
    let create = ProfileCreate {
        name: Some("Dry".into()),
        billing_model: Some(BillingModel::Organization),
        ..Default::default()
    };
    let response = client
        .create_profile(&create, &CallOptions::default().dry_run())
        .await
        .unwrap();
    assert!(response.info.sandbox);
    assert_eq!(server.profile_count(), 0);
    let request = &server.requests()[0];
    assert_eq!(request.body.as_ref().unwrap()["sandbox"], json!(true));
    assert_eq!(request.header("content-type"), Some("application/json"));

    client
        .delete_profile(PROFILE, &CallOptions::default().dry_run())
        .await
        .unwrap();
    let delete = &server.requests()[1];
    assert_eq!(delete.body, Some(json!({"sandbox": true})));
    assert_eq!(delete.header("accept"), Some("*/*"));
    client
        .delete_profile(PROFILE, &CallOptions::default())
        .await
        .unwrap();
    assert_eq!(server.requests()[2].body, Some(json!({})));
}

#[tokio::test]
async fn patch_sends_only_the_change_set() {
    let server = TestServer::start().await;
    server.script(Scripted::new(200).body(
        json!({"success": true, "data": support::profile_json(PROFILE, "Renamed"), "error": null, "meta": {}}).to_string(),
    ));
    let client = server.client("org-key");
    let changes = ProfileUpdate {
        name: Some("Renamed".into()),
        ..Default::default()
    };
    let updated = client
        .update_profile(PROFILE, &changes, &CallOptions::default())
        .await
        .unwrap();
    assert_eq!(updated.data.name, "Renamed");
    assert_eq!(server.requests()[0].body, Some(json!({"name": "Renamed"})));
    assert_eq!(server.requests()[0].method, "PATCH");
}

#[tokio::test]
async fn invalid_writes_are_refused_before_any_request() {
    let server = TestServer::start().await;
    let client = server.client("org-key");
    let create = ProfileCreate {
        short_name: Some("x!".into()),
        ..Default::default()
    };
    let error = client
        .create_profile(&create, &CallOptions::default())
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Validation);
    let fields = error.fields().unwrap();
    assert!(fields.contains("name") && fields.contains("short_name"));
    assert!(error.request_id().is_none());
    let complete = sent_model::ProfileComplete::default();
    assert!(client
        .complete_profile(PROFILE, &complete, &CallOptions::default())
        .await
        .is_err());
    assert!(server.requests().is_empty());
}

#[tokio::test]
async fn response_metadata_is_surfaced() {
    let server = TestServer::start().await;
    let client = server.client("org-key");
    let listed = client.list_profiles().await.unwrap();
    let limit = listed.info.rate_limit.clone().unwrap();
    assert_eq!(
        (limit.limit, limit.remaining, limit.reset),
        (Some(200), Some(199), Some(1_760_000_060))
    );
    assert!(listed
        .info
        .request_id
        .as_deref()
        .unwrap()
        .starts_with("req_Test"));
    assert_eq!(listed.info.request_id, listed.info.body_request_id);
    assert_eq!(listed.info.attempts, 1);
    assert!(listed.info.elapsed_ms >= 0.0);
    let templates = client
        .list_templates(
            PageRequest {
                page: 2,
                page_size: 10,
            },
            &TemplateFilter {
                search: Some("a b".into()),
                ..Default::default()
            },
            &CallOptions::default(),
        )
        .await
        .unwrap();
    assert!(templates.data.templates.is_empty());
    assert_eq!(
        server.requests()[1].query.as_deref(),
        Some("page=2&page_size=10&search=a%20b")
    );
}

#[tokio::test]
async fn error_bodies_map_to_kinds() {
    let server = TestServer::start().await;
    let client = server.client("org-key");
    server.script(Scripted::new(401));
    let error = client.get_profile(PROFILE).await.unwrap_err();
    assert_eq!((error.kind(), error.status()), (ErrorKind::Auth, Some(401)));
    server.script(Scripted::new(403).body("<html>Forbidden</html>"));
    assert_eq!(
        client.get_profile(PROFILE).await.unwrap_err().kind(),
        ErrorKind::Auth
    );
    server.script(Scripted::new(200).body(
        json!({"success": false, "data": null, "error": {"code": "BUSINESS_003", "message": "Insufficient balance"}, "meta": {"request_id": "req_Odd"}}).to_string(),
    ));
    let error = client.get_profile(PROFILE).await.unwrap_err();
    assert_eq!(
        (error.kind(), error.status(), error.request_id()),
        (ErrorKind::Business, Some(200), Some("req_Odd"))
    );
    server.script(Scripted::new(200).body("not json"));
    let error = client.get_profile(PROFILE).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::BadResponse);
    let route = client
        .get_template("x", &CallOptions::default())
        .await
        .unwrap_err();
    assert_eq!(
        (route.kind(), route.code()),
        (ErrorKind::Unknown, Some("NOT_FOUND"))
    );
    assert_eq!(route.to_string(), "Route not found");
}

fn page(ids: &[&str], page: u32, has_more: bool) -> Scripted {
    let profiles: Vec<_> = ids.iter().map(|id| support::profile_json(id, id)).collect();
    Scripted::new(200).body(
        json!({"success": true, "data": {"profiles": profiles,
            "pagination": {"page": page, "page_size": 2, "total_count": 3, "total_pages": 2, "has_more": has_more}},
            "error": null, "meta": {}})
        .to_string(),
    )
}

#[tokio::test]
async fn a_paged_profile_list_is_followed_to_the_end() {
    let server = TestServer::start().await;
    let client = server.client("org-key");
    server.script(page(&["a", "b"], 1, true));
    server.script(page(&["c"], 2, false));
    let listed = client.list_profiles().await.unwrap();
    let ids: Vec<&str> = listed.data.profiles.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["a", "b", "c"]);
    assert!(!listed.data.pagination.unwrap().has_more);
    assert_eq!(
        server.requests()[1].query.as_deref(),
        Some("page=2&page_size=2")
    );

    // A server that ignores `page` repeats page 1: stop, and say the list is truncated.
    server.script(page(&["a", "b"], 1, true));
    server.script(page(&["a", "b"], 1, true));
    let listed = client.list_profiles().await.unwrap();
    assert_eq!(listed.data.profiles.len(), 2);
    assert!(listed.data.pagination.unwrap().has_more);
    assert_eq!(server.requests().len(), 4);
}

#[tokio::test]
async fn a_removed_legacy_profile_api_is_named() {
    let server = TestServer::start().await;
    let client = server.client("org-key");
    server.script(Scripted::error(404, "NOT_FOUND", "Route not found"));
    let error = client.list_profiles().await.unwrap_err();
    assert!(error.to_string().contains("legacy profile API"), "{error}");
    server.script(Scripted::error(
        404,
        "RESOURCE_005",
        "Organization not found",
    ));
    assert_eq!(
        client.list_profiles().await.unwrap_err().to_string(),
        "Organization not found"
    );
}

#[test]
fn bad_base_urls_are_refused() {
    assert!(SentClient::new(ClientConfig::new("api.sent.dm", "k".into())).is_err());
}
